// The 1:1 dashboard's rules (ANA16–ANA19). Counts and group aggregates only: no talking point,
// note or action text is ever read for analytics (ANA19).
import { isSeriesOverdue } from '../one-on-ones/cadence.ts';
import type { Cadence } from '../one-on-ones/model.ts';

export interface SeriesCadence {
  cadence: Cadence;
  startsOn: string;
  /** The last meeting held (not cancelled) before `today`, or null. */
  lastHeld: string | null;
}

/**
 * ANA16: a running series keeps its cadence when it is not overdue (ONE13) on the day looked at:
 * its last meeting held is no older than its cadence allows. A series that has not yet reached
 * its first cadence period keeps it.
 */
export function keepsCadence(series: SeriesCadence, today: string): boolean {
  return !isSeriesOverdue(series.lastHeld, series.startsOn, series.cadence, today);
}

/** ANA16: the share of series that keep their cadence; null with none. */
export function cadenceKept(series: readonly SeriesCadence[], today: string) {
  const kept = series.filter((s) => keepsCadence(s, today)).length;
  return { kept, total: series.length, share: series.length === 0 ? null : kept / series.length };
}

/** ANA9, ANA17: every Monday from the week of `from` to the week of `to`, both included. */
export function weeksBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return [];
  const first = start - ((new Date(start).getUTCDay() + 6) % 7) * 86_400_000;
  const weeks: string[] = [];
  for (let at = first; at <= end; at += 7 * 86_400_000) {
    weeks.push(new Date(at).toISOString().slice(0, 10));
  }
  return weeks;
}

/**
 * ANA18: an action item is opened the day it was raised and done the day its owner ticked it;
 * it is overdue while open past its due day (ONE12), counted as of the day looked at.
 */
export function isActionOverdue(
  action: { done: boolean; deleted: boolean; dueDate: string | null },
  today: string,
): boolean {
  return !action.done && !action.deleted && action.dueDate !== null && action.dueDate < today;
}

/** The whole weeks of a range (Monday to Sunday, both inside it): the first and last Mondays. */
export interface WholeWeeks {
  firstWeek: string;
  lastWeek: string;
  /** The Sunday ending the last whole week. */
  lastDay: string;
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * ANA31: the weekly roll-up holds whole weeks, so a range reads the weeks it holds whole from it
 * and only the days at its ends outside them (a week cut by `from` or `to`) from the projected
 * rows; null when the range holds no whole week.
 */
export function wholeWeeksOf(from: string, to: string): WholeWeeks | null {
  const weeks = weeksBetween(from, to);
  const firstWeek = weeks.find((monday) => monday >= from);
  const lastWeek = weeks.findLast((monday) => addDays(monday, 6) <= to);
  if (firstWeek === undefined || lastWeek === undefined || lastWeek < firstWeek) return null;
  return { firstWeek, lastWeek, lastDay: addDays(lastWeek, 6) };
}
