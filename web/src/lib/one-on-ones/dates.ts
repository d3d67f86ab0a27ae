// How the 1:1 pages name days, weekdays and cadences. Days are 'YYYY-MM-DD' calendar days
// (domain cadence.ts); they are formatted at UTC midnight so no time zone shifts them.
import type { Cadence } from '@threadline/domain/one-on-ones/model';
import { dateFormat } from '$lib/format/dates';
import { pageLocale } from '$lib/format/locale';

export const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  monthly: 'Monthly (every four weeks)',
};

/** ISO weekdays, 1 = Monday. */
export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

export const weekdayName = (weekday: number) => WEEKDAYS[weekday - 1] ?? '';

/** Today as a calendar day. */
export const todayOf = (now: Date) => now.toISOString().slice(0, 10);

const at = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * A meeting's day with its weekday, in the page's locale (ORG19): "Tue 8 Dec 2026" in en-GB; the
 * year left out when it is `today`'s.
 */
export function formatDay(day: string, today?: string, locale = pageLocale()): string {
  const sameYear = today !== undefined && today.slice(0, 4) === day.slice(0, 4);
  return dateFormat(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(at(day));
}

/** "Today", "Tomorrow", "in 5 days", "3 days ago" … relative to `today`. */
export function relativeDay(day: string, today: string): string {
  const days = Math.round((at(day).getTime() - at(today).getTime()) / 86_400_000);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
