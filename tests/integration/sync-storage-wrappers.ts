// DocumentStorage wrappers that let a test hold commits back or make them fail, to observe what
// the server does before a commit and after a failed one.
import type {
  DocumentKey,
  DocumentStorage,
  LoggedUpdate,
} from '@threadline/sync-server/persistence/document-storage';

/** Appends wait until the gate opens; everything else passes through. */
export class GatedStorage implements DocumentStorage {
  #open!: () => void;
  #gate!: Promise<void>;
  readonly inner: DocumentStorage;
  /** Appends waiting at the gate right now. */
  waiting = 0;

  constructor(inner: DocumentStorage) {
    this.inner = inner;
    this.hold();
  }

  hold() {
    this.#gate = new Promise((resolve) => (this.#open = resolve));
  }

  release() {
    this.#open();
  }

  async append(key: DocumentKey, updates: readonly LoggedUpdate[]) {
    this.waiting += 1;
    await this.#gate;
    this.waiting -= 1;
    return this.inner.append(key, updates);
  }

  load = (key: DocumentKey) => this.inner.load(key);
  seqsAfter = (key: DocumentKey, afterSeq: number) => this.inner.seqsAfter(key, afterSeq);
  updatesAt = (key: DocumentKey, seqs: readonly number[]) => this.inner.updatesAt(key, seqs);
  compact = (key: DocumentKey) => this.inner.compact(key);
  documentAt = (key: DocumentKey, at: Date) => this.inner.documentAt(key, at);
  changesOf = (key: DocumentKey) => this.inner.changesOf(key);
  close = () => this.inner.close();
}

/** Appends fail while `failing` is set, as they would with the database unreachable. */
export class FlakyStorage implements DocumentStorage {
  readonly inner: DocumentStorage;
  failing = false;
  failedAppends = 0;

  constructor(inner: DocumentStorage) {
    this.inner = inner;
  }

  async append(key: DocumentKey, updates: readonly LoggedUpdate[]) {
    if (this.failing) {
      this.failedAppends += 1;
      throw new Error('database unreachable (simulated)');
    }
    return this.inner.append(key, updates);
  }

  load = (key: DocumentKey) => this.inner.load(key);
  seqsAfter = (key: DocumentKey, afterSeq: number) => this.inner.seqsAfter(key, afterSeq);
  updatesAt = (key: DocumentKey, seqs: readonly number[]) => this.inner.updatesAt(key, seqs);
  compact = (key: DocumentKey) => this.inner.compact(key);
  documentAt = (key: DocumentKey, at: Date) => this.inner.documentAt(key, at);
  changesOf = (key: DocumentKey) => this.inner.changesOf(key);
  close = () => this.inner.close();
}
