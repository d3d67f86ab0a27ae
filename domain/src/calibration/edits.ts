// The edits made to the calibration documents (CAL11, CAL16, CAL17), as Yjs transactions. Pure:
// ids and times come from the caller.
import * as Y from 'yjs';
import { needsJustification, readCard } from './board.ts';
import type { BoardConfig, Rated } from './model.ts';
import {
  cardsOf,
  movesOf,
  proposalsOf,
  type OriginalValue,
  type PlacementValue,
  type ProposalFields,
} from './shape.ts';

/** CAL11: the manager's proposal for one of their reports; only the fields that changed are set,
 *  so two of the manager's devices editing different fields merge. */
export function setProposal(doc: Y.Doc, personId: string, proposal: ProposalFields): void {
  doc.transact(() => {
    const proposals = proposalsOf(doc);
    let map = proposals.get(personId);
    if (!map) {
      map = new Y.Map<unknown>();
      proposals.set(personId, map);
    }
    for (const [key, value] of Object.entries(proposal)) {
      if (map.get(key) !== value) map.set(key, value);
    }
  });
}

/** CAL16: the board as the session starts: a card per person of the population, at its
 *  original (the proposal, or none). Written by the server, once. */
export function buildBoard(
  doc: Y.Doc,
  cards: readonly { personId: string; original: OriginalValue | null }[],
): void {
  doc.transact(() => {
    const map = cardsOf(doc);
    for (const { personId, original } of cards) {
      const card = new Y.Map<unknown>();
      card.set('original', original);
      card.set('placement', null);
      map.set(personId, card);
    }
  });
}

export interface MoveInput {
  moveId: string;
  personId: string;
  to: Rated;
  justification: string;
}

export type MoveResult =
  { ok: true } | { ok: false; reason: 'no-card' | 'not-moved' | 'justification-needed' };

/**
 * CAL17, CAL18: moves a card: one move in the log and the card's placement, in one transaction.
 * A move away from the original needs a justification (refused here, as the server would); a
 * move to where the card already is is no move.
 */
export function moveCard(
  doc: Y.Doc,
  input: MoveInput,
  config: BoardConfig,
  context: { by: string; at?: string },
): MoveResult {
  const map = cardsOf(doc).get(input.personId);
  if (!map) return { ok: false, reason: 'no-card' };
  const card = readCard(input.personId, map, config);
  const to: Rated = { rating: input.to.rating, potential: input.to.potential };
  if (card.current?.rating === to.rating && card.current.potential === to.potential) {
    return { ok: false, reason: 'not-moved' };
  }
  const justification = input.justification.trim();
  if (justification === '' && needsJustification(card.original, to)) {
    return { ok: false, reason: 'justification-needed' };
  }
  doc.transact(() => {
    movesOf(doc).set(input.moveId, {
      personId: input.personId,
      from: card.current,
      to,
      justification,
      by: context.by,
      at: context.at ?? new Date().toISOString(),
    });
    map.set('placement', { ...to, moveId: input.moveId } satisfies PlacementValue);
  });
  return { ok: true };
}

/** CAL16: the one update that creates the board, as the server appends it to the log. */
export function initialBoardUpdate(
  cards: readonly { personId: string; original: OriginalValue | null }[],
): Uint8Array {
  const doc = new Y.Doc();
  buildBoard(doc, cards);
  return Y.encodeStateAsUpdate(doc);
}

/** CAL11: a manager's proposals written at once, as one update of a new proposals document (the
 *  seeds' and tests' way of proposing without a browser). */
export function proposalsUpdate(
  proposals: readonly ({ personId: string } & ProposalFields)[],
): Uint8Array {
  const doc = new Y.Doc();
  for (const { personId, ...fields } of proposals) setProposal(doc, personId, fields);
  return Y.encodeStateAsUpdate(doc);
}
