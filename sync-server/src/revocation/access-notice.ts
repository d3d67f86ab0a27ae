// The notices the database sends on `threadline_access` when access changes (SYNC23; the
// triggers are in db/migrations/1763840006000_access-notifications.sql and later migrations).
// Sessions and people concern every kind of document; any other table a kind's access depends on
// (a cycle's status, a 1:1 series' members …) announces its changed rows as a `records` notice,
// which each kind reads for itself (DocumentKind.affectedBy). Parsed defensively: a notice that
// does not parse is treated as "anything may have changed".
export const ACCESS_CHANNEL = 'threadline_access';

export type AccessNotice =
  | { kind: 'sessions'; organisationId: string; sessionIds: string[] }
  /** `personIds` null: too many to list, re-check everyone in the organisation. */
  | { kind: 'people'; organisationId: string; personIds: string[] | null }
  | RecordsNotice;

/** Rows of `table` changed in a way that may change who may open which document. */
export interface RecordsNotice {
  kind: 'records';
  organisationId: string;
  table: string;
  ids: string[];
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

export function parseAccessNotice(payload: string | undefined): AccessNotice | null {
  let value: unknown;
  try {
    value = JSON.parse(payload ?? '');
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const notice = value as Record<string, unknown>;
  const { kind, organisationId } = notice;
  if (typeof organisationId !== 'string') return null;
  if (kind === 'sessions' && isStrings(notice.sessionIds)) {
    return { kind, organisationId, sessionIds: notice.sessionIds };
  }
  if (kind === 'people' && (notice.personIds === null || isStrings(notice.personIds))) {
    return { kind, organisationId, personIds: notice.personIds };
  }
  if (kind === 'records' && typeof notice.table === 'string' && isStrings(notice.ids)) {
    return { kind, organisationId, table: notice.table, ids: notice.ids };
  }
  return null;
}
