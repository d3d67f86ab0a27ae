// Who may open which document, and whether they may write to it (SYNC3, SYNC19). Behind an
// interface so the rules can grow without touching the connection code. Checked when a
// connection opens and again whenever the database says access may have changed (SYNC23);
// finer rights (whose goals a person may edit) are the document kind's validator's (SYNC17).
import type { Queryable, SessionPerson } from '@threadline/db';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import type { DocumentName } from '@threadline/domain/documents/names';
import type { AccessMode } from '@threadline/domain/protocol/messages';

export type AccessDecision =
  | {
      granted: true;
      /** The organisation whose log holds the document. */
      organisationId: string;
      mode: AccessMode;
    }
  | { granted: false; code: typeof CloseCode.Forbidden | typeof CloseCode.UnknownDocument };

export interface DocumentAccess {
  check(person: SessionPerson, document: DocumentName): Promise<AccessDecision>;
}

/** The rules of today's schema: a goal tree opens to everyone in the cycle's organisation, to
 *  write while the cycle is planned or active, to read only once it is closed (its goals are
 *  final). The other kinds wait for their tables (1:1 series, calibration sessions): 4404. */
export function databaseDocumentAccess(db: Queryable): DocumentAccess {
  return {
    async check(person, document) {
      switch (document.kind) {
        case 'goals': {
          const { rows } = await db.query<{ status: string }>(
            `SELECT status FROM cycles WHERE organisation_id = $1 AND id = $2`,
            [person.organisationId, document.cycleId],
          );
          const cycle = rows[0];
          if (!cycle) return { granted: false, code: CloseCode.Forbidden };
          const mode = cycle.status === 'closed' ? 'read-only' : 'read-write';
          return { granted: true, organisationId: person.organisationId, mode };
        }
        case 'one-on-one':
        case 'private-notes':
        case 'calibration':
          return { granted: false, code: CloseCode.UnknownDocument };
      }
    },
  };
}
