// The server side of check-ins made in a 1:1 (ONE18–ONE22). The agenda's validator needs, for
// each sender, their rights in the goal tree and the series employee's goals as the projection
// knows them (ONE19); the agenda's projector writes each check-in as a row and then applies the
// rows not yet applied to their goal tree, through its room, as a server-authored check-in that
// keeps the agenda's id (ONE20): a row is claimed first (a claim older than 30 seconds is taken
// over: its node died), the goal tree is asked again (the authority on owners), and the outcome
// is written, so a replay, a restart or a second node never applies one twice.
import type { Queryable, SessionPerson } from '@threadline/db';
import { formatDocumentName } from '@threadline/domain/documents/names';
import type { GoalLevel } from '@threadline/domain/goals/model';
import {
  applyCheckInToGoals,
  type CheckInRights,
  type GoalScope,
} from '@threadline/domain/one-on-ones/check-ins';
import type { DocumentEffects } from '../../projection/document-projector.ts';
import type { DocumentKey } from '../../persistence/document-storage.ts';
import { loadGoalActor } from '../goals/actor.ts';

/** ONE19: the sender's goal rights and the employee's goals in cycles that are not closed. */
export async function loadCheckInRights(
  db: Queryable,
  person: SessionPerson,
  employeeId: string,
): Promise<CheckInRights> {
  const [goalActor, { rows }] = await Promise.all([
    loadGoalActor(db, person),
    db.query<{
      goal_id: string;
      level: GoalLevel;
      owner_id: string | null;
      team_id: string | null;
      cycle_id: string;
    }>(
      `SELECT g.goal_id, g.level, g.owner_id, g.team_id, g.cycle_id
         FROM goal_analytics g
         JOIN cycles c ON c.organisation_id = g.organisation_id AND c.id = g.cycle_id
        WHERE g.organisation_id = $1 AND g.owner_id = $2 AND NOT g.deleted
          AND c.status <> 'closed'`,
      [person.organisationId, employeeId],
    ),
  ]);
  const goals = new Map<string, GoalScope>();
  for (const row of rows) {
    goals.set(row.goal_id, {
      level: row.level,
      ownerId: row.owner_id,
      teamId: row.team_id,
      cycleId: row.cycle_id,
    });
  }
  return { goalActor, goals };
}

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

interface ClaimedRow {
  check_in_id: string;
  meeting_id: string;
  meeting_day: Date | string;
  goal_id: string;
  cycle_id: string;
  milestone_id: string | null;
  value: number;
  by_person_id: string;
  at: Date;
  employee_id: string;
  cycle_closed: boolean;
}

const dayOf = (value: Date | string) =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

/** A claim older than this is taken over (the node that made it died before finishing). */
const CLAIM_EXPIRES = '30 seconds';

/** ONE20: applies the series' check-ins that no node has applied yet. */
export async function applyPendingCheckIns(
  db: Queryable,
  key: DocumentKey,
  seriesId: string,
  effects: DocumentEffects,
): Promise<void> {
  const { rows } = await db.query<ClaimedRow>(
    `UPDATE one_on_one_check_ins c SET claimed_at = now()
       FROM one_on_one_series s, cycles cy
      WHERE c.organisation_id = $1 AND c.series_id = $2 AND c.outcome IS NULL
        AND (c.claimed_at IS NULL OR c.claimed_at < now() - $3::interval)
        AND s.organisation_id = c.organisation_id AND s.id = c.series_id
        AND cy.organisation_id = c.organisation_id AND cy.id = c.cycle_id
      RETURNING c.check_in_id, c.meeting_id, c.meeting_day, c.goal_id, c.cycle_id,
                c.milestone_id, c.value, c.by_person_id, c.at, s.employee_id,
                cy.status = 'closed' AS cycle_closed`,
    [key.organisationId, seriesId, CLAIM_EXPIRES],
  );
  rows.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.check_in_id.localeCompare(b.check_in_id),
  );
  for (const row of rows) {
    const outcome = row.cycle_closed ? 'closed' : await applyOne(db, key, seriesId, row, effects);
    await db.query(
      `UPDATE one_on_one_check_ins SET outcome = $4, applied_at = now()
        WHERE organisation_id = $1 AND series_id = $2 AND check_in_id = $3`,
      [key.organisationId, seriesId, row.check_in_id, outcome],
    );
  }
}

async function applyOne(
  db: Queryable,
  key: DocumentKey,
  seriesId: string,
  row: ClaimedRow,
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
