// Runs one loaded document's projector (SYNC24): debounced after each commit, so a burst of
// edits is projected once, yet never later than `maxDelayMs` after the first of them; one run at
// a time; only rows that changed since the last successful write are written. A failed run is
// retried with backoff; nothing else waits for projections.
//
// Projecting a large document whole is not free (the 5,000-person demo tree, 21,600 goals, takes
// half a second of CPU and more to write), so the projector follows the document and a run
// projects only what the changes since the previous run may have touched (GOAL27), and a run
// leaves the event loop between batches of rows, so the node's other rooms are served. The whole
// document is projected when it loads, after a failed run (its changes were taken but not
// written), and every `allEveryMs` while it stays loaded (health and staleness move with the
// date, not only with edits). A run also waits twice as long as the previous one took, so one
// busy document never takes more than a third of the node's time.
import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import type * as Y from 'yjs';
import { inTransaction, type Pool } from '@threadline/db';
import type { LimitFunction } from 'p-limit';
import type { Logger } from 'pino';
import type { SyncMetrics } from '../operations/metrics.ts';
import type { DocumentKey } from '../persistence/document-storage.ts';
import type {
  DocumentEffects,
  DocumentProjector,
  FollowedDocument,
  ProjectedRow,
  ViewPart,
} from './document-projector.ts';

export interface ProjectionTiming {
  /** Quiet time after the last change before projecting. */
  delayMs: number;
  /** The most a change waits, even while changes keep coming. */
  maxDelayMs: number;
  /** How often a loaded document is projected whole (rows that depend on the date). */
  allEveryMs: number;
  retry: { initialMs: number; maxMs: number };
}

export interface DocumentProjectionOptions {
  key: DocumentKey;
  doc: Y.Doc;
  projector: DocumentProjector;
  db: Pool;
  timing: ProjectionTiming;
  metrics: SyncMetrics;
  log: Logger;
  /** Other documents, for the projector's effects (afterWrite). */
  effects?: DocumentEffects;
  /** Shared by the node's documents: how many project at once (SYNC24). */
  limit?: LimitFunction;
  /** Shared by the node's documents: how many projections' effects run at once. */
  effectsLimit?: LimitFunction;
}

export class DocumentProjection {
  readonly #options: DocumentProjectionOptions;
  readonly #followed: FollowedDocument;
  /** The next run projects every row (first run, after a failure, on the periodic refresh). */
  #all = true;
  readonly #refresh: ReturnType<typeof setInterval>;
  /** Fingerprint of each row as last written, by table and id. */
  #written = new Map<string, number>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #firstChangeAt: number | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #failures = 0;
  #stopped = false;
  /** When the last run ended and how long it took (ms). */
  #last = { endedAt: 0, took: 0 };

  constructor(options: DocumentProjectionOptions) {
    this.#options = options;
    this.#followed = options.projector.follow(options.doc, options.key);
    this.#refresh = setInterval(() => this.refreshAll(), options.timing.allEveryMs);
    this.#refresh.unref?.();
  }

  /** The document changed durably: project it soon. */
  schedule() {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    const now = Date.now();
    this.#firstChangeAt ??= now;
    const { delayMs, maxDelayMs } = this.#options.timing;
    const debounced = Math.min(now + delayMs, this.#firstChangeAt + maxDelayMs);
    const at = Math.max(debounced, this.#last.endedAt + 2 * this.#last.took);
    this.#arm(at - now);
  }

  /** Projects every row at the next run (the periodic refresh; the projection benchmark). */
  refreshAll() {
    this.#all = true;
    this.schedule();
  }

  /** Runs a scheduled projection now and resolves when none is running (shutdown, tests). */
  async flush(): Promise<void> {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#start();
    }
    while (this.#running) await this.#running;
  }

  /** The followed document as a client's first view, when its kind has one (SYNC27). */
  snapshot(part: ViewPart): string | null {
    return this.#followed.snapshot?.(part) ?? null;
  }

  stop() {
    this.#stopped = true;
    clearTimeout(this.#timer);
    clearInterval(this.#refresh);
    this.#timer = undefined;
    this.#followed.stop();
  }

  #arm(delay: number) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#start();
      },
      Math.max(0, delay),
    );
    this.#timer.unref?.();
  }

  #start() {
    if (this.#stopped || this.#running) return;
    this.#firstChangeAt = undefined;
    this.#running = this.#run().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.schedule();
      }
    });
  }

  async #run() {
    const { key, projector, db, metrics, log, timing } = this.#options;
    const stopTimer = metrics.projectionSeconds.startTimer();
    const all = this.#all;
    this.#all = false;
    try {
      const project = () => this.#project(all);
      const written = await (this.#options.limit ? this.#options.limit(project) : project());
      if (written === null) return;
      if ((written.changed.length > 0 || all) && projector.afterWrite && this.#options.effects) {
        const effects = this.#options.effects;
        const affect = () =>
          projector.afterWrite!(db, key, effects, { written: written.changed, all }).catch(
            (error: unknown) =>
              log.error({ err: error, document: key.name }, 'a projection’s effects failed'),
          );
        // Not in a projection slot: effects wait for other documents' saves, with no time limit
        // (a database in trouble); they have slots of their own, so they never hold every
        // connection either.
        await (this.#options.effectsLimit ? this.#options.effectsLimit(affect) : affect());
      }
      const { changed, started } = written;
      this.#failures = 0;
      metrics.projections.inc({ outcome: 'ok' });
      metrics.projectedRows.inc(changed.length);
      stopTimer();
      this.#last = { endedAt: Date.now(), took: performance.now() - started };
    } catch (error) {
      metrics.projections.inc({ outcome: 'failed' });
      // The changes this run took from the follower are not written: project everything next.
      this.#all = true;
      this.#failures += 1;
      const delay = Math.min(
        timing.retry.maxMs,
        timing.retry.initialMs * 2 ** (this.#failures - 1),
      );
      log.error(
        { err: error, document: key.name, retryInMs: delay },
        'projecting the document failed; retrying',
      );
      if (!this.#stopped) this.#arm(delay);
    }
  }

  /** Reads the rows and writes those that changed; null when the room unloaded meanwhile. Holds
   *  one of the node's projection slots (`limit`): with a few hundred documents edited at once,
   *  their projections took every connection of the pool, and saves timed out waiting for one
   *  (the 1:1 agendas workload, BENCHMARKS.md). */
  async #project(all: boolean): Promise<{ changed: ProjectedRow[]; started: number } | null> {
    const { key, projector, db } = this.#options;
    // Stopped while it waited for its slot: the room is gone.
    if (this.#stopped) return null;
    // How long a run took, for spacing the next (`schedule`), leaves out the wait for a slot.
    const started = performance.now();
    const context = await projector.context(db, key);
    // The room may have unloaded meanwhile; its document is gone.
    if (this.#stopped) return null;
    const fingerprints = new Map<string, number>();
    const changed: ProjectedRow[] = [];
    for (const batch of this.#followed.rows(context, all)) {
      for (const row of batch) {
        const id = `${row.table}\u0000${row.id}`;
        const fingerprint = hash(JSON.stringify(row.values));
        fingerprints.set(id, fingerprint);
        if (this.#written.get(id) !== fingerprint) changed.push(row);
      }
      // The node's other rooms are served between batches (the room may unload meanwhile).
      await setImmediatePromise();
      if (this.#stopped) return null;
    }
    if (changed.length > 0) {
      // In statements of a few thousand rows (one transaction): one statement of every row
      // of a large tree is one JSON text of tens of megabytes, built on the event loop.
      await inTransaction(db, async (client) => {
        for (let at = 0; at < changed.length; at += ROWS_PER_WRITE) {
          await projector.write(client, key, changed.slice(at, at + ROWS_PER_WRITE));
        }
      });
    }
    // A run of every row also forgets rows that are gone; a partial run adds to what is known.
    if (all) this.#written = fingerprints;
    else for (const [id, fingerprint] of fingerprints) this.#written.set(id, fingerprint);
    return { changed, started };
  }
}

/** The most rows written by one statement. */
const ROWS_PER_WRITE = 2_000;

/** cyrb53: a fast 53-bit string hash; a row is rewritten whenever its fingerprint changes. */
function hash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
