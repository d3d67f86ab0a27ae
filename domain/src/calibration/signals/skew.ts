// Manager skew (CAL54, CAL55): each manager's mean rating of their reports on the board (where
// the cards sit now) against the mean of everyone else placed, with the number of reports and a
// 95 % interval (CAL53). "Strict" or "easy" is said only when the interval lies wholly below or
// above the rest's mean: a manager of three people rated a little low is not called strict.
import type { SignalCard, SignalPerson } from './input.ts';
import { placedRatings } from './input.ts';
import { mean, meanInterval, outside, sampleSd, type Interval } from './stats.ts';

export type SkewVerdict = 'strict' | 'easy';

export interface ManagerSkew {
  managerId: string;
  /** Their reports placed on the board. */
  n: number;
  mean: number;
  /** CAL53; null for a single report. */
  interval: Interval | null;
  /** Everyone else placed on the board. */
  restN: number;
  restMean: number;
  /** Mean minus the rest's mean. */
  difference: number;
  /** CAL55: only when the interval excludes the rest's mean. */
  verdict: SkewVerdict | null;
}

/** CAL54: one row per manager with a report placed, the strictest first (lowest difference; then
 *  by manager id). */
export function managerSkewOf(
  cards: Iterable<SignalCard>,
  people: ReadonlyMap<string, SignalPerson>,
): ManagerSkew[] {
  const placed = placedRatings(cards, people);
  const all = placed.map((entry) => entry.rating);
  const boardSd = sampleSd(all);
  let total = 0;
  for (const rating of all) total += rating;
  const byManager = new Map<string, number[]>();
  for (const { rating, person } of placed) {
    if (!person?.managerId) continue;
    const list = byManager.get(person.managerId);
    if (list) list.push(rating);
    else byManager.set(person.managerId, [rating]);
  }
  const rows: ManagerSkew[] = [];
  for (const [managerId, ratings] of byManager) {
    const m = mean(ratings);
    const restN = all.length - ratings.length;
    let own = 0;
    for (const rating of ratings) own += rating;
    const restMean = restN === 0 ? Number.NaN : (total - own) / restN;
    const interval = meanInterval(ratings, boardSd);
    const side = outside(interval, restMean);
    rows.push({
      managerId,
      n: ratings.length,
      mean: m,
      interval,
      restN,
      restMean,
      difference: m - restMean,
      verdict: side === 'below' ? 'strict' : side === 'above' ? 'easy' : null,
    });
  }
  return rows.sort((a, b) =>
    a.difference === b.difference || (Number.isNaN(a.difference) && Number.isNaN(b.difference))
      ? a.managerId.localeCompare(b.managerId)
      : Number.isNaN(a.difference)
        ? 1
        : Number.isNaN(b.difference)
          ? -1
          : a.difference - b.difference,
  );
}
