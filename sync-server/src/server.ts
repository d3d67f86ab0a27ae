// Assembles and starts the sync server: storage, document kinds, rooms, revocation, scale-out,
// metrics, the Hono app and the websocket server with its frame limit. close() is the graceful
// shutdown of SYNC15.
import { serve, type ServerType } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { createPool, type Pool } from '@threadline/db';
import type { Logger } from 'pino';
import { createSyncApp } from './app.ts';
import { databaseDocumentAccess, type DocumentAccess } from './auth/document-access.ts';
import { resolveConfig, type SyncConfig } from './config.ts';
import { ActorCache } from './documents/actor-cache.ts';
import type { DocumentKinds } from './documents/document-kind.ts';
import { PRODUCTION_KINDS } from './documents/production-kinds.ts';
import { createSyncMetrics, type SyncMetrics } from './operations/metrics.ts';
import type { DocumentStorage } from './persistence/document-storage.ts';
import { CompactionPool } from './persistence/compaction-pool.ts';
import { DatabaseHealth } from './persistence/database-health.ts';
import { PostgresDocumentStorage } from './persistence/postgres-storage.ts';
import { AccessGuard } from './revocation/access-guard.ts';
import { AccessListener } from './revocation/access-listener.ts';
import { RoomRegistry } from './rooms/room-registry.ts';
import type { Fanout } from './scale-out/fanout.ts';
import { RedisFanout } from './scale-out/redis-fanout.ts';

export interface RunningSyncServer {
  port: number;
  rooms: RoomRegistry;
  storage: DocumentStorage;
  metrics: SyncMetrics;
  /** Whether the database answers (/readyz, SYNC28). */
  health: DatabaseHealth;
  /** This node's id among several (scale-out), undefined on a single node. */
  nodeId: string | undefined;
  /** Loads the documents whose analytics rows are missing (`DocumentKind.unprojected`), one at a
   *  time, so they are projected; resolves with how many. */
  projectMissing(): Promise<number>;
  /** Runs every kind's sweep of work left pending (ONE50) now; resolves with how much it did.
   *  Also runs every `pendingSweepMs`. */
  sweepPending(): Promise<number>;
  /** Stops accepting, closes every connection (1012), saves every update, then resolves. */
  close(): Promise<void>;
}

/** Connections of the document log's own pool (see `logDb`). */
const LOG_CONNECTIONS = 4;

export interface SyncServerOptions {
  db: Pool;
  /** `db`'s address: with it, compactions run on a worker thread with a connection of their own
   *  (compaction-pool.ts); without it, on the event loop. */
  databaseUrl?: string;
  log: Logger;
  /** 0 picks a free port (tests). */
  port: number;
  hostname?: string;
  config?: Partial<SyncConfig>;
  /** Defaults to the Postgres document log on `db`. */
  storage?: DocumentStorage;
  access?: DocumentAccess;
  /** Defaults to the product's kinds (goal trees, validated); transport tests pass free-form. */
  kinds?: DocumentKinds;
  /** With a Redis URL, several nodes serve the same documents (SYNC25). */
  redisUrl?: string;
  /** Prefix of the Redis channels (tests use one per file). */
  redisChannelPrefix?: string;
  /** Node.js process metrics on /metrics (main.ts); off in tests, which run several servers. */
  processMetrics?: boolean;
  /**
   * The web app's origin (ORIGIN, as the launcher sets it): the only page origin that may read
   * snapshots across origins (SYNC27). Without it, pages on this server's host may.
   */
  webOrigin?: string;
}

export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const { db, log } = options;
  const config = resolveConfig(options.config);
  const compactions =
    options.databaseUrl && !options.storage
      ? new CompactionPool(options.databaseUrl, log)
      : undefined;
  // The log has connections of its own: with hundreds of documents edited at once, projections,
  // their effects and validators' lookups took every connection of the shared pool, and saves —
  // the "saved" people wait for — timed out queueing behind them (BENCHMARKS.md, 1:1 agendas).
  // One append runs at a time (group commit); the others serve loads and compactions' reads.
  const logDb =
    options.databaseUrl && !options.storage
      ? createPool(options.databaseUrl, LOG_CONNECTIONS)
      : undefined;
  const storage =
    options.storage ??
    new PostgresDocumentStorage(logDb ?? db, {
      groupCommit: config.groupCommit,
      compact: compactions?.compact,
    });
  const metrics = createSyncMetrics({ processMetrics: options.processMetrics });
  const kinds = options.kinds ?? PRODUCTION_KINDS;
  const fanout: Fanout | undefined = options.redisUrl
    ? new RedisFanout({
        url: options.redisUrl,
        channelPrefix: options.redisChannelPrefix ?? 'threadline:sync:',
        metrics,
        log,
      })
    : undefined;
  const health = new DatabaseHealth({
    db,
    timing: config.databaseProbe,
    log,
    onChange: (reachable) => metrics.databaseReachable.set(reachable ? 1 : 0),
  });
  const rooms = new RoomRegistry({ storage, config, metrics, log, kinds, db, fanout, health });
  const access = options.access ?? databaseDocumentAccess(db, kinds);
  const actors = new ActorCache(db, (key, read) => rooms.read(key, read));
  const guard = new AccessGuard({ db, access, kinds, actors, metrics, log });
  const listener = new AccessListener({
    db,
    log,
    onNotice: (notice) => void guard.handle(notice),
    onResync: () => void guard.resync(),
  });
  await listener.start();
  const sweep = setInterval(() => void guard.sweepExpired(), config.expirySweepMs);
  sweep.unref();
  // One sweep at a time: a slow one (a goal tree to load) is not run over by the next.
  let sweeping: Promise<number> | undefined;
  const sweepPending = () =>
    (sweeping ??= (async () => {
      let done = 0;
      for (const kind of Object.values(kinds)) {
        done += (await kind?.sweep?.(db, rooms, log)) ?? 0;
      }
      return done;
    })().finally(() => (sweeping = undefined)));
  const pendingSweep = setInterval(
    () =>
      void sweepPending().catch((error: unknown) =>
        log.error({ err: error }, 'sweeping pending work failed'),
      ),
    config.pendingSweepMs,
  );
  pendingSweep.unref();
  const app = createSyncApp({
    db,
    log,
    access,
    rooms,
    config,
    metrics,
    kinds,
    actors,
    guard,
    health,
    webOrigin: options.webOrigin,
  });
  // `ws` accepts 100 MiB frames by default; ours refuses larger than the limit before buffering
  // them, closing with 1009 (SYNC11).
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes });
  return new Promise((resolve) => {
    const server: ServerType = serve(
      {
        fetch: app.fetch,
        port: options.port,
        hostname: options.hostname ?? '0.0.0.0',
        websocket: { server: wss },
      },
      (info) => {
        resolve({
          port: info.port,
          rooms,
          storage,
          metrics,
          health,
          nodeId: fanout?.nodeId,
          projectMissing: async () => {
            let loaded = 0;
            for (const kind of Object.values(kinds)) {
              for (const key of (await kind?.unprojected?.(db)) ?? []) {
                await rooms.warm(key);
                loaded += 1;
              }
            }
            return loaded;
          },
          sweepPending,
          close: async () => {
            clearInterval(sweep);
            clearInterval(pendingSweep);
            const stopped = new Promise<void>((done) => server.close(() => done()));
            await listener.close();
            const unsaved = await rooms.close();
            // A sweep under way fails its next change (the rooms are closed) and ends.
            await sweeping?.catch(() => 0);
            if (unsaved > 0)
              log.error({ unsaved }, 'shut down with updates that could not be saved');
            health.close();
            await storage.close();
            await compactions?.close();
            await logDb?.end();
            await fanout?.close();
            for (const client of wss.clients) client.terminate();
            wss.close();
            await stopped;
          },
        });
      },
    );
  });
}
