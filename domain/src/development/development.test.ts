import { describe, expect, it } from 'vitest';
import { replica, syncBoth } from '../ydoc/testing.ts';
import { developmentPlanAccess } from './access.ts';
import { addDevelopmentItem, flagSkillGap, setItemStatus, updateDevelopmentItem } from './edits.ts';
import { findSkill, isSkillName } from './model.ts';
import {
  developmentItems,
  isItemOverdue,
  itemsShownOn,
  openDevelopmentItems,
  planProgress,
  skillGaps,
} from './plan.ts';
import { projectDevelopmentItems, projectSkillGaps } from './projector.ts';
import { proposeDevelopmentItems } from './proposals.ts';
import { validateDevelopmentPlanDocument } from './schema.ts';
import { itemsOf } from './shape.ts';

const employee = 'a0000000-0000-4000-8000-000000000002';
const manager = 'a0000000-0000-4000-8000-000000000001';
const formerManager = 'a0000000-0000-4000-8000-000000000003';
const id = (n: number) => `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function planWithGap() {
  const doc = replica(1);
  flagSkillGap(
    doc,
    id(1),
    {
      skillId: id(50),
      skillName: 'Public speaking',
      note: 'Demos feel rushed',
      raisedOn: '2026-12-07',
    },
    { by: manager, at: '2026-12-07T10:00:00.000Z' },
  );
  return doc;
}

function addItem(
  doc: ReturnType<typeof replica>,
  n: number,
  type: 'experience' | 'social' | 'formal',
  raisedOn = '2026-12-07',
) {
  addDevelopmentItem(
    doc,
    id(n),
    {
      gapId: id(1),
      skillId: id(50),
      skillName: 'Public speaking',
      type,
      title: `Item ${n}`,
      ownerId: employee,
      dueDate: '2027-01-15',
      raisedOn,
    },
    { by: manager, at: `${raisedOn}T10:05:00.000Z` },
  );
}

describe('the organisation’s skills', () => {
  it('[ONE40] finds a skill by name ignoring case and spacing, and checks names', () => {
    const list = [{ id: id(50), name: 'Public speaking' }];
    expect(findSkill(list, '  public   SPEAKING ')?.id).toBe(id(50));
    expect(findSkill(list, 'Negotiation')).toBeUndefined();
    expect(isSkillName('Negotiation')).toBe(true);
    expect(isSkillName(' Negotiation')).toBe(false);
    expect(isSkillName('')).toBe(false);
    expect(isSkillName('x'.repeat(81))).toBe(false);
  });
});

describe('who opens a development plan', () => {
  it('[ONE41] opens to the person and their current manager only', () => {
    const plan = { personId: employee, managerId: manager };
    expect(developmentPlanAccess(employee, plan)).toBe('read-write');
    expect(developmentPlanAccess(manager, plan)).toBe('read-write');
    expect(developmentPlanAccess(formerManager, plan)).toBeNull();
    // The plan follows the person: after a change of manager the former one is out.
    expect(
      developmentPlanAccess(manager, { personId: employee, managerId: formerManager }),
    ).toBeNull();
    expect(developmentPlanAccess(manager, { personId: employee, managerId: null })).toBeNull();
  });
});

describe('70/20/10 proposals', () => {
  it('[ONE43] proposes experience, social and formal, in that order, with titles and due days', () => {
    const proposals = proposeDevelopmentItems('  Public   speaking ', '2026-12-07');
    expect(proposals.map((p) => [p.type, p.share, p.dueDate])).toEqual([
      ['experience', 70, '2027-03-07'],
      ['social', 20, '2027-02-05'],
      ['formal', 10, '2027-01-06'],
    ]);
    for (const proposal of proposals) expect(proposal.title).toContain('Public speaking');
    expect(proposals[0]!.title).toMatch(/stretch/i);
    expect(proposals[1]!.title).toMatch(/mentor|peer/i);
    expect(proposals[2]!.title).toMatch(/course/i);
  });

  it('[ONE43] keeps every title within the item limit whatever the skill’s name', () => {
    for (const p of proposeDevelopmentItems('x'.repeat(80), '2026-12-07')) {
      expect(p.title.length).toBeLessThanOrEqual(200);
    }
    expect(proposeDevelopmentItems('', '2026-12-07')[2]!.title).toBe(
      'Complete a course on this skill',
    );
  });
});

describe('a plan’s gaps and items', () => {
  it('[ONE42] writes documents its own schema accepts', () => {
    const doc = planWithGap();
    addItem(doc, 2, 'experience');
    setItemStatus(doc, id(2), 'done', { by: employee, at: '2026-12-20T09:00:00.000Z' });
    expect(validateDevelopmentPlanDocument(doc)).toEqual([]);
    expect(skillGaps(doc).map((g) => [g.skillName, g.flaggedBy])).toEqual([
      ['Public speaking', manager],
    ]);
  });

  it('[ONE42] refuses unknown roots, a done item without a moment, and over-long notes', () => {
    const doc = planWithGap();
    addItem(doc, 2, 'social');
    doc.getMap('extra').set('x', 1);
    itemsOf(doc).get(id(2))!.set('status', 'done');
    doc
      .getMap('gaps')
      .set(id(3), { ...doc.getMap<object>('gaps').get(id(1))!, note: 'n'.repeat(501) });
    const paths = validateDevelopmentPlanDocument(doc).map((issue) => issue.path);
    expect(paths).toContain('extra');
    expect(paths.some((p) => p.startsWith(`items.${id(2)}`))).toBe(true);
    expect(paths.some((p) => p.startsWith(`gaps.${id(3)}`))).toBe(true);
  });

  it('[ONE45] shows an item from the meeting it was picked in until the meeting it was done in', () => {
    const doc = planWithGap();
    addItem(doc, 2, 'experience', '2026-12-07');
    addItem(doc, 3, 'formal', '2026-12-14');
    const shown = (day: string) => itemsShownOn(doc, day).map((item) => item.id);
    expect(shown('2026-11-30')).toEqual([]);
    expect(shown('2026-12-07')).toEqual([id(2)]);
    expect(shown('2026-12-14')).toEqual([id(2), id(3)]);
    setItemStatus(doc, id(2), 'done', { by: employee, at: '2026-12-21T09:00:00.000Z' });
    expect(shown('2026-12-21')).toEqual([id(2), id(3)]);
    expect(shown('2026-12-28')).toEqual([id(3)]);
    expect(openDevelopmentItems(doc).map((item) => item.id)).toEqual([id(3)]);
    updateDevelopmentItem(doc, id(3), { deleted: true });
    expect(shown('2026-12-28')).toEqual([]);
  });

  it('[ONE45] marks an open item past its due day overdue, never a done one', () => {
    const doc = planWithGap();
    addItem(doc, 2, 'experience');
    const [item] = developmentItems(doc);
    expect(isItemOverdue(item!, '2027-01-15')).toBe(false);
    expect(isItemOverdue(item!, '2027-01-16')).toBe(true);
    expect(isItemOverdue({ ...item!, status: 'done' }, '2027-01-16')).toBe(false);
  });

  it('[ONE45] merges a status change and a due-day change made at once', () => {
    const a = planWithGap();
    addItem(a, 2, 'social');
    const b = replica(2);
    syncBoth(a, b);
    setItemStatus(a, id(2), 'in-progress', { by: employee });
    updateDevelopmentItem(b, id(2), { dueDate: '2027-02-01' });
    syncBoth(a, b);
    for (const doc of [a, b]) {
      expect(developmentItems(doc).map((i) => [i.status, i.dueDate])).toEqual([
        ['in-progress', '2027-02-01'],
      ]);
    }
  });

  it('[ONE48] counts a plan’s items by status', () => {
    expect(
      planProgress([
        { status: 'done' },
        { status: 'in-progress' },
        { status: 'not-started' },
        { status: 'done' },
      ]),
    ).toEqual({ total: 4, notStarted: 1, inProgress: 1, done: 2 });
  });

  it('[ONE46] projects gaps and items without their notes or titles', () => {
    const doc = planWithGap();
    addItem(doc, 2, 'formal');
    updateDevelopmentItem(doc, id(2), { deleted: true });
    expect(projectSkillGaps(doc)).toEqual([
      {
        gapId: id(1),
        skillId: id(50),
        skillName: 'Public speaking',
        flaggedOn: '2026-12-07',
        flaggedBy: manager,
        deleted: false,
      },
    ]);
    const [row] = projectDevelopmentItems(doc);
    expect(row).toEqual({
      itemId: id(2),
      gapId: id(1),
      skillId: id(50),
      type: 'formal',
      status: 'not-started',
      ownerId: employee,
      createdAt: '2026-12-07T10:05:00.000Z',
      dueDate: '2027-01-15',
      doneAt: null,
      deleted: true,
    });
    expect(JSON.stringify(projectDevelopmentItems(doc))).not.toContain('Item 2');
  });
});
