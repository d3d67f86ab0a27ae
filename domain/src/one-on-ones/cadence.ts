// When a series meets (ONE8, ONE13): its days follow from its first day and its cadence, every 7,
// 14 or 28 days (a "monthly" 1:1 keeps its weekday, so it is every four weeks, as calendars book
// recurring 1:1s). Days are calendar days 'YYYY-MM-DD' in the organisation's time zone; the
// arithmetic is done at UTC midnight, where no day is shorter or longer than 24 hours.
import type { Cadence } from './model.ts';

export const CADENCE_DAYS: Record<Cadence, number> = { weekly: 7, biweekly: 14, monthly: 28 };

const DAY_MS = 86_400_000;

const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (time: number) => new Date(time).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return toDay(toTime(day) + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): number {
  return ((new Date(toTime(day)).getUTCDay() + 6) % 7) + 1;
}

/** The first day on or after `day` that falls on `weekday`. */
export function nextWeekday(day: string, weekday: number): string {
  return addDays(day, (weekday - weekdayOf(day) + 7) % 7);
}

/** ONE8: the first day the cadence schedules on or after `today` (a series starting later: its
 *  first day). */
export function nextScheduledDay(startsOn: string, cadence: Cadence, today: string): string {
  if (today <= startsOn) return startsOn;
  const period = CADENCE_DAYS[cadence];
  const periods = Math.ceil(daysBetween(startsOn, today) / period);
  return addDays(startsOn, periods * period);
}

/** ONE13: a series is overdue when its last meeting held (before today) is older than its cadence
 *  allows, or it has held none and its first day is more than one cadence behind. */
export function isSeriesOverdue(
  lastHeld: string | null,
  startsOn: string,
  cadence: Cadence,
  today: string,
): boolean {
  const since = lastHeld ?? startsOn;
  return daysBetween(since, today) > CADENCE_DAYS[cadence];
}
