// Who may open a 1:1's documents, and whether to write (ONE2–ONE5). Pure: the sync server's kinds
// (sync-server/src/documents/one-on-ones/) feed it from the database, and the web app's pages ask
// the same kinds, so a page never shows what a socket would refuse.
import type { AccessMode } from '../protocol/messages.ts';
import type { Series } from './model.ts';

export interface Reader {
  personId: string;
  isAdmin: boolean;
}

/** The organisation's setting "HR may read shared 1:1 agendas" (off by default, ONE4). */
export interface OneOnOnePolicy {
  hrMayReadAgendas: boolean;
}

type SeriesMembers = Pick<Series, 'managerId' | 'employeeId' | 'endedAt'>;

const isMember = (series: SeriesMembers, personId: string) =>
  series.managerId === personId || series.employeeId === personId;

/** A member's mode: writing while the reporting line holds, reading once it ended (ONE3). */
const memberMode = (series: SeriesMembers): AccessMode =>
  series.endedAt === null ? 'read-write' : 'read-only';

/**
 * ONE2–ONE4: the series' shared agenda opens to its two members (read-write while the series
 * runs, read-only once its reporting line ended), and to HR admins read-only when the
 * organisation lets them read shared agendas. Nobody else: not a skip-level manager, not an
 * admin without the setting. Null: no access.
 */
export function agendaAccess(
  reader: Reader,
  series: SeriesMembers,
  policy: OneOnOnePolicy,
): AccessMode | null {
  if (isMember(series, reader.personId)) return memberMode(series);
  if (reader.isAdmin && policy.hrMayReadAgendas) return 'read-only';
  return null;
}

/** ONE5: a member's private notes open to that member alone, whatever anyone's role or setting. */
export function privateNotesAccess(
  reader: Reader,
  series: SeriesMembers,
  authorId: string,
): AccessMode | null {
  if (reader.personId !== authorId || !isMember(series, authorId)) return null;
  return memberMode(series);
}

/** ONE6: the employee's mood per meeting: the employee writes it, the manager reads it, nobody
 *  else ever opens it (HR's setting does not reach it). */
export function moodAccess(reader: Reader, series: SeriesMembers): AccessMode | null {
  if (reader.personId === series.employeeId) return memberMode(series);
  if (reader.personId === series.managerId) return 'read-only';
  return null;
}
