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

const key: DocumentKey = { organisationId: 'org', name: 'goals/doc' };
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
    sendFrame: (frame) => sent.push(decodeMessage(frame)),
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

  it('[SYNC5] acknowledges the durable state vector to every member after the commit', async () => {
    const { rooms } = registry();
    const a = member(1);
    const b = member(2);
    const room = await rooms.join(key, a);
    await rooms.join(key, b);
    room.applyUpdate(a, update('hi'), null);
    await room.whenSaved();
    const durable = Y.encodeStateVector(room.doc);
    for (const m of [a, b]) {
      const last = m.sent.at(-1)!;
      expect(last.type).toBe('ack');
      expect(encodeMessage(last)).toEqual(encodeMessage({ type: 'ack', stateVector: durable }));
    }
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
