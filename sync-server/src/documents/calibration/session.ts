// A calibration session's row as its documents' access rules, validators and projectors need it
// (CAL11, CAL12, CAL15, CAL18): its state, scale and bands, and the reader's part in it. Read per
// check: connections open and re-check rarely; a validator's actor is cached (SYNC21).
import type { Queryable, SessionPerson } from '@threadline/db';
import type { CalibrationReader } from '@threadline/domain/calibration/access';
import type { BoardConfig, SessionStatus } from '@threadline/domain/calibration/model';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import type { AccessMode } from '@threadline/domain/protocol/messages';
import type { AccessDecision } from '../document-kind.ts';
import type { RecordsNotice } from '../../revocation/access-notice.ts';

export interface SessionView {
  status: SessionStatus;
  config: BoardConfig;
  reader: CalibrationReader;
  /** Whether `managerId` (when asked) manages someone in the population. */
  hasReports: boolean;
}

interface Row {
  status: SessionStatus;
  scale: BoardConfig['scale'];
  performance_bands: BoardConfig['bands'];
  role: 'leader' | 'facilitator' | null;
  has_reports: boolean;
}

/** The session as `person` sees it, or null when it is not in their organisation. */
export async function loadSession(
  db: Queryable,
  person: SessionPerson,
  sessionId: string,
  managerId: string | null = null,
): Promise<SessionView | null> {
  const { rows } = await db.query<Row>(
    `SELECT s.status, s.scale, s.performance_bands,
            (SELECT role FROM calibration_participants
              WHERE session_id = s.id AND person_id = $3) AS role,
            $4::uuid IS NOT NULL AND EXISTS (
              SELECT 1 FROM calibration_population c
                JOIN people p ON p.organisation_id = c.organisation_id AND p.id = c.person_id
               WHERE c.session_id = s.id AND p.manager_id = $4) AS has_reports
       FROM calibration_sessions s
      WHERE s.organisation_id = $1 AND s.id = $2`,
    [person.organisationId, sessionId, person.id, managerId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    status: row.status,
    config: { scale: row.scale, bands: row.performance_bands },
    reader: { personId: person.id, isAdmin: person.role === 'admin', role: row.role },
    hasReports: row.has_reports,
  };
}

/** A rule's answer as a kind's decision: no session or no access is 4403. */
export async function decideForSession(
  db: Queryable,
  person: SessionPerson,
  sessionId: string,
  managerId: string | null,
  rule: (session: SessionView) => AccessMode | null,
): Promise<AccessDecision> {
  const session = await loadSession(db, person, sessionId, managerId);
  const mode = session && rule(session);
  if (!mode) return { granted: false, code: CloseCode.Forbidden };
  return { granted: true, organisationId: person.organisationId, mode };
}

/** The rating values of a session's scale. */
export const scaleValues = (config: BoardConfig) =>
  new Set(config.scale.map((point) => point.value));

/** SYNC23: the session's state, participants or population changed (the migration's triggers). */
export const sessionChanged = (notice: RecordsNotice, sessionId: string) =>
  notice.table === 'calibration_sessions' && notice.ids.includes(sessionId);
