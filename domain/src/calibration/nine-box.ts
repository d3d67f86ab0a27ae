// The 9-box (CAL13): performance (the rating's band) across, potential up. Box number =
// 3 × performance index + potential index + 1, low = 0: box 1 is low performance and low
// potential, box 9 high and high.
import { LEVELS, type Level, type PerformanceBands, type Rated } from './model.ts';

export type BoxNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** What the board says in box 1 and marks in box 9 (CAL13). */
export const BOX_HINTS: Partial<Record<BoxNumber, string>> = {
  1: 'Suggest an improvement plan',
  9: 'Future leader',
};

/** The performance band a rating falls in, or null when no band holds it. */
export function bandOf(rating: number, bands: PerformanceBands): Level | null {
  return LEVELS.find((level) => bands[level].includes(rating)) ?? null;
}

export function boxNumber(performance: Level, potential: Level): BoxNumber {
  return (3 * LEVELS.indexOf(performance) + LEVELS.indexOf(potential) + 1) as BoxNumber;
}

/** A box's two axes. */
export function axesOf(box: BoxNumber): { performance: Level; potential: Level } {
  const index = box - 1;
  return { performance: LEVELS[Math.floor(index / 3)]!, potential: LEVELS[index % 3]! };
}

/** The box a rating and potential sit in, or null when the rating is in no band. */
export function boxOf(rated: Rated, bands: PerformanceBands): BoxNumber | null {
  const performance = bandOf(rated.rating, bands);
  return performance === null ? null : boxNumber(performance, rated.potential);
}

/**
 * CAL13: where a card dropped in `box` lands. It keeps its rating when the rating is in the box's
 * band, else takes the band's rating nearest to it (the band's ratings are contiguous, so the
 * nearest is one end of it); the potential is the box's. `rating` null (a card with no rating
 * yet) takes the band's middle rating, rounded down.
 */
export function dropInBox(box: BoxNumber, rating: number | null, bands: PerformanceBands): Rated {
  const { performance, potential } = axesOf(box);
  const band = [...bands[performance]].sort((a, b) => a - b);
  if (band.length === 0) throw new Error(`the ${performance} band holds no rating`);
  if (rating === null) return { rating: band[Math.floor((band.length - 1) / 2)]!, potential };
  if (band.includes(rating)) return { rating, potential };
  const nearest = band.reduce((best, value) =>
    Math.abs(value - rating) < Math.abs(best - rating) ? value : best,
  );
  return { rating: nearest, potential };
}

/** CAL13: the box next to `box` in an arrow key's direction (right: more performance, up: more
 *  potential), or null at the grid's edge. */
export function neighbourBox(
  box: BoxNumber,
  direction: 'left' | 'right' | 'up' | 'down',
): BoxNumber | null {
  const { performance, potential } = axesOf(box);
  let p = LEVELS.indexOf(performance);
  let q = LEVELS.indexOf(potential);
  if (direction === 'left') p -= 1;
  if (direction === 'right') p += 1;
  if (direction === 'down') q -= 1;
  if (direction === 'up') q += 1;
  if (p < 0 || p > 2 || q < 0 || q > 2) return null;
  return boxNumber(LEVELS[p]!, LEVELS[q]!);
}
