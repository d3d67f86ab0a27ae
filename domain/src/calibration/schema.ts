// The schema of the calibration documents (CAL10, CAL14), checked by the server on the Yjs values
// themselves after applying a client's update to a scratch replica (a tampered client can put any
// Yjs type under any key). Whether a value is inside the session's scale is the update check's
// (update-check.ts): the schema knows no session.
import type * as Y from 'yjs';
import { z } from 'zod';
import { isUuid } from '../ids.ts';
import { hasMoreEntriesThan, hasStrayContent, yMap } from '../ydoc/schema.ts';
import type { TouchedEntries } from '../ydoc/touched.ts';
import { JUSTIFICATION_MAX, LEVELS, RATIONALE_MAX } from './model.ts';
import { CARDS_ROOT, MOVES_ROOT, PROPOSALS_ROOT } from './shape.ts';

/** CAL14: a session calibrates at most this many people (a board of 500 cards stays readable);
 *  a board keeps at most this many moves. */
export const CALIBRATION_LIMITS = { cards: 5_000, moves: 50_000 } as const;

export interface SchemaIssue {
  path: string;
  message: string;
}

const id = z.string().refine(isUuid, 'Expected a lowercase UUID.');
const rating = z.int().min(0).max(100);
const potential = z.enum(LEVELS);
const rated = z.strictObject({ rating, potential });

const proposalSchema = yMap({ rating, potential, rationale: z.string().max(RATIONALE_MAX) });

const cardSchema = yMap({
  original: z
    .strictObject({
      rating,
      potential,
      rationale: z.string().max(RATIONALE_MAX),
      proposedBy: id,
    })
    .nullable(),
  placement: z.strictObject({ rating, potential, moveId: id }).nullable(),
});

const moveSchema = z.strictObject({
  personId: id,
  from: rated.nullable(),
  to: rated,
  justification: z.string().max(JUSTIFICATION_MAX),
  by: id,
  at: z.iso.datetime(),
});

/** Which entries to check: all of them, or those an update touched (ydoc/touched.ts). */
export type Scope = TouchedEntries | 'all';

function collect(issues: SchemaIssue[], path: string, result: z.ZodSafeParseResult<unknown>) {
  if (result.success) return;
  for (const issue of result.error.issues) {
    issues.push({ path: [path, ...issue.path].join('.'), message: issue.message });
  }
}

/** Checks the roots in scope: only `roots` may exist, each a record keyed by UUIDs. */
function checkRoots(
  doc: Y.Doc,
  scope: Scope,
  roots: Record<string, { schema: z.ZodType; max: number }>,
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const names = scope === 'all' ? [...doc.share.keys()] : [...scope.keys()];
  for (const name of names) {
    const root = roots[name];
    if (!root) {
      issues.push({ path: name, message: 'Unknown top-level type.' });
      continue;
    }
    const map = doc.getMap<unknown>(name);
    if (hasStrayContent(map)) issues.push({ path: name, message: 'Unexpected list content.' });
    if (hasMoreEntriesThan(map, root.max)) {
      issues.push({ path: name, message: `At most ${root.max} entries.` });
    }
    const touched = scope === 'all' ? null : scope.get(name)!;
    for (const key of touched ?? map.keys()) {
      if (key === null || !map.has(key)) continue;
      const path = `${name}.${key}`;
      if (!isUuid(key)) issues.push({ path, message: 'Unexpected id.' });
      else collect(issues, path, root.schema.safeParse(map.get(key)));
    }
  }
  return issues;
}

/** CAL10: a manager's proposals document: `proposals`, personId → {rating, potential, rationale}. */
export const validateProposalsDocument = (doc: Y.Doc, scope: Scope = 'all') =>
  checkRoots(doc, scope, {
    [PROPOSALS_ROOT]: { schema: proposalSchema, max: CALIBRATION_LIMITS.cards },
  });

/** CAL14: the board: `cards` and `moves`, nothing else. */
export const validateBoardDocument = (doc: Y.Doc, scope: Scope = 'all') =>
  checkRoots(doc, scope, {
    [CARDS_ROOT]: { schema: cardSchema, max: CALIBRATION_LIMITS.cards },
    [MOVES_ROOT]: { schema: moveSchema, max: CALIBRATION_LIMITS.moves },
  });
