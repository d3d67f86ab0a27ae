// How calibration lives in Y.Docs (CAL10, CAL14).
//
// A manager's proposals, `calibration-proposals/<sessionId>/<managerId>`, hold one map,
// `proposals`: personId → Y.Map { rating, potential, rationale }. One document per manager,
// because a Yjs document is replicated whole: a manager's browser (and its IndexedDB) must never
// hold another manager's proposals, and employees' never hold any (CAL12).
//
// The board, `calibration/<sessionId>`, holds two maps:
//   cards   personId → Y.Map { original, placement }. `original` is the proposal the server put
//           there when the session started ({rating, potential, rationale, proposedBy}, or null
//           when the manager proposed nothing); clients never change it. `placement` is where the
//           card sits now ({rating, potential, moveId}, or null: still at its original), one
//           plain value so that two concurrent moves of one card resolve last-writer-wins to the
//           same box on every replica, chosen by Yjs from the document alone (CAL19).
//   moves   moveId → { personId, from, to, justification, by, at }: the audit log. Each move is
//           written once and never changed or removed, so both of two concurrent moves stay in
//           it (CAL18, CAL19).
import type * as Y from 'yjs';
import type { Potential, Rated } from './model.ts';

export const PROPOSALS_ROOT = 'proposals';
export const CARDS_ROOT = 'cards';
export const MOVES_ROOT = 'moves';

/** The plain fields of one proposal's map. */
export interface ProposalFields {
  rating: number;
  potential: Potential;
  rationale: string;
}

/** A card's original: the manager's proposal, as the session started. */
export interface OriginalValue extends Rated {
  rationale: string;
  proposedBy: string;
}

/** Where a card sits now, and the move that put it there. */
export interface PlacementValue extends Rated {
  moveId: string;
}

export interface MoveValue {
  personId: string;
  /** Where the mover saw the card (null: it had no box yet). */
  from: Rated | null;
  to: Rated;
  justification: string;
  by: string;
  at: string;
}

export const proposalsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(PROPOSALS_ROOT);
export const cardsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(CARDS_ROOT);
export const movesOf = (doc: Y.Doc) => doc.getMap<MoveValue>(MOVES_ROOT);
