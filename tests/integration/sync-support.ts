// Helpers for the sync-server integration tests: signed-in people with a cycle to open, stock
// y-websocket providers that record acknowledgements, and raw websocket clients that can send
// anything (crafted, truncated or oversized frames).
import { onTestFinished } from 'vitest';
import { pino } from 'pino';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  createSession,
  generateSessionToken,
  SESSION_COOKIE_NAME,
  type Pool,
} from '@threadline/db';
import {
  decodeMessage,
  encodeMessage,
  MessageType,
  type SyncMessage,
} from '@threadline/domain/protocol/messages';
import {
  decodeStateVector,
  ownChangesCovered,
  withReceived,
  type StateVector,
} from '@threadline/domain/protocol/state-vector';
import { addGoal, goalText, replaceText } from '@threadline/domain/goals/edits';
import { createOrganisation, createPerson } from '../support/factories.ts';

export interface SignedIn {
  cookie: string;
  personId: string;
  organisationId: string;
}

/** A person with a session in `organisationId` (a new organisation when omitted). */
export async function signIn(pool: Pool, organisationId?: string): Promise<SignedIn> {
  const orgId = organisationId ?? (await createOrganisation(pool)).id;
  const person = await createPerson(pool, orgId);
  const token = generateSessionToken();
  await createSession(pool, token, person);
  return { cookie: `${SESSION_COOKIE_NAME}=${token}`, personId: person.id, organisationId: orgId };
}

/** Like signIn, for a person with the given fields (role, manager, team), in an existing
 *  organisation; also gives the session's id (the hash the sessions table holds). */
export async function signInWith(
  pool: Pool,
  organisationId: string,
  fields: Parameters<typeof createPerson>[2] = {},
): Promise<SignedIn & { sessionId: string; name: string }> {
  const person = await createPerson(pool, organisationId, fields);
  const token = generateSessionToken();
  const session = await createSession(pool, token, person);
  return {
    cookie: `${SESSION_COOKIE_NAME}=${token}`,
    personId: person.id,
    organisationId,
    sessionId: session.id,
    name: person.name,
  };
}

export async function createCycle(pool: Pool, organisationId: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO cycles (organisation_id, name, starts_on, ends_on)
     VALUES ($1, 'Cycle ' || gen_random_uuid(), '2026-01-01', '2026-06-30') RETURNING id`,
    [organisationId],
  );
  return rows[0]!.id;
}

/** A signed-in person and the goal tree of a fresh cycle in their organisation. */
export async function goalTree(pool: Pool) {
  const person = await signIn(pool);
  const cycleId = await createCycle(pool, person.organisationId);
  return { ...person, documentName: `goals/${cycleId}` };
}

export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A stock y-websocket provider, as a browser would use it, plus a record of the acks. */
export function openProvider(port: number, documentName: string, cookie: string) {
  const doc = new Y.Doc();
  // Node has no cookies: a ws subclass adds the header the browser would send.
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, documentName, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  let acked: StateVector = new Map();
  provider.messageHandlers[MessageType.Ack] = (_encoder, decoder) => {
    acked = decodeStateVector(decoding.readVarUint8Array(decoder));
  };
  // What came from the server is its sender's to save, as the web client counts it (SC1).
  let received: StateVector = new Map();
  doc.on('update', (_update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    if (origin === provider) received = withReceived(received, tr.beforeState, tr.afterState);
  });
  let mode: string | undefined;
  provider.messageHandlers[MessageType.Access] = (_encoder, decoder) => {
    mode = decoding.readVarString(decoder);
  };
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  const client = {
    doc,
    provider,
    closeCodes,
    get acked() {
      return acked;
    },
    /** The access mode the server announced (SYNC19). */
    get mode() {
      return mode;
    },
    /** "All changes saved": the server's durable state covers every change this replica has that
     *  it did not receive from the server (SYNC5, SC1). */
    isSaved: () =>
      ownChangesCovered(acked, received, Y.decodeStateVector(Y.encodeStateVector(doc))),
    synced: () =>
      new Promise<void>((resolve) => {
        if (provider.synced) resolve();
        else provider.once('sync', (synced: boolean) => synced && resolve());
      }),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  onTestFinished(() => client.destroy());
  return client;
}

/** A websocket that sends whatever it is told and records what comes back. */
export async function openRaw(port: number, documentName: string, cookie: string) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/sync/${documentName}`, {
    headers: { cookie },
  });
  const received: SyncMessage[] = [];
  let closeCode: number | undefined;
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((check) => check());
  const closed = new Promise<number>((resolve) =>
    socket.on('close', (code) => {
      resolve((closeCode = code));
      wake();
    }),
  );
  socket.on('message', (data: Buffer) => {
    received.push(decodeMessage(new Uint8Array(data)));
    wake();
  });
  socket.on('error', () => {}); // a refused frame can end the socket abruptly; `closed` reports it
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const raw = {
    socket,
    received,
    closed,
    get closeCode() {
      return closeCode;
    },
    sendFrame: (frame: Uint8Array) => socket.send(frame),
    send: (message: SyncMessage) => socket.send(encodeMessage(message)),
    /** Sends a Yjs update as a y-websocket sync update. */
    sendUpdate: (update: Uint8Array) =>
      socket.send(encodeMessage({ type: 'sync-update', update: update.slice() })),
    acks: () =>
      received.flatMap((m) => (m.type === 'ack' ? [decodeStateVector(m.stateVector)] : [])),
    lastAck: (): StateVector => raw.acks().at(-1) ?? new Map(),
    close: () => socket.close(),
    /** Resolves as soon as `check` holds, checked after every message and at close. */
    until: (check: () => boolean) =>
      new Promise<void>((resolve) => {
        const waiter = () => {
          if (!check()) return;
          waiters.delete(waiter);
          resolve();
        };
        waiters.add(waiter);
        waiter();
      }),
  };
  onTestFinished(() => socket.terminate());
  return raw;
}

export type RawSocket = Awaited<ReturnType<typeof openRaw>>;

/** A raw socket once the server has told it its access mode, or closed it. */
export async function openAnnounced(
  port: number,
  documentName: string,
  cookie: string,
): Promise<RawSocket> {
  const socket = await openRaw(port, documentName, cookie);
  await Promise.race([
    socket.until(() => socket.received.some((m) => m.type === 'access')),
    socket.closed,
  ]);
  return socket;
}

/** The access mode the server last announced to the socket (SYNC19). */
export const accessModeOf = (socket: RawSocket) =>
  socket.received.filter((m) => m.type === 'access').at(-1)?.mode;

/** The socket's replica: asks for the document once, then everything the server sent it. */
export async function replicaFromServer(socket: RawSocket): Promise<Y.Doc> {
  if (!socket.received.some((m) => m.type === 'sync-step-2')) {
    socket.send({ type: 'sync-step-1', stateVector: Y.encodeStateVector(new Y.Doc()) });
  }
  await socket.until(() => socket.received.some((m) => m.type === 'sync-step-2'));
  const doc = new Y.Doc();
  for (const m of socket.received) {
    if (m.type === 'sync-step-2' || m.type === 'sync-update') Y.applyUpdate(doc, m.update);
  }
  return doc;
}

/** A document with one text, whose updates can be sent by a raw client. */
export function editor(clientId?: number) {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return {
    doc,
    text: doc.getText('t'),
    /** The updates made since the last call. */
    take: () => updates.splice(0),
    stateVector: (): StateVector => decodeStateVector(Y.encodeStateVector(doc)),
  };
}

/** A logger whose lines a test can read (e.g. to find a refusal with its person). */
export function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const log = pino(
    { level: 'info' },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { log, lines };
}

/** The value of one Prometheus counter (summed over its labels matching `labels`). */
export async function metricValue(port: number, name: string, labels: Record<string, string> = {}) {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) {
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return total;
}

export function textOfUpdates(updates: readonly Uint8Array[], name = 't'): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText(name).toString();
}

/**
 * Like `editor`, but the text is the title of a personal goal of `personId` in a goal-tree
 * document, so its updates pass the server's goal-tree validation (SYNC17). The first updates
 * taken add the goal. Titles are short (GOAL2): `retitle` replaces the whole title.
 */
export function goalEditor(personId: string, clientId?: number) {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const goalId = addGoal(
    doc,
    { title: 'Goal', level: 'person', ownerId: personId, parentId: null },
    { by: personId },
  );
  const text = goalText(doc, goalId, 'title')!;
  return {
    doc,
    goalId,
    text,
    retitle: (title: string) => replaceText(text, title),
    take: () => updates.splice(0),
    stateVector: (): StateVector => decodeStateVector(Y.encodeStateVector(doc)),
  };
}
