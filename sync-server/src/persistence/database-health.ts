// Whether the database answers (SYNC28, SYNC30). A failed save only makes it suspect: a probe
// (`SELECT 1`) decides. While the database is out of reach a probe runs every `intervalMs`, one at
// a time, each given `timeoutMs` (a silent outage would otherwise hold it for the pool's whole
// statement timeout); the first that answers marks it reachable again and tells the listeners,
// so saves held back by their backoff are retried at once instead of up to 10 s later.
import type { Pool } from '@threadline/db';
import type { Logger } from 'pino';

export interface DatabaseProbeTiming {
  /** Between probes while the database is out of reach. */
  intervalMs: number;
  /** A probe not answered by then counts as failed. */
  timeoutMs: number;
}

export interface DatabaseHealthOptions {
  db: Pool;
  timing: DatabaseProbeTiming;
  log: Logger;
  /** Told each change: 1 reachable, 0 not (the sync_database_reachable gauge). */
  onChange?(reachable: boolean): void;
}

export class DatabaseHealth {
  #reachable = true;
  #probing: Promise<boolean> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  readonly #recoveryListeners = new Set<() => void>();
  readonly #options: DatabaseHealthOptions;

  constructor(options: DatabaseHealthOptions) {
    this.#options = options;
    options.onChange?.(true);
  }

  /** The last probe's answer (true until one fails). */
  get reachable(): boolean {
    return this.#reachable;
  }

  /** Calls `listener` each time the database answers again after being out of reach. */
  onRecovered(listener: () => void): () => void {
    this.#recoveryListeners.add(listener);
    return () => this.#recoveryListeners.delete(listener);
  }

  /** Something that needed the database failed: probe now (and keep probing if it is down). */
  suspect() {
    if (this.#timer === undefined) void this.probe();
  }

  /** Asks the database now (or joins the probe under way); resolves with whether it answered. */
  probe(): Promise<boolean> {
    this.#probing ??= this.#ask().finally(() => (this.#probing = undefined));
    return this.#probing;
  }

  close() {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  async #ask(): Promise<boolean> {
    const { db, timing, log } = this.#options;
    let answered: boolean;
    try {
      await db.query(probeQuery(timing.timeoutMs));
      answered = true;
    } catch (error) {
      answered = false;
      if (this.#reachable) log.warn({ err: error }, 'the database is out of reach; probing');
    }
    if (this.#closed) return answered;
    const recovered = answered && !this.#reachable;
    if (answered !== this.#reachable) {
      this.#reachable = answered;
      this.#options.onChange?.(answered);
    }
    if (recovered) {
      log.info('the database answers again; retrying saves');
      for (const listener of this.#recoveryListeners) listener();
    }
    if (!answered) this.#scheduleProbe();
    return answered;
  }

  #scheduleProbe() {
    if (this.#timer !== undefined || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.probe();
    }, this.#options.timing.intervalMs);
    this.#timer.unref?.();
  }
}

/** `SELECT 1` with a deadline of its own: pg reads `query_timeout` per query too (and, on it,
 *  drops the connection from the pool), which its type definitions leave out. */
function probeQuery(timeoutMs: number): { text: string } {
  return { text: 'SELECT 1', query_timeout: timeoutMs } as { text: string };
}
