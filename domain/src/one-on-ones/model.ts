// The 1:1 series of a manager and an employee, and its meetings (PRODUCT §2, ONE rules in
// domain/SPEC.md). A series is a row (who, how often); its meetings, agendas, shared notes and
// action items live in its document `one-on-one/<seriesId>`; each member's private notes in
// `private-notes/<seriesId>/<personId>`; the employee's mood per meeting in
// `one-on-one-mood/<seriesId>` (which HR never opens, whatever the organisation's setting).

export const CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

/** The three sections of an agenda (the ATA model): are priorities still tied to the goals above
 *  them, progress on the employee's goals, and blockers and development. */
export const AGENDA_SECTIONS = ['align', 'track', 'achieve'] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A series as its row holds it. */
export interface Series {
  id: string;
  organisationId: string;
  managerId: string;
  employeeId: string;
  cadence: Cadence;
  weekday: Weekday;
  /** Local time of day, 'HH:MM'. */
  time: string;
  /** The first meeting's day, 'YYYY-MM-DD'. */
  startsOn: string;
  /** When the reporting line it belongs to ended (ONE3); null while it holds. */
  endedAt: string | null;
}

export const MOOD_MIN = 1;
export const MOOD_MAX = 5;
