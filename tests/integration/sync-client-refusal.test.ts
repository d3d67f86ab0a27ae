// How the client reads a refusal, against a scripted server that plays the protocol exactly: a
// Refused followed by 4409 drops the replica; a Refused followed by 4500 (the server reset the
// document, the change was never judged) keeps it and resends the change (SC5).
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import * as Y from 'yjs';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import {
  decodeMessage,
  encodeMessage,
  RefusalReason,
  type SyncMessage,
} from '@threadline/domain/protocol/messages';
import { openClient } from './sync-client-support.ts';
import { eventually } from './sync-support.ts';

const DOCUMENT = 'goals/00000000-0000-4000-8000-000000000001';
let server: WebSocketServer | undefined;

afterEach(() => {
  for (const socket of server?.clients ?? []) socket.terminate();
  server?.close();
});

/** A server that syncs every connection (empty document) and hands updates to `onUpdate`. */
async function scriptedServer(onUpdate: (socket: ServerSocket, connection: number) => void) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  server = wss;
  let connections = 0;
  const received: Uint8Array[] = [];
  wss.on('connection', (socket) => {
    const connection = ++connections;
    const send = (message: SyncMessage) => socket.send(encodeMessage(message));
    send({ type: 'sync-step-1', stateVector: Y.encodeStateVector(new Y.Doc()) });
    send({ type: 'ack', stateVector: Y.encodeStateVector(new Y.Doc()) });
    socket.on('message', (data: Buffer) => {
      const message = decodeMessage(new Uint8Array(data));
      if (message.type === 'sync-step-1') {
        send({ type: 'sync-step-2', update: Y.encodeStateAsUpdate(new Y.Doc()) });
      } else if (message.type === 'sync-update' || message.type === 'sync-step-2') {
        if (Y.decodeUpdate(message.update).structs.length === 0) return;
        received.push(message.update);
        onUpdate(socket, connection);
      }
    });
  });
  await new Promise((resolve) => wss.once('listening', resolve));
  const { port } = wss.address() as { port: number };
  return { port, received, connections: () => connections };
}

function refuse(socket: ServerSocket, reason: string, code: number) {
  socket.send(encodeMessage({ type: 'refused', reason }));
  socket.close(code, '');
}

describe('refusals', () => {
  it('[SC5] drops the replica when the Refused message is followed by 4409', async () => {
    const fake = await scriptedServer((socket, connection) => {
      if (connection === 1) refuse(socket, RefusalReason.Forbidden, CloseCode.ChangeRefused);
    });
    const client = openClient(fake.port, DOCUMENT, 'cookie=none');
    const refusals: string[] = [];
    client.document.onRefused((reason) => refusals.push(reason));
    await client.document.whenSynced();
    const before = client.document.doc;
    before.getMap('goals').set('x', 'refused');

    await eventually(() => client.document.doc !== before && fake.connections() === 2);
    await client.document.whenSynced();
    expect(refusals).toEqual([RefusalReason.Forbidden]);
    expect(client.document.doc.getMap('goals').size).toBe(0);
    expect(client.document.status).toEqual({ kind: 'refused', reason: 'forbidden' });
    expect(fake.received).toHaveLength(1); // the refused change is never sent again
  });

  it('[SC5] keeps the replica and resends the change after a Refused followed by 4500', async () => {
    const fake = await scriptedServer((socket, connection) => {
      if (connection === 1) refuse(socket, RefusalReason.DocumentReset, CloseCode.ServerError);
    });
    const client = openClient(fake.port, DOCUMENT, 'cookie=none');
    const resets: Y.Doc[] = [];
    client.document.onReset((doc) => resets.push(doc));
    await client.document.whenSynced();
    client.document.doc.getMap('goals').set('x', 'kept');

    // The provider reconnects after its backoff: seconds on a loaded machine.
    await eventually(() => fake.received.length === 2, 15_000);
    expect(resets).toEqual([]);
    expect(client.document.doc.getMap('goals').get('x')).toBe('kept');
    const resent = new Y.Doc();
    Y.applyUpdate(resent, fake.received[1]!);
    expect(resent.getMap('goals').get('x')).toBe('kept');
    // The change is resent in the client's sync step 2, before the server's step 2 has brought
    // the client out of 'connecting'; once it has, the change waits for an Ack the fake server
    // never sends.
    await client.document.whenSynced();
    expect(client.document.status.kind).toBe('saving');
  });
});
