import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTree } from './document.ts';
import {
  addGoal,
  recordProgress,
  setGoalState,
  setMilestoneDone,
  updateGoalFields,
} from './edits.ts';
import type { Metric } from './model.ts';
import { metricProgress, ownProgress, treeProgress } from './progress.ts';
import { replica } from '../ydoc/testing.ts';
import { uuid } from './testing.ts';

const metric = (patch: Partial<Metric>): Metric => ({
  kind: 'number',
  start: 0,
  target: 100,
  current: null,
  unit: null,
  direction: 'increasing',
  milestones: [],
  ...patch,
});
const by = { by: uuid(900), at: '2026-07-01T09:00:00.000Z' };

describe('progress', () => {
  it('[GOAL10] measures an increasing metric as (current − start) / (target − start)', () => {
    expect(metricProgress(metric({ start: 20, target: 120, current: 45 }))).toBe(0.25);
    expect(
      metricProgress(metric({ kind: 'currency', start: 0, target: 2e6, current: 1.5e6 })),
    ).toBe(0.75);
    expect(metricProgress(metric({ kind: 'percent', start: 40, target: 60, current: 60 }))).toBe(1);
  });

  it('[GOAL10] measures a decreasing metric with the same formula', () => {
    // Post-deployment bugs from 40 down to 25: at 31 three fifths of the way is done.
    expect(
      metricProgress(metric({ start: 40, target: 25, current: 31, direction: 'decreasing' })),
    ).toBeCloseTo(0.6);
  });

  it('[GOAL10] clamps progress to 0..1 past either end', () => {
    expect(metricProgress(metric({ start: 10, target: 20, current: 25 }))).toBe(1);
    expect(metricProgress(metric({ start: 10, target: 20, current: 5 }))).toBe(0);
    expect(metricProgress(metric({ start: 40, target: 25, current: 50 }))).toBe(0);
  });

  it('[GOAL10] reads no current value as the baseline, no baseline as 0, no target as unmeasured', () => {
    expect(metricProgress(metric({ start: 10, target: 20, current: null }))).toBe(0);
    expect(metricProgress(metric({ start: null, target: 200, current: 50 }))).toBe(0.25);
    expect(metricProgress(metric({ target: null, current: 50 }))).toBe(null);
  });

  it('[GOAL10] treats a target equal to the baseline as held or not, by direction', () => {
    expect(
      metricProgress(metric({ start: 2, target: 2, current: 1.5, direction: 'decreasing' })),
    ).toBe(1);
    expect(
      metricProgress(metric({ start: 2, target: 2, current: 2.5, direction: 'decreasing' })),
    ).toBe(0);
    expect(metricProgress(metric({ start: 99, target: 99, current: 99.5 }))).toBe(1);
  });

  it('[GOAL10] counts yes/no as 0 or 1 and milestones as done / total', () => {
    expect(metricProgress(metric({ kind: 'yes-no', current: 1 }))).toBe(1);
    expect(metricProgress(metric({ kind: 'yes-no', current: 0 }))).toBe(0);
    expect(metricProgress(metric({ kind: 'yes-no', current: null }))).toBe(0);
    const milestones = [true, false, true, false].map((done, i) => ({
      id: `m${i}`,
      title: '',
      done,
    }));
    expect(metricProgress(metric({ kind: 'milestones', milestones }))).toBe(0.5);
    expect(metricProgress(metric({ kind: 'milestones', milestones: [] }))).toBe(null);
    expect(metricProgress(metric({ kind: 'none' }))).toBe(null);
  });

  it('[GOAL10] always lies in 0..1 for any numeric metric', () => {
    const n = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        n,
        n,
        n,
        fc.constantFrom('increasing', 'decreasing'),
        (start, target, current, direction) => {
          const p = metricProgress(
            metric({ start, target, current, direction: direction as never }),
          );
          expect(p).not.toBeNull();
          expect(p! >= 0 && p! <= 1).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('[GOAL10] gives a done goal without a metric full progress, and keeps a done goal’s measured one', () => {
    expect(ownProgress({ state: 'done', metric: metric({ kind: 'none' }) })).toBe(1);
    expect(
      ownProgress({ state: 'done', metric: metric({ start: 0, target: 10, current: 8 }) }),
    ).toBe(0.8);
  });

  it('[GOAL11] rolls up the weighted mean of the children for a goal without its own metric', () => {
    const doc = replica(1);
    const theme = addGoal(
      doc,
      { title: 'Theme', level: 'company', ownerId: null, parentId: null },
      by,
    );
    const team = addGoal(doc, { title: 'Team', level: 'team', ownerId: null, parentId: theme }, by);
    const a = addGoal(
      doc,
      {
        title: 'a',
        level: 'person',
        ownerId: null,
        parentId: team,
        weight: 3,
        metric: { kind: 'number', start: 0, target: 10 },
      },
      by,
    );
    const b = addGoal(
      doc,
      {
        title: 'b',
        level: 'person',
        ownerId: null,
        parentId: team,
        weight: 1,
        metric: { kind: 'yes-no' },
      },
      by,
    );
    const dropped = addGoal(
      doc,
      { title: 'c', level: 'person', ownerId: null, parentId: team, metric: { kind: 'yes-no' } },
      by,
    );
    const unmeasured = addGoal(
      doc,
      { title: 'd', level: 'person', ownerId: null, parentId: theme },
      by,
    );
    recordProgress(doc, a, 5, by);
    recordProgress(doc, b, 1, by);
    recordProgress(doc, dropped, 1, by);
    setGoalState(doc, dropped, 'dropped', by);

    const { goals, tree } = readTree(doc);
    const progress = treeProgress(goals, tree);
    expect(progress.get(a)).toBe(0.5);
    expect(progress.get(team)).toBeCloseTo((3 * 0.5 + 1 * 1) / 4);
    expect(progress.get(unmeasured)).toBe(null);
    // The theme: its only measured child is the team (the unmeasured goal is left out).
    expect(progress.get(theme)).toBeCloseTo(0.625);
  });

  it('[GOAL11] leaves out children of weight 0, and a goal with no measured child has no progress', () => {
    const doc = replica(1);
    const parent = addGoal(doc, { title: 'P', level: 'team', ownerId: null, parentId: null }, by);
    const child = addGoal(
      doc,
      { title: 'c', level: 'person', ownerId: null, parentId: parent, metric: { kind: 'yes-no' } },
      by,
    );
    updateGoalFields(doc, child, { weight: 0 }, by);
    const { goals, tree } = readTree(doc);
    expect(treeProgress(goals, tree).get(parent)).toBe(null);
  });

  it('[GOAL10] follows milestones ticked in the document', () => {
    const doc = replica(1);
    const id = addGoal(
      doc,
      {
        title: 'Ship',
        level: 'team',
        ownerId: null,
        parentId: null,
        metric: { kind: 'milestones', milestones: ['beta', 'launch', 'migrate'] },
      },
      by,
    );
    const [first] = readTree(doc).goals.get(id)!.metric.milestones;
    setMilestoneDone(doc, id, first!.id, true, by);
    const { goals, tree } = readTree(doc);
    expect(treeProgress(goals, tree).get(id)).toBeCloseTo(1 / 3);
  });
});
