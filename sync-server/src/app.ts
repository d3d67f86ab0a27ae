// HTTP and websocket routes of the sync server: liveness and readiness, session check, metrics,
// and `/sync/<document name>`, where each accepted websocket becomes a Connection in a room.
import { upgradeWebSocket } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { CLOSE_REASONS, CloseCode } from '@threadline/domain/protocol/close-codes';
import type { Pool } from '@threadline/db';
import type { Logger } from 'pino';
import { admit, type Admission } from './auth/admit.ts';
import { authenticate } from './auth/authenticate.ts';
import type { DocumentAccess } from './auth/document-access.ts';
import type { SyncConfig } from './config.ts';
import type { ActorCache } from './documents/actor-cache.ts';
import { kindOf, type DocumentKinds } from './documents/document-kind.ts';
import type { SyncMetrics } from './operations/metrics.ts';
import type { DatabaseHealth } from './persistence/database-health.ts';
import type { AccessGuard, GuardedConnection } from './revocation/access-guard.ts';
import { Connection, type ActorLookup } from './rooms/connection.ts';
import type { RoomRegistry } from './rooms/room-registry.ts';
import { WHOLE_VIEW, type ViewPart } from './projection/document-projector.ts';
import { websocketSink } from './websocket-sink.ts';

export interface SyncAppOptions {
  db: Pool;
  log: Logger;
  access: DocumentAccess;
  rooms: RoomRegistry;
  config: SyncConfig;
  metrics: SyncMetrics;
  kinds: DocumentKinds;
  actors: ActorCache;
  guard: AccessGuard;
  health: DatabaseHealth;
  /** The web app's origin, the one page origin allowed to read snapshots (SYNC27). */
  webOrigin?: string;
}

export function createSyncApp(options: SyncAppOptions) {
  const { db, log, access, rooms, config, metrics, kinds, actors, guard, health, webOrigin } =
    options;
  const app = new Hono();

  // Whatever a route throws (the database out of reach, mostly) is logged here, not printed
  // bare, and answered 503 while the database is known to be down.
  app.onError((error, c) => {
    log.error({ err: error, path: c.req.path }, 'request failed');
    return health.reachable
      ? c.json({ error: 'Internal error.' }, 500)
      : c.json({ error: 'The server cannot reach its database; try again shortly.' }, 503);
  });

  // SYNC28: liveness. The process serves, whatever the database does: a load balancer that took
  // this node out during a database outage would cut sessions that are still editing live.
  const alive = (c: Context) => c.json({ status: 'ok' });
  app.get('/healthz', alive);
  app.get('/livez', alive);

  // SYNC28: readiness. Whether the database answers now, and how many accepted updates wait.
  app.get('/readyz', async (c) => {
    const ready = await health.probe();
    const unsavedUpdates = rooms.unsavedCount;
    return ready
      ? c.json({ status: 'ready', database: 'reachable', unsavedUpdates })
      : c.json({ status: 'not-ready', database: 'unreachable', unsavedUpdates }, 503);
  });

  // Lets a client ask whether its cookie is good for sync before it opens documents.
  app.get('/session', async (c) => {
    const session = await authenticate(db, c.req.header('cookie'));
    if (!session) return c.json({ error: CLOSE_REASONS[CloseCode.Unauthorized] }, 401);
    const { id, name, organisationId } = session.person;
    return c.json({ person: { id, name, organisationId } });
  });

  app.get('/metrics', async (c) => {
    c.header('content-type', metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });

  // The web app's pages (another port of this host) fetch the snapshot with their cookie.
  const allowedOrigin = (origin: string, host: string | undefined) =>
    webOrigin ? origin === new URL(webOrigin).origin : sameHost(origin, host);
  app.use(
    '/snapshot/*',
    cors({
      origin: (origin, c) => (allowedOrigin(origin, c.req.header('host')) ? origin : null),
      credentials: true,
      allowMethods: ['GET'],
    }),
  );

  // SYNC27: what a client with no copy of the document draws first (the goal tree's snapshot),
  // under the same admission as the document's websocket; `?part=first-screen` for only what the
  // signed-in person's first screen needs (GOAL29).
  app.get('/snapshot/:name{.+}', async (c) => {
    const partName = c.req.query('part') ?? 'whole';
    const admission = await admit(db, access, c.req.header('cookie'), c.req.param('name') ?? '');
    if (!admission.admitted) {
      return c.json({ error: CLOSE_REASONS[admission.code] }, httpStatusOf(admission.code));
    }
    const kind = kindOf(kinds, admission.document);
    // Only kinds with a snapshot load the document for it.
    if (!kind?.projector) return c.json({ error: 'This document has no snapshot.' }, 404);
    const views = kind.snapshotViews ?? [];
    if (partName !== 'whole' && !views.includes(partName)) {
      return c.json({ error: `part is one of: ${['whole', ...views].join(', ')}.` }, 400);
    }
    const part: ViewPart =
      partName === 'whole'
        ? WHOLE_VIEW
        : { kind: 'view', view: partName, personId: admission.person.id };
    const snapshot = await rooms.viewSnapshot(admission.key, part);
    if (snapshot === null) return c.json({ error: 'This document has no snapshot.' }, 404);
    return c.body(snapshot, 200, {
      'content-type': 'application/json',
      'cache-control': 'private, no-store',
    });
  });

  app.get(
    '/sync/:name{.+}',
    upgradeWebSocket(async (c) => {
      const documentName = c.req.param('name') ?? '';
      // A notice handled while admitting may concern this connection: checked again below.
      const noticesBefore = guard.noticesHandled;
      const admission = await admitOrRetryLater(c.req.header('cookie'), documentName);
      let connection: Connection | undefined;
      return {
        onOpen(_event, ws) {
          if (!admission.admitted) {
            log.info(
              { documentName, personId: admission.personId, code: admission.code },
              'refused a sync connection',
            );
            metrics.closes.inc({ code: String(admission.code) });
            ws.close(admission.code, CLOSE_REASONS[admission.code]);
            return;
          }
          const { key, person, session, document, mode } = admission;
          const kind = kindOf(kinds, document);
          const actor: ActorLookup = () =>
            kind ? actors.get(document, kind, guarded.person) : { ready: true, actor: null };
          const member = new Connection({
            person,
            mode,
            actor,
            recheckActor: kind
              ? (hint) => actors.recheck(document, kind, guarded.person, hint)
              : undefined,
            socket: websocketSink(ws),
            config,
            metrics,
            log: log.child({ document: key.name }),
            onClosed: (room) => {
              guard.remove(guarded);
              if (room) rooms.leave(room, member);
            },
          });
          const guarded: GuardedConnection = {
            sessionId: session.id,
            expiresAt: session.expiresAt,
            person,
            document,
            get mode() {
              return member.mode;
            },
            setMode: (next) => member.setMode(next),
            close: (code) => member.close(code),
          };
          guard.add(guarded);
          if (guard.noticesHandled !== noticesBefore) void guard.review([guarded]);
          connection = member;
          rooms.join(key, member).then(
            (room) => {
              if (member.phase === 'closed') rooms.leave(room, member);
              else member.joined(room);
            },
            (error: unknown) => {
              // Loading reads the log: the database is the likeliest cause, and retrying helps.
              log.error({ err: error, document: key.name }, 'could not open a document');
              health.suspect();
              member.close(CloseCode.TryAgainLater);
            },
          );
        },
        onMessage(event) {
          const { data } = event;
          connection?.receive(data instanceof ArrayBuffer || typeof data === 'string' ? data : '');
        },
        onClose(event) {
          connection?.closed(event.code);
        },
      };
    }),
  );

  /**
   * SYNC29: admission needs the database (the session, the document's access). While it is out
   * of reach the socket is still accepted, then closed with 1013 so the client retries later;
   * an error thrown here would answer the upgrade with a bare HTTP 500.
   */
  async function admitOrRetryLater(cookie: string | undefined, documentName: string) {
    if (!health.reachable) return retryLater;
    try {
      return await admit(db, access, cookie, documentName);
    } catch (error) {
      log.warn({ err: error, documentName }, 'could not admit a sync connection; retry later');
      health.suspect();
      return retryLater;
    }
  }

  return app;
}

const retryLater: Admission = { admitted: false, code: CloseCode.TryAgainLater };

/** A refusal's websocket close code (4401, 4403, 4404) as the HTTP status it mirrors. */
function httpStatusOf(code: CloseCode): 401 | 403 | 404 {
  if (code === CloseCode.Unauthorized) return 401;
  if (code === CloseCode.Forbidden) return 403;
  return 404;
}

/** Without a configured web origin: whether the page's is on the host this server answers as. */
function sameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(origin).hostname === new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
}
