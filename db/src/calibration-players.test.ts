// What the board's player cards read of each person calibrated (CAL42) on a real PostgreSQL:
// goal achievement for the session's cycle from the goal projection, manager, team and
// department, tenure (hire date) and location; only the session's population, one organisation.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createCalibrationSession,
  createOrganisation,
  createPerson,
  createSeries,
} from '../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import { listPlayers } from './calibration-players.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

async function createTeam(
  org: string,
  name: string,
  kind: 'department' | 'team',
  parentId?: string,
) {
  const { rows } = await db.pool.query<{ id: string }>(
    `INSERT INTO teams (organisation_id, name, kind, parent_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [org, name, kind, parentId ?? null],
  );
  return rows[0]!.id;
}

/** A goal as the goal projector writes it to goal_analytics (only what the player card reads). */
async function projectGoal(
  org: string,
  cycleId: string,
  ownerId: string,
  goal: { progress: number | null; state?: string; deleted?: boolean },
) {
  await db.pool.query(
    `INSERT INTO goal_analytics (organisation_id, cycle_id, goal_id, title, level, state, owner_id,
                                 metric_kind, direction, progress, stale, clarity, clarity_colour,
                                 weight, difficulty, tags, deleted)
     VALUES ($1, $2, $3, 'A goal', 'individual', $4, $5, 'percent', 'increase', $6, false, 3,
             'green', 1, 'normal', '{}', $7)`,
    [
      org,
      cycleId,
      randomUUID(),
      goal.state ?? 'active',
      ownerId,
      goal.progress,
      goal.deleted ?? false,
    ],
  );
}

async function setPlace(personId: string, location: string, hireDate: string | null) {
  await db.pool.query('UPDATE people SET location = $2, hire_date = $3 WHERE id = $1', [
    personId,
    location,
    hireDate,
  ]);
}

async function population() {
  const org = (await createOrganisation(db.pool)).id;
  const engineering = await createTeam(org, 'Engineering', 'department');
  const platform = await createTeam(org, 'Platform', 'team', engineering);
  const manager = await createPerson(db.pool, org, {
    name: 'Sofia Hernandez',
    teamId: engineering,
  });
  const kwame = await createPerson(db.pool, org, {
    name: 'Kwame Mensah',
    managerId: manager.id,
    teamId: platform,
  });
  const ana = await createPerson(db.pool, org, { name: 'ana Lopez' });
  const outsider = await createPerson(db.pool, org, {
    name: 'Not Calibrated',
    managerId: manager.id,
  });
  const facilitator = await createPerson(db.pool, org, { role: 'admin' });
  const session = await createCalibrationSession(db.pool, org, {
    status: 'in_session',
    participants: [{ personId: facilitator.id, role: 'facilitator' }],
    population: [kwame.id, ana.id, manager.id],
  });
  return { org, session, manager, kwame, ana, outsider };
}

describe('listPlayers', () => {
  it('[CAL42] reads manager, team, department, location and hire date of each person calibrated', async () => {
    const { org, session, manager, kwame, ana } = await population();
    await setPlace(kwame.id, 'remote', '2021-03-15');
    await setPlace(ana.id, 'hybrid', null);

    const players = await listPlayers(db.pool, org, session.id, session.cycleId);

    // Only the population, by name whatever the case; the outsider is not read.
    expect(players.map((p) => p.name)).toEqual(['ana Lopez', 'Kwame Mensah', 'Sofia Hernandez']);
    const byId = new Map(players.map((p) => [p.id, p]));
    expect(byId.get(kwame.id)).toMatchObject({
      managerId: manager.id,
      managerName: 'Sofia Hernandez',
      teamName: 'Platform',
      departmentName: 'Engineering',
      location: 'remote',
      hireDate: '2021-03-15',
    });
    // A person in a department directly: the department is their team's own name.
    expect(byId.get(manager.id)).toMatchObject({
      managerId: null,
      managerName: null,
      teamName: 'Engineering',
      departmentName: 'Engineering',
    });
    // No team, no hire date: nulls the card shows as unknown, not errors.
    expect(byId.get(ana.id)).toMatchObject({
      teamName: null,
      departmentName: null,
      location: 'hybrid',
      hireDate: null,
    });
  });

  it("[CAL42] goal achievement is the mean progress, capped to 0–100 %, of the cycle's active and done goals", async () => {
    const { org, session, kwame, ana, manager } = await population();
    await projectGoal(org, session.cycleId, kwame.id, { progress: 0.5 });
    await projectGoal(org, session.cycleId, kwame.id, { progress: 1.4, state: 'done' }); // → 1
    await projectGoal(org, session.cycleId, kwame.id, { progress: -0.3 }); // → 0
    // Not counted: a draft, a goal without progress, a deleted goal, another person's goal.
    await projectGoal(org, session.cycleId, kwame.id, { progress: 0.9, state: 'draft' });
    await projectGoal(org, session.cycleId, kwame.id, { progress: null });
    await projectGoal(org, session.cycleId, kwame.id, { progress: 0.1, deleted: true });
    await projectGoal(org, session.cycleId, manager.id, { progress: 0.2 });
    // Nor a goal of another cycle.
    const other = await createCalibrationSession(db.pool, org, { population: [kwame.id] });
    await projectGoal(org, other.cycleId, kwame.id, { progress: 0 });

    const players = await listPlayers(db.pool, org, session.id, session.cycleId);
    const byId = new Map(players.map((p) => [p.id, p]));

    expect(byId.get(kwame.id)!.goalCount).toBe(3);
    expect(byId.get(kwame.id)!.goalAchievement).toBeCloseTo(0.5, 10);
    expect(byId.get(manager.id)).toMatchObject({ goalCount: 1, goalAchievement: 0.2 });
    expect(byId.get(ana.id)).toMatchObject({ goalCount: 0, goalAchievement: null });
  });

  it("[CAL42] another organisation's session reads nobody", async () => {
    const { session } = await population();
    const stranger = (await createOrganisation(db.pool, 'Other')).id;
    expect(await listPlayers(db.pool, stranger, session.id, session.cycleId)).toEqual([]);
  });

  it('[CAL59] [CAL60] check-in regularity from the projected 1:1s, development-plan progress', async () => {
    const { org, session, manager, kwame, ana } = await population();
    await db.pool.query('UPDATE people SET job_level = $2 WHERE id = $1', [kwame.id, 'IC3']);
    // Weekly from Monday 2026-11-02: by 2026-12-07, five Mondays were due (11-02 … 11-30).
    const series = await createSeries(db.pool, org, manager.id, kwame.id);
    for (const [day, cancelled] of [
      ['2026-11-02', false],
      ['2026-11-09', false],
      ['2026-11-16', true],
      ['2026-11-23', false],
      ['2026-12-07', false], // today's, not held yet
    ] as const) {
      await db.pool.query(
        `INSERT INTO one_on_one_meeting_analytics (organisation_id, series_id, meeting_id, date,
                                                   cancelled, points, points_done, actions_raised)
         VALUES ($1, $2, $3::text, $3::date, $4, 2, 1, 0)`,
        [org, series, day, cancelled],
      );
    }
    // Kwame's plan: three items, one done (as the plans' projector writes them).
    for (const status of ['done', 'in-progress', 'not-started']) {
      await db.pool.query(
        `INSERT INTO development_items (organisation_id, id, person_id, type, status, created_at)
         VALUES ($1, $2, $3, 'formal', $4, now())`,
        [org, randomUUID(), kwame.id, status],
      );
    }
    const players = await listPlayers(db.pool, org, session.id, session.cycleId, '2026-12-07');
    const byId = new Map(players.map((p) => [p.id, p]));
    expect(byId.get(kwame.id)).toMatchObject({
      jobLevel: 'IC3',
      checkIns: { kept: 3, due: 5 },
      developmentPlan: { done: 1, total: 3 },
    });
    // No series and no plan: no data, not 0 %.
    expect(byId.get(ana.id)).toMatchObject({ checkIns: null, developmentPlan: null });
  });
});
