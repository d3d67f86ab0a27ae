import { describe, expect, it } from 'vitest';
import { evaluateNudges } from '../notifications/rules.ts';
import { generateOrganisation } from './generate.ts';
import { generateDemoGoals } from './goals.ts';
import { demoNudgeFacts } from './nudges.ts';
import { generateDemoOneOnOnes } from './one-on-ones.ts';
import { readableIds } from './testing.ts';

const TODAY = '2026-11-22';
const MANAGER = 'manager@example.test';
const EMPLOYEE = 'employee@example.test';

const org = generateOrganisation({
  people: 150,
  seed: 7,
  domain: 'example.test',
  today: TODAY,
  featured: [
    { slot: { kind: 'team-manager', department: 0, team: 0 }, email: MANAGER },
    { slot: { kind: 'team-member', department: 0, team: 0, member: 0 }, email: EMPLOYEE },
  ],
});
const goals = generateDemoGoals(org, { seed: 3, today: TODAY });
const oneOnOnes = generateDemoOneOnOnes(org, {
  seed: 3,
  today: TODAY,
  featured: { managerEmail: MANAGER, employeeEmail: EMPLOYEE },
});
const seriesId = (managerId: string, employeeId: string) => `series ${managerId} ${employeeId}`;
const facts = demoNudgeFacts(org, goals, oneOnOnes, TODAY, {
  person: readableIds.person,
  series: seriesId,
});
const { nudges } = evaluateNudges(facts, new Date(`${TODAY}T06:00:00Z`));
const idOf = (email: string) =>
  readableIds.person(org.people.find((person) => person.email === email)!.key);

describe('the demo’s pending nudges', () => {
  it('[DEMO40] the rules raise a few of each goal and action kind, and no overdue 1:1', () => {
    const kinds = new Map<string, number>();
    for (const nudge of nudges) kinds.set(nudge.kind, (kinds.get(nudge.kind) ?? 0) + 1);
    expect(kinds.get('goal-stale')).toBeGreaterThan(0);
    expect(kinds.get('goal-stale-digest')).toBeGreaterThan(0);
    expect(kinds.get('action-overdue')).toBeGreaterThan(0);
    expect(kinds.get('goal-approval')).toBeGreaterThan(0);
    // DEMO17: every series met on its last cadence day before the seed's day (any it missed
    // were earlier).
    expect(kinds.get('one-on-one-overdue')).toBeUndefined();
  });

  it('[DEMO41] the well-known manager has her overdue action item among her nudges', () => {
    const manager = idOf(MANAGER);
    const hers = nudges.filter((nudge) => nudge.personId === manager);
    expect(hers.map((nudge) => nudge.kind)).toContain('action-overdue');
    const links = hers.filter((nudge) => nudge.kind === 'action-overdue').map((n) => n.link);
    expect(links).toContain(`/one-on-ones/${seriesId(manager, idOf(EMPLOYEE))}`);
  });
});
