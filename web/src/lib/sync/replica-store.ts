// Where a document's replica lives on this device between visits: IndexedDB in a browser (so a
// reload with the network off still shows, and keeps, every edit), nothing in Node tests.
import type * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as idb from 'lib0/indexeddb';

/** One document's stored replica, attached to a Y.Doc: loads into it, then records its updates. */
export interface Replica {
  /** Settles once the stored updates are applied to the document. */
  readonly whenLoaded: Promise<void>;
  /** Stops recording; what is stored stays for the next visit. */
  close(): Promise<void>;
  /** Stops recording and deletes what is stored (the server's state replaces it, SC5). */
  clear(): Promise<void>;
}

export interface ReplicaStore {
  open(key: string, doc: Y.Doc): Replica;
}

/** y-indexeddb's store names; clear() empties `updates` in place. */
const UPDATES = 'updates';

export function indexedDbReplicas(): ReplicaStore {
  return {
    open(key, doc) {
      const persistence = new IndexeddbPersistence(key, doc);
      return {
        whenLoaded: persistence.whenSynced.then(() => undefined),
        close: () => persistence.destroy(),
        async clear() {
          await persistence.destroy();
          await clearUpdates(key);
        },
      };
    },
  };
}

/**
 * Empties the update store rather than deleting the database (y-indexeddb's clearData): another
 * tab may hold the same database open, and deleting it would close that tab's connection under
 * it, so its next write would throw inside a Yjs update handler.
 */
async function clearUpdates(name: string) {
  const db = await idb.openDB(name, (created) =>
    idb.createStores(created, [[UPDATES, { autoIncrement: true }], ['custom']]),
  );
  try {
    const [updates] = idb.transact(db, [UPDATES]);
    await idb.rtop(updates!.clear());
  } finally {
    db.close();
  }
}

/** IndexedDB where there is one (browsers), otherwise no stored replica. */
export function defaultReplicaStore(): ReplicaStore | null {
  return typeof indexedDB === 'undefined' ? null : indexedDbReplicas();
}
