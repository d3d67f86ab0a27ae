// Decides, before a sync websocket is accepted, whether it may open the document it names:
// session first (4401), then the name (4404), then access (4403/4404). The websocket is accepted
// either way and closed with the code, because providers retry an HTTP error forever.
import type { Pool, Session, SessionPerson } from '@threadline/db';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import {
  formatDocumentName,
  parseDocumentName,
  type DocumentName,
} from '@threadline/domain/documents/names';
import type { AccessMode } from '@threadline/domain/protocol/messages';
import type { DocumentKey } from '../persistence/document-storage.ts';
import { authenticate } from './authenticate.ts';
import type { DocumentAccess } from './document-access.ts';

export type Admission =
  | {
      admitted: true;
      person: SessionPerson;
      session: Session;
      document: DocumentName;
      key: DocumentKey;
      mode: AccessMode;
    }
  | { admitted: false; code: CloseCode; personId?: string };

export async function admit(
  db: Pool,
  access: DocumentAccess,
  cookieHeader: string | undefined,
  documentName: string,
): Promise<Admission> {
  const session = await authenticate(db, cookieHeader);
  if (!session) return { admitted: false, code: CloseCode.Unauthorized };
  const { person } = session;
  const document = parseDocumentName(documentName);
  if (!document) return { admitted: false, code: CloseCode.UnknownDocument, personId: person.id };
  const decision = await access.check(person, document);
  if (!decision.granted) return { admitted: false, code: decision.code, personId: person.id };
  const key = { organisationId: decision.organisationId, name: formatDocumentName(document) };
  return { admitted: true, person, session: session.session, document, key, mode: decision.mode };
}
