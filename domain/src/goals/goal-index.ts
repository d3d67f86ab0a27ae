// A plain-data mirror of the goal-tree document that follows it change by change. Reading a
// 20,000-goal document whole takes tens of milliseconds, too slow to do on every keystroke, so
// each transaction re-reads only the goals it touched, re-resolves the tree only when a move,
// order key or deletion changed, and re-rolls progress only when something progress depends on
// changed. The page's reactive state (web goal-document.svelte.ts) bumps its versions from
// `onChange`; the sync server's projector (SYNC24) projects only the goals it reports.
import * as Y from 'yjs';
import { readGoalMap, readGoals } from './document.ts';
import type { Goal } from './model.ts';
import { treeProgress } from './progress.ts';
import { goalsRoot } from './shape.ts';
import { resolveTree, type GoalTree } from './tree.ts';

export interface IndexChange {
  /** Goals added or changed (deleted ones included: a tombstone is a change). */
  goals: ReadonlySet<string>;
  /** The tree's shape or order changed. */
  tree: boolean;
  /** Some goal's rolled-up progress may have changed. */
  progress: boolean;
}

export const NO_GOALS: ReadonlySet<string> = new Set();

/** What an index reported since it was last taken: the union of its changes (GOAL27). */
export class PendingChanges implements IndexChange {
  goals = new Set<string>();
  tree = false;
  progress = false;

  add(change: IndexChange) {
    for (const id of change.goals) this.goals.add(id);
    this.tree ||= change.tree;
    this.progress ||= change.progress;
  }

  /** The changes so far; the collector starts empty again. */
  take(): IndexChange {
    const taken = { goals: this.goals, tree: this.tree, progress: this.progress };
    this.goals = new Set();
    this.tree = this.progress = false;
    return taken;
  }
}

/** Past this many goals in one transaction (a first sync, a seed) re-read everything. */
const BULK = 2_000;

export class GoalIndex {
  goals = new Map<string, Goal>();
  tree: GoalTree = resolveTree([]);
  progress = new Map<string, number | null>();
  readonly #doc: Y.Doc;
  readonly #listener: (change: IndexChange) => void;
  readonly #observer: (events: Y.YEvent<Y.AbstractType<unknown>>[]) => void;

  constructor(doc: Y.Doc, onChange: (change: IndexChange) => void = () => {}) {
    this.#doc = doc;
    this.#listener = onChange;
    this.#observer = (events) => this.#apply(events);
    this.#reload();
    goalsRoot(doc).observeDeep(this.#observer);
  }

  get doc(): Y.Doc {
    return this.#doc;
  }

  destroy() {
    goalsRoot(this.#doc).unobserveDeep(this.#observer);
  }

  #reload() {
    // User Timing marks: DevTools and the UI benchmark (tests/bench/goal-tree-ui.ts) read them.
    const started = performance.now();
    this.goals = readGoals(this.#doc);
    this.tree = resolveTree(this.goals.values());
    this.progress = treeProgress(this.goals, this.tree);
    performance.measure('goal-index:read-all', { start: started, end: performance.now() });
  }

  #apply(events: Y.YEvent<Y.AbstractType<unknown>>[]) {
    const root = goalsRoot(this.#doc);
    const touched = new Set<string>();
    for (const event of events) {
      if (event.target === root) {
        for (const key of event.changes.keys.keys()) touched.add(key);
      } else {
        const first = event.path[0];
        if (typeof first === 'string') touched.add(first);
      }
    }
    if (touched.size === 0) return;
    if (touched.size > BULK) {
      this.#reload();
      this.#listener({ goals: touched, tree: true, progress: true });
      return;
    }
    let tree = false;
    let progress = false;
    for (const id of touched) {
      const before = this.goals.get(id);
      const map = root.get(id);
      if (!(map instanceof Y.Map)) continue;
      const after = readGoalMap(id, map);
      this.goals.set(id, after);
      if (!before || shapeChanged(before, after)) tree = true;
      if (!before || progressChanged(before, after)) progress = true;
    }
    if (tree) this.tree = resolveTree(this.goals.values());
    if (tree || progress) this.progress = treeProgress(this.goals, this.tree);
    this.#listener({ goals: touched, tree, progress: tree || progress });
  }
}

function shapeChanged(before: Goal, after: Goal): boolean {
  return (
    before.deleted !== after.deleted ||
    before.order !== after.order ||
    before.moves.length !== after.moves.length
  );
}

/** What GOAL10 and GOAL11 read: the metric, the state (done, dropped) and the weight. */
function progressChanged(before: Goal, after: Goal): boolean {
  return (
    before.state !== after.state ||
    before.weight !== after.weight ||
    JSON.stringify(before.metric) !== JSON.stringify(after.metric)
  );
}
