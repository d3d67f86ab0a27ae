// Row ids (ORG15): every id the app hands out is a UUID as PostgreSQL writes it, lowercase and
// hyphenated. One spelling per id means one room per document (SYNC1), one goal per key (GOAL1),
// and nothing else in a URL or form ever reaches a query as an id.

/** A lowercase canonical UUID, anchored: `0b5e8f2c-5a4e-4d7b-9a7c-2f1e3d4c5b6a`. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `value` (from a URL, a form, a document) is an id in its one spelling (ORG15). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
