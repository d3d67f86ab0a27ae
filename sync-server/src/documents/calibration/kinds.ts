// The two calibration document kinds (CAL10–CAL18): each manager's proposals and the board. Access
// comes from the session's row and the reader's part in it; updates are judged by the domain's
// rules; both are projected (CAL22, CAL23). Why two kinds: a Yjs document is read whole, so a
// manager's proposals cannot share a document with anyone else's (ARCHITECTURE.md).
import type { Queryable, SessionPerson } from '@threadline/db';
import { boardAccess, proposalsAccess } from '@threadline/domain/calibration/access';
import {
  judgeBoardUpdate,
  judgeProposalsUpdate,
  type BoardActor,
  type CalibrationVerdict,
  type ProposalsActor,
} from '@threadline/domain/calibration/update-check';
import type { DocumentKind, Verdict } from '../document-kind.ts';
import { boardProjector, proposalsProjector } from './projectors.ts';
import { decideForSession, loadSession, scaleValues, sessionChanged } from './session.ts';

function asVerdict(verdict: CalibrationVerdict): Verdict {
  if (verdict.ok) return { ok: true };
  if (verdict.reason === 'schema') {
    return { ok: false, reason: 'schema', detail: verdict.issues.slice(0, 10) };
  }
  return { ok: false, reason: 'forbidden', detail: verdict.refusal };
}

/** The manager's direct reports in the session's population. */
async function reportsOf(
  db: Queryable,
  person: SessionPerson,
  sessionId: string,
  managerId: string,
) {
  const { rows } = await db.query<{ person_id: string }>(
    `SELECT c.person_id FROM calibration_population c
       JOIN people p ON p.organisation_id = c.organisation_id AND p.id = c.person_id
      WHERE c.organisation_id = $1 AND c.session_id = $2 AND p.manager_id = $3`,
    [person.organisationId, sessionId, managerId],
  );
  return new Set(rows.map((row) => row.person_id));
}

/** `calibration-proposals/<sessionId>/<managerId>` (CAL10–CAL12). */
export const proposalsKind: DocumentKind<'calibration-proposals', ProposalsActor> = {
  access: (db, person, { sessionId, managerId }) =>
    decideForSession(db, person, sessionId, managerId, (session) =>
      proposalsAccess(session.reader, session.status, {
        managerId,
        hasReports: session.hasReports,
      }),
    ),
  affectedBy: (notice, { sessionId }) => sessionChanged(notice, sessionId),
  async loadActor(db, person, { sessionId, managerId }) {
    const session = await loadSession(db, person, sessionId);
    // No session: no scale and no reports, so every write is refused (access closed it anyway).
    return {
      personId: person.id,
      managerId,
      reports: session ? await reportsOf(db, person, sessionId, managerId) : new Set(),
      scale: session ? scaleValues(session.config) : new Set(),
    };
  },
  validate: (live, scratch, update, actor) =>
    asVerdict(judgeProposalsUpdate(live, scratch, update, actor)),
  projector: proposalsProjector,
};

/** `calibration/<sessionId>`: the board (CAL14–CAL18). */
export const boardKind: DocumentKind<'calibration', BoardActor> = {
  access: (db, person, { sessionId }) =>
    decideForSession(db, person, sessionId, null, (session) =>
      boardAccess(session.reader, session.status),
    ),
  affectedBy: (notice, { sessionId }) => sessionChanged(notice, sessionId),
  async loadActor(db, person, { sessionId }) {
    const session = await loadSession(db, person, sessionId);
    return {
      personId: person.id,
      participant: session?.reader.role != null,
      scale: session ? scaleValues(session.config) : new Set(),
    };
  },
  validate: (live, scratch, update, actor) =>
    asVerdict(judgeBoardUpdate(live, scratch, update, actor)),
  projector: boardProjector,
};
