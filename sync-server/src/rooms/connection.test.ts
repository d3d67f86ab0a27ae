import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import * as Y from 'yjs';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { decodeMessage, encodeMessage } from '@threadline/domain/protocol/messages';
import { resolveConfig, type SyncConfig } from '../config.ts';
import { createSyncMetrics } from '../operations/metrics.ts';
import { MemoryDocumentStorage } from '../persistence/memory-storage.ts';
import { Connection } from './connection.ts';
import type { DocumentKinds } from '../documents/document-kind.ts';
import { FREE_FORM_KINDS, freeFormGoalTree } from '../documents/free-form.ts';
import { RoomRegistry } from './room-registry.ts';

const key = { organisationId: 'org', name: 'goals/00000000-0000-4000-8000-00000000000c' };
const log = pino({ level: 'silent' });

interface SetupOptions {
  kinds?: DocumentKinds;
  actor?: () => unknown;
  recheckActor?: (hint: unknown) => Promise<void>;
}

function setup(overrides: Partial<SyncConfig> = {}, options: SetupOptions = {}) {
  const config = resolveConfig(overrides);
  const metrics = createSyncMetrics();
  const rooms = new RoomRegistry({
    storage: new MemoryDocumentStorage(),
    config,
    metrics,
    log,
    kinds: options.kinds ?? FREE_FORM_KINDS,
  });
  const socket = { sent: [] as Uint8Array[], closes: [] as number[], bufferedAmount: 0 };
  const actor = options.actor ?? (() => null);
  const connection: Connection = new Connection({
    person: { id: 'p', name: 'P' },
    mode: 'read-write',
    actor: () => ({ ready: true, actor: actor() }),
    recheckActor: options.recheckActor,
    socket: {
      // Nothing is ever read: what is sent stays waiting.
      send: (frame) => {
        socket.sent.push(frame.bytes);
        socket.bufferedAmount += frame.bytes.byteLength;
        return false;
      },
      close: (code) => socket.closes.push(code),
      get bufferedAmount() {
        return socket.bufferedAmount;
      },
    },
    config,
    metrics,
    log,
    onClosed: (room) => room && rooms.leave(room, connection),
  });
  return { rooms, socket, connection };
}

function updateFrame(text: string) {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return encodeMessage({ type: 'sync-update', update: Y.encodeStateAsUpdate(doc) }).buffer;
}

describe('connection', () => {
  it('[SYNC14] queues what arrives while the room loads and replays it in order once joined', async () => {
    const { rooms, connection } = setup();
    connection.receive(updateFrame('first'));
    const room = await rooms.join(key, connection);
    expect(room.doc.getText('t').toString()).toBe('');
    connection.joined(room);
    expect(room.doc.getText('t').toString()).toBe('first');
    await rooms.close();
  });

  it('[SYNC4] answers sync step 1 with step 2 holding what the client lacks', async () => {
    const { rooms, socket, connection } = setup();
    const room = await rooms.join(key, connection);
    connection.joined(room);
    room.applyUpdate(connection, Y.encodeStateAsUpdate(textDoc('server side')), null);
    socket.sent.length = 0;
    connection.receive(
      encodeMessage({ type: 'sync-step-1', stateVector: new Uint8Array([0]) }).buffer,
    );
    const reply = decodeMessage(socket.sent[0]!);
    expect(reply.type).toBe('sync-step-2');
    const client = new Y.Doc();
    Y.applyUpdate(client, (reply as { update: Uint8Array }).update);
    expect(client.getText('t').toString()).toBe('server side');
    await rooms.close();
  });

  it('[SYNC14] closes with 4400 on a text frame', async () => {
    const { rooms, socket, connection } = setup();
    connection.joined(await rooms.join(key, connection));
    connection.receive('hello');
    expect(socket.closes).toEqual([CloseCode.BadMessage]);
    expect(connection.phase).toBe('closed');
    await rooms.close();
  });

  it('[SYNC12] closes with 4429 once over its message rate', async () => {
    const { rooms, socket, connection } = setup({ messagesPerSecond: 1, messageBurst: 5 });
    connection.joined(await rooms.join(key, connection));
    const query = encodeMessage({ type: 'query-awareness' }).buffer;
    for (let i = 0; i < 6; i++) connection.receive(query);
    expect(socket.closes).toEqual([CloseCode.TooManyMessages]);
    await rooms.close();
  });

  it('[SYNC12] closes with 4503 a client that lets too much wait in its send buffer', async () => {
    const { rooms, socket, connection } = setup({ maxBufferedBytes: 1000 });
    connection.joined(await rooms.join(key, connection));
    socket.bufferedAmount = 1001;
    connection.send({ type: 'query-awareness' });
    expect(socket.closes).toEqual([CloseCode.TooSlow]);
    await rooms.close();
  });

  it('[SYNC12] keeps a client sent one frame larger than the limit (a big document at join)', async () => {
    const { rooms, socket, connection } = setup({ maxBufferedBytes: 1000 });
    connection.joined(await rooms.join(key, connection));
    socket.bufferedAmount = 0;
    connection.send({ type: 'sync-step-2', update: new Uint8Array(5000) });
    expect(socket.closes).toEqual([]);
    // Still not taken when the next frame comes: now it is too slow.
    connection.send({ type: 'query-awareness' });
    expect(socket.closes).toEqual([CloseCode.TooSlow]);
    await rooms.close();
  });

  it('[ONE52] judges an update once more after reloading the actor when the verdict asks, then refuses', async () => {
    // A validator that knows only what its actor knows: 'stale' asks for a recheck.
    const kinds: DocumentKinds = {
      goals: {
        ...freeFormGoalTree,
        validate: (_live, scratch, update, actor) => {
          Y.applyUpdate(scratch, update);
          return actor === 'fresh'
            ? { ok: true }
            : { ok: false, reason: 'forbidden', recheck: { goals: ['g'] } };
        },
      },
    };
    let actor = 'stale';
    const hints: unknown[] = [];
    const reloading = (next: string) => async (hint: unknown) => {
      hints.push(hint);
      await Promise.resolve();
      actor = next;
    };
    const accepted = setup({}, { kinds, actor: () => actor, recheckActor: reloading('fresh') });
    const room = await accepted.rooms.join(key, accepted.connection);
    accepted.connection.joined(room);
    accepted.connection.receive(updateFrame('first'));
    // Held, not refused, while the actor reloads; a frame after it waits its turn.
    accepted.connection.receive(updateFrame('second'));
    expect(room.doc.getText('t').toString()).toBe('');
    await new Promise((resolve) => setImmediate(resolve));
    expect(hints).toEqual([{ goals: ['g'] }]);
    expect(accepted.socket.closes).toEqual([]);
    expect(room.doc.getText('t').toString()).toMatch(/first/);
    expect(room.doc.getText('t').toString()).toMatch(/second/);
    await accepted.rooms.close();

    // Still unknown after the reload: refused, after one recheck only.
    actor = 'stale';
    hints.length = 0;
    const refused = setup({}, { kinds, actor: () => actor, recheckActor: reloading('stale') });
    refused.connection.joined(await refused.rooms.join(key, refused.connection));
    refused.connection.receive(updateFrame('third'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(hints).toHaveLength(1);
    expect(refused.socket.closes).toEqual([CloseCode.ChangeRefused]);
    await refused.rooms.close();
  });
});

function textDoc(text: string) {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}
