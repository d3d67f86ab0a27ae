// Who may open which document (SYNC3). Behind an interface so the rules can grow without touching
// the connection code: phase 2 adds a read-only mode and per-update permission checks here.
import type { Queryable, SessionPerson } from '@threadline/db';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import type { DocumentName } from '@threadline/domain/documents/names';

export type AccessDecision =
  | {
      granted: true;
      /** The organisation whose log holds the document. */
      organisationId: string;
      mode: 'read-write';
    }
  | { granted: false; code: typeof CloseCode.Forbidden | typeof CloseCode.UnknownDocument };

export interface DocumentAccess {
  check(person: SessionPerson, document: DocumentName): Promise<AccessDecision>;
}

/** The rules of today's schema: goal trees open to everyone in the cycle's organisation. The
 *  other kinds wait for their tables (1:1 series, calibration sessions) and answer 4404. */
export function databaseDocumentAccess(db: Queryable): DocumentAccess {
  return {
    async check(person, document) {
      switch (document.kind) {
        case 'goals': {
          const { rowCount } = await db.query(
            `SELECT 1 FROM cycles WHERE organisation_id = $1 AND id = $2`,
            [person.organisationId, document.cycleId],
          );
          return rowCount
            ? { granted: true, organisationId: person.organisationId, mode: 'read-write' }
            : { granted: false, code: CloseCode.Forbidden };
        }
        case 'one-on-one':
        case 'private-notes':
        case 'calibration':
          return { granted: false, code: CloseCode.UnknownDocument };
      }
    },
  };
}
