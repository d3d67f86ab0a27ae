import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { replicaOf } from '../ydoc/replica.ts';
import { clientUpdate, replica } from '../ydoc/testing.ts';
import { addDevelopmentItem, flagSkillGap, setItemStatus, updateDevelopmentItem } from './edits.ts';
import { gapsOf, itemsOf } from './shape.ts';
import { judgeDevelopmentPlanUpdate, type PlanActor } from './update-check.ts';

const employee = 'a0000000-0000-4000-8000-000000000002';
const manager = 'a0000000-0000-4000-8000-000000000001';
const stranger = 'a0000000-0000-4000-8000-000000000003';
const as = (personId: string): PlanActor => ({
  personId,
  employeeId: employee,
  managerId: manager,
});
const id = (n: number) => `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function livePlan(): Y.Doc {
  const doc = replica(100);
  flagSkillGap(
    doc,
    id(1),
    { skillId: id(50), skillName: 'Negotiation', note: '', raisedOn: '2026-12-07' },
    { by: employee },
  );
  addDevelopmentItem(
    doc,
    id(2),
    {
      gapId: id(1),
      skillId: id(50),
      skillName: 'Negotiation',
      type: 'social',
      title: 'Shadow a senior account manager',
      ownerId: employee,
      dueDate: null,
      raisedOn: '2026-12-07',
    },
    { by: manager },
  );
  return doc;
}

function judge(live: Y.Doc, actor: PlanActor, change: (client: Y.Doc) => void) {
  return judgeDevelopmentPlanUpdate(live, replicaOf(live), clientUpdate(live, 7, change), actor);
}

const newItem = (ownerId: string, gapId: string | null = id(1)) => ({
  gapId,
  skillId: id(50),
  skillName: 'Negotiation',
  type: 'formal' as const,
  title: 'Negotiation course',
  ownerId,
  dueDate: '2027-01-31',
  raisedOn: '2026-12-07',
});

describe('checking updates to a development plan', () => {
  it('[ONE44] accepts either person flagging gaps, adding items and moving their status', () => {
    const live = livePlan();
    expect(
      judge(live, as(manager), (c) =>
        flagSkillGap(
          c,
          id(3),
          { skillId: id(51), skillName: 'SQL', note: 'Reports', raisedOn: '2026-12-07' },
          { by: manager },
        ),
      ),
    ).toEqual({ ok: true });
    expect(
      judge(live, as(employee), (c) =>
        addDevelopmentItem(c, id(4), newItem(manager), { by: employee }),
      ),
    ).toEqual({ ok: true });
    expect(
      judge(live, as(employee), (c) => setItemStatus(c, id(2), 'done', { by: employee })),
    ).toEqual({ ok: true });
    expect(
      judge(live, as(manager), (c) =>
        updateDevelopmentItem(c, id(2), { dueDate: '2027-03-01', title: 'Shadow two' }),
      ),
    ).toEqual({ ok: true });
  });

  it('[ONE44] refuses new entries in someone else’s name', () => {
    const live = livePlan();
    const gap = judge(live, as(employee), (c) =>
      flagSkillGap(
        c,
        id(3),
        { skillId: id(51), skillName: 'SQL', note: '', raisedOn: '2026-12-07' },
        { by: manager },
      ),
    );
    expect(gap).toMatchObject({ ok: false, reason: 'forbidden', refusal: { rule: 'ONE44' } });
    const item = judge(live, as(employee), (c) =>
      addDevelopmentItem(c, id(4), newItem(employee), { by: manager }),
    );
    expect(item).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('[ONE44] refuses an owner who is neither the person nor their current manager', () => {
    const live = livePlan();
    expect(
      judge(live, as(manager), (c) =>
        addDevelopmentItem(c, id(4), newItem(stranger), { by: manager }),
      ),
    ).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(
      judge(live, as(manager), (c) => updateDevelopmentItem(c, id(2), { ownerId: stranger })),
    ).toMatchObject({ ok: false, reason: 'forbidden' });
    // With no manager (a CEO's plan), only the person may own items.
    const ceo: PlanActor = { personId: employee, employeeId: employee, managerId: null };
    expect(
      judge(live, ceo, (c) => updateDevelopmentItem(c, id(2), { ownerId: manager })),
    ).toMatchObject({ ok: false });
  });

  it('[ONE44] lets an item owned by a former manager be moved on after the reporting line changed', () => {
    const live = livePlan();
    addDevelopmentItem(live, id(5), newItem(manager), { by: manager });
    // The employee now reports to someone else: the item stays the former manager's.
    const afterChange: PlanActor = {
      personId: employee,
      employeeId: employee,
      managerId: stranger,
    };
    expect(
      judge(live, afterChange, (c) =>
        setItemStatus(c, id(5), 'done', { by: employee, at: '2026-12-08T09:00:00.000Z' }),
      ),
    ).toEqual({ ok: true });
    // Handing an item to someone is checked as ever: the former manager is no longer one of the two.
    expect(
      judge(live, afterChange, (c) => updateDevelopmentItem(c, id(2), { ownerId: manager })),
    ).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('[ONE44] refuses changing who made an entry, its kind, or removing it', () => {
    const live = livePlan();
    expect(
      judge(live, as(manager), (c) => itemsOf(c).get(id(2))!.set('type', 'formal')),
    ).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(
      judge(live, as(manager), (c) => itemsOf(c).get(id(2))!.set('createdBy', employee)),
    ).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(judge(live, as(manager), (c) => itemsOf(c).delete(id(2)))).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
    expect(
      judge(live, as(manager), (c) =>
        gapsOf(c).set(id(1), { ...gapsOf(c).get(id(1))!, flaggedBy: manager }),
      ),
    ).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(
      judge(live, as(employee), (c) =>
        gapsOf(c).set(id(1), { ...gapsOf(c).get(id(1))!, deleted: true }),
      ),
    ).toEqual({ ok: true });
  });

  it('[ONE44] refuses an item for a gap the plan does not have', () => {
    const live = livePlan();
    expect(
      judge(live, as(manager), (c) =>
        addDevelopmentItem(c, id(4), newItem(employee, id(99)), { by: manager }),
      ),
    ).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(
      judge(live, as(manager), (c) =>
        addDevelopmentItem(c, id(4), newItem(employee, null), { by: manager }),
      ),
    ).toEqual({ ok: true });
  });

  it('[ONE42] refuses what breaks the schema', () => {
    const live = livePlan();
    expect(
      judge(live, as(manager), (c) => itemsOf(c).get(id(2))!.set('status', 'abandoned')),
    ).toMatchObject({ ok: false, reason: 'schema' });
    expect(judge(live, as(manager), (c) => c.getMap('secrets').set('x', 'y'))).toMatchObject({
      ok: false,
      reason: 'schema',
    });
  });
});
