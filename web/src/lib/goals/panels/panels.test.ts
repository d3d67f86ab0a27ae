import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readTree } from '@threadline/domain/goals/document';
import { approveGoal, recordProgress } from '@threadline/domain/goals/edits';
import type { CheckIn } from '@threadline/domain/goals/model';
import { AUTHOR, treeDoc, uuid } from '@threadline/domain/goals/testing';
import { Directory } from '../org-directory.ts';
import { gapGroups } from './gap-list.ts';
import { formatDay, formatValue } from './history-format.ts';
import { lineOfSight } from './line-of-sight.ts';
import { snapshotContext, type PanelContext } from './panel-context.ts';
import { sparkline } from './sparkline.ts';
import { staleGoals, staleGroups } from './stale-list.ts';
import { readStateAt } from './tree-at.ts';

const CYCLE = { startsOn: '2026-07-01', endsOn: '2026-12-31' };
const NOW = new Date('2026-10-01T00:00:00Z');
const SALES = uuid(500);
const ENG = uuid(501);
const GONE = uuid(7);

const directory = new Directory({
  people: [
    {
      id: AUTHOR,
      name: 'Maya Okafor',
      managerId: null,
      teamId: null,
      status: 'active',
      role: 'admin',
    },
    {
      id: uuid(8),
      name: 'Kwame Mensah',
      managerId: AUTHOR,
      teamId: ENG,
      status: 'active',
      role: 'member',
    },
    {
      id: GONE,
      name: 'Omar Haddad',
      managerId: AUTHOR,
      teamId: SALES,
      status: 'deactivated',
      role: 'member',
    },
  ],
  teams: [
    { id: uuid(499), name: 'Engineering', kind: 'department', parentId: null },
    { id: SALES, name: 'Sales', kind: 'team', parentId: uuid(499) },
    { id: ENG, name: 'Platform', kind: 'team', parentId: uuid(499) },
  ],
});

function context(doc: Y.Doc, now = NOW): PanelContext {
  return snapshotContext(readTree(doc), { directory, cycle: CYCLE, now });
}

/** Theme 1 → team goal 2 (Platform) → personal goals 3 (Kwame) and 4 (Omar, who left); 5 alone. */
function sampleDoc() {
  const doc = treeDoc([
    [1, null, 'Grow revenue'],
    [
      2,
      1,
      'Platform: cut p95 to 300 ms',
      { level: 'team', teamId: ENG, state: 'active', metric: { kind: 'none' } },
    ],
    [
      3,
      2,
      'Cache account lookups',
      {
        ownerId: uuid(8),
        teamId: ENG,
        state: 'proposed',
        metric: { kind: 'number', start: 0, target: 10 },
      },
    ],
    [
      4,
      2,
      'Profile slow endpoints',
      {
        ownerId: GONE,
        teamId: ENG,
        state: 'proposed',
        metric: { kind: 'number', start: 0, target: 4 },
      },
    ],
    [
      5,
      null,
      'Improve communication',
      { level: 'person', ownerId: uuid(8), teamId: ENG, state: 'proposed' },
    ],
  ]);
  approveGoal(doc, uuid(3), { by: AUTHOR, at: '2026-07-05T00:00:00.000Z' });
  approveGoal(doc, uuid(4), { by: AUTHOR, at: '2026-07-05T00:00:00.000Z' });
  recordProgress(doc, uuid(3), 5, { by: uuid(8), at: '2026-09-25T00:00:00.000Z' });
  recordProgress(doc, uuid(4), 1, { by: GONE, at: '2026-08-01T00:00:00.000Z' });
  return doc;
}

describe('line of sight', () => {
  it('runs from the root theme down to the goal, with what is aligned beneath', () => {
    const sight = lineOfSight(context(sampleDoc()), uuid(3))!;
    expect(sight.path.map((step) => step.title)).toEqual([
      'Grow revenue',
      'Platform: cut p95 to 300 ms',
      'Cache account lookups',
    ]);
    expect(sight.path[2]).toMatchObject({ ownerName: 'Kwame Mensah', progress: 0.5 });
    expect(sight.beneath.total).toBe(0);
  });

  it('counts the goals beneath by level, health and staleness, with their mean progress', () => {
    const { beneath } = lineOfSight(context(sampleDoc()), uuid(1))!;
    expect(beneath.children.map((child) => child.id)).toEqual([uuid(2)]);
    expect(beneath.total).toBe(3);
    expect(beneath.byLevel).toEqual({ company: 0, team: 1, person: 2 });
    // Goal 4 last checked in on 1 Aug: stale by 1 Oct (GOAL13).
    expect(beneath.stale).toBe(1);
    // 3 is at 0.5, 4 at 0.25, 2 rolls them up to 0.375.
    expect(beneath.meanProgress).toBeCloseTo((0.5 + 0.25 + 0.375) / 3);
    expect(Object.values(beneath.byHealth).reduce((a, b) => a + b)).toBe(3);
  });

  it('is null for a goal the tree does not show', () => {
    expect(lineOfSight(context(sampleDoc()), uuid(42))).toBeNull();
  });
});

describe('alignment gaps panel', () => {
  it('[GOAL15] groups the domain’s gaps by kind, with names to act on', () => {
    const groups = gapGroups(context(sampleDoc()));
    expect(groups.map((group) => [group.kind, group.rows.map((row) => row.title)])).toEqual([
      ['no-parent', ['Improve communication']],
      ['owner-left', ['Profile slow endpoints']],
      ['team-without-goal', ['Sales']],
    ]);
    const [noParent, ownerLeft, teamless] = groups;
    expect(noParent!.rows[0]).toMatchObject({ goalId: uuid(5), context: 'Kwame Mensah' });
    expect(ownerLeft!.rows[0]).toMatchObject({ goalId: uuid(4), context: 'Omar Haddad' });
    expect(teamless!.rows[0]).toMatchObject({ goalId: null, context: 'Engineering' });
  });
});

describe('staleness view', () => {
  it('[GOAL13] lists goals without an update for 14 days, oldest first, with the days', () => {
    const stale = staleGoals(context(sampleDoc(), new Date('2026-10-20T00:00:00Z')));
    expect(stale.map((goal) => [goal.title, goal.days])).toEqual([
      ['Profile slow endpoints', 80],
      ['Cache account lookups', 25],
    ]);
  });

  it('[GOAL13] groups them by owner or by team', () => {
    const ctx = context(sampleDoc(), new Date('2026-10-20T00:00:00Z'));
    expect(staleGroups(ctx, 'owner').map((g) => [g.label, g.goals.length])).toEqual([
      ['Omar Haddad', 1],
      ['Kwame Mensah', 1],
    ]);
    expect(staleGroups(ctx, 'team').map((g) => [g.label, g.goals.length])).toEqual([
      ['Platform', 2],
    ]);
  });
});

describe('history values and sparkline', () => {
  it('formats values the way people read them', () => {
    const money = { kind: 'currency' as const, unit: 'EUR' };
    expect(formatValue('target', 1_200_000, money)).toBe('€1,200,000');
    expect(formatValue('target', 14.5, money)).toBe('€14.50');
    expect(formatValue('current', 42, { kind: 'percent', unit: '%' })).toBe('42%');
    expect(formatValue('current', 12, { kind: 'number', unit: 'ms' })).toBe('12 ms');
    expect(formatValue('state', 'proposed', money)).toBe('Proposed');
    expect(formatValue('due-date', '2026-12-31', money)).toBe(formatDay('2026-12-31'));
    expect(formatValue('milestone', true, money)).toBe('Done');
    expect(formatValue('owner', null, money)).toBe('—');
  });

  it('draws progress over the cycle from the check-ins', () => {
    const checkIns: CheckIn[] = [
      { id: 'a', value: 5, progress: 0.5, at: '2026-10-01T00:00:00Z', by: AUTHOR },
      { id: 'b', value: 2, progress: 0.2, at: '2026-08-01T00:00:00Z', by: AUTHOR },
    ];
    const line = sparkline(checkIns, { width: 184, height: 40 }, CYCLE)!;
    // Start at zero on the first day, then the check-ins in time order.
    expect(line.path).toBe('M0 40 L31 32 L92 20');
    expect(line.last).toEqual({ x: 92, y: 20 });
    expect(sparkline([], { width: 100, height: 20 }, CYCLE)).toBeNull();
  });
});

describe('tree as of a date', () => {
  it('[GOAL25] reads a state sent by the server with the usual readers; no content: no tree yet', () => {
    const doc = sampleDoc();
    const snapshot = readStateAt(Y.encodeStateAsUpdate(doc))!;
    expect(snapshot.tree.roots).toEqual(readTree(doc).tree.roots);
    expect(snapshot.goals.size).toBe(5);
    expect(readStateAt(null)).toBeNull();
    expect(readStateAt(new Uint8Array())).toBeNull();
  });
});
