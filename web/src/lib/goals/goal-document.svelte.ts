// The open goal-tree document as reactive state: the synced Y.Doc, a plain-data index of it
// (domain/goals/goal-index.ts) and version counters that tell Svelte what changed. Readers touch a version
// before reading the index, so a title keystroke re-renders the rows showing that goal, not the
// tree's shape; a move re-flattens the tree. Follows the document across a refusal reset (SC5).
import type * as Y from 'yjs';
import { SvelteMap } from 'svelte/reactivity';
import { toast } from 'svelte-sonner';
import type { Goal } from '@threadline/domain/goals/model';
import type { GoalTree } from '@threadline/domain/goals/tree';
import type { WriteContext } from '@threadline/domain/goals/edits';
import { openDocument, type SyncedDocument } from '$lib/sync/synced-document';
import { SyncStatus } from '$lib/sync/sync-status.svelte';
import { Presence } from '$lib/sync/presence.svelte';
import { GoalIndex, NO_GOALS, type IndexChange } from '@threadline/domain/goals/goal-index';

/** Past this many goals in one change, readers of single goals all re-read (a bulk change). */
const PER_GOAL_VERSIONS = 64;

export interface GoalDocumentOptions {
  name: string;
  syncUrl: string;
  me: { id: string; name: string };
}

export class GoalDocument {
  /** Bumped when the tree's shape or order changes. */
  treeVersion = $state(0);
  /** Bumped on any change to any goal. */
  contentVersion = $state(0);
  /**
   * Bumped for each goal a change touched, when it touched a few: `goal(id)` follows only its
   * own goal, so a keystroke in one title re-renders that goal's row and not every row on screen.
   */
  readonly #goalVersions = new SvelteMap<string, number>();
  /** Bumped when a change touched many goals (a load, a sync, a reset): every goal(id) re-reads. */
  #bulkVersion = $state(0);
  /** Bumped when rolled-up progress may have changed. */
  progressVersion = $state(0);
  /** Bumped when a refusal replaced the Y.Doc (SC5): editors bound to Yjs types rebind. */
  generation = $state(0);
  /** The stored replica is loaded (or there was none): the tree can be shown. */
  loaded = $state(false);
  readonly synced: SyncedDocument;
  readonly status: SyncStatus;
  readonly presence: Presence;
  readonly #me: GoalDocumentOptions['me'];
  #index: GoalIndex;
  readonly #stops: (() => void)[] = [];

  constructor(options: GoalDocumentOptions) {
    this.#me = options.me;
    this.synced = openDocument({ name: options.name, syncUrl: options.syncUrl, user: options.me });
    this.status = new SyncStatus(this.synced);
    this.presence = new Presence(this.synced, options.me.id);
    this.#index = this.#indexOf(this.synced.doc);
    this.#stops.push(
      this.synced.onReset((doc) => {
        this.#index.destroy();
        this.#index = this.#indexOf(doc);
        this.generation++;
        this.#bump({ goals: NO_GOALS, tree: true, progress: true });
      }),
      this.synced.onRefused((reason) => {
        toast.error('The server did not accept a change', {
          description: `${reason}. This device was brought back to the saved tree.`,
        });
      }),
    );
    const opened = performance.now();
    void this.synced.whenLoaded().finally(() => {
      performance.measure('goal-tree:replica-loaded', { start: opened, end: performance.now() });
      this.loaded = true;
    });
  }

  #indexOf(doc: Y.Doc): GoalIndex {
    return new GoalIndex(doc, (change) => this.#bump(change));
  }

  #bump(change: IndexChange) {
    this.contentVersion++;
    if (change.goals.size === 0 || change.goals.size > PER_GOAL_VERSIONS) {
      this.#bulkVersion++;
    } else {
      for (const id of change.goals)
        this.#goalVersions.set(id, (this.#goalVersions.get(id) ?? 0) + 1);
    }
    if (change.tree) this.treeVersion++;
    if (change.progress) this.progressVersion++;
  }

  /** The current Y.Doc, for writes (it changes after a refusal reset). */
  get doc(): Y.Doc {
    void this.generation;
    return this.#index.doc;
  }

  /** Who writes, for the edit helpers. */
  context(): WriteContext {
    return { by: this.#me.id };
  }

  get tree(): GoalTree {
    void this.treeVersion;
    return this.#index.tree;
  }

  get goals(): ReadonlyMap<string, Goal> {
    void this.contentVersion;
    return this.#index.goals;
  }

  goal(id: string | null): Goal | undefined {
    if (id === null) return undefined;
    void this.#bulkVersion;
    void this.#goalVersions.get(id);
    return this.#index.goals.get(id);
  }

  progressOf(id: string): number | null {
    void this.progressVersion;
    return this.#index.progress.get(id) ?? null;
  }

  /** The live-goal count, for the page's summary. */
  get liveCount(): number {
    void this.treeVersion;
    return this.#index.tree.parent.size;
  }

  async destroy() {
    for (const stop of this.#stops) stop();
    this.#index.destroy();
    await this.synced.destroy();
  }
}
