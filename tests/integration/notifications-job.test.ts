// NUD2, NUD4, NUD15 against a real PostgreSQL: two app processes' schedules (two pg-boss
// instances, each with its own pool) on one database raise each nudge once, and the conditions
// ending clear them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createPool, type Pool } from '@threadline/db';
import { runNudges, type NudgeRunResult } from '@threadline/db/notifications-job';
import {
  NUDGE_QUEUE,
  startNudgeSchedule,
  type NudgeSchedule,
} from '@threadline/sync-server/nudges/nudge-schedule';
import { createOrganisation, createPerson, createSeries } from '../support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../support/test-database.ts';

const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const at = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString();

let db: TestDatabase;
const processes: { pool: Pool; schedule: NudgeSchedule; runs: NudgeRunResult[] }[] = [];

beforeAll(async () => {
  db = await useTestDatabase();
  // Two processes start at once, as the launcher's services or two nodes would.
  const started = await Promise.all(
    [1, 2].map(async () => {
      const pool = createPool(db.url, 3);
      const runs: NudgeRunResult[] = [];
      const schedule = await startNudgeSchedule({
        db: pool,
        databaseUrl: db.url,
        log: pino({ level: 'silent' }),
        onRun: (result) => runs.push(result),
        pollingIntervalSeconds: 0.5,
      });
      return { pool, schedule, runs };
    }),
  );
  processes.push(...started);
});

afterAll(async () => {
  for (const { pool, schedule } of processes) {
    await schedule.stop();
    await pool.end();
  }
});

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const runCount = () => processes.reduce((sum, p) => sum + p.runs.length, 0);

/** Both processes ask for a run under one key; resolves once a run has ended after it. */
async function runFromBothProcesses(key: string) {
  const before = runCount();
  await Promise.all(processes.map((p) => p.schedule.requestRun(key, 3600)));
  await until(() => runCount() > before);
}

async function world() {
  const org = await createOrganisation(db.pool);
  const head = await createPerson(db.pool, org.id, { name: 'Head', role: 'admin' });
  const manager = await createPerson(db.pool, org.id, { name: 'Sofía', managerId: head.id });
  const employee = await createPerson(db.pool, org.id, { name: 'Kwame', managerId: manager.id });
  const seriesId = await createSeries(db.pool, org.id, manager.id, employee.id);
  const cycle = await db.pool.query<{ id: string }>(
    `INSERT INTO cycles (organisation_id, name, starts_on, ends_on, status)
     VALUES ($1, 'Now', $2, $3, 'active') RETURNING id`,
    [org.id, day(-60), day(60)],
  );
  const cycleId = cycle.rows[0]!.id;
  // Projected facts: the last meeting three weeks ago (weekly: overdue), an action item of
  // Kwame's due three days ago, a goal of Kwame's last checked in 20 days ago, and one proposed
  // five days ago.
  await db.pool.query(
    `INSERT INTO one_on_one_meeting_analytics (organisation_id, series_id, meeting_id, date,
                                               cancelled, points, points_done, actions_raised)
     VALUES ($1, $2, 'm1', $3, false, 2, 2, 1)`,
    [org.id, seriesId, day(-21)],
  );
  const actionId = crypto.randomUUID();
  await db.pool.query(
    `INSERT INTO one_on_one_action_analytics (organisation_id, series_id, action_id, owner_id,
                                              due_date, raised_on, done, overdue, times_carried,
                                              deleted)
     VALUES ($1, $2, $3, $4, $5, $6, false, true, 0, false)`,
    [org.id, seriesId, actionId, employee.id, day(-3), day(-21)],
  );
  const staleGoal = crypto.randomUUID();
  const proposedGoal = crypto.randomUUID();
  await db.pool.query(
    `INSERT INTO goal_analytics (organisation_id, cycle_id, goal_id, title, level, state, owner_id,
                                 metric_kind, direction, stale, clarity, clarity_colour, weight,
                                 difficulty, tags, last_progress_at, approved_at, created_at,
                                 deleted)
     VALUES ($1, $2, $3, 'Ship 3 releases', 'person', 'active', $5, 'number', 'increase', true,
             80, 'green', 1, 'medium', '{}', $6, $7, $7, false),
            ($1, $2, $4, 'Learn Rust', 'person', 'proposed', $5, 'yes-no', 'increase', false,
             60, 'yellow', 1, 'medium', '{}', null, null, $8, false)`,
    [org.id, cycleId, staleGoal, proposedGoal, employee.id, at(-20), at(-40), at(-5)],
  );
  return { org, head, manager, employee, seriesId, cycleId, actionId, staleGoal, proposedGoal };
}

async function openNotifications(organisationId: string) {
  const { rows } = await db.pool.query<{ person_id: string; key: string }>(
    `SELECT person_id, key FROM notifications
      WHERE organisation_id = $1 AND cleared_at IS NULL ORDER BY person_id, key`,
    [organisationId],
  );
  return rows;
}

describe('the nudge job on two processes', () => {
  it('[NUD15] two processes starting keep one schedule and ask for one start-up run', async () => {
    const schedules = await db.pool.query(`SELECT name FROM pgboss.schedule WHERE name = $1`, [
      NUDGE_QUEUE,
    ]);
    expect(schedules.rowCount).toBe(1);
    const starts = await db.pool.query(
      `SELECT id FROM pgboss.job WHERE name = $1 AND singleton_key = 'start'`,
      [NUDGE_QUEUE],
    );
    expect(starts.rowCount).toBe(1);
  });

  it('[NUD2] [NUD5] [NUD7] [NUD9] [NUD11] [NUD12] raise each nudge once, then clear it [NUD4]', async () => {
    const w = await world();
    await runFromBothProcesses('test-raise');
    const jobs = await db.pool.query(
      `SELECT id FROM pgboss.job WHERE name = $1 AND singleton_key = 'test-raise'`,
      [NUDGE_QUEUE],
    );
    expect(jobs.rowCount).toBe(1);
    const expected = [
      { person_id: w.employee.id, key: `action-overdue:${w.actionId}` },
      { person_id: w.employee.id, key: `goal-stale:${w.staleGoal}` },
      { person_id: w.employee.id, key: `one-on-one-overdue:${w.seriesId}` },
      { person_id: w.manager.id, key: `goal-approval:${w.proposedGoal}` },
      { person_id: w.manager.id, key: expect.stringMatching(/^goal-stale-digest:\d{4}-W\d{2}$/) },
      { person_id: w.manager.id, key: `one-on-one-overdue:${w.seriesId}` },
    ].sort((a, b) => a.person_id.localeCompare(b.person_id));
    const open = await openNotifications(w.org.id);
    expect(open).toEqual(expect.arrayContaining(expected));
    expect(open).toHaveLength(expected.length);

    // Two more runs at the same moment, straight from both processes' pools: nothing new.
    const again = await Promise.all(processes.map((p) => runNudges(p.pool)));
    expect(again.map((r) => r.raised)).toEqual([0, 0]);
    await runFromBothProcesses('test-again');
    const total = await db.pool.query(
      `SELECT count(*)::int AS n FROM notifications WHERE organisation_id = $1`,
      [w.org.id],
    );
    expect(total.rows[0].n).toBe(expected.length);

    // Every condition ends: a meeting held yesterday, the item ticked, a check-in today, the
    // proposed goal approved.
    await db.pool.query(
      `INSERT INTO one_on_one_meeting_analytics (organisation_id, series_id, meeting_id, date,
                                                 cancelled, points, points_done, actions_raised)
       VALUES ($1, $2, 'm2', $3, false, 1, 1, 0)`,
      [w.org.id, w.seriesId, day(-1)],
    );
    await db.pool.query(
      `UPDATE one_on_one_action_analytics SET done = true WHERE organisation_id = $1`,
      [w.org.id],
    );
    await db.pool.query(`UPDATE goal_analytics SET last_progress_at = now() WHERE goal_id = $1`, [
      w.staleGoal,
    ]);
    await db.pool.query(
      `UPDATE goal_analytics SET state = 'active', approved_at = now() WHERE goal_id = $1`,
      [w.proposedGoal],
    );
    await runFromBothProcesses('test-clear');
    expect(await openNotifications(w.org.id)).toEqual([]);
  });

  it('[NUD12] a goal that enters proposed counts its wait from then, not from its creation', async () => {
    const w = await world();
    await db.pool.query(`UPDATE goal_analytics SET state = 'active' WHERE goal_id = $1`, [
      w.proposedGoal,
    ]);
    await db.pool.query(`UPDATE goal_analytics SET state = 'proposed' WHERE goal_id = $1`, [
      w.proposedGoal,
    ]);
    await runNudges(db.pool);
    const keys = (await openNotifications(w.org.id)).map((n) => n.key);
    expect(keys).not.toContain(`goal-approval:${w.proposedGoal}`);
    expect(keys).toContain(`goal-stale:${w.staleGoal}`);
  });

  it('[NUD17] raising announces the people concerned on threadline_notifications', async () => {
    const w = await world();
    const listener = await db.pool.connect();
    const heard: string[] = [];
    listener.on('notification', (message) => heard.push(message.payload ?? ''));
    await listener.query('LISTEN threadline_notifications');
    try {
      await runNudges(db.pool);
      await until(() => heard.some((payload) => payload.includes(w.org.id)));
      const payload = JSON.parse(heard.find((p) => p.includes(w.org.id))!);
      expect(payload.o).toBe(w.org.id);
      expect([...payload.p].sort()).toEqual([w.employee.id, w.manager.id].sort());
    } finally {
      await listener.query('UNLISTEN threadline_notifications');
      listener.release();
    }
  });
});
