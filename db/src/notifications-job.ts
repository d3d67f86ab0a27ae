// The nudge job's reads and writes (NUD4–NUD16): per organisation, the facts the rules need (from
// the organisation's tables and the analytics the sync server projects), the rules' verdict
// (domain/src/notifications/rules.ts) reconciled with the open notifications, and the raises and
// clears written in one transaction under an advisory lock on the organisation, so two runs at
// once (two processes, a retry) write in turn and the second finds nothing left to do (NUD15).
import type pg from 'pg';
import type { Cadence } from '@threadline/domain/one-on-ones/model';
import type { GoalLevel, GoalState, MetricKind } from '@threadline/domain/goals/model';
import { isNudgeKind, type Nudge } from '@threadline/domain/notifications/model';
import { evaluateNudges, reconcile, type NudgeFacts } from '@threadline/domain/notifications/rules';
import { inTransaction, type Queryable } from './connection.ts';

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** Everything the rules read about one organisation on `today` (UTC). */
export async function readNudgeFacts(
  db: Queryable,
  organisationId: string,
  today: string,
): Promise<NudgeFacts> {
  // One after another: inside the job's transaction they share one connection.
  const people = await db.query<{
    id: string;
    name: string;
    manager_id: string | null;
    role: string;
    status: string;
  }>(`SELECT id, name, manager_id, role, status FROM people WHERE organisation_id = $1`, [
    organisationId,
  ]);
  const series = await db.query<{
    id: string;
    manager_id: string;
    employee_id: string;
    cadence: Cadence;
    starts_on: string;
    ended: boolean;
    projected: boolean;
    last_held: string | null;
  }>(
    `SELECT s.id, s.manager_id, s.employee_id, s.cadence, s.starts_on,
              s.ended_at IS NOT NULL AS ended, m.series_id IS NOT NULL AS projected,
              m.last_held
         FROM one_on_one_series s
         LEFT JOIN (SELECT series_id,
                           to_char(max(date) FILTER (WHERE NOT cancelled AND date < $2::date),
                                   'YYYY-MM-DD') AS last_held
                      FROM one_on_one_meeting_analytics WHERE organisation_id = $1
                     GROUP BY series_id) m ON m.series_id = s.id
        WHERE s.organisation_id = $1`,
    [organisationId, today],
  );
  const goals = await db.query<{
    goal_id: string;
    title: string;
    level: GoalLevel;
    state: GoalState;
    owner_id: string | null;
    metric_kind: MetricKind;
    last_progress_at: Date | null;
    approved_at: Date | null;
    created_at: Date | null;
    state_since: Date | null;
    deleted: boolean;
    active_cycle: boolean;
  }>(
    // NUD14: every cycle's goals are seen; only the active cycle's nudge.
    `SELECT g.goal_id, g.title, g.level, g.state, g.owner_id, g.metric_kind, g.last_progress_at,
              g.approved_at, g.created_at, g.state_since, g.deleted,
              c.status = 'active' AS active_cycle
         FROM goal_analytics g
         JOIN cycles c ON c.organisation_id = g.organisation_id AND c.id = g.cycle_id
        WHERE g.organisation_id = $1`,
    [organisationId],
  );
  const actions = await db.query<{
    action_id: string;
    series_id: string;
    owner_id: string | null;
    due_date: string | null;
    done: boolean;
    deleted: boolean;
  }>(
    `SELECT action_id, series_id, owner_id, due_date, done, deleted
         FROM one_on_one_action_analytics WHERE organisation_id = $1`,
    [organisationId],
  );
  const mutes = await db.query<{ person_id: string; kind: string }>(
    `SELECT person_id, kind FROM notification_mutes WHERE organisation_id = $1`,
    [organisationId],
  );
  return {
    people: people.rows.map((p) => ({
      id: p.id,
      name: p.name,
      managerId: p.manager_id,
      isAdmin: p.role === 'admin',
      active: p.status !== 'deactivated',
    })),
    series: series.rows.map((s) => ({
      id: s.id,
      managerId: s.manager_id,
      employeeId: s.employee_id,
      cadence: s.cadence,
      startsOn: s.starts_on,
      ended: s.ended,
      projected: s.projected,
      lastHeld: s.last_held,
    })),
    goals: goals.rows.map((g) => ({
      id: g.goal_id,
      title: g.title,
      level: g.level,
      state: g.state,
      ownerId: g.owner_id,
      metricKind: g.metric_kind,
      lastProgressAt: iso(g.last_progress_at),
      approvedAt: iso(g.approved_at),
      createdAt: iso(g.created_at),
      stateSince: iso(g.state_since),
      deleted: g.deleted,
      activeCycle: g.active_cycle,
    })),
    actions: actions.rows.map((a) => ({
      id: a.action_id,
      seriesId: a.series_id,
      ownerId: a.owner_id,
      dueDate: a.due_date,
      done: a.done,
      deleted: a.deleted,
    })),
    mutes: mutes.rows.flatMap((m) =>
      isNudgeKind(m.kind) ? [{ personId: m.person_id, kind: m.kind }] : [],
    ),
  };
}

/** NUD2: one open notification per person and key; a raise that finds one adds nothing. */
export async function insertNotifications(
  db: Queryable,
  organisationId: string,
  nudges: Nudge[],
  now: Date,
): Promise<number> {
  if (nudges.length === 0) return 0;
  const result = await db.query(
    `INSERT INTO notifications (organisation_id, person_id, kind, key, subject, link, payload,
                                created_at)
     SELECT $1, r."personId", r."kind", r."key", r."subject", r."link", r."payload", $3::timestamptz
       FROM jsonb_to_recordset($2::jsonb) AS r("personId" uuid, "kind" text, "key" text,
                                               "subject" text, "link" text, "payload" jsonb)
     ON CONFLICT (organisation_id, person_id, key) WHERE cleared_at IS NULL DO NOTHING`,
    [organisationId, JSON.stringify(nudges), now],
  );
  return result.rowCount ?? 0;
}

export interface NudgeRunResult {
  raised: number;
  cleared: number;
}

/** NUD4–NUD16 for one organisation at `now`, in one transaction under its advisory lock. */
export async function runNudgesForOrganisation(
  pool: pg.Pool,
  organisationId: string,
  now: Date,
): Promise<NudgeRunResult> {
  return inTransaction(pool, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('threadline-nudges'), hashtext($1))`, [
      organisationId,
    ]);
    const facts = await readNudgeFacts(tx, organisationId, now.toISOString().slice(0, 10));
    const open = await tx.query<{ person_id: string; key: string; subject: string }>(
      `SELECT person_id, key, subject FROM notifications
        WHERE organisation_id = $1 AND cleared_at IS NULL`,
      [organisationId],
    );
    const { raise, clear } = reconcile(
      open.rows.map((row) => ({ personId: row.person_id, key: row.key, subject: row.subject })),
      evaluateNudges(facts, now),
    );
    const raised = await insertNotifications(tx, organisationId, raise, now);
    // NUD4, and NUD16: whatever a deactivated person had open.
    const cleared = await tx.query(
      `UPDATE notifications n SET cleared_at = $3::timestamptz
         FROM people p
        WHERE n.organisation_id = $1 AND n.cleared_at IS NULL
          AND p.organisation_id = n.organisation_id AND p.id = n.person_id
          AND ((n.person_id, n.key) IN (SELECT c."personId", c."key"
                                          FROM jsonb_to_recordset($2::jsonb)
                                               AS c("personId" uuid, "key" text))
               OR p.status = 'deactivated')`,
      [organisationId, JSON.stringify(clear), now],
    );
    return { raised, cleared: cleared.rowCount ?? 0 };
  });
}

/** One run of the job (NUD15): every organisation in turn. */
export async function runNudges(pool: pg.Pool, now: Date = new Date()): Promise<NudgeRunResult> {
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM organisations ORDER BY id`);
  const total = { raised: 0, cleared: 0 };
  for (const { id } of rows) {
    const result = await runNudgesForOrganisation(pool, id, now);
    total.raised += result.raised;
    total.cleared += result.cleared;
  }
  return total;
}
