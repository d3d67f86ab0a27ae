// The names of collaborative documents, as they appear after `/sync/` (SYNC1). Each document has
// exactly one name: ids are canonical lowercase UUIDs, so `goals/ABC…` and `goals/abc…` can never
// become two rooms holding two diverging copies of one goal tree.
import { isUuid } from '../ids.ts';

export type DocumentName =
  /** The goal tree of one cycle; the cycle belongs to one organisation. */
  | { kind: 'goals'; cycleId: string }
  /** The shared agenda and notes of one manager–employee 1:1 series. */
  | { kind: 'one-on-one'; seriesId: string }
  /** The employee's mood per meeting of one 1:1 series (ONE6): never opened by HR. */
  | { kind: 'one-on-one-mood'; seriesId: string }
  /** One person's private notes for one 1:1 series. */
  | { kind: 'private-notes'; seriesId: string; personId: string }
  /** The board of one calibration session. */
  | { kind: 'calibration'; sessionId: string }
  /** One manager's proposals for their reports in one calibration session (CAL10). */
  | { kind: 'calibration-proposals'; sessionId: string; managerId: string }
  /** One person's development plan: skill gaps and development items (ONE41, ONE42). */
  | { kind: 'development-plan'; personId: string };

/** The kinds of document, by the first segment of their names. */
export type DocumentKindName = DocumentName['kind'];

/** The parsed name of a document of kind `Kind`. */
export type DocumentNameOf<Kind extends DocumentKindName> = Extract<DocumentName, { kind: Kind }>;

/** The document a name refers to, or null when it names none (the server closes with 4404). */
export function parseDocumentName(name: string): DocumentName | null {
  const [kind, ...ids] = name.split('/');
  if (ids.length === 0 || !ids.every(isUuid)) return null;
  const [first, second] = ids as [string, string | undefined];
  switch (kind) {
    case 'goals':
      return ids.length === 1 ? { kind, cycleId: first } : null;
    case 'one-on-one':
    case 'one-on-one-mood':
      return ids.length === 1 ? { kind, seriesId: first } : null;
    case 'calibration':
      return ids.length === 1 ? { kind, sessionId: first } : null;
    case 'development-plan':
      return ids.length === 1 ? { kind, personId: first } : null;
    case 'private-notes':
      return ids.length === 2 && second ? { kind, seriesId: first, personId: second } : null;
    case 'calibration-proposals':
      return ids.length === 2 && second ? { kind, sessionId: first, managerId: second } : null;
    default:
      return null;
  }
}

export function formatDocumentName(name: DocumentName): string {
  switch (name.kind) {
    case 'goals':
      return `goals/${name.cycleId}`;
    case 'one-on-one':
      return `one-on-one/${name.seriesId}`;
    case 'one-on-one-mood':
      return `one-on-one-mood/${name.seriesId}`;
    case 'private-notes':
      return `private-notes/${name.seriesId}/${name.personId}`;
    case 'calibration':
      return `calibration/${name.sessionId}`;
    case 'calibration-proposals':
      return `calibration-proposals/${name.sessionId}/${name.managerId}`;
    case 'development-plan':
      return `development-plan/${name.personId}`;
  }
}
