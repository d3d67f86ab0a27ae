// In-process fuzzing of the connection's decoding and applying, many more cases than the
// integration fuzz can afford: no frame throws out of receive(), a bad one closes with 4400, and
// only well-formed updates ever reach storage (SYNC14).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pino } from 'pino';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { encodeMessage } from '@threadline/domain/protocol/messages';
import { resolveConfig } from '../config.ts';
import { createSyncMetrics } from '../operations/metrics.ts';
import { MemoryDocumentStorage } from '../persistence/memory-storage.ts';
import { Connection } from './connection.ts';
import { FREE_FORM_KINDS } from '../documents/free-form.ts';
import { RoomRegistry } from './room-registry.ts';

const key = { organisationId: 'org', name: 'goals/00000000-0000-4000-8000-00000000f022' };

function validFrames() {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'some text');
  doc.getMap('m').set('goal', { title: 'x', children: [1, 2] });
  doc.getArray('a').insert(0, [1, 'two', { three: 3 }]);
  doc.getText('t').delete(2, 3);
  const awareness = encoding.createEncoder();
  encoding.writeVarUint(awareness, 1);
  encoding.writeVarUint(awareness, 7);
  encoding.writeVarUint(awareness, 1);
  encoding.writeVarString(awareness, '{"user":{"name":"Ada"}}');
  return [
    encodeMessage({ type: 'sync-update', update: Y.encodeStateAsUpdate(doc) }),
    encodeMessage({ type: 'sync-step-2', update: Y.encodeStateAsUpdate(doc) }),
    encodeMessage({ type: 'sync-step-1', stateVector: Y.encodeStateVector(doc) }),
    encodeMessage({ type: 'awareness', update: encoding.toUint8Array(awareness).slice() }),
    encodeMessage({ type: 'query-awareness' }),
  ];
}

describe('connection fuzzing', () => {
  it('[SYNC14] handles 10,000 random, truncated and mutated frames without throwing or saving garbage', async () => {
    const storage = new MemoryDocumentStorage();
    const config = resolveConfig({ messagesPerSecond: 1e9, messageBurst: 1e9 });
    const metrics = createSyncMetrics();
    const log = pino({ level: 'silent' });
    const rooms = new RoomRegistry({ storage, config, metrics, log, kinds: FREE_FORM_KINDS });
    const valid = validFrames();
    const frames = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc
        .tuple(fc.constantFrom(...valid), fc.nat())
        .map(([frame, cut]) => frame.subarray(0, cut % (frame.length + 1))),
      fc
        .tuple(
          fc.constantFrom(...valid),
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        )
        .map(([frame, edits]) => {
          const copy = frame.slice();
          for (const [at, byte] of edits) copy[at % copy.length] = byte;
          return copy;
        }),
    );

    const closes: number[] = [];
    const open = async () => {
      const connection: Connection = new Connection({
        person: { id: 'fuzzer', name: 'Fuzzer' },
        mode: 'read-write',
        actor: () => ({ ready: true, actor: null }),
        socket: { send: () => true, close: (code) => closes.push(code), bufferedAmount: 0 },
        config,
        metrics,
        log,
        onClosed: (room) => room && rooms.leave(room, connection),
      });
      connection.joined(await rooms.join(key, connection));
      return connection;
    };
    let connection = await open();
    await fc.assert(
      fc.asyncProperty(frames, async (frame) => {
        if (connection.phase === 'closed') connection = await open();
        expect(() => connection.receive(frame.slice().buffer)).not.toThrow();
      }),
      { numRuns: 10_000 },
    );
    expect(new Set(closes)).toEqual(new Set([4400]));
    expect(closes.length).toBeGreaterThan(1000);
    await rooms.close();
    const changes = await storage.changesOf(key);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) expect(() => Y.decodeUpdate(change.update)).not.toThrow();
  }, 60_000);
});
