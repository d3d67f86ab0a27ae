// Conflict checks (CAL48, CAL49): a rating that disagrees with the person's goal achievement — the
// scale's top rating with under 60 % achievement, or its bottom rating with over 90 % — is flagged
// on the card with both numbers, and facilitators see the list of them.
import type { ScalePoint } from '../model.ts';
import type { SignalCard, SignalPerson } from './input.ts';

/** CAL48: the thresholds, as fractions of goal achievement. */
export const HIGH_RATING_ACHIEVEMENT_BELOW = 0.6;
export const LOW_RATING_ACHIEVEMENT_ABOVE = 0.9;

export type ConflictKind = 'high-rating-low-achievement' | 'low-rating-high-achievement';

export interface Conflict {
  personId: string;
  kind: ConflictKind;
  /** The card's rating now (CAL20). */
  rating: number;
  /** The person's goal achievement, 0–1. */
  achievement: number;
  /** How far past the threshold, in achievement (0–1): what the list sorts by. */
  distance: number;
}

/** CAL48: the scale's top and bottom ratings. */
export function scaleEnds(scale: readonly ScalePoint[]): { bottom: number; top: number } {
  let bottom = Infinity;
  let top = -Infinity;
  for (const point of scale) {
    bottom = Math.min(bottom, point.value);
    top = Math.max(top, point.value);
  }
  return { bottom, top };
}

/** CAL48: the card's conflict, or null (not placed, no goal achievement, or no disagreement). */
export function conflictOf(
  card: SignalCard,
  person: SignalPerson | undefined,
  ends: { bottom: number; top: number },
): Conflict | null {
  if (card.current === null || !person || person.goalAchievement === null) return null;
  const achievement = person.goalAchievement;
  const rating = card.current.rating;
  const base = { personId: card.personId, rating, achievement };
  if (rating === ends.top && achievement < HIGH_RATING_ACHIEVEMENT_BELOW) {
    return {
      ...base,
      kind: 'high-rating-low-achievement',
      distance: HIGH_RATING_ACHIEVEMENT_BELOW - achievement,
    };
  }
  if (rating === ends.bottom && achievement > LOW_RATING_ACHIEVEMENT_ABOVE) {
    return {
      ...base,
      kind: 'low-rating-high-achievement',
      distance: achievement - LOW_RATING_ACHIEVEMENT_ABOVE,
    };
  }
  return null;
}

/** CAL49: every flagged card, the widest disagreement first (then by person id, so every replica
 *  lists them alike). */
export function conflictsOf(
  cards: Iterable<SignalCard>,
  people: ReadonlyMap<string, SignalPerson>,
  scale: readonly ScalePoint[],
): Conflict[] {
  const ends = scaleEnds(scale);
  const found: Conflict[] = [];
  for (const card of cards) {
    const conflict = conflictOf(card, people.get(card.personId), ends);
    if (conflict) found.push(conflict);
  }
  return found.sort((a, b) =>
    a.distance === b.distance ? a.personId.localeCompare(b.personId) : b.distance - a.distance,
  );
}
