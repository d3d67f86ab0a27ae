// Where a document's replica lives on this device between visits: IndexedDB in a browser (so a
// reload with the network off still shows, and keeps, every edit), nothing in Node tests.
//
// The stored replica is a list of Yjs updates, appended as the document changes and folded into
// one now and then. It is loaded into a fresh Y.Doc before anything listens to the document's
// `update` event, and that is why this is ours rather than y-indexeddb: Yjs encodes each
// transaction's update for its `update` listeners, and y-indexeddb (and the provider) listen from
// the start, so loading a stored 28 MB goal tree paid for encoding all 28 MB again (about 0.6 s
// in Chromium) only to hand it to listeners with nothing to do with it (tests/bench/goal-tree-ui.ts).
// The database layout is y-indexeddb's (`updates`, auto-increment keys), so replicas stored by
// earlier versions load as they are.
import * as Y from 'yjs';
import * as idb from 'lib0/indexeddb';

/** One document's stored replica, attached to a Y.Doc: loads into it, then records its updates. */
export interface Replica {
  /**
   * Settles once the stored updates are applied to the document. Until then nothing else should
   * listen to the document's `update` event (the load would be encoded once more for it).
   */
  readonly whenLoaded: Promise<void>;
  /**
   * Keeps a change applied without `update` listeners (one from the server, applied as received:
   * remote-updates.ts).
   */
  record(update: Uint8Array): void;
  /** Stops recording; what is stored stays for the next visit. */
  close(): Promise<void>;
  /** Stops recording and deletes what is stored (the server's state replaces it, SC5). */
  clear(): Promise<void>;
}

export interface ReplicaStore {
  open(key: string, doc: Y.Doc): Replica;
}

const UPDATES = 'updates';

/** Past this many stored updates, they are folded into one after loading (y-indexeddb: 500). */
export const FOLD_AFTER_UPDATES = 300;

export function indexedDbReplicas(): ReplicaStore {
  return { open: (key, doc) => new IndexedDbReplica(key, doc) };
}

class IndexedDbReplica implements Replica {
  readonly whenLoaded: Promise<void>;
  readonly #doc: Y.Doc;
  readonly #db: Promise<IDBDatabase>;
  /** The last write, so close() waits for what is already on its way. */
  #written: Promise<unknown> = Promise.resolve();
  #closed = false;
  readonly #record = (update: Uint8Array, origin: unknown) => {
    if (origin !== this) this.#append(update);
  };

  constructor(key: string, doc: Y.Doc) {
    this.#doc = doc;
    this.#db = idb.openDB(key, (created) =>
      idb.createStores(created, [[UPDATES, { autoIncrement: true }], ['custom']]),
    );
    this.whenLoaded = this.#load();
  }

  async #load() {
    // User Timing measures: DevTools and the UI benchmark (tests/bench/goal-tree-ui.ts) read them.
    const started = performance.now();
    const db = await this.#db;
    const [store] = idb.transact(db, [UPDATES], 'readonly');
    const [keys, updates] = await Promise.all([
      idb.getAllKeys(store!) as Promise<number[]>,
      idb.getAll(store!) as Promise<Uint8Array[]>,
    ]);
    const read = performance.now();
    performance.measure('replica:read-indexeddb', { start: started, end: read });
    if (this.#closed) return;
    // Changes made before the load (none, in the app: the page waits for it) are not stored yet.
    const unstored = this.#doc.store.clients.size > 0;
    // One transaction: observers (the goal index) see one change, not one per stored update.
    Y.transact(
      this.#doc,
      () => {
        for (const update of updates) Y.applyUpdate(this.#doc, update, this);
      },
      this,
      false,
    );
    performance.measure('replica:apply', { start: read, end: performance.now() });
    this.#doc.on('update', this.#record);
    if (unstored) this.#append(Y.encodeStateAsUpdate(this.#doc));
    if (updates.length > FOLD_AFTER_UPDATES) this.#foldLater(keys.at(-1)!);
  }

  record(update: Uint8Array) {
    this.#append(update);
  }

  #append(update: Uint8Array) {
    if (this.#closed) return;
    // IndexedDB runs read-write transactions on one store in the order they were created.
    this.#written = this.#db.then((db) => {
      const [store] = idb.transact(db, [UPDATES]);
      return idb.rtop(store!.add(update));
    });
    this.#written.catch(() => {}); // a failed write shows on the next load, not as a crash
  }

  /**
   * Replaces the updates up to `lastKey` by the whole document in one update, when the page is
   * idle: the encoding takes as long as the load saved, and should not delay the first paint.
   */
  #foldLater(lastKey: number) {
    const fold = () => {
      if (this.#closed) return;
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
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fold, { timeout: 10_000 });
    else setTimeout(fold, 0);
  }

  async close() {
    if (this.#closed) return;
    this.#closed = true;
    this.#doc.off('update', this.#record);
    await this.#written.catch(() => {});
    (await this.#db).close();
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
      const [store] = idb.transact(db, [UPDATES]);
      await idb.rtop(store!.clear());
    } finally {
      db.close();
    }
  }
}

/** IndexedDB where there is one (browsers), otherwise no stored replica. */
export function defaultReplicaStore(): ReplicaStore | null {
  return typeof indexedDB === 'undefined' ? null : indexedDbReplicas();
}
