// What /people/import answers to a POST of the file's records, shared by the endpoint and the page.
//
// Request: JSON `{ "records": string[][] }` (the header first, as the parser returned them),
// optionally gzip-compressed with `Content-Encoding: gzip` (5,000 people are ~600 KiB of JSON,
// above the adapter's default body limit; compressed they are a tenth of that).
// 400: JSON ImportRejection, nothing written. 200: NDJSON, one ImportMessage a line,
// ending with `done`, `invalid` (a rule broke between the check and the write) or `failed`.
import type { ImportError } from '@threadline/domain/org/people-csv';

export type ImportMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; created: number; updated: number; teams: number }
  | { type: 'invalid'; errors: ImportError[]; errorCount: number }
  | { type: 'failed'; message: string };

export interface ImportRejection {
  /** The first MAX_ERRORS_SENT errors, by line. */
  errors: ImportError[];
  errorCount: number;
}

/** The most errors one answer lists; the count says how many there were in all. */
export const MAX_ERRORS_SENT = 1000;

export const NOTHING_IMPORTED =
  'The import failed and nothing was imported: no person or team was changed. Try again; if it keeps failing, tell your administrator.';
