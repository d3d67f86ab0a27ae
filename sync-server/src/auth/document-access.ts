// Who may open which document, and whether they may write to it (SYNC3, SYNC19): the document's
// kind decides (documents/document-kind.ts); a name whose kind the server does not serve is
// unknown (4404). Behind an interface so tests can put a rule of their own in front of the
// connection code. Checked when a connection opens and again whenever the database says access
// may have changed (SYNC23); finer rights (whose goals a person may edit) are the kind's
// validator's (SYNC17).
import type { Queryable, SessionPerson } from '@threadline/db';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import type {
  DocumentKindName,
  DocumentName,
  DocumentNameOf,
} from '@threadline/domain/documents/names';
import { kindOf, type AccessDecision, type DocumentKinds } from '../documents/document-kind.ts';

export type { AccessDecision } from '../documents/document-kind.ts';

export interface DocumentAccess {
  check(person: SessionPerson, document: DocumentName): Promise<AccessDecision>;
}

/** Access as the served kinds' rules decide it, read from the database. */
export function databaseDocumentAccess(db: Queryable, kinds: DocumentKinds): DocumentAccess {
  return { check: (person, document) => checkAccess(db, kinds, person, document) };
}

/** One kind's access rule for one document: the rule the sockets and the web app's pages share. */
export function checkAccess<Name extends DocumentKindName>(
  db: Queryable,
  kinds: DocumentKinds,
  person: SessionPerson,
  document: DocumentNameOf<Name>,
): Promise<AccessDecision> {
  const kind = kindOf(kinds, document);
  if (!kind) return Promise.resolve({ granted: false, code: CloseCode.UnknownDocument });
  return kind.access(db, person, document);
}
