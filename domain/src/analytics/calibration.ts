// The calibration dashboard's rules (ANA20–ANA24), read from the board's projection
// (calibration_cards: each card's original and current place) and the goal projection.
import {
  HIGH_RATING_ACHIEVEMENT_BELOW,
  LOW_RATING_ACHIEVEMENT_ABOVE,
} from '../calibration/signals/conflicts.ts';

export interface CardRatings {
  personId: string;
  managerId: string | null;
  original: number | null;
  current: number | null;
}

/**
 * ANA20: the distribution of a session's cards per rating value of its scale, as proposed
 * (original) and as calibrated (the current place), with the guideline's share next to it.
 */
export function distribution(
  cards: readonly CardRatings[],
  scale: readonly number[],
): { rating: number; original: number; calibrated: number }[] {
  return scale.map((rating) => ({
    rating,
    original: cards.filter((card) => card.original === rating).length,
    calibrated: cards.filter((card) => card.current === rating).length,
  }));
}

/**
 * ANA21: the movement matrix counts the cards by original rating (rows) and calibrated rating
 * (columns); its diagonal holds the cards that did not move. Cards missing either are left out.
 */
export function movementMatrix(
  cards: readonly CardRatings[],
  scale: readonly number[],
): number[][] {
  const index = new Map(scale.map((rating, i) => [rating, i]));
  const matrix = scale.map(() => scale.map(() => 0));
  for (const card of cards) {
    const from = card.original === null ? undefined : index.get(card.original);
    const to = card.current === null ? undefined : index.get(card.current);
    if (from === undefined || to === undefined) continue;
    matrix[from]![to]! += 1;
  }
  return matrix;
}

export interface ManagerSkew {
  managerId: string;
  people: number;
  /** Mean original rating of the manager's reports minus the session's mean original rating. */
  skew: number;
  /** Mean change calibration made to the manager's reports' ratings (calibrated − original). */
  meanMove: number;
  /** ANA22: fewer than five rated reports: shown, marked as too few to read as a tendency. */
  smallSample: boolean;
}

/**
 * ANA22: manager skew: how far a manager's proposals sit from the session's (positive: the easy
 * grader, negative: the strict one), and how much calibration moved them, over the cards with
 * both ratings, with the sample size so no one reads noise as bias.
 */
export function managerSkew(cards: readonly CardRatings[]): ManagerSkew[] {
  const rated = cards.filter(
    (card): card is CardRatings & { original: number; current: number; managerId: string } =>
      card.original !== null && card.current !== null && card.managerId !== null,
  );
  if (rated.length === 0) return [];
  const mean = rated.reduce((sum, card) => sum + card.original, 0) / rated.length;
  const byManager = new Map<string, typeof rated>();
  for (const card of rated) {
    const list = byManager.get(card.managerId) ?? [];
    list.push(card);
    byManager.set(card.managerId, list);
  }
  return [...byManager].map(([managerId, list]) => {
    const original = list.reduce((sum, card) => sum + card.original, 0) / list.length;
    const moved = list.reduce((sum, card) => sum + (card.current - card.original), 0) / list.length;
    return {
      managerId,
      people: list.length,
      skew: round2(original - mean),
      meanMove: round2(moved),
      smallSample: list.length < 5,
    };
  });
}

export type Conflict = 'top-rating-low-achievement' | 'low-rating-high-achievement';

/**
 * ANA23: a card is flagged as the board flags it (CAL48, with its thresholds): a calibrated
 * rating at the top of the scale with goal achievement under 60 %, or at its bottom with
 * achievement over 90 %. No achievement (no measured goals): no flag.
 */
export function conflictOf(
  rating: number | null,
  achievement: number | null,
  scale: readonly number[],
): Conflict | null {
  if (rating === null || achievement === null || scale.length === 0) return null;
  const top = Math.max(...scale);
  const bottom = Math.min(...scale);
  if (rating === top && achievement < HIGH_RATING_ACHIEVEMENT_BELOW) {
    return 'top-rating-low-achievement';
  }
  if (rating === bottom && achievement > LOW_RATING_ACHIEVEMENT_ABOVE) {
    return 'low-rating-high-achievement';
  }
  return null;
}

export const CONFLICT_LABELS: Record<Conflict, string> = {
  'top-rating-low-achievement': 'Top rating, under 60 % goal achievement',
  'low-rating-high-achievement': 'Bottom rating, over 90 % goal achievement',
};

/** ANA24: ratings over cycles: the published ratings' share per rating label per cycle. */
export function shares(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, n) => sum + n, 0);
  return counts.map((n) => (total === 0 ? 0 : n / total));
}

function round2(value: number) {
  return Math.round(value * 100) / 100;
}
