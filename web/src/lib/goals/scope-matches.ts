// The goals a scope keeps (GOAL30: my goals, my team), kept up to date change by change. The goal
// index says which goals each change touched; only those are checked again, so a keystroke in a
// title costs one check, not a pass over every goal of the tree (21,654 at 5,000 people), and the
// rows are not flattened again unless a goal joined or left the scope (BENCHMARKS.md).
import type { Goal } from '@threadline/domain/goals/model';
import type { GoalTree } from '@threadline/domain/goals/tree';
import type { FilterResult } from './tree-filter.ts';

/** Past this many goals waiting to be checked, a pass over the whole tree is as cheap. */
const MAX_PENDING = 4096;

export class ScopeMatches {
  #matched: ReadonlySet<string> = new Set();
  #predicate: ((goal: Goal) => boolean) | null = null;
  #pending = new Set<string>();
  #stale = true;

  /** A change of the goal index: the goals it touched; none means any may have changed. */
  note(touched: ReadonlySet<string>): void {
    if (this.#stale) return;
    if (touched.size === 0 || this.#pending.size + touched.size > MAX_PENDING) {
      this.#stale = true;
      this.#pending.clear();
      return;
    }
    for (const id of touched) this.#pending.add(id);
  }

  /**
   * The live goals `predicate` keeps, brought up to date with the changes noted since the last
   * call. The same set while none joined or left, so what is derived from it need not run again.
   */
  matched(
    predicate: (goal: Goal) => boolean,
    goals: ReadonlyMap<string, Goal>,
    tree: GoalTree,
  ): ReadonlySet<string> {
    if (this.#stale || predicate !== this.#predicate) {
      const matched = new Set<string>();
      for (const id of tree.parent.keys()) {
        const goal = goals.get(id);
        if (goal && predicate(goal)) matched.add(id);
      }
      this.#matched = matched;
      this.#predicate = predicate;
      this.#stale = false;
      this.#pending.clear();
      return matched;
    }
    let next: Set<string> | null = null;
    for (const id of this.#pending) {
      const goal = goals.get(id);
      const keeps = goal !== undefined && tree.parent.has(id) && predicate(goal);
      if (keeps === this.#matched.has(id)) continue;
      next ??= new Set(this.#matched);
      if (keeps) next.add(id);
      else next.delete(id);
    }
    this.#pending.clear();
    if (next) this.#matched = next;
    return this.#matched;
  }
}

/** The scope's matches with the way up to each: what the tree shows for a scope alone. */
export function withAncestors(matched: ReadonlySet<string>, tree: GoalTree): FilterResult {
  const shown = new Set<string>();
  for (const id of matched) {
    for (let at: string | null = id; at !== null && !shown.has(at); at = tree.parent.get(at)!) {
      shown.add(at);
    }
  }
  return { matched: new Set(matched), shown };
}
