// The document log in memory: the reference the Postgres implementation is held to by the contract
// suite, and the storage of tests that need no database. Appends settle on a later tick, like a
// real commit, so callers cannot come to depend on them settling synchronously.
import type {
  Change,
  DocumentKey,
  DocumentStorage,
  LoadedDocument,
  LoggedUpdate,
} from './document-storage.ts';
import { mergeToState } from './merge-updates.ts';

interface Snapshot {
  uptoSeq: number;
  uptoReceivedAt: Date;
  state: Uint8Array;
}

interface StoredDocument {
  log: Change[];
  snapshot: Snapshot | undefined;
}

/** Shared by every storage opened on it, as a database is (the contract suite reopens one). */
export class MemoryDocumentStore {
  readonly documents = new Map<string, StoredDocument>();
  seq = 0;
}

const keyOf = (key: DocumentKey) => `${key.organisationId}\u0000${key.name}`;

export class MemoryDocumentStorage implements DocumentStorage {
  readonly #store: MemoryDocumentStore;
  readonly #pending = new Set<Promise<unknown>>();

  constructor(store = new MemoryDocumentStore()) {
    this.#store = store;
  }

  async load(key: DocumentKey): Promise<LoadedDocument> {
    const document = this.#store.documents.get(keyOf(key));
    if (!document) return { updates: [], snapshotSeq: 0, seqs: [] };
    const { snapshot, log } = document;
    const tail = log.filter((change) => change.seq > (snapshot?.uptoSeq ?? 0));
    return {
      updates: [...(snapshot ? [snapshot.state] : []), ...tail.map((change) => change.update)],
      snapshotSeq: snapshot?.uptoSeq ?? 0,
      seqs: tail.map((change) => change.seq),
    };
  }

  append(key: DocumentKey, updates: readonly LoggedUpdate[]): Promise<number[]> {
    const copies = updates.map((update) => ({ ...update, update: update.update.slice() }));
    const pending = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      const document = this.#document(key);
      const seqs = copies.map((update) => {
        const seq = ++this.#store.seq;
        document.log.push({ ...update, seq });
        return seq;
      });
      this.#pending.delete(pending);
      return seqs;
    });
    this.#pending.add(pending);
    return pending;
  }

  async seqsAfter(key: DocumentKey, afterSeq: number): Promise<number[]> {
    const log = this.#store.documents.get(keyOf(key))?.log ?? [];
    return log.filter((change) => change.seq > afterSeq).map((change) => change.seq);
  }

  async updatesAt(key: DocumentKey, seqs: readonly number[]): Promise<Uint8Array[]> {
    const wanted = new Set(seqs);
    const log = this.#store.documents.get(keyOf(key))?.log ?? [];
    return log.filter((change) => wanted.has(change.seq)).map((change) => change.update.slice());
  }

  async compact(key: DocumentKey): Promise<number | null> {
    const document = this.#store.documents.get(keyOf(key));
    const last = document?.log.at(-1);
    if (!document || !last || last.seq <= (document.snapshot?.uptoSeq ?? 0)) return null;
    const { updates } = await this.load(key);
    const state = mergeToState(updates);
    document.snapshot = {
      uptoSeq: last.seq,
      uptoReceivedAt: new Date(Math.max(...document.log.map((c) => c.receivedAt.getTime()))),
      state,
    };
    return state.byteLength;
  }

  async documentAt(key: DocumentKey, at: Date): Promise<Uint8Array | null> {
    const updates = (this.#store.documents.get(keyOf(key))?.log ?? [])
      .filter((change) => change.receivedAt <= at)
      .map((change) => change.update);
    return updates.length === 0 ? null : mergeToState(updates);
  }

  async changesOf(key: DocumentKey): Promise<Change[]> {
    return (this.#store.documents.get(keyOf(key))?.log ?? []).map((change) => ({ ...change }));
  }

  async close(): Promise<void> {
    await Promise.all(this.#pending);
  }

  #document(key: DocumentKey): StoredDocument {
    let document = this.#store.documents.get(keyOf(key));
    if (!document) {
      document = { log: [], snapshot: undefined };
      this.#store.documents.set(keyOf(key), document);
    }
    return document;
  }
}
