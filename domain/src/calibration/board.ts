// Reading the board (CAL17, CAL19–CAL21): its cards with where each sits now, the counts per box,
// and the moves in order. Pure: the page, the projector and finalizing read the same way.
import type * as Y from 'yjs';
import type { BoardConfig, Rated } from './model.ts';
import { boxOf, type BoxNumber } from './nine-box.ts';
import {
  cardsOf,
  movesOf,
  type MoveValue,
  type OriginalValue,
  type PlacementValue,
} from './shape.ts';

export interface Card {
  personId: string;
  /** The manager's proposal as the session started, or null: none was made. */
  original: OriginalValue | null;
  /** The last move's placement, or null: the card still sits at its original. */
  placement: PlacementValue | null;
  /** CAL20: where it sits now: its placement, else its original; null: not placed yet. */
  current: Rated | null;
  /** The box of `current` (null: not placed, or a rating outside every band). */
  box: BoxNumber | null;
}

export interface Move extends MoveValue {
  id: string;
}

const rated = (value: Rated | null): Rated | null =>
  value === null ? null : { rating: value.rating, potential: value.potential };

/** A card's map as plain values. */
export function readCard(personId: string, map: Y.Map<unknown>, config: BoardConfig): Card {
  const original = (map.get('original') as OriginalValue | null | undefined) ?? null;
  const placement = (map.get('placement') as PlacementValue | null | undefined) ?? null;
  const current = rated(placement ?? original);
  return {
    personId,
    original,
    placement,
    current,
    box: current === null ? null : boxOf(current, config.bands),
  };
}

/** Every card, by person id. */
export function boardCards(doc: Y.Doc, config: BoardConfig): Map<string, Card> {
  const cards = new Map<string, Card>();
  for (const [personId, map] of cardsOf(doc).entries()) {
    cards.set(personId, readCard(personId, map, config));
  }
  return cards;
}

/** CAL20: how many cards sit in each box, and how many are not placed. */
export function boxCounts(cards: Iterable<Card>): {
  boxes: Record<BoxNumber, number>;
  unplaced: number;
} {
  const boxes = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0 } as Record<
    BoxNumber,
    number
  >;
  let unplaced = 0;
  for (const card of cards) {
    if (card.box === null) unplaced += 1;
    else boxes[card.box] += 1;
  }
  return { boxes, unplaced };
}

/** CAL21: every move, oldest first (by `at`, then id, so every replica lists them alike). */
export function movesInOrder(doc: Y.Doc, personId?: string): Move[] {
  const moves: Move[] = [];
  for (const [id, move] of movesOf(doc).entries()) {
    if (personId === undefined || move.personId === personId) moves.push({ id, ...move });
  }
  return moves.sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? -1 : 1));
}

const samePlace = (a: Rated, b: Rated) => a.rating === b.rating && a.potential === b.potential;

/** CAL17: whether a move of a card to `to` must say why: it leaves the card's original (a card
 *  without a proposal has none to go back to, so every move of it needs one). */
export function needsJustification(original: Rated | null, to: Rated): boolean {
  return original === null || !samePlace(original, to);
}

/**
 * CAL19: the move that stands for a card, when it is not `moveId`: after two people moved one
 * card at once, the browser whose move lost asks this and shows who won ("Daniel's move stands").
 * Null when `moveId` stands or the card is gone.
 */
export function standingMoveInstead(doc: Y.Doc, moveId: string): Move | null {
  const mine = movesOf(doc).get(moveId);
  if (!mine) return null;
  const placement = cardsOf(doc).get(mine.personId)?.get('placement') as
    PlacementValue | null | undefined;
  if (!placement || placement.moveId === moveId) return null;
  const standing = movesOf(doc).get(placement.moveId);
  return standing ? { id: placement.moveId, ...standing } : null;
}
