// The open goal-tree document as reactive state: the synced Y.Doc, a plain-data index of it
// (domain/goals/goal-index.ts) and version counters that tell Svelte what changed. Readers touch a version
// before reading the index, so a title keystroke re-renders the rows showing that goal, not the
// tree's shape; a move re-flattens the tree. Follows the document across a refusal reset (SC5).
//
// Opening a stored tree goes through lib/sync/snapshot-first.svelte.ts (SC10): the first rows
// come from a snapshot of the index (domain goals/snapshot.ts, GOAL28), first the person's first
// screen's (GOAL29), then the whole, read-only, until the document is in and the tree editable.
import type * as Y from 'yjs';
import { SvelteMap } from 'svelte/reactivity';
import { toast } from 'svelte-sonner';
import type { Goal } from '@threadline/domain/goals/model';
import type { GoalTree } from '@threadline/domain/goals/tree';
import type { WriteContext } from '@threadline/domain/goals/edits';
import type { SyncedDocument } from '$lib/sync/synced-document';
import { SnapshotFirst } from '$lib/sync/snapshot-first.svelte';
import { SyncStatus } from '$lib/sync/sync-status.svelte';
import { Presence } from '$lib/sync/presence.svelte';
import { GoalIndex, NO_GOALS, type IndexChange } from '@threadline/domain/goals/goal-index';
import {
  readSnapshot,
  writeSnapshot,
  type IndexParts,
  type SnapshotParts,
} from '@threadline/domain/goals/snapshot';
import { writeFirstScreen } from '@threadline/domain/goals/first-screen';

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
  readonly #opening: SnapshotFirst<SnapshotParts>;
  readonly synced: SyncedDocument;
  readonly status: SyncStatus;
  readonly presence: Presence;
  readonly #me: GoalDocumentOptions['me'];
  #index: GoalIndex;
  /** What readers see: the cached snapshot until the document is loaded, then the index. */
  #shown: IndexParts;
  /** The whole tree's live-goal count while a snapshot is shown (a part has only some goals). */
  #shownLiveCount: number | null = null;
  readonly #stops: (() => void)[] = [];
  /** Told of every change, with the goals it touched (for what is kept up to date by change). */
  // Bookkeeping only, never rendered.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #listeners = new Set<(change: IndexChange) => void>();

  constructor(options: GoalDocumentOptions) {
    this.#me = options.me;
    this.#opening = new SnapshotFirst<SnapshotParts>({
      name: options.name,
      syncUrl: options.syncUrl,
      user: options.me,
      measureAs: 'goal-tree',
      fetchParts: ['first-screen', 'whole'],
      decode: readSnapshot,
      showView: (parts) => {
        this.#shown = parts;
        this.#shownLiveCount = parts.liveCount;
        this.#bump({ goals: NO_GOALS, tree: true, progress: true });
      },
      isEmpty: () => this.#index.goals.size === 0,
      showDocument: () => {
        if (this.#shown !== this.#index) this.#showIndex();
      },
      // The first screen first: the next visit draws it while the whole is still being read.
      encode: () => [writeFirstScreen(this.#index, this.#me.id), writeSnapshot(this.#index)],
    });
    this.synced = this.#opening.synced;
    this.status = new SyncStatus(this.synced);
    this.presence = new Presence(this.synced, options.me.id);
    this.#index = this.#indexOf(this.synced.doc);
    this.#shown = this.#index;
    this.#stops.push(
      this.synced.onReset((doc) => {
        this.#index.destroy();
        this.#index = this.#indexOf(doc);
        this.#showIndex();
      }),
      this.synced.onRefused((reason) => {
        toast.error('The server did not accept a change', {
          description: `${reason}. This device was brought back to the saved tree.`,
        });
      }),
    );
  }

  /** The tree can be shown: from a snapshot, or from the document once loaded. */
  get loaded(): boolean {
    return this.#opening.loaded;
  }

  /**
   * What is shown holds every goal: not while only the first screen's snapshot is (GOAL29).
   * Readers follow the versions either way: what they show is read again when the whole is in.
   */
  get complete(): boolean {
    return this.#opening.complete;
  }

  /** The stored replica is in the Y.Doc (or there was none): the tree is the document's, editable. */
  get live(): boolean {
    return this.#opening.live;
  }

  /** Readers see the index of the current Y.Doc, and editors bind (again) to its types. */
  #showIndex() {
    this.#shown = this.#index;
    this.#shownLiveCount = null;
    this.generation++;
    this.#bump({ goals: NO_GOALS, tree: true, progress: true });
  }

  #indexOf(doc: Y.Doc): GoalIndex {
    return new GoalIndex(doc, (change) => this.#bump(change));
  }

  /** Calls `listener` with each change to what readers see; returns the way to stop. */
  onChange(listener: (change: IndexChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #bump(change: IndexChange) {
    for (const listener of this.#listeners) listener(change);
    this.#opening.changed();
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
    return this.#shown.tree;
  }

  get goals(): ReadonlyMap<string, Goal> {
    void this.contentVersion;
    return this.#shown.goals;
  }

  goal(id: string | null): Goal | undefined {
    if (id === null) return undefined;
    void this.#bulkVersion;
    void this.#goalVersions.get(id);
    return this.#shown.goals.get(id);
  }

  progressOf(id: string): number | null {
    void this.progressVersion;
    return this.#shown.progress.get(id) ?? null;
  }

  /** The live-goal count, for the page's summary. */
  get liveCount(): number {
    void this.treeVersion;
    return this.#shownLiveCount ?? this.#shown.tree.parent.size;
  }

  async destroy() {
    for (const stop of this.#stops) stop();
    this.#index.destroy();
    await this.#opening.destroy();
  }
}
