// Group commit: appends submitted within a few milliseconds of each other (or until a batch is
// full) are written by one transaction, and each caller's promise settles only after that
// transaction's COMMIT (SYNC7). One batch is written at a time; whatever arrives meanwhile forms
// the next batch, so under load batches grow instead of transactions queueing up.
//
// A failed batch is retried item by item, so one bad item (say, an author deleted a moment ago)
// fails alone instead of failing everyone who shared its transaction.

export interface GroupCommitOptions {
  /** How long the first item of a batch waits for company. */
  maxDelayMs: number;
  /** A batch this full is written at once. */
  maxBatch: number;
}

export const DEFAULT_GROUP_COMMIT: GroupCommitOptions = { maxDelayMs: 2, maxBatch: 256 };

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/** Writes a batch; may return one result per item, in order (e.g. the log positions). */
type WriteBatch<T, R> = (items: T[]) => Promise<R[] | void>;

export class GroupCommit<T, R = void> {
  #queue: Pending<T, R>[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #writing: Promise<void> | undefined;
  /** Shutting down: nothing waits for company any more. */
  #hurried = false;
  readonly #write: WriteBatch<T, R>;
  readonly #options: GroupCommitOptions;

  constructor(write: WriteBatch<T, R>, options: GroupCommitOptions) {
    this.#write = write;
    this.#options = options;
  }

  submit(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (this.#writing) return; // the running batch starts the next one when it ends
      if (this.#hurried || this.#queue.length >= this.#options.maxBatch) this.#startNow();
      else this.#timer ??= setTimeout(() => this.#startNow(), this.#options.maxDelayMs);
    });
  }

  /** From now on every batch is written as soon as the one before it ends, without waiting for
   *  company (shutdown, SYNC15: a long delay would hold each room's save up once per batch). */
  hurry() {
    this.#hurried = true;
    this.#startNow();
  }

  /** Settles once everything submitted so far has been written (or has failed). */
  async drain(): Promise<void> {
    while (this.#writing || this.#queue.length > 0) {
      if (!this.#writing) this.#startNow();
      await this.#writing;
    }
  }

  #startNow() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#writing || this.#queue.length === 0) return;
    const batch = this.#queue.splice(0, this.#options.maxBatch);
    this.#writing = this.#writeBatch(batch).finally(() => {
      this.#writing = undefined;
      if (this.#queue.length > 0) this.#startNow();
    });
  }

  async #writeBatch(batch: Pending<T, R>[]) {
    try {
      const results = await this.#write(batch.map((pending) => pending.item));
      batch.forEach((pending, i) => pending.resolve(results?.[i] as R));
      return;
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
    }
    for (const pending of batch) {
      try {
        const results = await this.#write([pending.item]);
        pending.resolve(results?.[0] as R);
      } catch (error) {
        pending.reject(error);
      }
    }
  }
}
