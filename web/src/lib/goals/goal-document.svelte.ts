// The open goal-tree document as reactive state: the synced Y.Doc, a plain-data index of it
// (domain/goals/goal-index.ts) and version counters that tell Svelte what changed. Readers touch a version
// before reading the index, so a title keystroke re-renders the rows showing that goal, not the
// tree's shape; a move re-flattens the tree. Follows the document across a refusal reset (SC5).
//
// Opening a stored tree, the first rows come from the snapshot this device cached on its last
// visit (domain goals/snapshot.ts, SC10), or on a first visit from the sync server's (SYNC27),
// read-only, while the Y.Doc is read, synced and applied: first the snapshot of the person's
// first screen (GOAL29), then the whole. The tree becomes editable (`live`) once the document
// is in. The snapshot is written again when the page is idle after a sync, after changes, and
// when the page is hidden.
import type * as Y from 'yjs';
import { SvelteMap } from 'svelte/reactivity';
import { toast } from 'svelte-sonner';
import type { Goal } from '@threadline/domain/goals/model';
import type { GoalTree } from '@threadline/domain/goals/tree';
import type { WriteContext } from '@threadline/domain/goals/edits';
import { openDocument, type SyncedDocument } from '$lib/sync/synced-document';
import type { ViewSource } from '$lib/sync/replica-store';
import { SyncStatus } from '$lib/sync/sync-status.svelte';
import { Presence } from '$lib/sync/presence.svelte';
import { GoalIndex, NO_GOALS, type IndexChange } from '@threadline/domain/goals/goal-index';
import { readSnapshot, writeSnapshot, type IndexParts } from '@threadline/domain/goals/snapshot';
import { writeFirstScreen } from '@threadline/domain/goals/first-screen';
import { afterNextPaint, whenIdle } from '$lib/scheduling';
import { fetchSnapshot } from './snapshot-fetch.ts';

/** Past this many goals in one change, readers of single goals all re-read (a bulk change). */
const PER_GOAL_VERSIONS = 64;

/**
 * After a change, the snapshot is written again at most this often: writing a big tree's holds
 * the main thread for a noticeable while (in an idle moment, but still; BENCHMARKS.md, "The
 * snapshot first").
 */
const SNAPSHOT_EVERY_MS = 30_000;

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
  /** The tree can be shown: from the cached snapshot, or from the document once loaded. */
  loaded = $state(false);
  /**
   * What is shown holds every goal: not while only the first screen's snapshot is (GOAL29).
   * Readers follow the versions either way: what they show is read again when the whole is in.
   */
  complete = $state(false);
  /** The stored replica is in the Y.Doc (or there was none): the tree is the document's, editable. */
  live = $state(false);
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
  /** A snapshot write is due (the tree changed since the last one). */
  #snapshotDue = false;
  #snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  #snapshotAt = 0;
  /** Where the snapshot shown before the document came from, if one was. */
  #shownSource: ViewSource | null = null;
  #destroyed = false;

  constructor(options: GoalDocumentOptions) {
    this.#me = options.me;
    this.synced = openDocument({
      name: options.name,
      syncUrl: options.syncUrl,
      user: options.me,
      showCachedView: (view, source) => this.#showSnapshot(view, source),
      // Not for the fresh replica after a reset (SC5): the page is live already.
      fetchView: () =>
        this.live
          ? []
          : [
              fetchSnapshot(options.syncUrl, options.name, 'first-screen'),
              fetchSnapshot(options.syncUrl, options.name),
            ],
    });
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
    const opened = performance.now();
    void this.synced.whenLoaded().finally(async () => {
      performance.measure('goal-tree:replica-loaded', { start: opened, end: performance.now() });
      // A first visit's snapshot came from the server: the empty document would show no tree
      // until it has synced, so the snapshot stays until then (or until syncing stopped for good).
      if (this.#shownSource === 'fetched' && this.#index.goals.size === 0) {
        await this.#syncedOrStopped();
      }
      if (this.#destroyed) return;
      if (this.#shown !== this.#index) this.#showIndex();
      this.loaded = true;
      this.live = true;
      this.complete = true; // also when no snapshot was shown (none cached, none fetched)
      performance.mark('goal-tree:live');
      // A snapshot read from this device is written again only if something changed since
      // (every change from now on makes one due): writing it costs a quarter of a second.
      this.#snapshotDue = this.#shownSource !== 'cached';
      void this.synced.whenSynced().then(() => {
        if (this.#snapshotDue) this.#snapshotSoon(0);
      });
    });
    const hidden = () => {
      if (document.visibilityState === 'hidden' && this.#snapshotDue) this.#writeSnapshot();
    };
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', hidden);
      this.#stops.push(() => document.removeEventListener('visibilitychange', hidden));
    }
  }

  /** Readers see the index of the current Y.Doc, and editors bind (again) to its types. */
  #showIndex() {
    this.#shown = this.#index;
    this.#shownLiveCount = null;
    this.complete = true;
    this.generation++;
    this.#bump({ goals: NO_GOALS, tree: true, progress: true });
  }

  #syncedOrStopped(): Promise<void> {
    if (this.status.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.synced.onStatus(() => {
        if (!this.status.stopped) return;
        stop();
        resolve();
      });
      void this.synced.whenSynced().then(() => {
        stop();
        resolve();
      });
    });
  }

  /**
   * Shows a snapshot (its first screen, then the whole), read-only, until the document is loaded;
   * resolves once painted.
   */
  async #showSnapshot(view: string, source: ViewSource) {
    if (this.live || this.#destroyed) return;
    const started = performance.now();
    const parts = readSnapshot(view);
    const read = parts?.complete === false ? 'first-screen' : 'whole';
    performance.measure(`goal-tree:snapshot-read:${read}`, {
      start: started,
      end: performance.now(),
    });
    // Never a part over the whole (the replica hands parts over in the order they were kept).
    if (!parts || (this.complete && !parts.complete)) return;
    this.#shown = parts;
    this.#shownLiveCount = parts.liveCount;
    this.complete = parts.complete;
    this.#shownSource = source;
    this.#bump({ goals: NO_GOALS, tree: true, progress: true });
    this.loaded = true;
    await afterNextPaint();
  }

  /** Writes the snapshot when the page is next idle, `delayMs` from now at the earliest. */
  #snapshotSoon(delayMs: number) {
    this.#snapshotDue = true;
    const at = Date.now() + delayMs;
    if (this.#destroyed || (this.#snapshotTimer !== null && this.#snapshotAt <= at)) return;
    if (this.#snapshotTimer !== null) clearTimeout(this.#snapshotTimer);
    this.#snapshotAt = at;
    this.#snapshotTimer = setTimeout(() => {
      this.#snapshotTimer = null;
      whenIdle(() => this.#writeSnapshot());
    }, delayMs);
  }

  #writeSnapshot() {
    if (!this.live || this.#destroyed || !this.#snapshotDue) return;
    this.#snapshotDue = false;
    const started = performance.now();
    // The first screen first: the next visit draws it while the whole is still being read.
    this.synced.cacheView([writeFirstScreen(this.#index, this.#me.id), writeSnapshot(this.#index)]);
    performance.measure('goal-tree:snapshot-written', { start: started, end: performance.now() });
  }

  #indexOf(doc: Y.Doc): GoalIndex {
    return new GoalIndex(doc, (change) => this.#bump(change));
  }

  #bump(change: IndexChange) {
    if (this.live) this.#snapshotSoon(SNAPSHOT_EVERY_MS);
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
    this.#destroyed = true;
    if (this.#snapshotTimer !== null) clearTimeout(this.#snapshotTimer);
    for (const stop of this.#stops) stop();
    this.#index.destroy();
    await this.synced.destroy();
  }
}
