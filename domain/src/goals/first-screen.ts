// What a person sees first when the goal tree opens (GOAL29): the company themes open, and the
// way down to their own goals. The page opens the tree that way, and the snapshot of its first
// screen (a part of the whole snapshot, snapshot.ts) holds just the goals those first rows need:
// about a hundred of the 5,000-person tree's 21,654, read and parsed in a few milliseconds where
// the whole takes a third of a second or more.
import type { Goal } from './model.ts';
import { childrenOf, pathToRoot } from './tree.ts';
import { writeSnapshot, type IndexParts } from './snapshot.ts';

/**
 * Rows a first screen holds: more than a tall window shows (the 5,000-person tree's page shows
 * about 25 on a 1080-pixel screen), so nothing visible is missing before the whole arrives.
 */
export const FIRST_SCREEN_ROWS = 60;

/** GOAL29: the goals open by default: every company theme, and the ancestors of one's own goals. */
export function openByDefault(
  { goals, tree }: Pick<IndexParts, 'goals' | 'tree'>,
  personId: string,
): Set<string> {
  const open = new Set<string>(tree.roots);
  for (const goal of goals.values()) {
    if (!ownLive(goal, personId)) continue;
    for (const id of pathToRoot(tree, goal.id).slice(1)) open.add(id);
  }
  return open;
}

function ownLive(goal: Goal, personId: string): boolean {
  return !goal.deleted && goal.ownerId === personId;
}

/**
 * GOAL29: the goals of the first `rows` rows of the tree opened by default (depth first, into
 * open goals only), and their dropped children. A row shows how many children it has (its
 * children's ids say), and its clarity counts those not dropped: the dropped ones are there to
 * be told apart. Every child would be too many: a big tree's first rows have thousands of
 * children (BENCHMARKS.md, "The first screen first"). And the person's own live goals with their
 * ancestors, so the page opens the part as it opens the whole (an own goal below the first rows
 * still opens the way to it).
 */
export function firstScreenGoals(
  parts: Pick<IndexParts, 'goals' | 'tree'>,
  personId: string,
  rows = FIRST_SCREEN_ROWS,
): Set<string> {
  const { tree } = parts;
  const open = openByDefault(parts, personId);
  const shown: string[] = [];
  const visit = (parentId: string | null) => {
    for (const id of childrenOf(tree, parentId)) {
      if (shown.length >= rows) return;
      shown.push(id);
      if (open.has(id)) visit(id);
    }
  };
  visit(null);
  const needed = new Set(shown);
  for (const goal of parts.goals.values()) {
    if (ownLive(goal, personId)) for (const id of pathToRoot(tree, goal.id)) needed.add(id);
  }
  for (const id of shown) {
    for (const child of tree.children.get(id) ?? []) {
      if (parts.goals.get(child)?.state === 'dropped') needed.add(child);
    }
  }
  return needed;
}

/** GOAL29: the snapshot of a person's first screen (readSnapshot reads it as not complete). */
export function writeFirstScreen(parts: IndexParts, personId: string): string {
  return writeSnapshot(parts, firstScreenGoals(parts, personId));
}
