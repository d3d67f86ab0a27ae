// Alignment gaps (GOAL15): the places where the golden thread is broken.
import type { Goal } from './model.ts';
import { compareStrings } from './shape.ts';
import type { GoalTree } from './tree.ts';

export type AlignmentGap =
  /** A team or personal goal at the root: it aligns to nothing. */
  | { kind: 'no-parent'; goalId: string }
  /** A company or team goal nobody has cascaded a goal to. */
  | { kind: 'not-cascaded'; goalId: string }
  /** The owner is no longer an active person of the organisation. */
  | { kind: 'owner-left'; goalId: string; ownerId: string }
  /** A team without any goal of its own below a company goal. */
  | { kind: 'team-without-goal'; teamId: string };

export interface AlignmentContext {
  /** People of the organisation who are active (a deactivated person has left). */
  activePersonIds: ReadonlySet<string>;
  /** Every team expected to contribute (the caller decides, e.g. all teams of the organisation). */
  teamIds: readonly string[];
}

const KIND_ORDER: Record<AlignmentGap['kind'], number> = {
  'no-parent': 0,
  'not-cascaded': 1,
  'owner-left': 2,
  'team-without-goal': 3,
};

/**
 * GOAL15: gaps among the live goals that are still open (not done, not dropped), sorted by kind and
 * then id so the list is the same everywhere.
 */
export function alignmentGaps(
  goals: ReadonlyMap<string, Goal>,
  tree: GoalTree,
  context: AlignmentContext,
): AlignmentGap[] {
  const open = (id: string) => {
    const goal = goals.get(id);
    return goal !== undefined && tree.parent.has(id) && !goal.deleted && isOpen(goal);
  };
  const gaps: AlignmentGap[] = [];
  const teamsCovered = new Set<string>();
  for (const [id, goal] of goals) {
    if (!open(id)) continue;
    if (goal.level !== 'company' && tree.parent.get(id) === null) {
      gaps.push({ kind: 'no-parent', goalId: id });
    }
    if (goal.level !== 'person' && !(tree.children.get(id) ?? []).some(open)) {
      gaps.push({ kind: 'not-cascaded', goalId: id });
    }
    if (goal.ownerId !== null && !context.activePersonIds.has(goal.ownerId)) {
      gaps.push({ kind: 'owner-left', goalId: id, ownerId: goal.ownerId });
    }
    if (goal.teamId !== null && hasCompanyAncestor(goals, tree, id)) teamsCovered.add(goal.teamId);
  }
  for (const teamId of context.teamIds) {
    if (!teamsCovered.has(teamId)) gaps.push({ kind: 'team-without-goal', teamId });
  }
  return gaps.sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareStrings(gapKey(a), gapKey(b)),
  );
}

function isOpen(goal: Goal): boolean {
  return goal.state !== 'done' && goal.state !== 'dropped';
}

function gapKey(gap: AlignmentGap): string {
  return gap.kind === 'team-without-goal' ? gap.teamId : gap.goalId;
}

function hasCompanyAncestor(
  goals: ReadonlyMap<string, Goal>,
  tree: GoalTree,
  goalId: string,
): boolean {
  for (let at = tree.parent.get(goalId) ?? null; at !== null; at = tree.parent.get(at) ?? null) {
    if (goals.get(at)?.level === 'company') return true;
  }
  return false;
}
