// HTTP and websocket routes of the sync server. Rooms, persistence and validation arrive with the
// sync-engine issue; today the server authenticates connections and knows no document kinds yet.
import { upgradeWebSocket } from '@hono/node-server';
import { Hono } from 'hono';
import { CLOSE_REASONS, CloseCode } from '@threadline/domain/protocol/close-codes';
import type { Pool } from '@threadline/db';
import type { Logger } from 'pino';
import { authenticate } from './auth/authenticate.ts';

export interface SyncAppOptions {
  db: Pool;
  log: Logger;
}

export function createSyncApp({ db, log }: SyncAppOptions) {
  const app = new Hono();

  app.get('/healthz', async (c) => {
    await db.query('SELECT 1');
    return c.json({ status: 'ok' });
  });

  // Lets a client ask whether its cookie is good for sync before it opens documents.
  app.get('/session', async (c) => {
    const session = await authenticate(db, c.req.header('cookie'));
    if (!session) return c.json({ error: CLOSE_REASONS[CloseCode.Unauthorized] }, 401);
    const { id, name, organisationId } = session.person;
    return c.json({ person: { id, name, organisationId } });
  });

  app.get(
    '/sync/:name{.+}',
    upgradeWebSocket(async (c) => {
      const documentName = c.req.param('name');
      const session = await authenticate(db, c.req.header('cookie'));
      return {
        onOpen(_event, ws) {
          if (!session) {
            log.info({ documentName }, 'refused an unauthenticated sync connection');
            ws.close(CloseCode.Unauthorized, CLOSE_REASONS[CloseCode.Unauthorized]);
            return;
          }
          log.info({ documentName, personId: session.person.id }, 'no document kind matches');
          ws.close(CloseCode.UnknownDocument, CLOSE_REASONS[CloseCode.UnknownDocument]);
        },
      };
    }),
  );

  return app;
}
