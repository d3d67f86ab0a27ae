// Opens documents with the web app's sync client (web/src/lib/sync) from Node, as a browser would:
// a `ws` subclass sends the session cookie (Node has no cookie jar) and counts connection
// attempts, so a test can tell that a client stopped reconnecting.
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { onTestFinished } from 'vitest';
import WebSocket from 'ws';
import type * as Y from 'yjs';
import { readGoals } from '@threadline/domain/goals/document';
import { addGoal, goalText } from '@threadline/domain/goals/edits';
import { openDocument, type SyncedDocument } from '../../web/src/lib/sync/synced-document.ts';
import type { ReplicaStore } from '../../web/src/lib/sync/replica-store.ts';
import type { SyncState } from '../../web/src/lib/sync/status.ts';

export interface ClientOptions {
  /** Defaults to none: each client starts with an empty replica. */
  persistence?: ReplicaStore | null;
  /** Defaults to `ws://127.0.0.1:<port>`. */
  syncUrl?: string;
  personId?: string;
  /** The longest wait for IndexedDB to answer before connecting anyway (SC4). */
  loadTimeoutMs?: number;
}

export interface TestClient {
  document: SyncedDocument;
  /** Every status the client reported, in order. */
  statuses: SyncState['kind'][];
  /** How many websockets the client opened. */
  attempts(): number;
}

export function openClient(
  port: number,
  documentName: string,
  cookie: string,
  options: ClientOptions = {},
): TestClient {
  let attempts = 0;
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
      attempts += 1;
    }
  }
  const document = openDocument({
    name: documentName,
    syncUrl: options.syncUrl ?? `ws://127.0.0.1:${port}`,
    user: { id: options.personId ?? 'someone', name: 'Someone' },
    persistence: options.persistence ?? null,
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    watchNetwork: false,
    loadTimeoutMs: options.loadTimeoutMs,
  });
  const statuses: SyncState['kind'][] = [document.status.kind];
  document.onStatus((status) => statuses.push(status.kind));
  onTestFinished(() => document.destroy());
  return { document, statuses, attempts: () => attempts };
}

/** Adds a personal goal owned by `ownerId` (who may edit it, GOAL16) and returns its id. */
export function addOwnGoal(client: TestClient, ownerId: string, title: string, id?: string) {
  const input = { id, title, level: 'person' as const, ownerId, parentId: null };
  return addGoal(client.document.doc, input, { by: ownerId });
}

/** The title of a goal as a Y.Text, to type into as an editor bound to it would. */
export function titleText(doc: Y.Doc, goalId: string): Y.Text {
  const text = goalText(doc, goalId, 'title');
  if (!text) throw new Error(`no goal ${goalId}`);
  return text;
}

/** Every goal's title, sorted: what two replicas must agree on. */
export function titles(doc: Y.Doc): string[] {
  return [...readGoals(doc).values()].map((goal) => goal.title).sort();
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A TCP relay in front of the sync server whose cable can be pulled: cut() drops every open
 * connection and refuses new ones, as a lost network would; restore() plugs it back in.
 */
export async function networkTo(port: number) {
  const sockets = new Set<Socket>();
  let up = true;
  const relay = createServer((inbound) => {
    if (!up) return inbound.destroy();
    const outbound = connect(port, '127.0.0.1');
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const network = {
    port: (relay.address() as AddressInfo).port,
    cut() {
      up = false;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      up = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        network.cut();
        relay.close(() => resolve());
      }),
  };
  onTestFinished(() => network.close());
  return network;
}
