import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGoal, approveGoal, deleteGoal, recordProgress, setMilestoneDone } from './edits.ts';
import { readGoal } from './document.ts';
import { projectGoalTree } from './projector.ts';
import { replica } from '../ydoc/testing.ts';
import { uuid } from './testing.ts';

const owner = uuid(501);
const manager = uuid(502);
const team = uuid(600);
const cycleId = uuid(700);
const cycle = { startsOn: '2026-07-01', endsOn: '2026-12-31' };
const at = (day: string) => ({ by: owner, at: `${day}T09:00:00.000Z` });

function workshop() {
  const doc = replica(1);
  const theme = addGoal(
    doc,
    { title: 'Revenue growth', level: 'company', ownerId: manager, parentId: null },
    at('2026-07-01'),
  );
  const teamGoal = addGoal(
    doc,
    {
      title: 'Reach 50 paying customers',
      level: 'team',
      ownerId: manager,
      teamId: team,
      parentId: theme,
      metric: { kind: 'number', start: 10, target: 50, unit: 'customers' },
      dueDate: '2026-12-31',
    },
    at('2026-07-01'),
  );
  const launch = addGoal(
    doc,
    {
      title: 'Launch the partner portal',
      level: 'person',
      ownerId: owner,
      teamId: team,
      parentId: teamGoal,
      metric: { kind: 'milestones', milestones: ['beta', 'launch'] },
    },
    at('2026-07-01'),
  );
  approveGoal(doc, teamGoal, { by: manager, at: '2026-07-02T09:00:00.000Z' });
  recordProgress(doc, teamGoal, 20, at('2026-07-10'));
  recordProgress(doc, teamGoal, 30, at('2026-08-01'));
  const [beta] = readGoal(doc, launch)!.metric.milestones;
  setMilestoneDone(doc, launch, beta!.id, true, at('2026-08-03'));
  const gone = addGoal(
    doc,
    { title: 'Old idea', level: 'person', ownerId: owner, parentId: theme },
    at('2026-07-01'),
  );
  deleteGoal(doc, gone, at('2026-07-03'));
  return { doc, theme, teamGoal, launch, gone };
}

describe('goal-tree projector', () => {
  it('[GOAL19] writes one row per goal with its place in the tree and computed progress, health, staleness and clarity', () => {
    const { doc, theme, teamGoal, launch, gone } = workshop();
    const now = new Date('2026-09-30T12:00:00Z');
    const { goals } = projectGoalTree(doc, { cycleId, cycle, now });
    const rows = new Map(goals.map((row) => [row.goalId, row]));
    expect(goals).toHaveLength(4);

    expect(rows.get(teamGoal)).toMatchObject({
      cycleId,
      parentId: theme,
      depth: 1,
      level: 'team',
      state: 'active',
      ownerId: manager,
      teamId: team,
      metricKind: 'number',
      metricStart: 10,
      metricTarget: 50,
      metricCurrent: 30,
      metricUnit: 'customers',
      direction: 'increasing',
      progress: 0.5,
      // About 50% of the time has passed (2026-07-01 … 2026-12-31): on pace.
      health: 'green',
      // The last check-in was 2026-08-01, more than 14 days before now.
      stale: true,
      lastProgressAt: '2026-08-01T09:00:00.000Z',
      approvedBy: manager,
      deleted: false,
    });
    expect(rows.get(launch)).toMatchObject({
      parentId: teamGoal,
      depth: 2,
      metricCurrent: 1,
      progress: 0.5,
      stale: false,
    });
    // The theme has no metric: it rolls up its one child.
    expect(rows.get(theme)).toMatchObject({
      parentId: null,
      depth: 0,
      progress: 0.5,
      metricKind: 'none',
      stale: false,
    });
    expect(rows.get(gone)).toMatchObject({
      deleted: true,
      parentId: null,
      depth: null,
      health: null,
      stale: false,
    });

    expect(rows.get(teamGoal)!.clarity).toBe(100);
    expect(rows.get(teamGoal)!.clarityColour).toBe('green');
    // Milestones (25) + baseline (15) + owner (10) + aligned (15) + specific title (15), no due date.
    expect(rows.get(launch)!.clarity).toBe(80);
  });

  it('[GOAL20] emits one goal-progress event per recorded check-in, with who and when', () => {
    const { doc, teamGoal, launch } = workshop();
    const { progressEvents } = projectGoalTree(doc, {
      cycleId,
      cycle,
      now: new Date('2026-09-30'),
    });
    expect(progressEvents.map(({ eventId: _, ...event }) => event)).toEqual(
      expect.arrayContaining([
        {
          goalId: teamGoal,
          cycleId,
          value: 20,
          progress: 0.25,
          at: '2026-07-10T09:00:00.000Z',
          by: owner,
        },
        {
          goalId: teamGoal,
          cycleId,
          value: 30,
          progress: 0.5,
          at: '2026-08-01T09:00:00.000Z',
          by: owner,
        },
        {
          goalId: launch,
          cycleId,
          value: 1,
          progress: 0.5,
          at: '2026-08-03T09:00:00.000Z',
          by: owner,
        },
      ]),
    );
    expect(progressEvents).toHaveLength(3);
    expect(new Set(progressEvents.map((e) => e.eventId)).size).toBe(3);
  });

  it('[GOAL19] [GOAL20] gives the same rows from any replica with the same content', () => {
    const { doc } = workshop();
    const context = { cycleId, cycle, now: new Date('2026-09-30') };
    // A replica rebuilt from the document's bytes projects exactly the same rows.
    const copy = replica(2);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(projectGoalTree(copy, context)).toEqual(projectGoalTree(doc, context));
  });
});
