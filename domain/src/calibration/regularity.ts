// Check-in regularity on the player card (CAL59): the share of the 1:1s a person's cadence
// scheduled in the cycle that were held. Read from the 1:1 series rows and their projected
// meetings (ONE15), so the board's page needs no 1:1 content at all.
import { addDays, CADENCE_DAYS, daysBetween } from '../one-on-ones/cadence.ts';
import type { Cadence } from '../one-on-ones/model.ts';

export interface RegularitySeries {
  cadence: Cadence;
  /** The series' first day, YYYY-MM-DD. */
  startsOn: string;
  /** The day the series ended, or null: running. */
  endedOn: string | null;
  /** The days of its meetings held (projected and not cancelled), YYYY-MM-DD. */
  heldDays: readonly string[];
}

export interface Regularity {
  kept: number;
  due: number;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** CAL59: how many of the cadence's days fall between `from` and `to` (both included). */
export function cadenceDaysBetween(
  startsOn: string,
  cadence: Cadence,
  from: string,
  to: string,
): number {
  const start = later(startsOn, from);
  if (start > to) return 0;
  const period = CADENCE_DAYS[cadence];
  const first = Math.ceil(daysBetween(startsOn, start) / period);
  const last = Math.floor(daysBetween(startsOn, to) / period);
  return Math.max(0, last - first + 1);
}

/** CAL59: kept and due over all the person's series in the cycle, up to yesterday; null when
 *  nothing was due ("No data"). */
export function checkInRegularity(
  series: readonly RegularitySeries[],
  cycle: { startsOn: string; endsOn: string },
  today: string,
): Regularity | null {
  let kept = 0;
  let due = 0;
  const yesterday = addDays(today, -1);
  for (const one of series) {
    const from = later(one.startsOn, cycle.startsOn);
    let to = earlier(cycle.endsOn, yesterday);
    if (one.endedOn !== null) to = earlier(to, one.endedOn);
    const owed = cadenceDaysBetween(one.startsOn, one.cadence, from, to);
    if (owed === 0) continue;
    const held = one.heldDays.filter((day) => day >= from && day <= to).length;
    due += owed;
    kept += Math.min(held, owed);
  }
  return due === 0 ? null : { kept, due };
}
