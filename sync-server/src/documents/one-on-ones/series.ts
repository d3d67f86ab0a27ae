// A 1:1 series' row as the access rules and validators need it (ONE1–ONE6): its two members,
// whether it has ended, and the organisation's HR setting. Read per check (connections open and
// re-check rarely; a validator's actor is cached, SYNC21).
import type { Queryable, SessionPerson } from '@threadline/db';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import type { AccessMode } from '@threadline/domain/protocol/messages';
import type { OneOnOnePolicy, Reader } from '@threadline/domain/one-on-ones/access';
import type { SeriesActor } from '@threadline/domain/one-on-ones/update-check';
import type { AccessDecision, ActorContext } from '../document-kind.ts';
import type { RecordsNotice } from '../../revocation/access-notice.ts';
import { loadCheckInRights } from './check-in-rights.ts';

export interface SeriesRow {
  managerId: string;
  employeeId: string;
  endedAt: string | null;
  policy: OneOnOnePolicy;
}

interface Row {
  manager_id: string;
  employee_id: string;
  ended_at: Date | null;
  hr_may_read_one_on_ones: boolean;
}

/** The series, when it belongs to the person's organisation; null otherwise. */
export async function loadSeries(
  db: Queryable,
  organisationId: string,
  seriesId: string,
): Promise<SeriesRow | null> {
  const { rows } = await db.query<Row>(
    `SELECT s.manager_id, s.employee_id, s.ended_at, o.hr_may_read_one_on_ones
       FROM one_on_one_series s JOIN organisations o ON o.id = s.organisation_id
      WHERE s.organisation_id = $1 AND s.id = $2`,
    [organisationId, seriesId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    managerId: row.manager_id,
    employeeId: row.employee_id,
    endedAt: row.ended_at?.toISOString() ?? null,
    policy: { hrMayReadAgendas: row.hr_may_read_one_on_ones },
  };
}

export const readerOf = (person: SessionPerson): Reader => ({
  personId: person.id,
  isAdmin: person.role === 'admin',
});

/** A series' access rule's answer as a kind's decision: no series or no access is 4403. */
export async function decideForSeries(
  db: Queryable,
  person: SessionPerson,
  seriesId: string,
  rule: (series: SeriesRow) => AccessMode | null,
): Promise<AccessDecision> {
  const series = await loadSeries(db, person.organisationId, seriesId);
  const mode = series && rule(series);
  if (!mode) return { granted: false, code: CloseCode.Forbidden };
  return { granted: true, organisationId: person.organisationId, mode };
}

/** The validators' actor: the sender and the series' two members (ONE14). */
export async function loadSeriesActor(
  db: Queryable,
  person: SessionPerson,
  seriesId: string,
): Promise<SeriesActor> {
  const series = await loadSeries(db, person.organisationId, seriesId);
  // No series: no members, so every rule that names one refuses (access closed it meanwhile).
  return {
    personId: person.id,
    managerId: series?.managerId ?? '',
    employeeId: series?.employeeId ?? '',
  };
}

/** The agenda's validator also needs a member's rights to check in goals (ONE19). */
export async function loadAgendaActor(
  db: Queryable,
  person: SessionPerson,
  seriesId: string,
  context: ActorContext,
): Promise<SeriesActor> {
  const actor = await loadSeriesActor(db, person, seriesId);
  const member = person.id === actor.managerId || person.id === actor.employeeId;
  if (!member) return actor;
  return { ...actor, checkIns: await loadCheckInRights(db, person, actor.employeeId, context) };
}

/** SYNC23: the series ended or went; for agendas, also the organisation's HR setting. */
export const seriesChanged = (notice: RecordsNotice, seriesId: string) =>
  notice.table === 'one_on_one_series' && notice.ids.includes(seriesId);
