// The calibration dashboard's one figure of its own (ANA21), read from the board's projection
// (calibration_cards: each card's original and current place). Everything else a session shows —
// its distribution, manager skew and flags (ANA20, ANA22, ANA23) — is the board's own signals
// (calibration/signals/, CAL50–CAL55), so analytics and the board never disagree (ANA41).
import type { SignalCard } from '../calibration/signals/input.ts';

/**
 * ANA21: the movement matrix counts the cards by original rating (rows) and calibrated rating
 * (columns); its diagonal holds the cards that did not move. Cards missing either are left out.
 */
export function movementMatrix(
  cards: readonly Pick<SignalCard, 'original' | 'current'>[],
  scale: readonly number[],
): number[][] {
  const index = new Map(scale.map((rating, i) => [rating, i]));
  const matrix = scale.map(() => scale.map(() => 0));
  for (const card of cards) {
    const from = card.original === null ? undefined : index.get(card.original.rating);
    const to = card.current === null ? undefined : index.get(card.current.rating);
    if (from === undefined || to === undefined) continue;
    matrix[from]![to]! += 1;
  }
  return matrix;
}
