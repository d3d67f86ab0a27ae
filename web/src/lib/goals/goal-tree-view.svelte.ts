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
  type NewGoal,
} from '@threadline/domain/goals/edits';
import type { CycleWindow, Goal } from '@threadline/domain/goals/model';
import type { Actor } from '@threadline/domain/goals/permissions';
import { latestMove, pathToRoot, wouldCreateCycle } from '@threadline/domain/goals/tree';
import { readGoal } from '@threadline/domain/goals/document';
import { openByDefault } from '@threadline/domain/goals/first-screen';
import { editorsByGoal, type PresenceUser } from './editors.ts';
import { flattenTree, rowPositions, type TreeRow } from './flatten.ts';
import { factsOf, type GoalFacts } from './goal-facts.ts';
import { defaultScope, ownsLiveGoal, scopePredicate, type GoalScope } from './goal-scope.ts';
import type { GoalDocument } from './goal-document.svelte.ts';
import { mayAddTheme, mayApprove, mayEdit } from './goal-permissions.ts';
import {
  dropTarget,
  keyboardMoveTarget,
  type DropPosition,
  type KeyboardMove,
} from './move-targets.ts';
import { lostMoves, WATCHED_MOVES, type OwnMove } from './lost-moves.ts';
import type { Directory } from './org-directory.ts';
import { ScopeMatches, withAncestors } from './scope-matches.ts';
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
  /** The scope in the page's address (GOAL30); null: the person's default, once goals are in. */
  scope?: GoalScope | null;
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
  /** Whose goals are shown (GOAL30); null until chosen or defaulted. */
  #scope = $state<GoalScope | null>(null);
  /** This page's own re-parentings, watched for another's replacing them (GOAL32). */
  #ownMoves: OwnMove[] = [];
  /** The defaults were opened on the whole tree (not only on its first screen's snapshot). */
  #openedOnWhole = false;
  /** What the defaults opened so far: not opened again (the person may have closed it since). */
  // Bookkeeping only, never rendered: nothing should re-run when it changes.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #openedByDefault = new Set<string>();
  /** The goals of the scope, checked again only where a change touched them. */
  readonly #scopeMatches = new ScopeMatches();

  constructor(options: TreeViewOptions) {
    this.document = options.document;
    this.directory = options.directory;
    this.actor = options.actor;
    this.cycle = options.cycle;
    this.#myTeamId = options.myTeamId;
    this.#cycleClosed = options.cycleClosed;
    this.#scope = options.scope ?? null;
    // Lives as long as the document: the workspace creates both and drops both.
    this.document.onChange((change) => this.#scopeMatches.note(change.goals));
  }

  /** Whose goals are shown: as chosen, else the person's default (GOAL30). */
  /** The signed-in person's team (a new goal's default team). */
  get myTeamId(): string | null {
    return this.#myTeamId;
  }

  get scope(): GoalScope {
    return this.#scope ?? 'everything';
  }

  set scope(next: GoalScope) {
    this.#scope = next;
    this.collapsed.clear();
  }

  readonly #inScope = $derived.by(() =>
    scopePredicate(this.scope, { id: this.actor.personId, teamId: this.#myTeamId }, this.directory),
  );

  get filter(): TreeFilter {
    return this.#filter;
  }

  /** A new filter opens again what was closed by hand under the last one. */
  set filter(next: TreeFilter) {
    this.#filter = next;
    this.collapsed.clear();
  }

  /** A filter of the person's is on (the scope alone is not one: it has no "Clear"). */
  readonly filtering = $derived(isFiltering(this.#filter));

  /**
   * The scope's goals. Follows every change (`goals` is read), but stays the same set while no
   * goal joins or leaves the scope, so a keystroke in a title does not flatten the tree again.
   */
  readonly #scopeMatched = $derived.by(() => {
    const inScope = this.#inScope;
    if (inScope === null) return null;
    const { goals, tree } = this.document;
    return this.#scopeMatches.matched(inScope, goals, tree);
  });

  /** Filter results; rebuilt on content changes only while a filter is on. */
  readonly #filterResult = $derived.by(() => {
    const inScope = this.#inScope;
    if (!this.filtering && inScope === null) return null;
    if (!this.filtering) {
      const matched = this.#scopeMatched!;
      const tree = this.document.tree;
      return keepShown(withAncestors(matched, tree), tree, this.selectedId);
    }
    const { goals, tree } = this.document;
    void this.document.progressVersion;
    const result = applyFilter(goals, tree, this.filter, (goal) => this.#factsNow(goal), inScope);
    return keepShown(result, tree, this.selectedId);
  });

  readonly rows: TreeRow[] = $derived.by(() =>
    flattenTree(this.document.tree, this.expanded, this.#filterResult, this.collapsed),
  );

  readonly rowIndex = $derived(rowPositions(this.rows));

  /**
   * The matches the rows show, which is what the count says (a match inside a goal closed by
   * hand is not shown, and not counted: `hiddenMatches` says how many such there are).
   */
  readonly matchCount = $derived.by(() => {
    if (this.#filterResult === null) return null;
    let shown = 0;
    for (const row of this.rows) if (row.matched) shown++;
    return shown;
  });

  readonly hiddenMatches = $derived(
    this.#filterResult === null || this.matchCount === null
      ? 0
      : Math.max(0, this.#filterResult.matched.size - this.matchCount),
  );

  /** Opens every goal closed by hand under the current filter: every match is shown again. */
  showAllMatches() {
    this.collapsed.clear();
  }

  /** The scope's empty result: nothing of one's own (or one's team's) in this tree. */
  readonly scopeEmpty = $derived(
    this.#inScope !== null && !this.filtering && this.#filterResult?.matched.size === 0,
  );

  /**
   * When goals are first there: open the company themes and the way to one's own goals (GOAL29).
   * Again once the whole tree is (the first screen's snapshot may not reach all of one's goals).
   */
  openDefaults() {
    if (this.#openedOnWhole) return;
    const { goals, tree } = this.document;
    if (tree.roots.length === 0) return;
    this.#openedOnWhole = this.document.complete;
    // The default scope, once: one's own goals if one has any, else one's team's (GOAL30).
    if (this.#scope === null) {
      this.#scope = defaultScope(
        ownsLiveGoal(goals, tree.parent.keys(), this.actor.personId),
        this.directory.directReports(this.actor.personId).length > 0,
      );
    }
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

  /**
   * Writes a goal the add dialog settled (GOAL31: titled, placed, one this person may write) and
   * opens it in the details pane.
   */
  add(input: NewGoal): string {
    const id = addGoal(this.document.doc, input, this.document.context(), this.document.tree);
    if (input.parentId !== null) this.expanded.add(input.parentId);
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
    this.#watchMove(id);
    if (target.parentId !== null) this.expanded.add(target.parentId);
    this.reveal(id);
    return true;
  }

  /** Keeps this page's move of a goal (a re-parenting: a reorder appends no move) to watch. */
  #watchMove(id: string) {
    const doc = this.document.doc;
    const move = latestMove(readGoal(doc, id)?.moves ?? []);
    if (!move || move.clientId !== doc.clientID) return;
    this.#ownMoves = [
      ...this.#ownMoves.filter((own) => own.goalId !== id),
      { goalId: id, move },
    ].slice(-WATCHED_MOVES);
  }

  /**
   * After the tree changed: tells the person about each of their moves another's replaced (GOAL32),
   * once. Costs nothing while they have moved nothing.
   */
  checkLostMoves() {
    if (this.#ownMoves.length === 0) return;
    const lost = lostMoves(this.#ownMoves, this.document.goals, this.document.tree);
    if (lost.length === 0) return;
    this.#ownMoves = this.#ownMoves.filter((own) => !lost.some((l) => l.goalId === own.goalId));
    for (const { goalId, winnerClientId } of lost) {
      const title = this.document.goal(goalId)?.title.trim() || 'Untitled goal';
      const winner = this.document.presence.peers.find((peer) => peer.clientId === winnerClientId);
      toast.warning(
        winnerClientId === null
          ? `Your move of “${title}” did not hold: another change came first.`
          : `Your move of “${title}” was replaced by ${winner ? `${winner.user.name}’s` : 'another person’s'}.`,
        { description: 'The tree shows where everyone’s changes put it.' },
      );
    }
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
