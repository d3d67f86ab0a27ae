// CAL24: what finalizing publishes for each card: its current rating and potential, the rating's
// label and band, and the box. A card not placed yet (no proposal, never moved) cannot be
// published: finalizing asks for every card to be in a box first.
import type { Card } from './board.ts';
import type { BoardConfig, Level, Potential } from './model.ts';
import { bandOf, type BoxNumber } from './nine-box.ts';

export interface PublishedRating {
  personId: string;
  rating: number;
  ratingLabel: string;
  performance: Level;
  potential: Potential;
  box: BoxNumber;
}

/** The ratings to publish, or the people whose cards are not in a box yet. */
export function ratingsToPublish(
  cards: Iterable<Card>,
  config: BoardConfig,
): { ok: true; ratings: PublishedRating[] } | { ok: false; unplaced: string[] } {
  const ratings: PublishedRating[] = [];
  const unplaced: string[] = [];
  for (const card of cards) {
    const performance = card.current && bandOf(card.current.rating, config.bands);
    if (!card.current || !performance || card.box === null) {
      unplaced.push(card.personId);
      continue;
    }
    ratings.push({
      personId: card.personId,
      rating: card.current.rating,
      ratingLabel:
        config.scale.find((point) => point.value === card.current!.rating)?.label ??
        String(card.current.rating),
      performance,
      potential: card.current.potential,
      box: card.box,
    });
  }
  if (unplaced.length > 0) return { ok: false, unplaced: unplaced.sort() };
  return { ok: true, ratings: ratings.sort((a, b) => a.personId.localeCompare(b.personId)) };
}
