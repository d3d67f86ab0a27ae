// The server's verdict on one client update to a calibration document (CAL11, CAL14, CAL17,
// CAL18). Pure: it applies the update to a scratch replica handed to it (equal to the live
// document until now), compares the two and does no I/O. Whether the sender may write at all
// (the session's state, their part in it) is the access rule's (access.ts): a connection that
// may only read never reaches this.
import * as Y from 'yjs';
import { collectTouchedEntries, type TouchedEntries } from '../ydoc/touched.ts';
import { needsJustification } from './board.ts';
import type { Rated } from './model.ts';
import { validateBoardDocument, validateProposalsDocument, type SchemaIssue } from './schema.ts';
import {
  CARDS_ROOT,
  MOVES_ROOT,
  PROPOSALS_ROOT,
  type MoveValue,
  type OriginalValue,
  type PlacementValue,
} from './shape.ts';

/** Who writes to a manager's proposals, and what they may propose for. */
export interface ProposalsActor {
  personId: string;
  /** The manager the document belongs to. */
  managerId: string;
  /** That manager's direct reports in the session's population. */
  reports: ReadonlySet<string>;
  /** The rating values of the session's scale. */
  scale: ReadonlySet<number>;
}

/** Who writes to the board. */
export interface BoardActor {
  personId: string;
  /** A leader or facilitator of the session. */
  participant: boolean;
  scale: ReadonlySet<number>;
}

export type CalibrationRule = 'CAL11' | 'CAL17' | 'CAL18';

export type CalibrationVerdict =
  | { ok: true }
  | { ok: false; reason: 'schema'; issues: SchemaIssue[] }
  | {
      ok: false;
      reason: 'forbidden';
      refusal: { rule: CalibrationRule; path: string; message: string };
    };

const forbidden = (rule: CalibrationRule, path: string, message: string): CalibrationVerdict => ({
  ok: false,
  reason: 'forbidden',
  refusal: { rule, path, message },
});

const keysOf = (touched: TouchedEntries, root: string) =>
  [...(touched.get(root) ?? [])].filter((key): key is string => key !== null);

const schemaVerdict = (issues: SchemaIssue[]): CalibrationVerdict | null =>
  issues.length > 0 ? { ok: false, reason: 'schema', issues } : null;

/** CAL11: only the document's manager writes; only for their reports in the population; values
 *  inside the session's scale; a proposal is changed, never removed. */
export function judgeProposalsUpdate(
  live: Y.Doc,
  scratch: Y.Doc,
  update: Uint8Array,
  actor: ProposalsActor,
): CalibrationVerdict {
  const touched = collectTouchedEntries(scratch, () => Y.applyUpdate(scratch, update));
  const schema = schemaVerdict(validateProposalsDocument(scratch, touched));
  if (schema) return schema;
  const keys = keysOf(touched, PROPOSALS_ROOT);
  if (keys.length > 0 && actor.personId !== actor.managerId) {
    return forbidden('CAL11', PROPOSALS_ROOT, 'Only the manager writes their proposals.');
  }
  for (const personId of keys) {
    const path = `${PROPOSALS_ROOT}.${personId}`;
    const after = scratch.getMap<Y.Map<unknown>>(PROPOSALS_ROOT).get(personId);
    if (after === undefined) {
      if (live.getMap(PROPOSALS_ROOT).has(personId)) {
        return forbidden('CAL11', path, 'A proposal is changed, never removed.');
      }
      continue;
    }
    if (!actor.reports.has(personId)) {
      return forbidden('CAL11', path, 'Proposals are for your direct reports in the session.');
    }
    if (!actor.scale.has(after.get('rating') as number)) {
      return forbidden('CAL11', path, 'The rating is not on the session’s scale.');
    }
  }
  return { ok: true };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const samePlace = (a: Rated, b: Rated) => a.rating === b.rating && a.potential === b.potential;

/** The Yjs item that created a card's map: a client replacing the map makes another. */
function sameItem(a: Y.Map<unknown>, b: Y.Map<unknown>): boolean {
  const x = a._item?.id;
  const y = b._item?.id;
  return x !== undefined && y !== undefined && x.client === y.client && x.clock === y.clock;
}

/** CAL18: the moves an update adds, after checking that it changes and removes none. */
function addedMoves(
  live: Y.Doc,
  scratch: Y.Doc,
  touched: TouchedEntries,
  actor: BoardActor,
): Map<string, MoveValue> | CalibrationVerdict {
  const added = new Map<string, MoveValue>();
  const cards = scratch.getMap<Y.Map<unknown>>(CARDS_ROOT);
  for (const moveId of keysOf(touched, MOVES_ROOT)) {
    const path = `${MOVES_ROOT}.${moveId}`;
    if (live.getMap(MOVES_ROOT).has(moveId)) {
      return forbidden('CAL18', path, 'A move is never changed or removed.');
    }
    const move = scratch.getMap<MoveValue>(MOVES_ROOT).get(moveId);
    if (move === undefined) continue;
    if (move.by !== actor.personId) return forbidden('CAL18', path, 'A move names its mover.');
    const card = cards.get(move.personId);
    if (!card) return forbidden('CAL18', path, 'A move names a person of the session.');
    const inScale = (value: Rated | null) => value === null || actor.scale.has(value.rating);
    if (!inScale(move.to) || !inScale(move.from)) {
      return forbidden('CAL18', path, 'The rating is not on the session’s scale.');
    }
    const original = card.get('original') as OriginalValue | null;
    if (move.justification.trim() === '' && needsJustification(original, move.to)) {
      return forbidden('CAL17', path, 'A move away from the original needs a justification.');
    }
    added.set(moveId, move);
  }
  return added;
}

/**
 * CAL17, CAL18: a client only adds moves (its own, of people on the board, on the scale, each
 * justified when it leaves the card's original) and sets a card's placement to the `to` of a
 * move it adds in the same update. Cards are the server's: none is added, removed or replaced,
 * and no original changes.
 */
export function judgeBoardUpdate(
  live: Y.Doc,
  scratch: Y.Doc,
  update: Uint8Array,
  actor: BoardActor,
): CalibrationVerdict {
  const touched = collectTouchedEntries(scratch, () => Y.applyUpdate(scratch, update));
  const schema = schemaVerdict(validateBoardDocument(scratch, touched));
  if (schema) return schema;
  if (touched.size > 0 && !actor.participant) {
    return forbidden('CAL18', CARDS_ROOT, 'Only the session’s participants move cards.');
  }
  const moves = addedMoves(live, scratch, touched, actor);
  if (!(moves instanceof Map)) return moves;
  for (const personId of keysOf(touched, CARDS_ROOT)) {
    const path = `${CARDS_ROOT}.${personId}`;
    const before = live.getMap<Y.Map<unknown>>(CARDS_ROOT).get(personId);
    const after = scratch.getMap<Y.Map<unknown>>(CARDS_ROOT).get(personId);
    if (!before || !after || !sameItem(before, after)) {
      return forbidden('CAL18', path, 'Cards are added and removed by the server only.');
    }
    if (!same(before.get('original'), after.get('original'))) {
      return forbidden('CAL18', path, 'A card’s original never changes.');
    }
    const placement = after.get('placement') as PlacementValue | null;
    if (same(before.get('placement'), placement)) continue;
    const move = placement && moves.get(placement.moveId);
    if (!placement || !move || move.personId !== personId || !samePlace(move.to, placement)) {
      return forbidden('CAL18', path, 'A card is placed by a move made in the same change.');
    }
  }
  return { ok: true };
}
