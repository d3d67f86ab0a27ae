// The calibration documents as analytics rows (CAL22, CAL23, SYNC24): a manager's proposals into
// `calibration_proposals` (which the server reads to list missing proposals and to build the
// board), the board into `calibration_cards` (original and current place and box per person, how
// many moves) and `calibration_moves` (every move with its justification). Pure in the
// document: the same content gives the same rows. A board's rows can be asked for the people and
// moves a change touched only: a long session's thousands of moves never change once written.
import type * as Y from 'yjs';
import { boardCards, movesInOrder, readCard } from './board.ts';
import type { BoardConfig, Potential } from './model.ts';
import { boxOf } from './nine-box.ts';
import { cardsOf, movesOf, proposalsOf } from './shape.ts';

export interface ProposalRow {
  personId: string;
  rating: number;
  potential: Potential;
  rationale: string;
}

export interface CardRow {
  personId: string;
  originalRating: number | null;
  originalPotential: Potential | null;
  originalBox: number | null;
  currentRating: number | null;
  currentPotential: Potential | null;
  currentBox: number | null;
  moves: number;
}

export interface MoveRow {
  moveId: string;
  personId: string;
  fromRating: number | null;
  fromPotential: Potential | null;
  toRating: number;
  toPotential: Potential;
  justification: string;
  movedBy: string;
  movedAt: string;
}

export function projectProposals(doc: Y.Doc): ProposalRow[] {
  return [...proposalsOf(doc).entries()]
    .map(([personId, map]) => ({
      personId,
      rating: map.get('rating') as number,
      potential: map.get('potential') as Potential,
      rationale: map.get('rationale') as string,
    }))
    .sort((a, b) => a.personId.localeCompare(b.personId));
}

/** How many moves each card has had. */
export function moveCounts(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>();
  for (const move of movesOf(doc).values()) {
    counts.set(move.personId, (counts.get(move.personId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Every card's row, or those of `only` (the people a change touched). `counts` (moveCounts, kept
 * up to date by a follower) saves counting a long session's moves again on every run.
 */
export function projectCards(
  doc: Y.Doc,
  config: BoardConfig,
  only?: ReadonlySet<string>,
  counts: ReadonlyMap<string, number> = moveCounts(doc),
): CardRow[] {
  const cards = only
    ? [...only].flatMap((personId) => {
        const map = cardsOf(doc).get(personId);
        return map ? [readCard(personId, map, config)] : [];
      })
    : [...boardCards(doc, config).values()];
  return cards
    .map((card) => ({
      personId: card.personId,
      originalRating: card.original?.rating ?? null,
      originalPotential: card.original?.potential ?? null,
      originalBox: card.original ? boxOf(card.original, config.bands) : null,
      currentRating: card.current?.rating ?? null,
      currentPotential: card.current?.potential ?? null,
      currentBox: card.box,
      moves: counts.get(card.personId) ?? 0,
    }))
    .sort((a, b) => a.personId.localeCompare(b.personId));
}

/** Every move's row, or those of `only` (the moves a change added). */
export function projectMoves(doc: Y.Doc, only?: ReadonlySet<string>): MoveRow[] {
  const moves = only
    ? [...only].flatMap((id) => {
        const move = movesOf(doc).get(id);
        return move ? [{ id, ...move }] : [];
      })
    : movesInOrder(doc);
  return moves.map((move) => ({
    moveId: move.id,
    personId: move.personId,
    fromRating: move.from?.rating ?? null,
    fromPotential: move.from?.potential ?? null,
    toRating: move.to.rating,
    toPotential: move.to.potential,
    justification: move.justification,
    movedBy: move.by,
    movedAt: move.at,
  }));
}
