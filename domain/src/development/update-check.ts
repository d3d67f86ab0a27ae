// The server's verdict on one client update to a development plan (ONE42, ONE44). Pure: it applies
// the update to a scratch replica handed to it (equal to the live document until now) and compares
// the entries the update touched; it does no I/O.
import * as Y from 'yjs';
import { collectTouchedEntries, type TouchedEntries } from '../ydoc/touched.ts';
import type { SchemaIssue } from '../one-on-ones/schema.ts';
import { validateDevelopmentPlanDocument } from './schema.ts';
import { GAPS_ROOT, ITEMS_ROOT, type GapValue } from './shape.ts';

/** Who sends the update, the plan's person and their current manager (null: none). */
export interface PlanActor {
  personId: string;
  employeeId: string;
  managerId: string | null;
}

export type DevelopmentVerdict =
  | { ok: true }
  | { ok: false; reason: 'schema'; issues: SchemaIssue[] }
  | { ok: false; reason: 'forbidden'; refusal: { rule: 'ONE44'; path: string; message: string } };

const FIXED_GAP_FIELDS = ['skillId', 'flaggedBy', 'flaggedAt', 'raisedOn'] as const;
const FIXED_ITEM_FIELDS = ['gapId', 'type', 'raisedOn', 'createdBy', 'createdAt'] as const;

const forbidden = (path: string, message: string): DevelopmentVerdict => ({
  ok: false,
  reason: 'forbidden',
  refusal: { rule: 'ONE44', path, message },
});

function keysOf(touched: TouchedEntries, root: string): string[] {
  return [...(touched.get(root) ?? [])].filter((key): key is string => key !== null);
}

function checkGap(
  path: string,
  before: GapValue | undefined,
  after: GapValue,
  actor: PlanActor,
): DevelopmentVerdict | null {
  if (before === undefined) {
    return after.flaggedBy === actor.personId
      ? null
      : forbidden(path, 'A new gap names who flagged it.');
  }
  if (FIXED_GAP_FIELDS.some((field) => after[field] !== before[field])) {
    return forbidden(path, `${FIXED_GAP_FIELDS.join(', ')} never change.`);
  }
  if (before.deleted && !after.deleted) return forbidden(path, 'A deleted gap stays deleted.');
  return null;
}

function checkItem(
  path: string,
  before: Y.Map<unknown> | undefined,
  after: Y.Map<unknown>,
  scratch: Y.Doc,
  actor: PlanActor,
): DevelopmentVerdict | null {
  if (before === undefined) {
    if (after.get('createdBy') !== actor.personId) {
      return forbidden(path, 'A new item names who created it.');
    }
    const gapId = after.get('gapId');
    if (typeof gapId === 'string' && !scratch.getMap(GAPS_ROOT).has(gapId)) {
      return forbidden(path, 'An item closes a gap of the same plan.');
    }
  } else if (FIXED_ITEM_FIELDS.some((field) => after.get(field) !== before.get(field))) {
    return forbidden(path, `${FIXED_ITEM_FIELDS.join(', ')} never change.`);
  }
  const owner = after.get('ownerId');
  // Checked when an item is added or handed to someone: an item a former manager owns can still
  // be moved on or done after the reporting line changed.
  if (before !== undefined && owner === before.get('ownerId')) return null;
  if (owner !== actor.employeeId && (actor.managerId === null || owner !== actor.managerId)) {
    return forbidden(path, 'An item is owned by the person or their manager.');
  }
  return null;
}

/**
 * ONE44: the rules of a plan beyond its schema. What someone adds carries their own id (a gap's
 * `flaggedBy`, an item's `createdBy`); who made an entry, when, its kind and the gap it closes
 * never change; an item is owned by the plan's person or their current manager; nothing is ever
 * removed (only marked deleted). Whether the sender may write at all is the access rule's (ONE41).
 */
function checkPlanRules(
  live: Y.Doc,
  scratch: Y.Doc,
  touched: TouchedEntries,
  actor: PlanActor,
): DevelopmentVerdict {
  for (const root of [GAPS_ROOT, ITEMS_ROOT]) {
    for (const key of keysOf(touched, root)) {
      const before = live.getMap<unknown>(root).get(key);
      const after = scratch.getMap<unknown>(root).get(key);
      const path = `${root}.${key}`;
      if (after === undefined) {
        if (before !== undefined) return forbidden(path, 'Entries are never removed.');
        continue;
      }
      const verdict =
        root === GAPS_ROOT
          ? checkGap(path, before as GapValue | undefined, after as GapValue, actor)
          : checkItem(
              path,
              before as Y.Map<unknown> | undefined,
              after as Y.Map<unknown>,
              scratch,
              actor,
            );
      if (verdict) return verdict;
    }
  }
  return { ok: true };
}

/** Applies `update` to `scratch` and judges it as an update of a development plan. */
export function judgeDevelopmentPlanUpdate(
  live: Y.Doc,
  scratch: Y.Doc,
  update: Uint8Array,
  actor: PlanActor,
): DevelopmentVerdict {
  const touched = collectTouchedEntries(scratch, () => Y.applyUpdate(scratch, update));
  const issues = validateDevelopmentPlanDocument(scratch, touched);
  if (issues.length > 0) return { ok: false, reason: 'schema', issues };
  return checkPlanRules(live, scratch, touched, actor);
}
