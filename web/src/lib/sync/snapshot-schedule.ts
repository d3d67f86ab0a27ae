// When a page writes its cached view of a document again (SC10): when the page is next idle after
// a sync, at most every 30 s after changes, and at once when the page is hidden (it may never
// come back). Writing one is not free (the 5,000-person goal tree's snapshot holds the main
// thread about 0.2 s), so it is written only when due: something changed since the last one.
import { whenIdle } from '../scheduling.ts';

/** After a change, the view is written again at most this often (BENCHMARKS.md: goal-tree-ui). */
export const WRITE_EVERY_MS = 30_000;

export interface SnapshotScheduleOptions {
  /** Writes the view; called only when one is due and `canWrite` says the document is in. */
  write: () => void;
  /** Whether a write can happen now: only from the loaded document, never from a snapshot. */
  canWrite: () => boolean;
}

export class SnapshotSchedule {
  readonly #options: SnapshotScheduleOptions;
  /** A write is due: the document changed since the last one. */
  #due = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** When the pending timer fires (Date.now() time). */
  #at = 0;
  #stopped = false;
  readonly #unwatch: () => void;

  constructor(options: SnapshotScheduleOptions) {
    this.#options = options;
    this.#unwatch = this.#watchVisibility();
  }

  get due(): boolean {
    return this.#due;
  }

  /** Says whether a write is due without scheduling one (e.g. nothing changed since the cache). */
  setDue(due: boolean) {
    this.#due = due;
  }

  /** The document changed: a write is due, within WRITE_EVERY_MS. */
  changed() {
    this.soon(WRITE_EVERY_MS);
  }

  /**
   * Makes a write due and writes when the page is next idle, `delayMs` from now at the earliest.
   * A write already planned for sooner stays as it is (later changes do not push it back).
   */
  soon(delayMs: number) {
    this.#due = true;
    const at = Date.now() + delayMs;
    if (this.#stopped || (this.#timer !== null && this.#at <= at)) return;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#at = at;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      whenIdle(() => this.writeIfDue());
    }, delayMs);
  }

  /** Writes now if a write is due and possible. */
  writeIfDue() {
    if (this.#stopped || !this.#due || !this.#options.canWrite()) return;
    this.#due = false;
    this.#options.write();
  }

  /** No more writes: the timer and the page's visibility listener are dropped. */
  stop() {
    this.#stopped = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#unwatch();
  }

  #watchVisibility(): () => void {
    if (typeof document === 'undefined') return () => {};
    const hidden = () => {
      if (document.visibilityState === 'hidden') this.writeIfDue();
    };
    document.addEventListener('visibilitychange', hidden);
    return () => document.removeEventListener('visibilitychange', hidden);
  }
}
