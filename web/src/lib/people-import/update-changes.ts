// What an import changes for a person already here: per column of the file, the current value and
// the file's, when they differ (CSV11: columns not in the file keep their values, so they never
// show as changes). The preview shows these as old → new.
import type { CsvField, PlannedPerson } from '@threadline/domain/org/people-csv';
import { normaliseTeamName } from '@threadline/domain/org/teams';
import type { ImportCurrentValues } from '@threadline/db/people-import';

export interface FieldChange {
  from: string;
  to: string;
}

const shown = (value: string | null | undefined) => value ?? '';

/** Values compared as the import would store them: emails and team names ignore case. */
function same(field: CsvField, current: string, next: string): boolean {
  if (field === 'managerEmail') return current.toLowerCase() === next.toLowerCase();
  if (field === 'team') {
    return normaliseTeamName(current).toLowerCase() === normaliseTeamName(next).toLowerCase();
  }
  return current === next;
}

export function updateChanges(
  planned: PlannedPerson,
  current: ImportCurrentValues,
  columns: readonly CsvField[],
): Partial<Record<CsvField, FieldChange>> {
  const changes: Partial<Record<CsvField, FieldChange>> = {};
  for (const field of columns) {
    if (field === 'email') continue; // the email is what matched the person
    const from = shown(current[field]);
    const to = shown(planned[field]);
    if (!same(field, from, to)) changes[field] = { from, to };
  }
  return changes;
}
