// Assembles and starts the sync server: storage, rooms, metrics, the Hono app and the websocket
// server with its frame limit. close() is the graceful shutdown of SYNC15.
import { serve, type ServerType } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import type { Pool } from '@threadline/db';
import type { Logger } from 'pino';
import { createSyncApp } from './app.ts';
import { databaseDocumentAccess, type DocumentAccess } from './auth/document-access.ts';
import { resolveConfig, type SyncConfig } from './config.ts';
import { createSyncMetrics, type SyncMetrics } from './operations/metrics.ts';
import type { DocumentStorage } from './persistence/document-storage.ts';
import { PostgresDocumentStorage } from './persistence/postgres-storage.ts';
import { RoomRegistry } from './rooms/room-registry.ts';

export interface RunningSyncServer {
  port: number;
  rooms: RoomRegistry;
  storage: DocumentStorage;
  metrics: SyncMetrics;
  /** Stops accepting, closes every connection (1012), saves every update, then resolves. */
  close(): Promise<void>;
}

export interface SyncServerOptions {
  db: Pool;
  log: Logger;
  /** 0 picks a free port (tests). */
  port: number;
  hostname?: string;
  config?: Partial<SyncConfig>;
  /** Defaults to the Postgres document log on `db`. */
  storage?: DocumentStorage;
  access?: DocumentAccess;
  /** Node.js process metrics on /metrics (main.ts); off in tests, which run several servers. */
  processMetrics?: boolean;
}

export function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const { db, log } = options;
  const config = resolveConfig(options.config);
  const storage = options.storage ?? new PostgresDocumentStorage(db, config.groupCommit);
  const metrics = createSyncMetrics({ processMetrics: options.processMetrics });
  const rooms = new RoomRegistry({ storage, config, metrics, log });
  const access = options.access ?? databaseDocumentAccess(db);
  const app = createSyncApp({ db, log, access, rooms, config, metrics });
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
          close: async () => {
            const stopped = new Promise<void>((done) => server.close(() => done()));
            const unsaved = await rooms.close();
            if (unsaved > 0)
              log.error({ unsaved }, 'shut down with updates that could not be saved');
            await storage.close();
            for (const client of wss.clients) client.terminate();
            wss.close();
            await stopped;
          },
        });
      },
    );
  });
}
