// The server side of check-ins made in a 1:1 (ONE18–ONE22) once accepted (who may make one:
// check-in-rights.ts). The agenda's projector writes each check-in as a row and then applies the
// rows not yet applied to their goal tree, through its room, as a server-authored check-in that
// keeps the agenda's id (ONE20). A node applies a series' rows inside one transaction that holds
// their row locks until each outcome is written (ONE50): no other node takes a row over while
// its node lives, however slow; a node that dies releases them with its connection. The goal
// tree is asked again (the authority on owners), and a check-in it already holds adds nothing,
// and one two nodes appended all the same is read once (ONE51). A row whose apply failed stays
// pending for the next run, and a sweep on every node picks up rows nobody is applying; only a
// failure of the row's own counts towards giving it up, not one of the node or the database.
import {
  inTransaction,
  isDatabaseUnavailable,
  type Pool,
  type Queryable,
  type SessionPerson,
} from '@threadline/db';
import { formatDocumentName } from '@threadline/domain/documents/names';
import { applyCheckInToGoals } from '@threadline/domain/one-on-ones/check-ins';
import { DocumentUnavailable, type DocumentEffects } from '../../projection/document-projector.ts';
import type { DocumentKey } from '../../persistence/document-storage.ts';
import { loadGoalActor } from '../goals/actor.ts';

/** ONE22: the check-in rows; a check-in never changes, but its meeting may move to another day. */
export async function writeCheckIns(
  db: Queryable,
  organisationId: string,
  seriesId: string,
  rows: readonly unknown[],
) {
  await db.query(
    `INSERT INTO one_on_one_check_ins
       (organisation_id, series_id, check_in_id, meeting_id, meeting_day, goal_id, cycle_id,
        milestone_id, value, by_person_id, at, projected_at)
     SELECT $1, $2, r."checkInId", r."meetingId", r."meetingDay", r."goalId", r."cycleId",
            r."milestoneId", r."value", r."by", r."at", now()
       FROM jsonb_to_recordset($3::jsonb) AS r("checkInId" text, "meetingId" text,
                                               "meetingDay" date, "goalId" uuid, "cycleId" uuid,
                                               "milestoneId" text, "value" double precision,
                                               "by" uuid, "at" timestamptz)
     ON CONFLICT (organisation_id, series_id, check_in_id) DO UPDATE SET
       meeting_id = EXCLUDED.meeting_id, meeting_day = EXCLUDED.meeting_day,
       projected_at = EXCLUDED.projected_at`,
    [organisationId, seriesId, JSON.stringify(rows)],
  );
}

interface PendingRow {
  check_in_id: string;
  meeting_id: string;
  meeting_day: Date | string;
  goal_id: string;
  cycle_id: string;
  milestone_id: string | null;
  value: number;
  by_person_id: string;
  at: Date;
  attempts: number;
  employee_id: string;
  cycle_closed: boolean;
}

const dayOf = (value: Date | string) =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

/** ONE50: a row whose apply failed this often is given up (outcome `failed`), not retried. */
export const MAX_APPLY_ATTEMPTS = 10;

/**
 * ONE50: an apply that failed because this node could not make it just now — it is shutting down
 * or the goal tree's room was reset (`DocumentUnavailable`), or the database was out of reach
 * (`isDatabaseUnavailable`: connections refused, cut or not free in time, the server stopping or
 * overloaded) — says nothing about the row: it is retried without counting an attempt. Any other
 * failure (the check-in itself, or an error nobody foresaw) counts.
 */
export function isTransientApplyFailure(error: unknown): boolean {
  return error instanceof DocumentUnavailable || isDatabaseUnavailable(error);
}

/**
 * How long the transaction holding a series' rows may wait on one apply before PostgreSQL ends
 * it: a node stuck that long lets another take the rows over, and ONE51 keeps a check-in both
 * then append to one progress event.
 */
const HOLD_LIMIT = '2min';

/**
 * The transaction holds one pooled connection while the goal tree's room saves through others;
 * one series at a time per node keeps a burst of check-ins from taking the whole pool.
 */
const applying = new WeakMap<DocumentEffects, Promise<unknown>>();
function oneAtATime<T>(effects: DocumentEffects, work: () => Promise<T>): Promise<T> {
  const before = applying.get(effects) ?? Promise.resolve();
  const run = before.then(work, work);
  applying.set(
    effects,
    run.catch(() => {}),
  );
  return run;
}

/**
 * ONE20, ONE50: applies the series' check-ins that no node has applied yet and no other node is
 * applying now (their rows locked), oldest first; resolves with how many got an outcome. A row
 * whose apply fails stays pending (a later run, or the sweep, tries again), and so do the later
 * rows of its goal, so a goal never takes an older value after a newer one; the failures are
 * thrown together once the others are recorded. A transient failure (isTransientApplyFailure)
 * counts no attempt and ends the run: the rows after it would meet the same.
 */
export async function applyPendingCheckIns(
  db: Pool,
  key: DocumentKey,
  seriesId: string,
  effects: DocumentEffects,
): Promise<number> {
  // Most runs find nothing to do: ask the pending rows' index before taking a connection.
  const { rowCount } = await db.query(
    `SELECT 1 FROM one_on_one_check_ins
      WHERE organisation_id = $1 AND series_id = $2 AND outcome IS NULL LIMIT 1`,
    [key.organisationId, seriesId],
  );
  if (!rowCount) return 0;
  const failures: unknown[] = [];
  const recorded = await oneAtATime(effects, () =>
    inTransaction(db, async (client) => {
      await client.query(`SELECT set_config('idle_in_transaction_session_timeout', $1, true)`, [
        HOLD_LIMIT,
      ]);
      const { rows } = await client.query<PendingRow>(
        `SELECT c.check_in_id, c.meeting_id, c.meeting_day, c.goal_id, c.cycle_id,
                c.milestone_id, c.value, c.by_person_id, c.at, c.attempts, s.employee_id,
                cy.status = 'closed' AS cycle_closed
           FROM one_on_one_check_ins c
           JOIN one_on_one_series s ON s.organisation_id = c.organisation_id AND s.id = c.series_id
           JOIN cycles cy ON cy.organisation_id = c.organisation_id AND cy.id = c.cycle_id
          WHERE c.organisation_id = $1 AND c.series_id = $2 AND c.outcome IS NULL
          ORDER BY c.at, c.check_in_id
            FOR UPDATE OF c SKIP LOCKED`,
        [key.organisationId, seriesId],
      );
      const held = await goalsWithOlderPending(client, key.organisationId, seriesId, rows);
      let count = 0;
      for (const row of rows) {
        if (held.has(row.goal_id)) continue;
        const record = (outcome: string | null, failed: boolean) =>
          client.query(
            `UPDATE one_on_one_check_ins
                SET outcome = $4::text, applied_at = CASE WHEN $4::text IS NULL THEN NULL ELSE now() END,
                    claimed_at = now(), attempts = attempts + $5
              WHERE organisation_id = $1 AND series_id = $2 AND check_in_id = $3`,
            [key.organisationId, seriesId, row.check_in_id, outcome, failed ? 1 : 0],
          );
        let outcome: string;
        try {
          outcome = row.cycle_closed ? 'closed' : await applyOne(db, key, seriesId, row, effects);
        } catch (error) {
          failures.push(error);
          // Not the row's fault: nothing is counted, and the rows after it would meet the same.
          if (isTransientApplyFailure(error)) break;
          held.add(row.goal_id);
          const givenUp = row.attempts + 1 >= MAX_APPLY_ATTEMPTS;
          await record(givenUp ? 'failed' : null, true);
          if (givenUp) count += 1;
          continue;
        }
        await record(outcome, false);
        count += 1;
      }
      return count;
    }),
  );
  if (failures.length > 0) {
    throw new AggregateError(failures, `${failures.length} check-in(s) of ${key.name} not applied`);
  }
  return recorded;
}

/**
 * ONE50: the goals of `mine` (the rows this run locked) that have an older pending check-in this
 * run does not hold — locked by another node that is applying it now, or another series' row not
 * applied yet. Their rows wait for a later run (or the sweep): applied now, a newer value would
 * reach the goal first and the older one after it, leaving the goal on the older value.
 */
async function goalsWithOlderPending(
  client: Queryable,
  organisationId: string,
  seriesId: string,
  mine: readonly PendingRow[],
): Promise<Set<string>> {
  const held = new Set<string>();
  if (mine.length === 0) return held;
  const oldest = new Map<string, PendingRow>();
  for (const row of mine) if (!oldest.has(row.goal_id)) oldest.set(row.goal_id, row);
  const ours = new Set(mine.map((row) => row.check_in_id));
  const { rows } = await client.query<{
    goal_id: string;
    series_id: string;
    check_in_id: string;
    at: Date;
  }>(
    `SELECT goal_id, series_id, check_in_id, at FROM one_on_one_check_ins
      WHERE organisation_id = $1 AND goal_id = ANY($2::uuid[]) AND outcome IS NULL`,
    [organisationId, [...oldest.keys()]],
  );
  for (const other of rows) {
    if (other.series_id === seriesId && ours.has(other.check_in_id)) continue;
    const first = oldest.get(other.goal_id)!;
    const older =
      other.at.getTime() - first.at.getTime() || other.check_in_id.localeCompare(first.check_in_id);
    if (older < 0) held.add(other.goal_id);
  }
  return held;
}

/** ONE50: how many series one sweep takes at most; the next sweep goes on from there. */
export const SWEEP_SERIES = 1000;

/**
 * ONE50: applies the rows left pending everywhere — never applied (a node died between writing
 * and applying them, or its apply failed and nothing has changed the agenda since) and not being
 * applied now — series by series, the series whose oldest pending check-in is oldest first (then
 * by id, so every node takes them in the same order); resolves with how many got an outcome.
 * Every node runs it: the row locks make two sweeps at once share the work.
 */
export async function sweepPendingCheckIns(
  db: Pool,
  effects: DocumentEffects,
  onError: (error: unknown, key: DocumentKey) => void,
): Promise<number> {
  // The pending rows' partial index holds (organisation, series, at): the groups come from it in
  // order, without reading the rows (50,000 pending: 12 ms, against 240 ms reading the table).
  const { rows } = await db.query<{ organisation_id: string; series_id: string }>(
    `SELECT organisation_id, series_id FROM one_on_one_check_ins
      WHERE outcome IS NULL
      GROUP BY organisation_id, series_id
      ORDER BY min(at), organisation_id, series_id
      LIMIT $1`,
    [SWEEP_SERIES],
  );
  let recorded = 0;
  for (const row of rows) {
    const key = {
      organisationId: row.organisation_id,
      name: formatDocumentName({ kind: 'one-on-one', seriesId: row.series_id }),
    };
    try {
      recorded += await applyPendingCheckIns(db, key, row.series_id, effects);
    } catch (error) {
      onError(error, key);
    }
  }
  return recorded;
}

async function applyOne(
  db: Queryable,
  key: DocumentKey,
  seriesId: string,
  row: PendingRow,
  effects: DocumentEffects,
): Promise<string> {
  // The sender's rights as they are now (GOAL16): the goal tree's own rule, with its own data.
  const author = { id: row.by_person_id, organisationId: key.organisationId } as SessionPerson;
  const actor = await loadGoalActor(db, author);
  const goals = {
    organisationId: key.organisationId,
    name: formatDocumentName({ kind: 'goals', cycleId: row.cycle_id }),
  };
  const checkIn = {
    id: row.check_in_id,
    meetingId: row.meeting_id,
    goalId: row.goal_id,
    cycleId: row.cycle_id,
    value: row.value,
    ...(row.milestone_id !== null ? { milestoneId: row.milestone_id } : {}),
    by: row.by_person_id,
    at: row.at.toISOString(),
  } satisfies Parameters<typeof applyCheckInToGoals>[1];
  const series = { seriesId, employeeId: row.employee_id, meetingDay: dayOf(row.meeting_day) };
  return effects.change(goals, row.by_person_id, (doc) =>
    applyCheckInToGoals(doc, checkIn, series, actor),
  );
}
