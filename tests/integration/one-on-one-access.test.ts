// Who may open a 1:1 series' documents and write to them, through a real sync server on a real
// PostgreSQL (ONE2–ONE6), and what a tampered client gets for trying more (ONE14, SYNC17).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { agendaOf, meetings } from '@threadline/domain/one-on-ones/agenda';
import {
  addMeeting,
  addPoint,
  ensureNextMeeting,
  setMood,
} from '@threadline/domain/one-on-ones/edits';
import { notesOf } from '@threadline/domain/one-on-ones/shape';
import { setHrMayReadOneOnOnes } from '@threadline/db/one-on-ones';
import { createOrganisation, createSeries } from '../support/factories.ts';
import { useSyncServer } from '../support/sync-server.ts';
import { eventually, metricValue, openRaw, signInWith } from './sync-support.ts';

const sync = useSyncServer();
const meeting = '2026-12-07';

/** A manager, their report, the manager's manager, an HR admin and their running series. */
async function pair() {
  const organisationId = (await createOrganisation(sync.db.pool)).id;
  const director = await signInWith(sync.db.pool, organisationId);
  const manager = await signInWith(sync.db.pool, organisationId, { managerId: director.personId });
  const employee = await signInWith(sync.db.pool, organisationId, { managerId: manager.personId });
  const hr = await signInWith(sync.db.pool, organisationId, { role: 'admin' });
  const seriesId = await createSeries(
    sync.db.pool,
    organisationId,
    manager.personId,
    employee.personId,
  );
  return { organisationId, director, manager, employee, hr, seriesId };
}

/** The update a client (Yjs client id `clientId`) sends for `change` on an empty replica. */
function update(change: (doc: Y.Doc) => void, clientId?: number): Uint8Array {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  change(doc);
  return Y.mergeUpdates(updates);
}

async function open(name: string, cookie: string) {
  const socket = await openRaw(sync.port, name, cookie);
  await Promise.race([
    socket.until(() => socket.received.some((m) => m.type === 'access')),
    socket.closed,
  ]);
  return socket;
}

const modeOf = (socket: Awaited<ReturnType<typeof open>>) =>
  socket.received.filter((m) => m.type === 'access').at(-1)?.mode;

describe('1:1 access', () => {
  it('[ONE2] lets both members write the shared agenda, and saves what they write', async () => {
    const p = await pair();
    const name = `one-on-one/${p.seriesId}`;
    const manager = await open(name, p.manager.cookie);
    const employee = await open(name, p.employee.cookie);
    expect([modeOf(manager), modeOf(employee)]).toEqual(['read-write', 'read-write']);
    manager.sendUpdate(
      update((doc) => {
        addMeeting(doc, meeting, meeting, { by: p.manager.personId });
        addPoint(
          doc,
          'b0000000-0000-4000-8000-000000000001',
          { meetingId: meeting, section: 'align', text: 'Roadmap' },
          { by: p.manager.personId },
        );
      }),
    );
    await manager.until(() => manager.acks().length > 1);
    await employee.until(() => employee.received.some((m) => m.type === 'sync-update'));
    expect(manager.received.some((m) => m.type === 'refused')).toBe(false);
  });

  it('[ONE4] keeps a skip-level manager and HR out of the agenda while the setting is off', async () => {
    const p = await pair();
    const name = `one-on-one/${p.seriesId}`;
    expect(await (await open(name, p.director.cookie)).closed).toBe(CloseCode.Forbidden);
    expect(await (await open(name, p.hr.cookie)).closed).toBe(CloseCode.Forbidden);
  });

  it('[ONE4] [SYNC23] lets HR read, never write, while the setting is on, and closes them when it goes off', async () => {
    const p = await pair();
    await setHrMayReadOneOnOnes(sync.db.pool, p.organisationId, true);
    const name = `one-on-one/${p.seriesId}`;
    const hr = await open(name, p.hr.cookie);
    expect(modeOf(hr)).toBe('read-only');
    hr.sendUpdate(update((doc) => addMeeting(doc, meeting, meeting, { by: p.hr.personId })));
    expect(await hr.closed).toBe(CloseCode.ChangeRefused);
    expect(hr.received).toContainEqual({ type: 'refused', reason: 'read-only' });

    const again = await open(name, p.hr.cookie);
    await setHrMayReadOneOnOnes(sync.db.pool, p.organisationId, false);
    expect(await again.closed).toBe(CloseCode.Forbidden);
  });

  it('[ONE3] [SYNC23] turns the series read-only for both members the moment the reporting line changes', async () => {
    const p = await pair();
    const name = `one-on-one/${p.seriesId}`;
    const manager = await open(name, p.manager.cookie);
    const employee = await open(name, p.employee.cookie);
    const newManager = await signInWith(sync.db.pool, p.organisationId);
    await sync.db.pool.query('UPDATE people SET manager_id = $2 WHERE id = $1', [
      p.employee.personId,
      newManager.personId,
    ]);
    await eventually(() => modeOf(manager) === 'read-only' && modeOf(employee) === 'read-only');
    manager.sendUpdate(
      update((doc) => addMeeting(doc, meeting, meeting, { by: p.manager.personId })),
    );
    expect(await manager.closed).toBe(CloseCode.ChangeRefused);
    // The former manager still reads the meetings they held; the new one never sees them.
    expect(modeOf(await open(name, p.manager.cookie))).toBe('read-only');
    expect(await (await open(name, newManager.cookie)).closed).toBe(CloseCode.Forbidden);
  });

  it('[ONE5] opens private notes to their author alone, HR setting or not', async () => {
    const p = await pair();
    await setHrMayReadOneOnOnes(sync.db.pool, p.organisationId, true);
    const name = `private-notes/${p.seriesId}/${p.manager.personId}`;
    const own = await open(name, p.manager.cookie);
    expect(modeOf(own)).toBe('read-write');
    own.sendUpdate(
      update((doc) => notesOf(doc, meeting).insert(0, [new Y.XmlElement('paragraph')])),
    );
    await own.until(() => own.acks().length > 1);
    for (const other of [p.employee, p.hr, p.director]) {
      expect(await (await open(name, other.cookie)).closed).toBe(CloseCode.Forbidden);
    }
  });

  it('[ONE6] lets the employee set their mood and the manager only read it; HR never opens it', async () => {
    const p = await pair();
    await setHrMayReadOneOnOnes(sync.db.pool, p.organisationId, true);
    const name = `one-on-one-mood/${p.seriesId}`;
    const employee = await open(name, p.employee.cookie);
    employee.sendUpdate(update((doc) => setMood(doc, meeting, 4, { by: p.employee.personId })));
    await employee.until(() => employee.acks().length > 1);
    const manager = await open(name, p.manager.cookie);
    expect(modeOf(manager)).toBe('read-only');
    manager.sendUpdate(update((doc) => setMood(doc, meeting, 5, { by: p.manager.personId })));
    expect(await manager.closed).toBe(CloseCode.ChangeRefused);
    expect(await (await open(name, p.hr.cookie)).closed).toBe(CloseCode.Forbidden);
  });

  it('[ONE14] refuses a point written in the other member’s name, and saves nothing of it', async () => {
    const p = await pair();
    const name = `one-on-one/${p.seriesId}`;
    const employee = await open(name, p.employee.cookie);
    employee.sendUpdate(
      update((doc) => {
        addMeeting(doc, meeting, meeting, { by: p.employee.personId });
        addPoint(
          doc,
          'b0000000-0000-4000-8000-000000000002',
          { meetingId: meeting, section: 'align', text: 'Forged' },
          { by: p.manager.personId },
        );
      }),
    );
    expect(await employee.closed).toBe(CloseCode.ChangeRefused);
    expect(employee.received).toContainEqual({ type: 'refused', reason: 'forbidden' });
    const { rows } = await sync.db.pool.query(
      'SELECT 1 FROM document_updates WHERE document_name = $1',
      [name],
    );
    expect(rows).toHaveLength(0);
  });

  it('[ONE14] [SYNC17] a refusal judged in place resets the room: the other member reconnects to what was saved, never to what was refused', async () => {
    const p = await pair();
    const name = `one-on-one/${p.seriesId}`;
    const manager = await open(name, p.manager.cookie);
    const kept = update((doc) => {
      addMeeting(doc, meeting, meeting, { by: p.manager.personId });
      addPoint(
        doc,
        'b0000000-0000-4000-8000-000000000001',
        { meetingId: meeting, section: 'align', text: 'Kept' },
        { by: p.manager.personId },
      );
    }, 21);
    manager.sendUpdate(kept);
    await manager.until(() => (manager.lastAck().get(21) ?? 0) > 0);
    const resets = () => metricValue(sync.port, 'sync_room_resets_total', { why: 'refused' });
    const resetsBefore = await resets();
    const employee = await open(name, p.employee.cookie);
    employee.sendUpdate(
      update((doc) => {
        addPoint(
          doc,
          'b0000000-0000-4000-8000-000000000002',
          { meetingId: meeting, section: 'track', text: 'Forged' },
          { by: p.manager.personId },
        );
      }, 22),
    );
    expect(await employee.closed).toBe(CloseCode.ChangeRefused);
    expect(employee.received).toContainEqual({ type: 'refused', reason: 'forbidden' });
    // The room held the refused point in memory: its other member is sent to a fresh one.
    expect(await manager.closed).toBe(CloseCode.ServerError);
    expect(await resets()).toBe(resetsBefore + 1);
    const relayed = manager.received.filter((m) => m.type === 'sync-update');
    expect(relayed).toHaveLength(0);
    const again = await open(name, p.manager.cookie);
    again.send({ type: 'sync-step-1', stateVector: Y.encodeStateVector(new Y.Doc()) });
    await again.until(() => again.received.some((m) => m.type === 'sync-step-2'));
    const doc = new Y.Doc();
    for (const message of again.received) {
      if (message.type === 'sync-step-2' || message.type === 'sync-update') {
        Y.applyUpdate(doc, message.update);
      }
    }
    const texts = agendaOf(doc, meeting).align.map((point) => point.text);
    expect(texts).toEqual(['Kept']);
    expect(agendaOf(doc, meeting).track).toHaveLength(0);
    const { rows } = await sync.db.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM document_updates WHERE document_name = $1',
      [name],
    );
    expect(Number(rows[0]!.n)).toBe(1);
    again.close();
  });

  for (const [managerClient, employeeClient] of [
    [11, 12],
    [12, 11],
  ] as const) {
    it(`[ONE8] [ONE14] accepts both members creating the next meeting at once, whichever entry Yjs keeps (clients ${managerClient}/${employeeClient})`, async () => {
      const p = await pair();
      const name = `one-on-one/${p.seriesId}`;
      const series = { startsOn: meeting, cadence: 'weekly' as const };
      const members = [
        { who: p.manager, clientId: managerClient, point: 'b0000000-0000-4000-8000-000000000011' },
        {
          who: p.employee,
          clientId: employeeClient,
          point: 'b0000000-0000-4000-8000-000000000012',
        },
      ];
      // Both open the empty agenda and create the next meeting offline; the manager's update
      // reaches the server first, then the employee's (the client ids decide which entry wins).
      const sockets = await Promise.all(members.map((m) => open(name, m.who.cookie)));
      for (const [i, m] of members.entries()) {
        const socket = sockets[i]!;
        socket.sendUpdate(
          update((doc) => {
            const day = ensureNextMeeting(doc, series, meeting, { by: m.who.personId });
            addPoint(
              doc,
              m.point,
              { meetingId: day, section: 'align', text: `From ${m.clientId}` },
              { by: m.who.personId },
            );
          }, m.clientId),
        );
        await Promise.race([
          socket.until(() => socket.acks().some((ack) => ack.has(m.clientId))),
          socket.closed,
        ]);
      }
      expect(sockets.map((s) => s.received.some((m) => m.type === 'refused'))).toEqual([
        false,
        false,
      ]);
      const { rows } = await sync.db.pool.query<{ update: Buffer }>(
        'SELECT update FROM document_updates WHERE document_name = $1 ORDER BY seq',
        [name],
      );
      const saved = new Y.Doc();
      for (const row of rows) Y.applyUpdate(saved, new Uint8Array(row.update));
      expect(meetings(saved).map((m) => m.id)).toEqual([meeting]);
      expect(
        agendaOf(saved, meeting)
          .align.map((point) => point.text)
          .sort(),
      ).toEqual(['From 11', 'From 12']);
    });
  }
});
