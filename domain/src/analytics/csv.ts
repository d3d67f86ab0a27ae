// The numbers behind every analytics chart as CSV (ANA10).
import { defuseFormula } from '../csv-safe.ts';

/**
 * ANA10: a cell a spreadsheet would read as a formula (text starting with =, +, -, @, a tab or a
 * carriage return) is written with a leading apostrophe, so opening the file runs nothing.
 * Numbers stay numbers (a negative number is not text).
 */
export function csvSafeCell(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return defuseFormula(String(value));
}

/** The rows of a table as CSV records: a header, then each row's cells made safe. */
export function csvRecords(
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): (string | number)[][] {
  return [columns.map(csvSafeCell), ...rows.map((row) => row.map(csvSafeCell))];
}
