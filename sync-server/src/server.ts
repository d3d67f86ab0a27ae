import { serve, type ServerType } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import type { Pool } from '@threadline/db';
import type { Logger } from 'pino';
import { createSyncApp } from './app.ts';

export interface RunningSyncServer {
  port: number;
  close(): Promise<void>;
}

/** Starts the sync server; port 0 picks a free port (tests). */
export function startSyncServer(options: {
  db: Pool;
  log: Logger;
  port: number;
  hostname?: string;
}): Promise<RunningSyncServer> {
  const app = createSyncApp(options);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
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
          close: () =>
            new Promise<void>((done) => {
              for (const client of wss.clients) client.terminate();
              wss.close();
              server.close(() => done());
            }),
        });
      },
    );
  });
}
