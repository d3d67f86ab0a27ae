import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import * as Y from 'yjs';
import { decodeMessage, type SyncMessage } from '@threadline/domain/protocol/messages';
import { addMeeting, addPoint } from '@threadline/domain/one-on-ones/edits';
import { agendaOf } from '@threadline/domain/one-on-ones/agenda';
import type { SeriesActor } from '@threadline/domain/one-on-ones/update-check';
import { resolveConfig } from '../../config.ts';
import { createSyncMetrics } from '../../operations/metrics.ts';
import type { DocumentKey, LoggedUpdate } from '../../persistence/document-storage.ts';
import { MemoryDocumentStorage } from '../../persistence/memory-storage.ts';
import { agendaKind } from './kinds.ts';
import type { RoomMember } from '../../rooms/room-member.ts';
import { RoomRegistry } from '../../rooms/room-registry.ts';
import type { Fanout } from '../../scale-out/fanout.ts';

const manager = 'a0000000-0000-4000-8000-000000000001';
const employee = 'a0000000-0000-4000-8000-000000000002';
const as = (personId: string): SeriesActor => ({
  personId,
  managerId: manager,
  employeeId: employee,
});
const key: DocumentKey = {
  organisationId: 'org',
  name: 'one-on-one/c0000000-0000-4000-8000-000000000001',
};
const meeting = '2026-12-07';
const point = (n: number) => `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Commits that take longer than a client's reconnect (100 ms in y-websocket): held until let go. */
class SlowStorage extends MemoryDocumentStorage {
  #gate: Promise<void> = Promise.resolve();
  #open: () => void = () => {};
  hold() {
    this.#gate = new Promise((resolve) => (this.#open = resolve));
  }
  release() {
    this.#open();
  }
  override append(k: DocumentKey, updates: readonly LoggedUpdate[]) {
    return this.#gate.then(() => super.append(k, updates));
  }
}

function member(id: number, personId: string) {
  const sent: SyncMessage[] = [];
  const closes: number[] = [];
  const m: RoomMember & { sent: SyncMessage[]; closes: number[] } = {
    id,
    personId,
    personName: personId,
    mode: 'read-write',
    sent,
    closes,
    send: (message) => sent.push(message),
    sendFrame: (frame) => sent.push(decodeMessage(frame.bytes)),
    close: (code: number) => closes.push(code),
  };
  return m;
}

/** A client's replica: edits it makes, as the update it sends. */
function edit(doc: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change();
  return Y.encodeStateAsUpdate(doc, before);
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A node's rooms serving the agenda kind alone. */
function registry(storage: MemoryDocumentStorage, fanout?: Fanout) {
  return new RoomRegistry({
    storage,
    config: resolveConfig({ idleUnloadMs: 60_000 }),
    metrics: createSyncMetrics(),
    log: pino({ level: 'silent' }),
    kinds: { 'one-on-one': agendaKind },
    ...(fanout ? { fanout } : {}),
  });
}

describe('a refusal judged in place (SYNC17)', () => {
  it('[SYNC17] the room that replaces a reset one holds every update the reset one accepted, and the bystander resyncs', async () => {
    const storage = new SlowStorage();
    const rooms = registry(storage);
    const managerDoc = new Y.Doc();
    managerDoc.clientID = 21;
    const employeeDoc = new Y.Doc();
    employeeDoc.clientID = 22;
    const m = member(1, manager);
    const e = member(2, employee);
    const room = await rooms.join(key, m);
    await rooms.join(key, e);
    const first = edit(managerDoc, () => addMeeting(managerDoc, meeting, meeting, { by: manager }));
    expect(room.applyUpdate(m, first, as(manager))).toEqual({ applied: true });
    await room.whenSaved();
    Y.applyUpdate(employeeDoc, first);

    // The manager adds a point; it is accepted and relayed, its commit is slow.
    storage.hold();
    const typed = edit(managerDoc, () =>
      addPoint(
        managerDoc,
        point(1),
        { meetingId: meeting, section: 'align', text: 'Typed' },
        { by: manager },
      ),
    );
    expect(room.applyUpdate(m, typed, as(manager))).toEqual({ applied: true });
    await turn();
    for (const message of e.sent)
      if (message.type === 'sync-update') Y.applyUpdate(employeeDoc, message.update);
    expect(agendaOf(employeeDoc, meeting).align.map((p) => p.text)).toEqual(['Typed']);

    // Then a refused update (a forged author): judged in place, the room resets.
    const forged = edit(managerDoc, () =>
      addPoint(
        managerDoc,
        point(2),
        { meetingId: meeting, section: 'track', text: 'Forged' },
        { by: employee },
      ),
    );
    expect(room.applyUpdate(m, forged, as(manager))).toMatchObject({
      applied: false,
      reason: 'forbidden',
    });
    expect(e.closes).toEqual([4500]);

    // The employee's client reconnects (100 ms later) before the slow commit went through, and
    // answers the new room's sync step 1 with what it holds: the manager's accepted point.
    const again = member(3, employee);
    const joining = rooms.join(key, again);
    await turn();
    storage.release(); // the commit goes through at last
    const fresh = await joining;
    expect(fresh).not.toBe(room);
    const serverVector = Y.encodeStateVector(fresh.doc);
    const answer = Y.encodeStateAsUpdate(employeeDoc, serverVector);
    // Refused today: the fresh room lacks the point, so it arrives from the employee, authored
    // by the manager: the employee is sent 4409 and drops its replica, the room resets again.
    expect(fresh.applyUpdate(again, answer, as(employee))).toEqual({ applied: true });

    await room.whenSaved();
    // The point the reset room accepted (and then saved) is in the room that replaced it.
    expect(agendaOf(fresh.doc, meeting).align.map((p) => p.text)).toEqual(['Typed']);
    await rooms.close();
  });

  it('[SYNC25] a reset room nobody comes back to stops listening to the other nodes', async () => {
    const subscribed: string[] = [];
    const fanout: Fanout = {
      nodeId: 'this-node',
      subscribe: async (k) => void subscribed.push(k.name),
      unsubscribe: (k) => void subscribed.splice(subscribed.indexOf(k.name), 1),
      publish: () => {},
      onReconnect: () => {},
      close: async () => {},
    };
    const rooms = registry(new MemoryDocumentStorage(), fanout);
    const doc = new Y.Doc();
    const m = member(1, manager);
    const room = await rooms.join(key, m);
    expect(subscribed).toEqual([key.name]);
    const forged = edit(doc, () =>
      addPoint(
        doc,
        point(3),
        { meetingId: meeting, section: 'align', text: 'x' },
        { by: employee },
      ),
    );
    expect(room.applyUpdate(m, forged, as(manager))).toMatchObject({ applied: false });
    await room.whenSaved();
    await turn();
    expect(subscribed).toEqual([]);
    await rooms.close();
  });
});
