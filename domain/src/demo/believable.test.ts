// The demo organisation as `pnpm start` seeds it (150 people, seed 2026, the well-known accounts
// at their spots) must read like a real company: these tests check DEMO13–DEMO15 on it, on
// several days of the cycle, and on other sizes and seeds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTree } from '../goals/document.ts';
import { projectSnapshot, type GoalRow } from '../goals/projector.ts';
import { generateOrganisation, type FeaturedPerson } from './generate.ts';
import { generateDemoGoals } from './goals.ts';
import { writeDemoGoalLog } from './goals-log.ts';
import { readableIds } from './testing.ts';

const CYCLE = { startsOn: '2026-07-01', endsOn: '2026-12-31' };
/** Days across the active cycle: early, middle, late, and after its end. */
const DAYS = ['2026-08-15', '2026-10-01', '2026-12-07', '2027-01-20'];

/** Where seed.ts places the well-known accounts that own goals (DEMO9). */
const FEATURED: FeaturedPerson[] = [
  { slot: { kind: 'ceo' }, email: 'ceo@example.test', title: 'Chief Executive Officer' },
  {
    slot: { kind: 'team-manager', department: 0, team: 0 },
    email: 'manager@example.test',
    title: 'Engineering Manager',
  },
  {
    slot: { kind: 'team-member', department: 0, team: 0, member: 0 },
    email: 'employee@example.test',
    title: 'Senior Software Engineer',
  },
];

const ids = readableIds;

function demo(today: string, people = 150, seed = 2026) {
  const organisation = generateOrganisation({
    people,
    seed,
    domain: 'example.test',
    today,
    featured: FEATURED,
  });
  const plan = generateDemoGoals(organisation, { seed, today });
  const { doc } = writeDemoGoalLog(plan, ids);
  const rows = projectSnapshot(readTree(doc), {
    cycleId: 'cycle',
    cycle: CYCLE,
    now: new Date(`${today}T00:00:00Z`),
  }).goals;
  doc.destroy();
  return { organisation, plan, rows };
}

/** GOAL11 over the rows: the weighted mean of a goal's counted children's progress. */
function childrenProgress(rows: readonly GoalRow[], goalId: string): number | null {
  let sum = 0;
  let weights = 0;
  for (const row of rows) {
    if (row.parentId !== goalId || row.state === 'dropped' || row.weight === 0) continue;
    if (row.progress === null) continue;
    sum += row.progress * row.weight;
    weights += row.weight;
  }
  return weights === 0 ? null : sum / weights;
}

describe('the demo reads like a real company', () => {
  it.each(DAYS)(
    '[DEMO13] on %s every theme is checked in, not stale, and agrees with its children',
    (today) => {
      const { rows } = demo(today);
      const themes = rows.filter((row) => row.level === 'company');
      expect(themes.length).toBeGreaterThanOrEqual(3);
      for (const theme of themes) {
        expect(theme.stale).toBe(false);
        expect(theme.lastProgressAt).not.toBeNull();
        expect(rows.some((row) => row.parentId === theme.goalId)).toBe(true);
        const expected = childrenProgress(rows, theme.goalId);
        if (expected === null) continue;
        // Within rounding of the theme's metric and the last hours' check-ins below it.
        expect(Math.abs(theme.progress! - expected)).toBeLessThan(0.05);
      }
    },
  );

  it('[DEMO13] themes agree with their children for other sizes and seeds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 400 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (people, seed) => {
          const { rows } = demo('2026-11-22', people, seed);
          for (const theme of rows.filter((row) => row.level === 'company')) {
            expect(theme.stale).toBe(false);
            const expected = childrenProgress(rows, theme.goalId);
            if (expected !== null) expect(Math.abs(theme.progress! - expected)).toBeLessThan(0.05);
          }
        },
      ),
      { numRuns: 10 },
    );
  }, 30_000);

  it.each(DAYS)(
    '[DEMO14] on %s clarity is spread: some red, several yellow, mostly green',
    (today) => {
      const { rows } = demo(today);
      const live = rows.filter((row) => row.state !== 'dropped' && !row.deleted);
      const share = (colour: string) =>
        live.filter((row) => row.clarityColour === colour).length / live.length;
      expect(share('red')).toBeGreaterThanOrEqual(0.05);
      expect(share('yellow')).toBeGreaterThanOrEqual(0.1);
      expect(share('green')).toBeGreaterThanOrEqual(0.6);
      // Some vague goals: no number and no date in sight.
      expect(
        live.some((row) => row.clarity < 50 && row.dueDate === null && !/\d/.test(row.title)),
      ).toBe(true);
      // The leaders' first screen shows department goals (GOAL29): at least one of them needs work.
      const departmentGoals = live.filter(
        (row) => row.level === 'team' && rows.find((r) => r.goalId === row.parentId)?.depth === 0,
      );
      expect(departmentGoals.some((row) => row.clarity < 80)).toBe(true);
    },
  );

  it.each(DAYS)('[DEMO15] on %s the well-known employee owns live goals of their own', (today) => {
    const { organisation, rows } = demo(today);
    const employee = organisation.people.find((p) => p.email === 'employee@example.test')!;
    const own = rows.filter(
      (row) => row.ownerId === ids.person(employee.key) && row.state !== 'dropped',
    );
    expect(own.length).toBeGreaterThan(0);
  });
});
