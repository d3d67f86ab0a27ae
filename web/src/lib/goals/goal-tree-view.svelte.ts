// The tree page's view state: what is expanded, filtered, focused and selected, the rows on
// screen, and the tree edits (add, delete, approve, move) with their permission and cycle checks.
import { SvelteDate, SvelteSet } from 'svelte/reactivity';
import { toast } from 'svelte-sonner';
import {
  addGoal,
  approveGoal,
  deleteGoal,
  moveGoal,
  type EditRefusal,
  type MoveTarget,
} from '@threadline/domain/goals/edits';
import type { CycleWindow, Goal } from '@threadline/domain/goals/model';
import type { Actor } from '@threadline/domain/goals/permissions';
import { pathToRoot, wouldCreateCycle } from '@threadline/domain/goals/tree';
import { openByDefault } from '@threadline/domain/goals/first-screen';
import { editorsByGoal, type PresenceUser } from './editors.ts';
import { flattenTree, rowPositions, type TreeRow } from './flatten.ts';
import { factsOf, type GoalFacts } from './goal-facts.ts';
import type { GoalDocument } from './goal-document.svelte.ts';
import { mayAddTheme, mayApprove, mayEdit, newGoalDefaults } from './goal-permissions.ts';
import {
  dropTarget,
  keyboardMoveTarget,
  type DropPosition,
  type KeyboardMove,
} from './move-targets.ts';
import type { Directory } from './org-directory.ts';
import { applyFilter, isFiltering, keepShown, NO_FILTER, type TreeFilter } from './tree-filter.ts';

const REFUSAL_TEXT: Record<EditRefusal, string> = {
  'missing-goal': 'That goal is no longer in the tree.',
  'deleted-goal': 'That goal was deleted meanwhile.',
  'missing-parent': 'The new parent is no longer in the tree.',
  cycle: 'A goal cannot go under itself or one of its own sub-goals.',
  'too-many-moves': 'This goal has been moved too many times this cycle.',
};

export interface TreeViewOptions {
  document: GoalDocument;
  directory: Directory;
  actor: Actor;
  cycle: CycleWindow | null;
  /** A closed cycle's tree is kept as it was: read-only for everyone. */
  cycleClosed: boolean;
  myTeamId: string | null;
}

export class GoalTreeView {
  readonly document: GoalDocument;
  readonly directory: Directory;
  readonly actor: Actor;
  readonly cycle: CycleWindow | null;
  readonly expanded = new SvelteSet<string>();
  #filter = $state<TreeFilter>({ ...NO_FILTER });
  /** Goals closed by hand while filtering (they would open by themselves to show matches). */
  readonly collapsed = new SvelteSet<string>();
  /** The goal shown in the details pane, or null when it is closed. */
  selectedId = $state<string | null>(null);
  /** The row that holds the tree's tab stop. */
  focusedId = $state<string | null>(null);
  /** A goal to scroll into view once its row exists (after an add, a move, a link). */
  revealId = $state<string | null>(null);
  /** The goal whose title is being edited in its row. */
  renamingId = $state<string | null>(null);
  /** "Now" for health and staleness, moved on every minute. */
  readonly now = new SvelteDate();
  readonly #myTeamId: string | null;
  readonly #cycleClosed: boolean;
  /** The defaults were opened on the whole tree (not only on its first screen's snapshot). */
  #openedOnWhole = false;
  /** What the defaults opened so far: not opened again (the person may have closed it since). */
  // Bookkeeping only, never rendered: nothing should re-run when it changes.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #openedByDefault = new Set<string>();

  constructor(options: TreeViewOptions) {
    this.document = options.document;
    this.directory = options.directory;
    this.actor = options.actor;
    this.cycle = options.cycle;
    this.#myTeamId = options.myTeamId;
    this.#cycleClosed = options.cycleClosed;
  }

  get filter(): TreeFilter {
    return this.#filter;
  }

  /** A new filter opens again what was closed by hand under the last one. */
  set filter(next: TreeFilter) {
    this.#filter = next;
    this.collapsed.clear();
  }

  readonly filtering = $derived(isFiltering(this.#filter));

  /** Filter results; rebuilt on content changes only while a filter is on. */
  readonly #filterResult = $derived.by(() => {
    if (!this.filtering) return null;
    const { goals, tree } = this.document;
    void this.document.progressVersion;
    const result = applyFilter(goals, tree, this.filter, (goal) => this.#factsNow(goal));
    return keepShown(result, tree, this.selectedId);
  });

  readonly rows: TreeRow[] = $derived.by(() =>
    flattenTree(this.document.tree, this.expanded, this.#filterResult, this.collapsed),
  );

  readonly rowIndex = $derived(rowPositions(this.rows));

  readonly matchCount = $derived(this.#filterResult?.matched.size ?? null);

  /**
   * When goals are first there: open the company themes and the way to one's own goals (GOAL29).
   * Again once the whole tree is (the first screen's snapshot may not reach all of one's goals).
   */
  openDefaults() {
    if (this.#openedOnWhole) return;
    const { goals, tree } = this.document;
    if (tree.roots.length === 0) return;
    this.#openedOnWhole = this.document.complete;
    for (const id of openByDefault({ goals, tree }, this.actor.personId)) {
      if (this.#openedByDefault.has(id)) continue;
      this.#openedByDefault.add(id);
      this.expanded.add(id);
    }
    this.focusedId ??= tree.roots[0] ?? null;
  }

  /** Who else is editing each goal now (presence), once per person. */
  readonly #editors = $derived.by(() =>
    editorsByGoal(this.document.presence.peers, this.actor.personId),
  );

  editorsOf(id: string): readonly PresenceUser[] {
    return this.#editors.get(id) ?? [];
  }

  /** What this person is editing, for the others' presence: a goal being renamed or open. */
  readonly editingId = $derived.by(() => {
    if (this.renamingId !== null) return this.renamingId;
    const goal = this.document.goal(this.selectedId);
    return goal && this.mayEdit(goal) ? goal.id : null;
  });

  facts(id: string): GoalFacts | null {
    const goal = this.document.goal(id);
    return goal ? factsOf(goal, this.document.progressOf(id), this.cycle, this.now) : null;
  }

  #factsNow(goal: Goal): GoalFacts {
    return factsOf(goal, this.document.progressOf(goal.id), this.cycle, this.now);
  }

  /**
   * Nothing is editable in a closed cycle, when the server says this connection may only read
   * (SC9), or once syncing stopped for good (signed out, forbidden).
   */
  get readOnly(): boolean {
    const status = this.document.status;
    return this.#cycleClosed || status.readOnly || status.stopped;
  }

  /**
   * Whether anything can be changed now: not while read-only, nor while the rows still come from
   * the cached snapshot (SC10), whose goals are not the document's yet.
   */
  get writable(): boolean {
    return this.document.live && !this.readOnly;
  }

  mayEdit(goal: Goal): boolean {
    return this.writable && mayEdit(this.actor, goal);
  }

  mayApprove(goal: Goal): boolean {
    return this.writable && mayApprove(this.actor, goal);
  }

  get mayAddTheme(): boolean {
    return this.writable && mayAddTheme(this.actor);
  }

  /** Whether this person may add a goal under `parentId` (always, where they may write at all). */
  get mayAdd(): boolean {
    return this.writable;
  }

  toggle(id: string) {
    const index = this.rowIndex.get(id);
    const open = index === undefined ? this.expanded.has(id) : this.rows[index]!.expanded;
    if (open) {
      this.expanded.delete(id);
      this.collapsed.add(id);
    } else {
      this.expanded.add(id);
      this.collapsed.delete(id);
    }
  }

  /** Shows a goal: opens its ancestors and gives it the tree's focus. */
  reveal(id: string) {
    for (const ancestor of pathToRoot(this.document.tree, id).slice(1)) this.expanded.add(ancestor);
    this.focusedId = id;
    this.revealId = id;
  }

  select(id: string | null) {
    this.selectedId = id;
    if (id !== null) this.focusedId = id;
  }

  /** Adds a goal under `parentId` (null: a company theme) and opens it for editing. */
  add(parentId: string | null): string | null {
    const parent = parentId === null ? null : (this.document.goal(parentId) ?? null);
    const input = newGoalDefaults(this.actor, parent, this.#myTeamId);
    if (!input) {
      toast.error('Only leaders and admins can add company themes.');
      return null;
    }
    const id = addGoal(this.document.doc, input, this.document.context(), this.document.tree);
    if (parentId !== null) this.expanded.add(parentId);
    this.reveal(id);
    this.select(id);
    return id;
  }

  remove(id: string) {
    const goal = this.document.goal(id);
    if (!goal || !this.mayEdit(goal)) return;
    const rows = this.rows;
    const index = this.rowIndex.get(id) ?? 0;
    deleteGoal(this.document.doc, id, this.document.context());
    if (this.selectedId === id) this.selectedId = null;
    // Keep the focus near where the deleted goal was.
    const next = rows[index + 1]?.id ?? rows[index - 1]?.id ?? null;
    this.focusedId = next === id ? null : next;
  }

  approve(id: string) {
    const goal = this.document.goal(id);
    if (!goal || !this.mayApprove(goal)) return;
    approveGoal(this.document.doc, id, this.document.context());
    toast.success(`Approved “${goal.title || 'Untitled goal'}”.`);
  }

  /** Moves a goal, refusing locally what would create a cycle (GOAL9) or what one may not edit. */
  move(id: string, target: MoveTarget | null): boolean {
    const goal = this.document.goal(id);
    if (!goal || target === null) return false;
    if (!this.mayEdit(goal)) {
      toast.error('You may not move this goal.');
      return false;
    }
    const tree = this.document.tree;
    if (wouldCreateCycle(tree, id, target.parentId)) {
      toast.error(REFUSAL_TEXT.cycle);
      return false;
    }
    const result = moveGoal(this.document.doc, id, target, this.document.context(), tree);
    if (!result.ok) {
      toast.error(REFUSAL_TEXT[result.reason]);
      return false;
    }
    if (target.parentId !== null) this.expanded.add(target.parentId);
    this.reveal(id);
    return true;
  }

  keyboardMove(id: string, move: KeyboardMove): boolean {
    const shown = this.#filterResult?.shown;
    const isShown = shown ? (goalId: string) => shown.has(goalId) : undefined;
    return this.move(id, keyboardMoveTarget(this.document.tree, id, move, isShown));
  }

  drop(id: string, ontoId: string, position: DropPosition): boolean {
    return this.move(id, dropTarget(this.document.tree, id, ontoId, position));
  }

  /** Starts the minute clock; returns its stop function. */
  tick(): () => void {
    const timer = setInterval(() => this.now.setTime(Date.now()), 60_000);
    return () => clearInterval(timer);
  }
}
