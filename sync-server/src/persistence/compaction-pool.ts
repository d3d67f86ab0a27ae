// Runs compactions on a worker thread (compaction.ts says why), through Piscina: a maintained
// worker pool that queues tasks, replaces a worker that died, and hands back each task's result
// or error. One thread: compactions are rare (a room's every 500 saved updates) and queue behind
// each other; a second would only hold another V8 heap. It ends after a minute without work, so an
// idle server keeps none.
import { Piscina } from 'piscina';
import type { Logger } from 'pino';
import type { Compaction } from './compaction.ts';
import type { DocumentKey } from './document-storage.ts';

const IDLE_TIMEOUT_MS = 60_000;

export class CompactionPool {
  readonly #pool: Piscina<DocumentKey, number | null>;

  constructor(databaseUrl: string, log: Logger) {
    this.#pool = new Piscina({
      filename: new URL('./compaction-worker.ts', import.meta.url).href,
      workerData: { databaseUrl },
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: IDLE_TIMEOUT_MS,
    });
    // A worker that fails outside a task (while starting) is reported here; unheard, the event
    // would end the server. The failed compaction itself rejects and is logged by its room.
    this.#pool.on('error', (error: unknown) =>
      log.error({ err: error }, 'compaction worker failed'),
    );
  }

  readonly compact: Compaction = (key) =>
    this.#pool.run({ organisationId: key.organisationId, name: key.name });

  /** Waits for the compactions under way, then ends the worker. */
  close(): Promise<void> {
    return this.#pool.close();
  }
}
