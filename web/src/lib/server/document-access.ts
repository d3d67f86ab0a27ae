// Which documents a page may show a person, decided by the same rule the sync server applies to
// that document's socket (its kind's `access`, SYNC3): no page can show a document — its history,
// its state on a past date — that its websocket would refuse.
import type { Queryable, SessionPerson } from '@threadline/db';
import {
  formatDocumentName,
  parseDocumentName,
  type DocumentName,
} from '@threadline/domain/documents/names';
import { checkAccess } from '@threadline/sync-server/auth/document-access';
import type { DocumentKey } from '@threadline/sync-server/persistence/document-storage';
import { PRODUCTION_KINDS } from '@threadline/sync-server/documents/production-kinds';

export interface ReadableDocument {
  document: DocumentName;
  key: DocumentKey;
}

/** The document `name` names, when `person` may open it (to read or to write); null otherwise. */
export async function readableDocument(
  db: Queryable,
  person: SessionPerson,
  name: string | null,
): Promise<ReadableDocument | null> {
  const document = name === null ? null : parseDocumentName(name);
  if (!document) return null;
  const decision = await checkAccess(db, PRODUCTION_KINDS, person, document);
  if (!decision.granted) return null;
  return {
    document,
    key: { organisationId: decision.organisationId, name: formatDocumentName(document) },
  };
}
