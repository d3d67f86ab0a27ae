// Saves one document's accepted updates, in order, one save at a time (SYNC7, SYNC8). Updates
// that arrive while a save is running form the next save. A failed save keeps its updates at the
// head of the queue and is retried with exponential backoff, so nothing accepted is dropped and
// nothing is saved out of order. After each commit the durable state vector moves forward and
// the room acknowledges it. The room is told when saving becomes delayed (the first failure)
// and when it resumes (the next success), and a waiting retry can be brought forward when the
// database answers again (SYNC30, SYNC32).
import type { Logger } from 'pino';
import type {
  DocumentKey,
  DocumentStorage,
  LoggedUpdate,
} from '../persistence/document-storage.ts';
import type { SyncMetrics } from '../operations/metrics.ts';

interface Unsaved {
  update: LoggedUpdate;
  /** The document's state vector right after this update: durable once the update is. */
  stateVectorAfter: Uint8Array;
}

export interface DocumentSaverOptions {
  key: DocumentKey;
  storage: DocumentStorage;
  retry: { initialMs: number; maxMs: number };
  metrics: SyncMetrics;
  log: Logger;
  /** Called after each commit with what it saved. */
  onSaved(saved: SavedBatch): void;
  /** Called when a save fails after the last one succeeded (true), and when one succeeds again
   *  after failing (false). */
  onDelayed?(delayed: boolean): void;
  /** Called after every failed save. */
  onFailed?(): void;
}

export interface SavedBatch {
  /** The document's state vector after the last update saved: all of it is durable now. */
  stateVector: Uint8Array;
  updates: Uint8Array[];
  /** The log seq of each update (scale-out catch-up, SYNC26). */
  seqs: number[];
}

/** The most updates one save hands to storage (after a long outage the queue can be long). */
const MAX_SAVE = 1000;

export class DocumentSaver {
  #queue: Unsaved[] = [];
  #saving = false;
  #failures = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #idleWaiters: (() => void)[] = [];
  readonly #options: DocumentSaverOptions;

  constructor(options: DocumentSaverOptions) {
    this.#options = options;
  }

  /** True when every accepted update is durable. */
  get isSaved(): boolean {
    return this.#queue.length === 0 && !this.#saving;
  }

  get unsavedCount(): number {
    return this.#queue.length;
  }

  enqueue(update: LoggedUpdate, stateVectorAfter: Uint8Array) {
    this.#queue.push({ update, stateVectorAfter });
    if (this.#retryTimer === undefined) this.#saveNext();
  }

  /** Resolves once everything enqueued is durable; retries at once instead of backing off. */
  whenSaved(): Promise<void> {
    if (this.isSaved) return Promise.resolve();
    this.retryNow();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** True from a failed save until the next successful one. */
  get isDelayed(): boolean {
    return this.#failures > 0;
  }

  /** Retries a failed save now instead of when its backoff ends (the database answers again). */
  retryNow() {
    if (this.#retryTimer === undefined) return;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#saveNext();
  }

  /** Stops retrying (shutdown gave up); what is unsaved stays unsaved and is reported. */
  abandon() {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  #saveNext() {
    if (this.#saving || this.#queue.length === 0) return;
    this.#saving = true;
    const batch = this.#queue.slice(0, MAX_SAVE);
    const { key, storage, metrics, log } = this.#options;
    const stopTimer = metrics.commitSeconds.startTimer();
    storage
      .append(
        key,
        batch.map((entry) => entry.update),
      )
      .then(
        (seqs) => {
          stopTimer();
          this.#queue.splice(0, batch.length);
          const wasDelayed = this.#failures > 0;
          this.#failures = 0;
          this.#saving = false;
          if (wasDelayed) this.#options.onDelayed?.(false);
          this.#options.onSaved({
            stateVector: batch.at(-1)!.stateVectorAfter,
            updates: batch.map((entry) => entry.update.update),
            seqs,
          });
          this.#afterSave();
        },
        (error: unknown) => {
          this.#saving = false;
          this.#failures += 1;
          metrics.saveFailures.inc();
          const { initialMs, maxMs } = this.#options.retry;
          const delay = Math.min(maxMs, initialMs * 2 ** (this.#failures - 1));
          log.error(
            { err: error, document: key.name, unsaved: this.#queue.length, retryInMs: delay },
            'saving document updates failed; keeping them in memory and retrying',
          );
          this.#retryTimer = setTimeout(() => {
            this.#retryTimer = undefined;
            this.#saveNext();
          }, delay);
          if (this.#failures === 1) this.#options.onDelayed?.(true);
          this.#options.onFailed?.();
        },
      );
  }

  #afterSave() {
    if (this.#queue.length > 0) return this.#saveNext();
    const waiters = this.#idleWaiters.splice(0);
    for (const resolve of waiters) resolve();
  }
}
