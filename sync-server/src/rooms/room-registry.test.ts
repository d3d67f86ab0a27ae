import { afterEach, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import * as Y from 'yjs';
import {
  decodeMessage,
  encodeMessage,
  type SyncMessage,
} from '@threadline/domain/protocol/messages';
import { resolveConfig } from '../config.ts';
import { createSyncMetrics } from '../operations/metrics.ts';
import type { DocumentKey, LoggedUpdate } from '../persistence/document-storage.ts';
import { MemoryDocumentStorage } from '../persistence/memory-storage.ts';
import type { RoomMember } from './room-member.ts';
import { FREE_FORM_KINDS } from '../documents/free-form.ts';
import { RoomRegistry } from './room-registry.ts';

afterEach(() => {
  vi.useRealTimers();
});

const key: DocumentKey = {
  organisationId: 'org',
  name: 'goals/00000000-0000-4000-8000-00000000d0c0',
};
const log = pino({ level: 'silent' });

function member(id: number): RoomMember & { sent: SyncMessage[] } {
  const sent: SyncMessage[] = [];
  return {
    id,
    personId: `person-${id}`,
    personName: `Person ${id}`,
    mode: 'read-write',
    sent,
    send: (m) => sent.push(m),
    sendFrame: (frame) => sent.push(decodeMessage(frame.bytes)),
    close() {},
  };
}

function update(text: string) {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

class ControlledStorage extends MemoryDocumentStorage {
  failing = false;
  override append(k: DocumentKey, updates: readonly LoggedUpdate[]) {
    if (this.failing) return Promise.reject(new Error('down'));
    return super.append(k, updates);
  }
}

function registry(storage = new ControlledStorage()) {
  const config = resolveConfig({ idleUnloadMs: 1000, saveRetry: { initialMs: 100, maxMs: 100 } });
  return {
    storage,
    rooms: new RoomRegistry({
      storage,
      config,
      metrics: createSyncMetrics(),
      log,
      kinds: FREE_FORM_KINDS,
    }),
  };
}

describe('room registry', () => {
  it('[SYNC8] loads a document once for concurrent joins and shares the room', async () => {
    const { rooms } = registry();
    const [a, b] = await Promise.all([rooms.join(key, member(1)), rooms.join(key, member(2))]);
    expect(a).toBe(b);
    expect(rooms.loadedCount).toBe(1);
    await rooms.close();
  });

  it('[SYNC8] unloads an idle room after the delay, leaving no timer behind', async () => {
    vi.useFakeTimers();
    const { rooms } = registry();
    const m = member(1);
    const room = await rooms.join(key, m);
    rooms.leave(room, m);
    await vi.advanceTimersByTimeAsync(999);
    expect(rooms.isLoaded(key)).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(rooms.isLoaded(key)).toBe(false);
    expect(vi.getTimerCount()).toBe(0); // the awareness check interval went with the room
  });

  it('[SYNC8] never unloads a room with unsaved updates; unloads it once they are saved', async () => {
    vi.useFakeTimers();
    const { rooms, storage } = registry();
    const m = member(1);
    const room = await rooms.join(key, m);
    storage.failing = true;
    room.applyUpdate(m, update('pending'), null);
    rooms.leave(room, m);
    await vi.advanceTimersByTimeAsync(5000);
    expect(rooms.isLoaded(key)).toBe(true);
    expect(room.isSaved).toBe(false);
    storage.failing = false;
    await vi.advanceTimersByTimeAsync(200); // the next retry (every 100 ms) succeeds
    expect(room.isSaved).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(rooms.isLoaded(key)).toBe(false);
    expect((await storage.load(key)).updates).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('[SYNC6] relays a member’s update to the others but not back to the sender', async () => {
    const { rooms } = registry();
    const a = member(1);
    const b = member(2);
    const room = await rooms.join(key, a);
    await rooms.join(key, b);
    a.sent.length = 0;
    b.sent.length = 0;
    room.applyUpdate(a, update('hi'), null);
    await new Promise((resolve) => setImmediate(resolve));
    const relayed = (m: typeof a) => m.sent.filter((message) => message.type === 'sync-update');
    expect(relayed(a)).toEqual([]);
    expect(relayed(b)).toHaveLength(1);
    await rooms.close();
  });

  it('[SYNC6] relays the updates of one event-loop turn as one merged frame per member', async () => {
    const { rooms } = registry();
    const [a, b, c] = [member(1), member(2), member(3)];
    const room = await rooms.join(key, a);
    await rooms.join(key, b);
    await rooms.join(key, c);
    for (const m of [a, b, c]) m.sent.length = 0;
    room.applyUpdate(a, update('one'), null);
    room.applyUpdate(b, update('two'), null);
    await new Promise((resolve) => setImmediate(resolve));
    for (const m of [a, b, c]) {
      const relayed = m.sent.filter((message) => message.type === 'sync-update');
      expect(relayed).toHaveLength(1);
      const replica = new Y.Doc();
      Y.applyUpdate(replica, (relayed[0] as { update: Uint8Array }).update);
      expect(replica.getText('t').toString()).toHaveLength('onetwo'.length);
    }
    await rooms.close();
  });

  it('[SYNC5] acknowledges a commit to the member whose update it holds, not to those who only received it', async () => {
    const { rooms } = registry();
    const [writer, reader] = [member(1), member(2)];
    const room = await rooms.join(key, writer);
    await rooms.join(key, reader);
    writer.sent.length = 0;
    reader.sent.length = 0;
    room.applyUpdate(writer, update('hi'), null);
    await room.whenSaved();
    await new Promise((resolve) => setImmediate(resolve));
    const durable = encodeMessage({ type: 'ack', stateVector: Y.encodeStateVector(room.doc) });
    const acks = (m: typeof writer) => m.sent.filter((message) => message.type === 'ack');
    expect(acks(writer).map((ack) => encodeMessage(ack))).toEqual([durable]);
    expect(acks(reader)).toEqual([]);
    expect(reader.sent.map((message) => message.type)).toEqual(['sync-update']);
    await rooms.close();
  });

  it('[SYNC5] acknowledges each commit to a writer until one covers its last update, then stops', async () => {
    const { rooms, storage } = registry();
    const writer = member(1);
    const room = await rooms.join(key, writer);
    writer.sent.length = 0;
    storage.failing = true;
    room.applyUpdate(writer, update('one'), null);
    storage.failing = false;
    await room.whenSaved();
    room.applyUpdate(writer, update('two'), null);
    await room.whenSaved();
    expect(writer.sent.filter((message) => message.type === 'ack')).toHaveLength(2);
    // A change by the server itself is saved and relayed, but owes the writer nothing.
    room.doc.getText('t').insert(0, 'server ');
    await room.whenSaved();
    expect(writer.sent.filter((message) => message.type === 'ack')).toHaveLength(2);
    await rooms.close();
  });

  it('[SYNC5] acknowledges a member that joins holding changes still being saved, once they are', async () => {
    vi.useFakeTimers();
    const { rooms, storage } = registry();
    const first = member(1);
    const room = await rooms.join(key, first);
    storage.failing = true;
    room.applyUpdate(first, update('typed, then the connection dropped'), null);
    rooms.leave(room, first);
    // The same client comes back on a new connection before the save went through: its sync
    // step 1 claims the change, and the Ack it got on joining does not cover it.
    const again = member(3);
    await rooms.join(key, again);
    const claimed = Y.encodeStateVector(room.doc);
    room.answerSyncStep1(again, claimed, Y.decodeStateVector(claimed));
    const acks = () => again.sent.filter((message) => message.type === 'ack');
    expect(acks()).toHaveLength(1);
    storage.failing = false;
    await vi.advanceTimersByTimeAsync(200); // the retry succeeds
    expect(room.isSaved).toBe(true);
    expect(acks()).toHaveLength(2);
    expect(encodeMessage(acks()[1]!)).toEqual(encodeMessage({ type: 'ack', stateVector: claimed }));
    await rooms.close();
  });

  it('[SYNC5] owes nothing to a member whose sync step 1 claims only durable changes', async () => {
    const { rooms } = registry();
    const writer = member(1);
    const room = await rooms.join(key, writer);
    room.applyUpdate(writer, update('saved already'), null);
    await room.whenSaved();
    const reader = member(2);
    await rooms.join(key, reader);
    const claimed = Y.encodeStateVector(room.doc);
    room.answerSyncStep1(reader, claimed, Y.decodeStateVector(claimed));
    room.applyUpdate(writer, update('more'), null);
    await room.whenSaved();
    expect(reader.sent.filter((message) => message.type === 'ack')).toHaveLength(1); // at join
    await rooms.close();
  });

  it('[SYNC4] answers every empty state vector with one encoding of the document, and the updates since', async () => {
    const { rooms } = registry();
    const [writer, early, late] = [member(1), member(2), member(3)];
    const room = await rooms.join(key, writer);
    room.applyUpdate(writer, update('before'), null);
    const empty = Y.encodeStateVector(new Y.Doc());
    const answer = (m: typeof writer) => room.answerSyncStep1(m, empty, new Map());
    const [first] = answer(early);
    expect(answer(late)).toEqual([first]);
    expect(answer(late)[0]).toBe(first); // the same bytes, encoded and framed once
    room.applyUpdate(writer, update('after'), null);
    const next = answer(late);
    // The change goes first, then the same encoding of the document (sync step 2 last).
    expect(next.map((frame) => decodeMessage(frame.bytes).type)).toEqual([
      'sync-update',
      'sync-step-2',
    ]);
    expect(next[1]).toBe(first);
    const replica = new Y.Doc();
    for (const frame of next) {
      Y.applyUpdate(replica, (decodeMessage(frame.bytes) as { update: Uint8Array }).update);
    }
    expect(replica.getText('t').toString()).toHaveLength('beforeafter'.length);
    // Our sync step 1 on joining follows the change too.
    const joined = member(4);
    await rooms.join(key, joined);
    expect(joined.sent[0]).toEqual({
      type: 'sync-step-1',
      stateVector: Y.encodeStateVector(room.doc),
    });
    await rooms.close();
  });

  it('[SYNC15] saves everything on close and closes every member with 1012', async () => {
    const { rooms, storage } = registry();
    const closes: number[] = [];
    const m = { ...member(1), close: (code: number) => closes.push(code) };
    const room = await rooms.join(key, m);
    room.applyUpdate(m, update('saved at close'), null);
    expect(await rooms.close()).toBe(0);
    expect(closes).toEqual([1012]);
    expect((await storage.load(key)).updates).toHaveLength(1);
  });
});

describe('a half-applied update', () => {
  // Found by fuzzing: decodes as a Yjs update, integrates its first struct, then throws.
  const poisoned = new Uint8Array([
    1, 4, 1, 0, 4, 1, 1, 116, 2, 115, 111, 129, 1, 125, 3, 132, 1, 4, 4, 116, 101, 120, 116, 40, 1,
    1, 109, 4, 103, 111, 97, 108, 1, 118, 1, 5, 116, 105, 116, 108, 50, 119, 1, 120, 1, 1, 1, 2, 3,
  ]);

  it('[SYNC14] is neither saved nor relayed; the room resets and reloads clean', async () => {
    expect(() => Y.decodeUpdate(poisoned)).not.toThrow();
    const { rooms, storage } = registry();
    const closes: number[] = [];
    const sender = member(1);
    const bystander = { ...member(2), close: (code: number) => closes.push(code) };
    const room = await rooms.join(key, sender);
    await rooms.join(key, bystander);
    room.applyUpdate(sender, update('accepted before'), null);
    bystander.sent.length = 0;

    expect(() => room.applyUpdate(sender, poisoned, null)).toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(bystander.sent.filter((m) => m.type === 'sync-update')).toEqual([]);
    expect(closes).toEqual([4500]);
    expect(rooms.isLoaded(key)).toBe(false);

    await room.whenSaved();
    const saved = await storage.changesOf(key);
    expect(saved).toHaveLength(1); // only the update accepted before
    const fresh = await rooms.join(key, member(3));
    expect(fresh).not.toBe(room);
    expect(fresh.doc.getText('t').toString()).toBe('accepted before');
    await rooms.close();
  });
});
