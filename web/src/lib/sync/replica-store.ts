// Where a document's replica lives on this device between visits: IndexedDB in a browser (so a
// reload with the network off still shows, and keeps, every edit), nothing in Node tests.
//
// The stored replica is a list of Yjs updates, appended as the document changes and folded into
// one now and then. It is loaded into a fresh Y.Doc before anything listens to the document's
// `update` event, and that is why this is ours rather than y-indexeddb: Yjs encodes each
// transaction's update for its `update` listeners, and y-indexeddb (and the provider) listen from
// the start, so loading a stored goal tree paid for encoding all of it again only to hand it to
// listeners with nothing to do with it (what it cost: BENCHMARKS.md, tests/bench/goal-tree-ui.ts).
// The database layout is y-indexeddb's (`updates`, auto-increment keys), so replicas stored by
// earlier versions load as they are.
//
// Beside the updates, the `custom` store keeps one cached view of the document (SC10): strings
// its page wrote from what it shows (the goal tree's snapshot, domain goals/snapshot.ts), in parts
// shown in order: first what the first screen needs, then the whole. The load reads them first and
// hands them to the page, which draws from them while the updates are read and applied: applying
// the 5,000-person tree's updates holds the main thread for about a second, and reading its whole
// snapshot a third of a second, where its first screen's takes a few milliseconds.
import * as Y from 'yjs';
import * as idb from 'lib0/indexeddb';
import { whenIdle } from '../scheduling.ts';
import { withoutUpdateListeners } from './remote-updates.ts';

/** One document's stored replica, attached to a Y.Doc: loads into it, then records its updates. */
export interface Replica {
  /**
   * Settles once the stored updates are applied to the document. Until then nothing else should
   * listen to the document's `update` event (the load would be encoded once more for it).
   */
  readonly whenLoaded: Promise<void>;
  /**
   * Settles once IndexedDB has answered (and the cached view was drawn): what is left of the load
   * is applying what was read, which takes time but cannot get stuck. A stuck IndexedDB never
   * settles it; that is what a caller's wait for the replica guards against.
   */
  readonly whenRead: Promise<void>;
  /**
   * Keeps a change applied without `update` listeners (one from the server, applied as received:
   * remote-updates.ts).
   */
  record(update: Uint8Array): void;
  /**
   * Keeps `parts` as the document's cached view, replacing the one kept before (SC10): the next
   * load shows them in this order, each once the one before is drawn.
   */
  cacheView(parts: readonly string[]): void;
  /** Stops recording; what is stored stays for the next visit. */
  close(): Promise<void>;
  /** Stops recording and deletes what is stored, cached view included (SC5). */
  clear(): Promise<void>;
}

export interface ReplicaOptions {
  /**
   * Called with each part of the cached view, in order, when there is one, before the stored
   * updates are applied; each waits for the promise the last call returned, and so do the
   * updates (the page shows the view first, then the load takes over).
   */
  showCachedView?: (view: string, source: ViewSource) => Promise<void> | void;
  /**
   * Where the view's parts come from when none is cached (a first visit): the server, asked for
   * all at once. Each answer goes to `showCachedView` the same way, in order (one that failed is
   * skipped); the load waits for them all.
   */
  fetchView?: () => readonly Promise<string | null>[];
}

/** Where a shown view came from: this device's cache, or the server (nothing cached). */
export type ViewSource = 'cached' | 'fetched';

export interface ReplicaStore {
  open(key: string, doc: Y.Doc, options?: ReplicaOptions): Replica;
}

const UPDATES = 'updates';
/** y-indexeddb's store for other values; the cached view's parts are kept there, one key each. */
const CUSTOM = 'custom';
const CACHED_VIEW = 'threadline:view';
const viewPartKey = (part: number) => `${CACHED_VIEW}:${part}`;
/** A view has few parts (the goal tree's: its first screen, then the whole). */
const MAX_VIEW_PARTS = 3;
/** Every key of the cached view (and the one-part view earlier versions kept under CACHED_VIEW). */
const allViewKeys = () => IDBKeyRange.bound(CACHED_VIEW, `${CACHED_VIEW}\uffff`);

/**
 * Past this many stored updates they are folded into one: after loading, and again whenever a
 * session has appended as many (y-indexeddb: 500).
 */
export const FOLD_AFTER_UPDATES = 300;

export function indexedDbReplicas(): ReplicaStore {
  return { open: (key, doc, options) => new IndexedDbReplica(key, doc, options) };
}

class IndexedDbReplica implements Replica {
  readonly whenLoaded: Promise<void>;
  readonly whenRead: Promise<void>;
  #read: () => void = () => {};
  readonly #doc: Y.Doc;
  readonly #options: ReplicaOptions;
  readonly #db: Promise<IDBDatabase>;
  /** The last write, so close() waits for what is already on its way. */
  #written: Promise<unknown> = Promise.resolve();
  /** The key of the newest update known written (folding deletes up to it). */
  #lastKey: number | null = null;
  /** Updates appended since the store was last folded (or loaded). */
  #appended = 0;
  #loaded = false;
  /** Updates were recorded before the load finished (it took longer than the page waited). */
  #recordedEarly = false;
  #closed = false;
  readonly #record = (update: Uint8Array, origin: unknown) => {
    if (origin !== this) this.#append(update);
  };

  constructor(key: string, doc: Y.Doc, options: ReplicaOptions = {}) {
    this.#doc = doc;
    this.#options = options;
    this.#db = idb.openDB(key, (created) =>
      idb.createStores(created, [[UPDATES, { autoIncrement: true }], [CUSTOM]]),
    );
    this.whenRead = new Promise((resolve) => (this.#read = resolve));
    this.whenLoaded = this.#load();
  }

  async #load() {
    try {
      await this.#apply();
    } finally {
      this.#read(); // when reading failed, too: there is nothing left to wait for
      // Even when reading failed: what changes from now on is still kept (SC4).
      this.#loaded = true;
      if (!this.#closed) this.#doc.on('update', this.#record);
    }
  }

  async #apply() {
    // User Timing measures: DevTools and the UI benchmark (tests/bench/goal-tree-ui.ts) read them.
    const started = performance.now();
    const db = await this.#db;
    performance.mark('replica:opened');
    // The view in transactions of its own, the first started first: the page draws the view
    // while the updates are read.
    const shown = this.#showCachedView(db);
    const [store] = idb.transact(db, [UPDATES], 'readonly');
    const [keys, updates] = await Promise.all([
      idb.getAllKeys(store!) as Promise<number[]>,
      idb.getAll(store!) as Promise<Uint8Array[]>,
      shown,
    ]);
    const read = performance.now();
    performance.measure('replica:read-indexeddb', { start: started, end: read });
    this.#read();
    if (this.#closed) return;
    // Changes made before the load are not stored yet (none, in the app: the page waits for the
    // load), unless they came from the server after the page stopped waiting: those were kept
    // as received (record()).
    const unstored = !this.#recordedEarly && this.#doc.store.clients.size > 0;
    // One transaction: observers (the goal index) see one change, not one per stored update.
    // And unobserved by `update` listeners: normally there are none yet, but when the page
    // stopped waiting the provider is one, and the load is not a change to send (the whole
    // replica in one message, past the server's frame limit); SyncedDocument syncs afresh.
    withoutUpdateListeners(this.#doc, () =>
      Y.transact(
        this.#doc,
        () => {
          for (const update of updates) Y.applyUpdate(this.#doc, update, this);
        },
        this,
        false,
      ),
    );
    performance.measure('replica:apply', { start: read, end: performance.now() });
    if (keys.length > 0) this.#lastKey = keys.at(-1)!;
    if (unstored) this.#append(Y.encodeStateAsUpdate(this.#doc));
    if (updates.length > FOLD_AFTER_UPDATES) this.#foldLater();
  }

  /**
   * Shows the cached view's parts in order. Each is read in a transaction of its own, all asked
   * for before the updates: IndexedDB answers them in that order, so no part waits behind the
   * updates (the bulk of the stored bytes), and the small first part behind nothing.
   */
  async #showCachedView(db: IDBDatabase) {
    const { showCachedView, fetchView } = this.#options;
    if (!showCachedView) return;
    const show = async (view: string | null, source: ViewSource) => {
      if (view === null || this.#closed) return;
      // A page that fails to draw it still gets the document.
      await Promise.resolve(showCachedView(view, source)).catch(() => {});
    };
    const reads = Array.from({ length: MAX_VIEW_PARTS }, (_, part) => this.#readViewPart(db, part));
    let part = 0;
    for (; part < MAX_VIEW_PARTS; part++) {
      const view = await reads[part]!;
      if (view === null) break;
      performance.mark(`replica:cached-view-read:${part}`);
      await show(view, 'cached');
      if (this.#closed) return;
    }
    if (part > 0 || !fetchView) return;
    const fetched = fetchView().map((request) => request.catch(() => null));
    for (const request of fetched) await show(await request, 'fetched');
  }

  async #readViewPart(db: IDBDatabase, part: number): Promise<string | null> {
    const [custom] = idb.transact(db, [CUSTOM], 'readonly');
    const stored = await idb.get(custom!, viewPartKey(part)).catch(() => undefined);
    return typeof stored === 'string' ? stored : null;
  }

  cacheView(parts: readonly string[]) {
    if (this.#closed) return;
    if (parts.length > MAX_VIEW_PARTS)
      throw new Error(`a view has at most ${MAX_VIEW_PARTS} parts`);
    // Kept as strings: stored gzipped, reading and inflating the whole took Chromium longer than
    // reading the string (BENCHMARKS.md, "The snapshot first"). After what is already on its way, so close() still waits for
    // every write; in one transaction, so a load reads the old parts or the new ones.
    this.#written = Promise.all([this.#db, this.#written.catch(() => {})]).then(async ([db]) => {
      const [custom] = idb.transact(db, [CUSTOM]);
      await Promise.all([
        idb.del(custom!, allViewKeys()),
        ...parts.map((view, part) => idb.put(custom!, view, viewPartKey(part))),
      ]);
    });
    this.#written.catch(() => {});
  }

  record(update: Uint8Array) {
    if (!this.#loaded) this.#recordedEarly = true;
    this.#append(update);
  }

  #append(update: Uint8Array) {
    if (this.#closed) return;
    // IndexedDB runs read-write transactions on one store in the order they were created.
    this.#written = this.#db.then(async (db) => {
      const [store] = idb.transact(db, [UPDATES]);
      const key = (await idb.rtop(store!.add(update))) as number;
      this.#lastKey = Math.max(this.#lastKey ?? key, key);
    });
    this.#written.catch(() => {}); // a failed write shows on the next load, not as a crash
    // A tab left open on a busy document keeps appending: fold now and then, not only on load.
    if (this.#loaded && ++this.#appended >= FOLD_AFTER_UPDATES) this.#foldLater();
  }

  /**
   * Replaces the stored updates by the whole document in one update, when the page is idle: the
   * encoding takes as long as the load saved, and should not delay the first paint. Only updates
   * known written (up to `#lastKey`, all of them in the document) are deleted.
   */
  #foldLater() {
    this.#appended = 0;
    const fold = () => {
      const lastKey = this.#lastKey;
      if (this.#closed || lastKey === null) return;
      const whole = Y.encodeStateAsUpdate(this.#doc);
      this.#written = this.#db.then(async (db) => {
        // Both requests in one transaction, issued together: the store is never without them.
        const [store] = idb.transact(db, [UPDATES]);
        await Promise.all([
          idb.rtop(store!.add(whole)),
          idb.del(store!, idb.createIDBKeyRangeUpperBound(lastKey, false)),
        ]);
      });
      this.#written.catch(() => {});
    };
    whenIdle(fold);
  }

  async close() {
    if (this.#closed) return;
    this.#closed = true;
    this.#doc.off('update', this.#record);
    await this.#written.catch(() => {});
    (await this.#db.catch(() => null))?.close();
  }

  /**
   * Empties the update store rather than deleting the database: another tab may hold the same
   * database open, and deleting it would close that tab's connection under it, so its next
   * write would fail.
   */
  async clear() {
    await this.close();
    const db = await idb.openDB((await this.#db).name, () => {});
    try {
      const [store, custom] = idb.transact(db, [UPDATES, CUSTOM]);
      await Promise.all([idb.rtop(store!.clear()), idb.del(custom!, allViewKeys())]);
    } finally {
      db.close();
    }
  }
}

/** IndexedDB where there is one (browsers), otherwise no stored replica. */
export function defaultReplicaStore(): ReplicaStore | null {
  return typeof indexedDB === 'undefined' ? null : indexedDbReplicas();
}
