// Limits and bad input (SYNC11-14): oversized frames, malformed and truncated frames, message
// floods and oversized documents end or refuse only the offending connection or update; the
// process, the room and other rooms carry on, and nothing malformed reaches the log.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { encodeMessage, RefusalReason } from '@threadline/domain/protocol/messages';
import { FREE_FORM_KINDS } from '@threadline/sync-server/documents/free-form';
import { startSyncServerForTest, useSyncServer } from '../support/sync-server.ts';
import { editor, eventually, goalTree, openProvider, openRaw } from './sync-support.ts';

const strict = useSyncServer({
  kinds: FREE_FORM_KINDS,
  config: {
    maxMessageBytes: 64 * 1024,
    maxDocumentBytes: 4 * 1024,
    messagesPerSecond: 20,
    messageBurst: 40,
  },
});

const keyOf = (tree: { organisationId: string; documentName: string }) => ({
  organisationId: tree.organisationId,
  name: tree.documentName,
});

/** A valid update inserting `text`, encoded as y-websocket sends it. */
function updateFrame(text: string) {
  const mine = editor();
  mine.text.insert(0, text);
  return encodeMessage({ type: 'sync-update', update: Y.encodeStateAsUpdate(mine.doc) });
}

function awarenessFrame(json: string) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, 42);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarString(encoder, json);
  return encodeMessage({ type: 'awareness', update: encoding.toUint8Array(encoder).slice() });
}

describe('limits', () => {
  it('[SYNC11] closes a connection that sends a frame over the size limit with 1009', async () => {
    const tree = await goalTree(strict.db.pool);
    const client = await openRaw(strict.port, tree.documentName, tree.cookie);
    client.sendFrame(new Uint8Array(64 * 1024 + 1));
    expect(await client.closed).toBe(CloseCode.MessageTooBig);
    expect(await strict.server.storage.changesOf(keyOf(tree))).toEqual([]);
  });

  it('[SYNC12] closes a connection that floods messages with 4429', async () => {
    const tree = await goalTree(strict.db.pool);
    const client = await openRaw(strict.port, tree.documentName, tree.cookie);
    for (let i = 0; i < 100; i++) client.send({ type: 'query-awareness' });
    expect(await client.closed).toBe(CloseCode.TooManyMessages);
  });

  it('[SYNC13] refuses an update that would grow the document past its limit, and keeps the rest', async () => {
    const tree = await goalTree(strict.db.pool);
    const writer = await openRaw(strict.port, tree.documentName, tree.cookie);
    const reader = openProvider(strict.port, tree.documentName, tree.cookie);
    await reader.synced();
    writer.sendFrame(updateFrame('small'));
    await eventually(() => reader.doc.getText('t').toString() === 'small');
    writer.sendFrame(updateFrame('x'.repeat(5000)));
    await eventually(() =>
      writer.received.some(
        (message) =>
          message.type === 'refused' && message.reason === RefusalReason.DocumentTooLarge,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reader.doc.getText('t').toString()).toBe('small');
    // The writer's replica holds the refused change: it is closed to drop it (SYNC18).
    expect(await writer.closed).toBe(CloseCode.ChangeRefused);
    const changes = await strict.server.storage.changesOf(keyOf(tree));
    expect(changes).toHaveLength(1);
  });
});

describe('a document already over its limit', () => {
  it('[SYNC13] still lets clients join and read it (their empty replies are not growth), refusing only growth', async () => {
    const tree = await goalTree(strict.db.pool);
    const writer = openProvider(strict.port, tree.documentName, tree.cookie);
    await writer.synced();
    writer.doc.getText('t').insert(0, 'y'.repeat(3000));
    await eventually(() => writer.isSaved());
    // Another node with a smaller limit loads the same document from the log: it starts over the
    // limit, as a large organisation's tree does when the limit is lowered or the tree grew.
    const small = await startSyncServerForTest(strict.db, {
      kinds: FREE_FORM_KINDS,
      config: { maxDocumentBytes: 1024 },
    });
    const reader = openProvider(small.port, tree.documentName, tree.cookie);
    await reader.synced();
    await eventually(() => reader.doc.getText('t').length === 3000);
    await eventually(() => reader.isSaved());
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reader.closeCodes).toEqual([]);

    const grower = await openRaw(small.port, tree.documentName, tree.cookie);
    grower.sendFrame(updateFrame('more'));
    await eventually(() =>
      grower.received.some(
        (message) =>
          message.type === 'refused' && message.reason === RefusalReason.DocumentTooLarge,
      ),
    );
  });
});

describe('malformed frames', () => {
  const truncated = updateFrame('truncated update');
  const garbageUpdate = encodeMessage({ type: 'sync-update', update: new Uint8Array([9, 9, 9]) });
  it.each([
    ['a truncated sync update', truncated.subarray(0, truncated.length - 3)],
    ['an update Yjs cannot decode', garbageUpdate],
    ['an unknown message type', new Uint8Array([42, 0])],
    ['an empty frame', new Uint8Array()],
    ['awareness with broken JSON', awarenessFrame('{"user":')],
    [
      'a malformed state vector',
      encodeMessage({ type: 'sync-step-1', stateVector: new Uint8Array([5, 1]) }),
    ],
    ['a text frame', 'hello'],
  ])('[SYNC14] closes only the connection that sent %s with 4400', async (_label, frame) => {
    const tree = await goalTree(strict.db.pool);
    const other = await goalTree(strict.db.pool);
    const bystander = openProvider(strict.port, tree.documentName, tree.cookie);
    const elsewhere = openProvider(strict.port, other.documentName, other.cookie);
    await Promise.all([bystander.synced(), elsewhere.synced()]);
    const offender = await openRaw(strict.port, tree.documentName, tree.cookie);
    offender.socket.send(frame);
    expect(await offender.closed).toBe(CloseCode.BadMessage);

    // The room and the other room carry on.
    const late = openProvider(strict.port, tree.documentName, tree.cookie);
    await late.synced();
    bystander.doc.getText('t').insert(0, 'still here');
    elsewhere.doc.getText('t').insert(0, 'me too');
    await eventually(() => late.doc.getText('t').toString() === 'still here');
    await eventually(() => bystander.isSaved() && elsewhere.isSaved());
    expect(bystander.closeCodes).toEqual([]);
    const changes = await strict.server.storage.changesOf(keyOf(tree));
    expect(changes).toHaveLength(1);
    expect(changes[0]!.personId).toBe(tree.personId);
  });
});

describe('fuzzed frames', () => {
  const fuzz = useSyncServer(
    { kinds: FREE_FORM_KINDS, config: { messagesPerSecond: 1e6, messageBurst: 1e6 } },
    strict,
  );

  it('[SYNC14] survives thousands of random, truncated and mutated frames and saves only well-formed updates', async () => {
    const tree = await goalTree(strict.db.pool);
    const seed = editor();
    seed.text.insert(0, 'a seed text');
    seed.doc.getMap('m').set('k', { nested: [1, 2, 3] });
    const valid = [
      updateFrame('hello'),
      encodeMessage({ type: 'sync-update', update: Y.encodeStateAsUpdate(seed.doc) }),
      encodeMessage({ type: 'sync-step-1', stateVector: Y.encodeStateVector(seed.doc) }),
      awarenessFrame('{"user":{"name":"Ada"}}'),
      encodeMessage({ type: 'query-awareness' }),
    ];
    const frames = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc
        .tuple(fc.constantFrom(...valid), fc.nat())
        .map(([frame, cut]) => frame.subarray(0, cut % (frame.length + 1))),
      fc
        .tuple(fc.constantFrom(...valid), fc.nat(), fc.integer({ min: 0, max: 255 }))
        .map(([frame, at, byte]) => {
          const copy = frame.slice();
          copy[at % copy.length] = byte;
          return copy;
        }),
    );

    let client = await openRaw(fuzz.port, tree.documentName, tree.cookie);
    let closes = 0;
    const probe = encodeMessage({ type: 'sync-step-1', stateVector: new Uint8Array([0]) });
    await fc.assert(
      fc.asyncProperty(frames, async (frame) => {
        if (client.closeCode !== undefined) {
          closes += 1;
          client = await openRaw(fuzz.port, tree.documentName, tree.cookie);
        }
        const before = client.received.filter((m) => m.type === 'sync-step-2').length;
        client.sendFrame(frame);
        client.sendFrame(probe);
        // Either the server answers the probe (the frame was acceptable) or it closed with 4400.
        await client.until(
          () =>
            client.closeCode !== undefined ||
            client.received.filter((m) => m.type === 'sync-step-2').length > before,
        );
        if (client.closeCode !== undefined) expect(client.closeCode).toBe(CloseCode.BadMessage);
      }),
      { numRuns: 2000 },
    );
    // Most frames are broken, so the fuzz opened hundreds of connections.
    expect(closes).toBeGreaterThan(100);

    // The process is healthy, the log holds only well-formed updates, and the document opens.
    const health = await fetch(`http://127.0.0.1:${fuzz.port}/healthz`);
    expect(health.status).toBe(200);
    const provider = openProvider(fuzz.port, tree.documentName, tree.cookie);
    await provider.synced();
    await eventually(() => provider.isSaved());
    const changes = await fuzz.server.storage.changesOf(keyOf(tree));
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) expect(() => Y.decodeUpdate(change.update)).not.toThrow();
    const replay = new Y.Doc();
    for (const change of changes) Y.applyUpdate(replay, change.update);
    expect(replay.getText('t').toString()).toBe(provider.doc.getText('t').toString());
  }, 120_000);
});
