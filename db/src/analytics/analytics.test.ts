// The dashboards' queries on a real PostgreSQL, with each role (ANA1–ANA8, ANA11–ANA24): what each
// person's scope lets through, and the k ≥ 5 rule applied in SQL. An organisation of a CEO, an HR
// admin, a manager with six reports in Platform (under Engineering), and a Sales lead with one
// report; goals, 1:1s, moods and a calibration session as the projectors would write them.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFilters } from '@threadline/domain/analytics/filters';
import {
  createCalibrationSession,
  createOrganisation,
  createPerson,
  createSeries,
} from '../../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';
import { calibrationDashboard } from './calibration.ts';
import { goalsDashboard } from './goals.ts';
import { oneOnOnesDashboard } from './one-on-ones.ts';
import { loadAnalyticsContext } from './scope.ts';

let db: TestDatabase;
let org: string;
let cycleId: string;
// Ids by the tests' names for them (always set in beforeAll).
const people: { [name: string]: string } = {};
const teams: { [name: string]: string } = {};
const goals: { [name: string]: string } = {};
let sessionId: string;
const TODAY = '2026-12-07';

async function team(name: string, kind: 'department' | 'team', parent?: string) {
  const { rows } = await db.pool.query<{ id: string }>(
    `INSERT INTO teams (organisation_id, name, kind, parent_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [org, name, kind, parent ?? null],
  );
  return rows[0]!.id;
}

async function goal(
  key: string,
  fields: {
    owner: string;
    parent?: string;
    level?: string;
    team?: string;
    health?: string | null;
    stale?: boolean;
    state?: string;
  },
) {
  const { rows } = await db.pool.query<{ id: string }>(
    `INSERT INTO goal_analytics (organisation_id, cycle_id, goal_id, parent_id, title, level, state,
                                 owner_id, team_id, metric_kind, direction, progress, health,
                                 stale, clarity, clarity_colour, weight, difficulty, tags, deleted,
                                 created_at)
     VALUES ($1, $2, gen_random_uuid(), $3, $4, $5, $6, $7, $8, 'percent', 'increasing', 0.5, $9,
             $10, 80, 'green', 1, 'medium', '{}', false, '2026-10-01')
     RETURNING goal_id AS id`,
    [
      org,
      cycleId,
      fields.parent ?? null,
      `Goal ${key}`,
      fields.level ?? 'person',
      fields.state ?? 'active',
      fields.owner,
      fields.team ?? null,
      fields.health === undefined ? 'green' : fields.health,
      fields.stale ?? false,
    ],
  );
  goals[key] = rows[0]!.id;
  return rows[0]!.id;
}

async function meeting(seriesId: string, date: string, mood?: { employee: string; value: number }) {
  await db.pool.query(
    `INSERT INTO one_on_one_meeting_analytics (organisation_id, series_id, meeting_id, date,
                                               cancelled, points, points_done, actions_raised)
     VALUES ($1, $2, $3, $4, false, 3, 2, 0)`,
    [org, seriesId, `m-${date}`, date],
  );
  if (mood) {
    await db.pool.query(
      `INSERT INTO one_on_one_mood_analytics (organisation_id, series_id, meeting_id, employee_id,
                                              value, at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [org, seriesId, `m-${date}`, mood.employee, mood.value, `${date}T10:00:00Z`],
    );
  }
}

beforeAll(async () => {
  db = await useTestDatabase();
  org = (await createOrganisation(db.pool)).id;
  teams.engineering = await team('Engineering', 'department');
  teams.platform = await team('Platform', 'team', teams.engineering);
  teams.sales = await team('Sales', 'department');
  teams.people = await team('People Ops', 'department');
  people.ceo = (await createPerson(db.pool, org, { name: 'Chief Exec' })).id;
  people.admin = (
    await createPerson(db.pool, org, {
      name: 'Hr Admin',
      role: 'admin',
      managerId: people.ceo,
      teamId: teams.people,
    })
  ).id;
  people.manager = (
    await createPerson(db.pool, org, {
      name: 'Platform Manager',
      managerId: people.ceo,
      teamId: teams.platform,
    })
  ).id;
  for (let i = 1; i <= 6; i++) {
    people[`r${i}`] = (
      await createPerson(db.pool, org, {
        name: `Report ${i}`,
        managerId: people.manager,
        teamId: teams.platform,
      })
    ).id;
  }
  people.lead = (
    await createPerson(db.pool, org, {
      name: 'Sales Lead',
      managerId: people.ceo,
      teamId: teams.sales,
    })
  ).id;
  people.rep = (
    await createPerson(db.pool, org, {
      name: 'Sales Rep',
      managerId: people.lead,
      teamId: teams.sales,
    })
  ).id;
  const { rows } = await db.pool.query<{ id: string }>(
    `INSERT INTO cycles (organisation_id, name, starts_on, ends_on, status)
     VALUES ($1, '2026 H2', '2026-07-01', '2026-12-31', 'active') RETURNING id`,
    [org],
  );
  cycleId = rows[0]!.id;

  await goal('theme', { owner: people.ceo, level: 'company' });
  await goal('platform', {
    owner: people.manager,
    parent: goals.theme,
    level: 'team',
    team: teams.platform,
  });
  await goal('r1', { owner: people.r1!, parent: goals.platform, health: 'red', stale: true });
  await goal('r2', { owner: people.r2!, health: 'yellow' });
  await goal('sales', {
    owner: people.lead,
    parent: goals.theme,
    level: 'team',
    team: teams.sales,
  });
  await goal('rep', { owner: people.rep, health: 'red', stale: true });

  // 1:1s: the manager with each report, the CEO with the manager and the lead, the lead with the rep.
  const series: Record<string, string> = {};
  for (let i = 1; i <= 6; i++) {
    series[`r${i}`] = await createSeries(db.pool, org, people.manager, people[`r${i}`]!);
  }
  series.manager = await createSeries(db.pool, org, people.ceo, people.manager);
  series.rep = await createSeries(db.pool, org, people.lead, people.rep);
  // Week of 2026-11-23: five reports give a mood (1…5) and the rep gives 4.
  for (let i = 1; i <= 5; i++) {
    await meeting(series[`r${i}`]!, '2026-11-23', { employee: people[`r${i}`]!, value: i });
  }
  await meeting(series.rep, '2026-11-24', { employee: people.rep, value: 4 });
  // Week of 2026-11-30: only four reports do, and the manager with the CEO.
  for (let i = 1; i <= 4; i++) {
    await meeting(series[`r${i}`]!, '2026-11-30', { employee: people[`r${i}`]!, value: 5 });
  }
  await meeting(series.manager, '2026-12-01', { employee: people.manager, value: 2 });
  await db.pool.query(
    `INSERT INTO one_on_one_action_analytics (organisation_id, series_id, action_id, owner_id,
                                              due_date, raised_on, done, overdue, times_carried,
                                              deleted)
     VALUES ($1, $2, gen_random_uuid(), $3, '2026-12-01', '2026-11-23', false, true, 1, false),
            ($1, $4, gen_random_uuid(), $5, '2026-12-20', '2026-11-24', false, false, 0, false)`,
    [org, series.r1, people.r1, series.rep, people.rep],
  );

  // Calibration: the Sales lead leads a session on the Platform reports; the admin facilitates.
  const session = await createCalibrationSession(db.pool, org, {
    status: 'in_session',
    participants: [
      { personId: people.lead, role: 'leader' },
      { personId: people.admin, role: 'facilitator' },
    ],
    population: [1, 2, 3, 4, 5, 6].map((i) => people[`r${i}`]!),
  });
  sessionId = session.id;
  const cards = [
    [3, 4],
    [3, 3],
    [5, 5],
    [2, 1],
    [4, 4],
    [3, 3],
  ];
  for (const [i, [original, current]] of cards.entries()) {
    await db.pool.query(
      `INSERT INTO calibration_cards (organisation_id, session_id, person_id, original_rating,
                                      original_potential, current_rating, current_potential)
       VALUES ($1, $2, $3, $4, 'medium', $5, 'medium')`,
      [org, sessionId, people[`r${i + 1}`], original, current],
    );
  }
  // r3 (rated 5) has goal achievement 0.5 in the session's cycle: a conflict (ANA23).
  await db.pool.query(
    `INSERT INTO goal_analytics (organisation_id, cycle_id, goal_id, title, level, state, owner_id,
                                 metric_kind, direction, progress, stale, clarity, clarity_colour,
                                 weight, difficulty, tags, deleted)
     VALUES ($1, $2, gen_random_uuid(), 'Half done', 'person', 'active', $3, 'percent',
             'increasing', 0.5, false, 80, 'green', 1, 'medium', '{}', false)`,
    [org, session.cycleId, people.r3],
  );
  await db.pool.query(
    `INSERT INTO published_ratings (organisation_id, cycle_id, person_id, session_id, rating,
                                    rating_label, performance, potential, box)
     VALUES ($1, $2, $3, $4, 4, 'Exceeds', 'high', 'medium', 8)`,
    [org, session.cycleId, people.r2, sessionId],
  );
});

async function contextOf(person: string, query: Record<string, string> = {}) {
  const filters = parseFilters(
    new URLSearchParams({ from: '2026-11-01', to: TODAY, ...query }),
    TODAY,
  );
  const ctx = await loadAnalyticsContext(db.pool, org, people[person]!, filters, TODAY);
  if (!ctx) throw new Error('no context');
  return ctx;
}

const names = (value: unknown) => JSON.stringify(value);

describe('analytics scope in the queries', () => {
  it('[ANA1] the HR admin and the CEO see the whole organisation', async () => {
    for (const person of ['admin', 'ceo']) {
      const ctx = await contextOf(person);
      expect(ctx.scope).toEqual({ kind: 'organisation' });
      expect(ctx.people).toBeNull();
      expect(ctx.filters.cycleId).toBe(cycleId);
      const dashboard = await goalsDashboard(db.pool, ctx);
      expect(dashboard.byTeam.map((row) => row.label)).toEqual(['Engineering', 'Sales', 'No team']);
      expect(dashboard.stale.total).toBe(2);
    }
  });

  it('[ANA2] a manager sees their reporting tree and nothing outside it', async () => {
    const ctx = await contextOf('manager');
    expect(ctx.scope).toEqual({ kind: 'tree', managerId: people.manager });
    expect(new Set(ctx.people)).toEqual(
      new Set([people.manager, ...[1, 2, 3, 4, 5, 6].map((i) => people[`r${i}`])]),
    );
    const goalsView = await goalsDashboard(db.pool, ctx);
    expect(goalsView.stale.goals.map((g) => g.goalId)).toEqual([goals.r1]);
    expect(names(goalsView)).not.toContain('Sales');
    expect(names(goalsView)).not.toContain(goals.rep);
    const oneOnOnes = await oneOnOnesDashboard(db.pool, ctx);
    // Their own series with the CEO is not theirs to analyse.
    expect(oneOnOnes.series).toBe(6);
    expect(oneOnOnes.byManager.map((row) => row.group)).toEqual(['Platform Manager']);
    expect(names(oneOnOnes)).not.toContain('Chief Exec');
    expect(names(oneOnOnes)).not.toContain('Sales');
    expect(oneOnOnes.actions.overdue).toBe(1);
  });

  it('[ANA3] an employee sees a personal page of their own goals, 1:1s and ratings', async () => {
    const ctx = await contextOf('r2');
    expect(ctx.scope).toEqual({ kind: 'personal', personId: people.r2 });
    const goalsView = await goalsDashboard(db.pool, ctx);
    expect(goalsView.mine?.map((g) => g.goalId)).toEqual([goals.r2]);
    expect(goalsView.byTeam).toEqual([
      { label: 'Engineering', counts: { green: 0, yellow: 1, red: 0, stale: 0, unmeasured: 0 } },
    ]);
    const oneOnOnes = await oneOnOnesDashboard(db.pool, ctx);
    expect(oneOnOnes.mine).toEqual([
      expect.objectContaining({ managerName: 'Platform Manager', cadence: 'weekly', meetings: 2 }),
    ]);
    // ANA8: not even one's own mood.
    expect(oneOnOnes.mood).toEqual([]);
    const calibration = await calibrationDashboard(db.pool, ctx);
    expect(calibration.sessions).toEqual([]);
    expect(calibration.overCycles).toBeNull();
    expect(calibration.mine).toEqual([expect.objectContaining({ rating: 4, box: 8 })]);
  });

  it('[ANA6] a team filter narrows the scope and never widens it', async () => {
    const platform = await contextOf('admin', { team: teams.platform! });
    expect(new Set(platform.people)).toEqual(
      new Set([people.manager, ...[1, 2, 3, 4, 5, 6].map((i) => people[`r${i}`])]),
    );
    const view = await goalsDashboard(db.pool, platform);
    expect(view.byTeam.map((row) => row.label)).toEqual(['Platform']);
    const outside = await contextOf('manager', { team: teams.sales! });
    expect(outside.people).toEqual([]);
    expect((await goalsDashboard(db.pool, outside)).goals).toBe(0);
    expect((await oneOnOnesDashboard(db.pool, outside)).series).toBe(0);
  });
});

describe('group aggregates', () => {
  it('[ANA7] [ANA8] a weekly mood median only for five people or more, the rule in SQL', async () => {
    const { mood } = await oneOnOnesDashboard(db.pool, await contextOf('admin'));
    const at = (week: string, group: string) =>
      mood.find((point) => point.week === week && point.group === group);
    expect(at('2026-11-23', 'Engineering')).toEqual({
      week: '2026-11-23',
      group: 'Engineering',
      people: 5,
      median: 3,
    });
    // The four reports (5) and their manager (2).
    expect(at('2026-11-30', 'Engineering')).toEqual({
      week: '2026-11-30',
      group: 'Engineering',
      people: 5,
      median: 5,
    });
    // One person: the count, and no value.
    expect(at('2026-11-23', 'Sales')).toEqual({
      week: '2026-11-23',
      group: 'Sales',
      people: 1,
      median: null,
    });
    expect(at('2026-11-23', 'Everyone')).toEqual({
      week: '2026-11-23',
      group: 'Everyone',
      people: 6,
      median: 3.5,
    });
  });

  it('[ANA7] a manager’s own mood never joins their reports’ group', async () => {
    const { mood } = await oneOnOnesDashboard(db.pool, await contextOf('manager'));
    expect(mood.find((point) => point.week === '2026-11-30' && point.group === 'Everyone')).toEqual(
      expect.objectContaining({ people: 4, median: null }),
    );
  });
});

describe('goals, 1:1 and calibration figures', () => {
  it('[ANA11] [ANA13] health stacks by team and coverage follows parents up to a theme', async () => {
    const ctx = await contextOf('admin');
    const view = await goalsDashboard(db.pool, ctx);
    expect(view.byTeam.find((row) => row.label === 'Engineering')?.counts).toEqual({
      green: 1,
      yellow: 1,
      red: 0,
      stale: 1,
      unmeasured: 0,
    });
    expect(view.byCycle.map((row) => row.label)).toContain('2026 H2');
    // Engineering: the Platform goal and r1's are aligned, r2's is not.
    expect(view.coverage.find((row) => row.group === 'Engineering')).toEqual({
      group: 'Engineering',
      aligned: 2,
      total: 3,
    });
    expect(view.progress.themeId).toBe(goals.theme);
  });

  it('[ANA16] [ANA17] cadence kept and meetings per week', async () => {
    const view = await oneOnOnesDashboard(db.pool, await contextOf('admin'));
    // r1–r4 met on 2026-11-30, within a week of 2026-12-07; r5 and r6 did not.
    const platform = view.byTeam.find((row) => row.group === 'Engineering');
    expect(platform).toEqual({ group: 'Engineering', kept: 5, total: 7 });
    expect(view.meetingsPerWeek).toEqual([
      { week: '2026-11-23', count: 6 },
      { week: '2026-11-30', count: 5 },
    ]);
  });

  it('[ANA4] calibration analytics only for HR admins and the session’s participants', async () => {
    for (const person of ['admin', 'lead']) {
      const view = await calibrationDashboard(
        db.pool,
        await contextOf(person, { cycle: sessionCycle() }),
      );
      expect(view.sessions.map((s) => s.id)).toEqual([sessionId]);
    }
    // The manager of everyone calibrated, the CEO and the people themselves take no part.
    for (const person of ['manager', 'ceo', 'r1']) {
      const view = await calibrationDashboard(
        db.pool,
        await contextOf(person, { cycle: sessionCycle() }),
      );
      expect(view.sessions).toEqual([]);
      expect(view.shown).toBeNull();
    }
    // The filtered cycle holds no session.
    expect((await calibrationDashboard(db.pool, await contextOf('admin'))).sessions).toEqual([]);
  });

  it('[ANA20] [ANA21] [ANA22] [ANA23] [ANA5] a session’s distribution, matrix, skew, conflicts', async () => {
    const view = await calibrationDashboard(
      db.pool,
      await contextOf('admin', { cycle: sessionCycle() }),
    );
    expect(view.sessions.map((s) => s.id)).toEqual([sessionId]);
    const session = view.shown!;
    expect(session.id).toBe(sessionId);
    expect(session.cards).toBe(6);
    expect(session.distribution.ratings.map((row) => [row.original, row.calibrated])).toEqual([
      [0, 1],
      [1, 0],
      [3, 2],
      [1, 2],
      [1, 1],
    ]);
    expect(session.matrix[2]).toEqual([0, 0, 2, 1, 0]);
    // One manager of everyone placed: nobody else to compare with (CAL54, CAL55).
    expect(session.skew).toEqual([
      expect.objectContaining({ managerName: 'Platform Manager', n: 6, restN: 0, verdict: null }),
    ]);
    expect(session.conflicts).toEqual([
      expect.objectContaining({
        personId: people.r3,
        name: 'Report 3',
        kind: 'high-rating-low-achievement',
        rating: 5,
        achievement: 0.5,
      }),
    ]);
    expect(view.overCycles?.cycles).toEqual([
      expect.objectContaining({ counts: [{ rating: 4, label: 'Exceeds', people: 1 }] }),
    ]);
    const ceo = await calibrationDashboard(db.pool, await contextOf('ceo'));
    expect(ceo.overCycles).toBeNull();
  });
});

describe('the weekly roll-up (ANA31)', () => {
  it('[ANA31] a week reads the same from the roll-up as from the projected rows', async () => {
    // 2026-11-23 … 2026-12-03: the first week whole (the roll-up), the second cut (the rows).
    const cut = await oneOnOnesDashboard(
      db.pool,
      await contextOf('admin', { from: '2026-11-23', to: '2026-12-03' }),
    );
    const whole = await oneOnOnesDashboard(db.pool, await contextOf('admin'));
    expect(cut.meetingsPerWeek).toEqual(whole.meetingsPerWeek);
    expect(cut.mood).toEqual(whole.mood);
    expect(cut.actions.weeks).toEqual(whole.actions.weeks);
    // And the other way round: 2026-11-25 … 2026-12-07 cuts the first week after two days.
    const late = await oneOnOnesDashboard(
      db.pool,
      await contextOf('admin', { from: '2026-11-25', to: TODAY }),
    );
    expect(late.meetingsPerWeek).toEqual([{ week: '2026-11-30', count: 5 }]);
    expect(late.mood.filter((point) => point.week === '2026-11-23')).toEqual([]);
  });

  it('[ANA31] [ANA2] a person who changes manager and team takes their weeks along', async () => {
    const engineering = async (person: string) =>
      (await oneOnOnesDashboard(db.pool, await contextOf(person))).mood.find(
        (point) => point.week === '2026-11-23' && point.group === 'Engineering',
      );
    const move = (manager: string, team: string) =>
      db.pool.query('UPDATE people SET manager_id = $2, team_id = $3 WHERE id = $1', [
        people.r5,
        people[manager],
        teams[team],
      ]);
    expect(await engineering('admin')).toEqual(expect.objectContaining({ people: 5 }));
    await move('lead', 'sales');
    try {
      // r5 now reports to the Sales lead: out of Engineering, out of the manager's tree.
      expect(await engineering('admin')).toEqual(
        expect.objectContaining({ people: 4, median: null }),
      );
      const lead = await oneOnOnesDashboard(db.pool, await contextOf('lead'));
      expect(lead.mood.find((p) => p.week === '2026-11-23' && p.group === 'Everyone')).toEqual(
        expect.objectContaining({ people: 2 }),
      );
    } finally {
      await move('manager', 'platform');
    }
    expect(await engineering('admin')).toEqual(expect.objectContaining({ people: 5, median: 3 }));
  });

  it('[ANA31] a projected row written, changed or deleted reaches the roll-up', async () => {
    const meetings = async () =>
      (await oneOnOnesDashboard(db.pool, await contextOf('manager'))).meetingsPerWeek;
    const seriesId = (
      await db.pool.query<{ id: string }>(
        'SELECT id FROM one_on_one_series WHERE employee_id = $1',
        [people.r6],
      )
    ).rows[0]!.id;
    await meeting(seriesId, '2026-11-26');
    expect(await meetings()).toContainEqual({ week: '2026-11-23', count: 6 });
    await db.pool.query(
      `UPDATE one_on_one_meeting_analytics SET cancelled = true
        WHERE series_id = $1 AND meeting_id = 'm-2026-11-26'`,
      [seriesId],
    );
    expect(await meetings()).toContainEqual({ week: '2026-11-23', count: 5 });
    await db.pool.query(
      `DELETE FROM one_on_one_meeting_analytics WHERE series_id = $1 AND meeting_id = 'm-2026-11-26'`,
      [seriesId],
    );
    expect(await meetings()).toContainEqual({ week: '2026-11-23', count: 5 });
    // A change in a later week rewrites that week on, and leaves the earlier ones as they were.
    await meeting(seriesId, '2026-12-02');
    expect(await meetings()).toEqual([
      { week: '2026-11-23', count: 5 },
      { week: '2026-11-30', count: 5 },
    ]);
    await db.pool.query(
      `DELETE FROM one_on_one_meeting_analytics WHERE series_id = $1 AND meeting_id = 'm-2026-12-02'`,
      [seriesId],
    );
    expect(await meetings()).toEqual([
      { week: '2026-11-23', count: 5 },
      { week: '2026-11-30', count: 4 },
    ]);
  });
});

let sessionCycleId: string | undefined;
function sessionCycle(): string {
  return sessionCycleId!;
}
beforeAll(async () => {
  const { rows } = await db.pool.query<{ cycle_id: string }>(
    'SELECT cycle_id FROM calibration_sessions WHERE id = $1',
    [sessionId],
  );
  sessionCycleId = rows[0]!.cycle_id;
});
