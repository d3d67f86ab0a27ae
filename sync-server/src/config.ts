// Every tunable of the sync server, with the defaults it runs with. main.ts reads overrides from
// the environment (SYNC_* variables, see readConfigFromEnv); tests pass them directly.
import type { DatabaseProbeTiming } from './persistence/database-health.ts';
import type { GroupCommitOptions } from './persistence/group-commit.ts';
import { DEFAULT_GROUP_COMMIT } from './persistence/group-commit.ts';
import type { ProjectionTiming } from './projection/document-projection.ts';

export interface SyncConfig {
  /** Largest websocket frame accepted; larger ones close the connection with 1009 (SYNC11). */
  maxMessageBytes: number;
  /** A document this large (approximately, in encoded bytes) refuses updates (SYNC13). */
  maxDocumentBytes: number;
  /** Sustained messages per second per connection, and the burst allowed above it (SYNC12). */
  messagesPerSecond: number;
  messageBurst: number;
  /** Bytes allowed to wait in one connection's send buffer; a client that reads slower than
   *  its document changes is closed with 4503 rather than held in memory without bound. */
  maxBufferedBytes: number;
  /** How long a document with no connections and nothing unsaved stays loaded (SYNC8). */
  idleUnloadMs: number;
  /** Compact the log into a snapshot after this many saved updates (SYNC9). */
  compactAfterUpdates: number;
  /** How appends are grouped into transactions (SYNC7). */
  groupCommit: GroupCommitOptions;
  /** Backoff between attempts to save after a failed save (SYNC8). */
  saveRetry: { initialMs: number; maxMs: number };
  /** While the database is out of reach: how often it is asked whether it answers again, and
   *  how long each question may take (SYNC30). */
  databaseProbe: DatabaseProbeTiming;
  /** How long shutdown waits for unsaved updates to be saved before giving up (SYNC15). */
  shutdownTimeoutMs: number;
  /** When committed changes are projected into analytics tables (SYNC24). */
  projection: ProjectionTiming;
  /** How many of a node's documents project at once: the rest wait their turn, so projections
   *  never hold every connection of the pool and saves always find one (SYNC24). */
  projectionConcurrency: number;
  /** With several nodes: how often each loaded document checks the log for rows this node
   *  missed (SYNC26), and how long a seen row's lower neighbours may take to commit. */
  catchUpIntervalMs: number;
  logSettleMs: number;
  /** How often open connections whose session has expired are looked for (SYNC23). */
  expirySweepMs: number;
  /** How often each node runs the kinds' sweeps of work left pending (ONE50); the first runs
   *  one period after the node starts, not while it is busiest loading documents. */
  pendingSweepMs: number;
}

export const DEFAULT_CONFIG: SyncConfig = {
  maxMessageBytes: 1024 * 1024,
  // The 5,000-person seed's goal tree (its size: BENCHMARKS.md) must fit, with room to grow.
  maxDocumentBytes: 64 * 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 300,
  maxBufferedBytes: 16 * 1024 * 1024,
  idleUnloadMs: 30_000,
  compactAfterUpdates: 500,
  groupCommit: DEFAULT_GROUP_COMMIT,
  saveRetry: { initialMs: 100, maxMs: 10_000 },
  databaseProbe: { intervalMs: 500, timeoutMs: 2000 },
  shutdownTimeoutMs: 30_000,
  projection: {
    delayMs: 250,
    maxDelayMs: 1000,
    allEveryMs: 60 * 60 * 1000,
    retry: { initialMs: 1000, maxMs: 30_000 },
  },
  projectionConcurrency: 3,
  catchUpIntervalMs: 10_000,
  logSettleMs: 30_000,
  expirySweepMs: 1000,
  pendingSweepMs: 60_000,
};

export function resolveConfig(overrides: Partial<SyncConfig> = {}): SyncConfig {
  return { ...DEFAULT_CONFIG, ...overrides };
}

const ENV: Record<string, (config: SyncConfig, value: number) => void> = {
  SYNC_MAX_MESSAGE_BYTES: (c, v) => (c.maxMessageBytes = v),
  SYNC_MAX_DOCUMENT_BYTES: (c, v) => (c.maxDocumentBytes = v),
  SYNC_MESSAGES_PER_SECOND: (c, v) => (c.messagesPerSecond = v),
  SYNC_MESSAGE_BURST: (c, v) => (c.messageBurst = v),
  SYNC_MAX_BUFFERED_BYTES: (c, v) => (c.maxBufferedBytes = v),
  SYNC_IDLE_UNLOAD_MS: (c, v) => (c.idleUnloadMs = v),
  SYNC_COMPACT_AFTER_UPDATES: (c, v) => (c.compactAfterUpdates = v),
  SYNC_COMMIT_DELAY_MS: (c, v) => (c.groupCommit = { ...c.groupCommit, maxDelayMs: v }),
  SYNC_COMMIT_BATCH: (c, v) => (c.groupCommit = { ...c.groupCommit, maxBatch: v }),
  SYNC_SHUTDOWN_TIMEOUT_MS: (c, v) => (c.shutdownTimeoutMs = v),
  SYNC_PROJECTION_DELAY_MS: (c, v) => (c.projection = { ...c.projection, delayMs: v }),
  SYNC_PROJECTION_MAX_DELAY_MS: (c, v) => (c.projection = { ...c.projection, maxDelayMs: v }),
  SYNC_PROJECTION_ALL_EVERY_MS: (c, v) => (c.projection = { ...c.projection, allEveryMs: v }),
  SYNC_PROJECTION_CONCURRENCY: (c, v) => (c.projectionConcurrency = Math.max(1, Math.floor(v))),
  SYNC_CATCH_UP_INTERVAL_MS: (c, v) => (c.catchUpIntervalMs = v),
  SYNC_DATABASE_PROBE_MS: (c, v) => (c.databaseProbe = { ...c.databaseProbe, intervalMs: v }),
};

/** The configuration named by SYNC_* environment variables; throws on a value that is not a
 *  non-negative number, so a typo stops the server instead of running it unlimited. */
export function readConfigFromEnv(env: Record<string, string | undefined>): SyncConfig {
  const config = resolveConfig();
  for (const [name, apply] of Object.entries(ENV)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0`);
    apply(config, value);
  }
  return config;
}
