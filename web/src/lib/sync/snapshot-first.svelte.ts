// Opening a big document snapshot first, the document second (SC10), for any kind that keeps a
// snapshot: the page draws, read-only, the view this device cached on its last visit (or, on a
// first visit, the sync server's, SYNC27), part by part, while the Y.Doc is read, synced and
// applied; it becomes editable (`live`) once the document is in. The view is written again from
// the loaded document when the page is idle after a sync, after changes, and when it is hidden
// (snapshot-schedule.ts).
//
// What a view is, how it is read and written and how it is drawn belong to the kind (the goal
// tree's: lib/goals/goal-document.svelte.ts, with domain goals/snapshot.ts and first-screen.ts).
import type { SnapshotPart } from './snapshot-fetch.ts';
import { afterNextPaint } from '../scheduling.ts';
import { cachedViewKey, rememberCachedView } from './cached-views.ts';
import type { PresenceUser } from './presence.ts';
import type { ViewSource } from './replica-store.ts';
import { fetchSnapshot } from './snapshot-fetch.ts';
import { SnapshotSchedule } from './snapshot-schedule.ts';
import { stoppedForGood } from './status.ts';
import { openDocument, type SyncedDocument } from './synced-document.ts';

/** A snapshot part read back: the whole document's, or only a first part of it. */
export interface SnapshotView {
  readonly complete: boolean;
}

export interface SnapshotFirstOptions<View extends SnapshotView> {
  /** The document name (domain/documents/names). */
  name: string;
  syncUrl: string;
  user: PresenceUser;
  /**
   * Names the page's User Timing measures (`<measureAs>:snapshot-read:<part>`, `…:live`, …),
   * which DevTools, the e2e specs and the UI benchmark read.
   */
  measureAs: string;
  /** What a first visit asks the sync server for, all at once, drawn in this order (SYNC27). */
  fetchParts: readonly SnapshotPart[];
  /** Reads a snapshot part; null when it is not one (another format). */
  decode: (snapshot: string) => View | null;
  /** Draws a view, read-only. Called only before the document is loaded. */
  showView: (view: View) => void;
  /** Whether the loaded document holds nothing yet (a first visit's, before it has synced). */
  isEmpty: () => boolean;
  /** Draws the loaded document in place of the view, if a view was drawn; editors bind. */
  showDocument: () => void;
  /** The view's parts, written from the loaded document, in the order the next visit draws them. */
  encode: () => readonly string[];
}

export class SnapshotFirst<View extends SnapshotView> {
  /** Something can be shown: a view, or the document once loaded. */
  loaded = $state(false);
  /** What is shown is the whole: not while only a first part of the view is. */
  complete = $state(false);
  /** The stored replica is in the Y.Doc (or there was none): what is shown is the document's. */
  live = $state(false);
  readonly synced: SyncedDocument;
  readonly #options: SnapshotFirstOptions<View>;
  readonly #schedule: SnapshotSchedule;
  /** Where the view shown before the document came from, if one was. */
  #shownSource: ViewSource | null = null;
  readonly #stops: (() => void)[] = [];
  #destroyed = false;

  constructor(options: SnapshotFirstOptions<View>) {
    this.#options = options;
    const { name, syncUrl, user, measureAs, fetchParts } = options;
    this.#schedule = new SnapshotSchedule({
      write: () => this.#write(),
      canWrite: () => this.live && !this.#destroyed,
    });
    this.synced = openDocument({
      name,
      syncUrl,
      user,
      showCachedView: (view, source) => this.#showView(view, source),
      // Not for the fresh replica after a reset (SC5): the page is live already.
      fetchView: () =>
        this.live
          ? []
          : fetchParts.map((part) =>
              fetchSnapshot({ syncUrl, documentName: name, part, measureAs }),
            ),
    });
    // The fresh Y.Doc is what the kind shows after a reset (it rebinds in its own listener).
    this.#stops.push(this.synced.onReset(() => (this.complete = true)));
    const opened = performance.now();
    void this.synced.whenLoaded().finally(() => this.#goLive(opened));
  }

  /** The document changed: its view is written again within 30 s (only once live). */
  changed() {
    if (this.live) this.#schedule.changed();
  }

  async destroy() {
    this.#destroyed = true;
    this.#schedule.stop();
    for (const stop of this.#stops) stop();
    await this.synced.destroy();
  }

  /** Shows a view's part, read-only, until the document is loaded; resolves once painted. */
  async #showView(snapshot: string, source: ViewSource) {
    if (this.live || this.#destroyed) return;
    const { measureAs, decode, showView } = this.#options;
    const started = performance.now();
    const view = decode(snapshot);
    const read: SnapshotPart = view?.complete === false ? 'first-screen' : 'whole';
    performance.measure(`${measureAs}:snapshot-read:${read}`, {
      start: started,
      end: performance.now(),
    });
    // Never a part over the whole (the replica hands parts over in the order they were kept).
    if (!view || (this.complete && !view.complete)) return;
    showView(view);
    if (source === 'cached') this.#rememberView();
    this.complete = view.complete;
    this.#shownSource = source;
    this.loaded = true;
    await afterNextPaint();
  }

  async #goLive(opened: number) {
    const { measureAs, isEmpty, showDocument } = this.#options;
    performance.measure(`${measureAs}:replica-loaded`, { start: opened, end: performance.now() });
    // A first visit's view came from the server: the empty document would show nothing until
    // it has synced, so the view stays until then (or until syncing stopped for good).
    if (this.#shownSource === 'fetched' && isEmpty()) await this.#syncedOrStopped();
    if (this.#destroyed) return;
    // Before `live`: what the kind does while drawing the document is not a change to write.
    showDocument();
    this.loaded = true;
    this.live = true;
    this.complete = true; // also when no view was shown (none cached, none fetched)
    performance.mark(`${measureAs}:live`);
    // A view read from this device is written again only once something changed since (every
    // change from now on makes one due).
    this.#schedule.setDue(this.#shownSource !== 'cached');
    void this.synced.whenSynced().then(() => {
      if (this.#schedule.due) this.#schedule.soon(0);
    });
  }

  #syncedOrStopped(): Promise<void> {
    if (stoppedForGood(this.synced.status)) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.synced.onStatus((status) => {
        if (!stoppedForGood(status)) return;
        stop();
        resolve();
      });
      void this.synced.whenSynced().then(() => {
        stop();
        resolve();
      });
    });
  }

  /** The next visit draws its own view: the server need not preload a snapshot (SYNC27). */
  #rememberView() {
    rememberCachedView(cachedViewKey(this.#options.user.id, this.#options.name));
  }

  #write() {
    const { measureAs, encode } = this.#options;
    const started = performance.now();
    this.synced.cacheView(encode());
    this.#rememberView();
    performance.measure(`${measureAs}:snapshot-written`, {
      start: started,
      end: performance.now(),
    });
  }
}
