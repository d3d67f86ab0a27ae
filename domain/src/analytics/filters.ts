// The dashboards' filters (ANA27, ANA28): cycle, department or team, date range, from the URL.
import { isUuid } from '../ids.ts';

export interface AnalyticsFilters {
  cycleId: string | null;
  teamId: string | null;
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string | null): value is string {
  if (value === null || !DAY.test(value)) return false;
  const at = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === value;
}

/** The day `days` before `day` (YYYY-MM-DD, UTC). */
export function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** ANA27: the default date range is the 26 weeks up to today. */
export const DEFAULT_RANGE_DAYS = 26 * 7;
/** ANA27: a range is at most two years long (the start moves up). */
export const MAX_RANGE_DAYS = 731;

/**
 * ANA27: filters from the page's query string: a cycle and a team are ids (anything else is no
 * filter); the range's days are real days, `from` not after `to` (swapped when given the wrong
 * way round), `to` not after today, and at most two years apart. The cycle defaults to the active
 * one (chosen by the caller, who knows it).
 */
export function parseFilters(params: URLSearchParams, today: string): AnalyticsFilters {
  const cycle = params.get('cycle');
  const team = params.get('team');
  let to = params.get('to');
  let from = params.get('from');
  if (!isDay(to) || to > today) to = today;
  if (!isDay(from)) from = daysBefore(to, DEFAULT_RANGE_DAYS);
  if (from > to) [from, to] = [to, from];
  if (Date.parse(to) - Date.parse(from) > MAX_RANGE_DAYS * 86_400_000) {
    from = daysBefore(to, MAX_RANGE_DAYS);
  }
  return {
    cycleId: cycle && isUuid(cycle) ? cycle : null,
    teamId: team && isUuid(team) ? team : null,
    from,
    to,
  };
}

/** ANA28: a dashboard shows what the projection holds within this many milliseconds of a change:
 *  the page asks again this often while it is visible (the projection adds at most a second). */
export const REFRESH_EVERY_MS = 2_000;
