import type { CsvRow, ImportError, PeopleImportPlan } from '@threadline/domain/org/people-csv';

/** Rows the preview table shows. */
export const PREVIEW_ROWS = 10;

export type PreviewAction = 'new' | 'update' | 'error';

export interface PreviewRow {
  row: CsvRow;
  action: PreviewAction;
}

/** The first rows of the file, each marked as a new person, an update, or a line with an error. */
export function previewRows(
  rows: readonly CsvRow[],
  plan: PeopleImportPlan,
  errors: readonly ImportError[],
  limit = PREVIEW_ROWS,
): PreviewRow[] {
  const errorLines = new Set(errors.map((error) => error.line));
  const updateLines = new Set(plan.updates.map((person) => person.line));
  return rows.slice(0, limit).map((row) => ({
    row,
    action: errorLines.has(row.line) ? 'error' : updateLines.has(row.line) ? 'update' : 'new',
  }));
}
