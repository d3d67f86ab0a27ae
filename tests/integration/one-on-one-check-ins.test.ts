// A check-in made in a 1:1's agenda moves the goal (ONE18–ONE22): the agenda's validator refuses
// one its sender may not make, and the server applies an accepted one to the goal tree through
// its room — live to whoever has the goals open — exactly once, with its source; an apply that
// failed is tried again (counted only when the failure is the row's own), rows a node left are
// swept oldest first, a row one node is applying is not taken over by another (ONE50, ONE51), and
// a goal added moments before can be checked in (ONE52).
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { readGoalMap } from '@threadline/domain/goals/document';
import { addGoal } from '@threadline/domain/goals/edits';
import { goalLog, goalMap } from '@threadline/domain/goals/shape';
import { recordCheckIn } from '@threadline/domain/one-on-ones/check-ins';
import { addMeeting, addPoint } from '@threadline/domain/one-on-ones/edits';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { createPool } from '@threadline/db';
import { appendToDocumentLog } from '@threadline/db/document-log';
import {
  applyPendingCheckIns,
  MAX_APPLY_ATTEMPTS,
  sweepPendingCheckIns,
} from '@threadline/sync-server/documents/one-on-ones/check-ins';
import type { DocumentEffects } from '@threadline/sync-server/projection/document-projector';
import { createOrganisation, createSeries } from '../support/factories.ts';
import { startSyncServerForTest, useSyncServer } from '../support/sync-server.ts';
import {
  createCycle,
  eventually,
  openRaw,
  replicaFromServer,
  signInWith,
  type RawSocket,
} from './sync-support.ts';

const sync = useSyncServer({
  config: {
    projection: {
      delayMs: 50,
      maxDelayMs: 200,
      allEveryMs: 3_600_000,
      retry: { initialMs: 100, maxMs: 1000 },
    },
    // The replay below unloads an agenda, as a restart would.
    idleUnloadMs: 200,
  },
});
// A second node on the same database (no Redis: each node's goal tree is its own replica).
const otherNode = useSyncServer({}, sync);
const meeting = '2026-03-02';

/** What a fresh client sends after `change`. */
function update(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  change(doc);
  return Y.mergeUpdates(updates);
}

async function acked(socket: RawSocket, count: number) {
  await socket.until(() => socket.acks().length >= count || socket.closeCode !== undefined);
  expect(socket.closeCode).toBeUndefined();
}

/** A manager, their report and another report, the series of the first two, and a cycle. */
async function seriesAndCycle() {
  const organisationId = (await createOrganisation(sync.db.pool)).id;
  const manager = await signInWith(sync.db.pool, organisationId);
  const employee = await signInWith(sync.db.pool, organisationId, {
    managerId: manager.personId,
  });
  const peer = await signInWith(sync.db.pool, organisationId, { managerId: manager.personId });
  const seriesId = await createSeries(
    sync.db.pool,
    organisationId,
    manager.personId,
    employee.personId,
  );
  const cycleId = await createCycle(sync.db.pool, organisationId);
  return { organisationId, manager, employee, peer, seriesId, cycleId };
}

/** A goal of `person`'s own, added as the goals page would. */
async function addOwnGoal(
  cycleId: string,
  person: { personId: string; cookie: string },
  title: string,
) {
  let goalId = '';
  const socket = await openRaw(sync.port, `goals/${cycleId}`, person.cookie);
  await socket.until(() => socket.acks().length > 0);
  socket.sendUpdate(
    update((doc) => {
      goalId = addGoal(
        doc,
        {
          title,
          level: 'person',
          state: 'draft',
          ownerId: person.personId,
          parentId: null,
          metric: { kind: 'number', start: 0, target: 100 },
        },
        { by: person.personId },
      );
    }),
  );
  await acked(socket, 2);
  return { goalId, socket };
}

/** The series with a goal each for the employee and their peer, both projected. */
async function setUp() {
  const { organisationId, manager, employee, peer, seriesId, cycleId } = await seriesAndCycle();
  const goalsName = `goals/${cycleId}`;
  const own = await addOwnGoal(cycleId, employee, 'Close 100 support tickets');
  const peers = await addOwnGoal(cycleId, peer, 'Peer’s goal');
  await eventually(async () => {
    const { rows } = await sync.db.pool.query(
      'SELECT 1 FROM goal_analytics WHERE organisation_id = $1',
      [organisationId],
    );
    return rows.length === 2;
  }, 5000);
  return { organisationId, manager, employee, peer, seriesId, cycleId, goalsName, own, peers };
}

type Series = Awaited<ReturnType<typeof setUp>>;

/** Writes a check-in row as the agenda's projection does, not applied yet: by default the
 *  employee's 40 on their own goal, in the series' meeting of 2 March. */
async function writeCheckInRow(
  series: Series,
  checkInId: string,
  row: {
    seriesId?: string;
    goalId?: string;
    by?: string;
    day?: string;
    at?: string;
    value?: number;
  },
) {
  const day = row.day ?? meeting;
  await sync.db.pool.query(
    `INSERT INTO one_on_one_check_ins
       (organisation_id, series_id, check_in_id, meeting_id, meeting_day, goal_id, cycle_id,
        value, by_person_id, at)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10)`,
    [
      series.organisationId,
      row.seriesId ?? series.seriesId,
      checkInId,
      day,
      day,
      row.goalId ?? series.own.goalId,
      series.cycleId,
      row.value ?? 40,
      row.by ?? series.employee.personId,
      row.at ?? `${day}T10:00:00Z`,
    ],
  );
}

/** A check-in row as the agenda's projection writes it, not applied yet (as a node that died
 *  between writing and applying it leaves it). */
async function pendingRow(series: Series, checkInId: string) {
  const { organisationId, seriesId, own } = series;
  await writeCheckInRow(series, checkInId, {});
  const key = { organisationId, name: `one-on-one/${seriesId}` };
  const row = async () =>
    (
      await sync.db.pool.query<{ outcome: string | null; attempts: number }>(
        `SELECT outcome, attempts FROM one_on_one_check_ins
          WHERE series_id = $1 AND check_in_id = $2`,
        [seriesId, checkInId],
      )
    ).rows[0]!;
  // The goal's log as saved: how many entries carry the check-in (ONE51 reads repeats once, so
  // only the log itself shows a second apply).
  const entriesInLog = async () => {
    const loaded = await sync.server.storage.load({
      organisationId,
      name: series.goalsName,
    });
    const doc = new Y.Doc();
    for (const update of loaded.updates) Y.applyUpdate(doc, update);
    const log = goalLog(goalMap(doc, own.goalId))!.toArray() as { checkIn?: { id: string } }[];
    return log.filter((entry) => entry.checkIn?.id === checkInId).length;
  };
  return { key, row, entriesInLog };
}

describe('check-ins from a 1:1', () => {
  it('[ONE18] [ONE20] [ONE22] a check-in in the agenda moves the goal once, live, with its source', async () => {
    const { organisationId, manager, employee, seriesId, cycleId, goalsName, own } = await setUp();
    // The manager watches the goal tree, as a second browser on the goals page would.
    const watcher = await openRaw(sync.port, goalsName, manager.cookie);
    const watched = await replicaFromServer(watcher);
    const agenda = await openRaw(sync.port, `one-on-one/${seriesId}`, employee.cookie);
    await agenda.until(() => agenda.acks().length > 0);
    let checkInId = '';
    agenda.sendUpdate(
      update((doc) => {
        addMeeting(doc, meeting, meeting, { by: employee.personId });
        checkInId = recordCheckIn(
          doc,
          { meetingId: meeting, goalId: own.goalId, cycleId, value: 40 },
          { by: employee.personId, at: '2026-03-02T10:00:00.000Z' },
        );
      }),
    );
    await acked(agenda, 2);

    const row = async () =>
      (
        await sync.db.pool.query<{ outcome: string | null; meeting_day: string }>(
          `SELECT outcome, to_char(meeting_day, 'YYYY-MM-DD') AS meeting_day
             FROM one_on_one_check_ins WHERE series_id = $1 AND check_in_id = $2`,
          [seriesId, checkInId],
        )
      ).rows[0];
    await eventually(async () => (await row())?.outcome === 'applied', 5000);
    expect((await row())?.meeting_day).toBe(meeting);

    // Live to the goals page: the watcher's replica receives the server's check-in.
    await watcher.until(() => {
      for (const m of watcher.received) {
        if (m.type === 'sync-update') Y.applyUpdate(watched, m.update);
      }
      return readGoalMap(own.goalId, goalMap(watched, own.goalId)!).checkIns.length === 1;
    });
    const goal = readGoalMap(own.goalId, goalMap(watched, own.goalId)!);
    expect(goal.metric.current).toBe(40);
    expect(goal.checkIns).toEqual([
      {
        id: checkInId,
        value: 40,
        progress: 0.4,
        at: '2026-03-02T10:00:00.000Z',
        by: employee.personId,
        source: { oneOnOne: seriesId, on: meeting },
      },
    ]);
    // Projected like any change of the goal.
    await eventually(async () => {
      const { rows } = await sync.db.pool.query<{ metric_current: number }>(
        'SELECT metric_current FROM goal_analytics WHERE goal_id = $1',
        [own.goalId],
      );
      return rows[0]?.metric_current === 40;
    }, 5000);

    // A replay (the row's outcome lost, as after a crash: the agenda unloads and is loaded again,
    // and its first projection applies what is pending) finds the goal holding it: nothing twice.
    await sync.db.pool.query(
      'UPDATE one_on_one_check_ins SET outcome = NULL, claimed_at = NULL WHERE check_in_id = $1',
      [checkInId],
    );
    const agendaKey = { organisationId, name: `one-on-one/${seriesId}` };
    agenda.close();
    await eventually(async () => !sync.server.rooms.isLoaded(agendaKey), 5000);
    const reopened = await openRaw(sync.port, `one-on-one/${seriesId}`, employee.cookie);
    reopened.sendUpdate(
      update((doc) =>
        addPoint(
          doc,
          'b0000000-0000-4000-8000-000000000001',
          { meetingId: meeting, section: 'track', text: 'Tickets' },
          { by: employee.personId },
        ),
      ),
    );
    await eventually(async () => (await row())?.outcome === 'present', 5000);
    const fresh = await openRaw(sync.port, goalsName, manager.cookie);
    const replica = await replicaFromServer(fresh);
    expect(readGoalMap(own.goalId, goalMap(replica, own.goalId)!).checkIns).toHaveLength(1);
  });

  it('[ONE19] a check-in on a goal that is not the employee’s is refused by the server', async () => {
    const { employee, seriesId, cycleId, peers } = await setUp();
    const agenda = await openRaw(sync.port, `one-on-one/${seriesId}`, employee.cookie);
    await agenda.until(() => agenda.acks().length > 0);
    agenda.sendUpdate(
      update((doc) => {
        addMeeting(doc, meeting, meeting, { by: employee.personId });
        recordCheckIn(
          doc,
          { meetingId: meeting, goalId: peers.goalId, cycleId, value: 90 },
          { by: employee.personId },
        );
      }),
    );
    expect(await agenda.closed).toBe(CloseCode.ChangeRefused);
    expect(agenda.received.some((m) => m.type === 'refused' && m.reason === 'forbidden')).toBe(
      true,
    );
    const { rows } = await sync.db.pool.query(
      'SELECT 1 FROM one_on_one_check_ins WHERE series_id = $1',
      [seriesId],
    );
    expect(rows).toEqual([]);
  });

  it('[ONE21] a goal tree seeded while no server ran is projected when the server starts', async () => {
    const organisationId = (await createOrganisation(sync.db.pool)).id;
    const employee = await signInWith(sync.db.pool, organisationId);
    const cycleId = await createCycle(sync.db.pool, organisationId);
    const goalId = 'f0000000-0000-4000-8000-000000000001';
    await appendToDocumentLog(sync.db.pool, [
      {
        organisationId,
        documentName: `goals/${cycleId}`,
        personId: null,
        receivedAt: new Date(),
        update: update((doc) =>
          addGoal(
            doc,
            {
              id: goalId,
              title: 'Seeded',
              level: 'person',
              ownerId: employee.personId,
              parentId: null,
            },
            { by: employee.personId },
          ),
        ),
      },
    ]);
    const projected = async () =>
      (await sync.db.pool.query('SELECT 1 FROM goal_analytics WHERE goal_id = $1', [goalId])).rows
        .length === 1;
    expect(await projected()).toBe(false);
    expect(await sync.server.projectMissing()).toBeGreaterThanOrEqual(1);
    await eventually(projected, 5000);
    // Projected once: nothing left to do.
    expect(await sync.server.projectMissing()).toBe(0);
  });

  it('[ONE50] a check-in whose apply failed is applied by the next run, not left claimed', async () => {
    const series = await setUp();
    const { key, row, entriesInLog } = await pendingRow(series, 'failed-once');
    const failing: DocumentEffects = {
      change: () => Promise.reject(new Error('the check-in does not fit its goal')),
    };
    await expect(applyPendingCheckIns(sync.db.pool, key, series.seriesId, failing)).rejects.toThrow(
      /not applied/,
    );
    expect(await row()).toEqual({ outcome: null, attempts: 1 });
    // The next run (the agenda changing again, or the sweep) applies it at once.
    expect(await applyPendingCheckIns(sync.db.pool, key, series.seriesId, sync.server.rooms)).toBe(
      1,
    );
    expect(await row()).toEqual({ outcome: 'applied', attempts: 1 });
    expect(await entriesInLog()).toBe(1);
  });

  it('[ONE50] a check-in whose apply keeps failing is given up after ten attempts, and a later one of its goal waits', async () => {
    const series = await setUp();
    const { key, row } = await pendingRow(series, 'always-fails');
    const later = await pendingRow(series, 'after-it');
    await sync.db.pool.query(
      `UPDATE one_on_one_check_ins SET at = at + interval '1 minute' WHERE check_in_id = 'after-it'`,
    );
    const failing: DocumentEffects = {
      change: () => Promise.reject(new Error('the check-in does not fit its goal')),
    };
    for (let attempt = 1; attempt < MAX_APPLY_ATTEMPTS; attempt++) {
      await expect(
        applyPendingCheckIns(sync.db.pool, key, series.seriesId, failing),
      ).rejects.toThrow();
    }
    // The later check-in of the same goal was never tried: a goal takes its values in order.
    expect(await row()).toEqual({ outcome: null, attempts: MAX_APPLY_ATTEMPTS - 1 });
    expect(await later.row()).toEqual({ outcome: null, attempts: 0 });
    await expect(
      applyPendingCheckIns(sync.db.pool, key, series.seriesId, failing),
    ).rejects.toThrow();
    expect(await row()).toEqual({ outcome: 'failed', attempts: MAX_APPLY_ATTEMPTS });
    // Given up, it no longer holds the goal's later check-ins back.
    expect(await applyPendingCheckIns(sync.db.pool, key, series.seriesId, sync.server.rooms)).toBe(
      1,
    );
    expect(await later.row()).toEqual({ outcome: 'applied', attempts: 0 });
  });

  it('[ONE50] an apply the node could not make just then (shutting down, the database out of reach) is retried without counting an attempt, and ends the run', async () => {
    const series = await setUp();
    const { key, row, entriesInLog } = await pendingRow(series, 'not-now');
    // A later check-in of another goal in the same series, which a run that met the node's
    // trouble does not try (it would meet the same).
    await writeCheckInRow(series, 'other-goal', {
      goalId: series.peers.goalId,
      at: '2026-03-02T10:05:00Z',
      value: 10,
    });
    // A node shutting down: its rooms take no change.
    const closing = await startSyncServerForTest(sync.db);
    await closing.close();
    // A node whose pool has no connection free in time to load the goal tree with.
    const starved = createPool(sync.db.url, 1, { connectMs: 50 });
    const taken = await starved.connect();
    onTestFinished(async () => {
      taken.release();
      await starved.end();
    });
    let asked = 0;
    const outOfReach: DocumentEffects = {
      async change(target, personId, edit) {
        asked += 1;
        await starved.query('SELECT 1');
        return sync.server.rooms.change(target, personId, edit);
      },
    };
    for (let run = 0; run < MAX_APPLY_ATTEMPTS; run++) {
      for (const effects of [closing.rooms, outOfReach]) {
        await expect(
          applyPendingCheckIns(sync.db.pool, key, series.seriesId, effects),
        ).rejects.toThrow(/not applied/);
      }
    }
    expect(asked).toBe(MAX_APPLY_ATTEMPTS);
    expect(await row()).toEqual({ outcome: null, attempts: 0 });
    expect(await entriesInLog()).toBe(0);
    // Once the node can, both are applied (the other goal is not the employee's), no attempt spent.
    expect(await applyPendingCheckIns(sync.db.pool, key, series.seriesId, sync.server.rooms)).toBe(
      2,
    );
    expect(await row()).toEqual({ outcome: 'applied', attempts: 0 });
    expect(await entriesInLog()).toBe(1);
  });

  it('[ONE50] the sweep takes the series whose check-ins have waited longest first', async () => {
    const series = await setUp();
    const peerSeries = await createSeries(
      sync.db.pool,
      series.organisationId,
      series.manager.personId,
      series.peer.personId,
    );
    // The older check-in in the series whose id sorts last, written last: neither the ids nor the
    // order of writing put it first.
    const [first, last] = [
      { seriesId: series.seriesId, by: series.employee.personId, goalId: series.own.goalId },
      { seriesId: peerSeries, by: series.peer.personId, goalId: series.peers.goalId },
    ].sort((a, b) => a.seriesId.localeCompare(b.seriesId));
    await writeCheckInRow(series, 'waiting', { ...first!, at: '2000-01-08T10:00:00Z' });
    await writeCheckInRow(series, 'waiting', { ...last!, at: '2000-01-01T10:00:00Z' });
    const order: (string | null)[] = [];
    const recording: DocumentEffects = {
      change(target, personId, edit) {
        if (target.organisationId === series.organisationId) order.push(personId);
        return sync.server.rooms.change(target, personId, edit);
      },
    };
    await sweepPendingCheckIns(sync.db.pool, recording, (error, key) => {
      if (key.organisationId === series.organisationId) throw error;
    });
    expect(order).toEqual([last!.by, first!.by]);
  });

  it('[ONE50] the sweep applies a check-in a node wrote but never applied', async () => {
    const series = await setUp();
    const { row, entriesInLog } = await pendingRow(series, 'left-by-a-crash');
    expect(await sync.server.sweepPending()).toBeGreaterThanOrEqual(1);
    expect((await row()).outcome).toBe('applied');
    expect(await entriesInLog()).toBe(1);
    // Swept again: nothing left to do for it.
    await sync.server.sweepPending();
    expect(await entriesInLog()).toBe(1);
  });

  it('[ONE50] [ONE51] a row a slow node is still applying is not taken over by another node', async () => {
    const series = await setUp();
    const { key, row, entriesInLog } = await pendingRow(series, 'slow-node');
    let started!: () => void;
    const applying = new Promise<void>((resolve) => (started = resolve));
    const slow: DocumentEffects = {
      async change(target, personId, edit) {
        started();
        await new Promise((resolve) => setTimeout(resolve, 800));
        return sync.server.rooms.change(target, personId, edit);
      },
    };
    const first = applyPendingCheckIns(sync.db.pool, key, series.seriesId, slow);
    await applying;
    // However old the row's claim looks (a paused node, a skewed clock), it is the first node's
    // while that node applies it: ageing it waits on the row's lock, and gives up.
    const client = await sync.db.pool.connect();
    try {
      await client.query(`SET lock_timeout = '200ms'`);
      await client
        .query(
          `UPDATE one_on_one_check_ins SET claimed_at = now() - interval '1 hour'
            WHERE series_id = $1 AND check_in_id = 'slow-node'`,
          [series.seriesId],
        )
        .catch(() => undefined);
    } finally {
      client.release();
    }
    // The other node, with a goal tree replica of its own, takes nothing.
    expect(
      await applyPendingCheckIns(sync.db.pool, key, series.seriesId, otherNode.server.rooms),
    ).toBe(0);
    expect(await first).toBe(1);
    expect((await row()).outcome).toBe('applied');
    expect(await entriesInLog()).toBe(1);
  });

  it('[ONE50] a newer check-in of a goal waits while another node applies an older one', async () => {
    const series = await setUp();
    const { key } = await pendingRow(series, 'older');
    let started!: () => void;
    const applying = new Promise<void>((resolve) => (started = resolve));
    const slow: DocumentEffects = {
      async change(target, personId, edit) {
        started();
        await new Promise((resolve) => setTimeout(resolve, 800));
        return sync.server.rooms.change(target, personId, edit);
      },
    };
    const first = applyPendingCheckIns(sync.db.pool, key, series.seriesId, slow);
    await applying;
    // Meanwhile the next week's check-in of the same goal is written: 70, after the first's 40.
    await writeCheckInRow(series, 'newer', { day: '2026-03-09', value: 70 });
    // Another node takes the newer row, but holds it back while the older one is being applied.
    expect(
      await applyPendingCheckIns(sync.db.pool, key, series.seriesId, otherNode.server.rooms),
    ).toBe(0);
    expect(await first).toBe(1);
    expect(
      await applyPendingCheckIns(sync.db.pool, key, series.seriesId, otherNode.server.rooms),
    ).toBe(1);
    // The goal as its log holds it (the two nodes wrote to it in turn).
    const loaded = await sync.server.storage.load({
      organisationId: series.organisationId,
      name: series.goalsName,
    });
    const saved = new Y.Doc();
    for (const update of loaded.updates) Y.applyUpdate(saved, update);
    const goal = readGoalMap(series.own.goalId, goalMap(saved, series.own.goalId)!);
    expect(goal.checkIns.map((checkIn) => checkIn.value)).toEqual([40, 70]);
    expect(goal.metric.current).toBe(70);
  });

  it('[ONE52] a goal added moments before is checked in from the 1:1 at once, and applied', async () => {
    const { manager, employee, seriesId, cycleId } = await seriesAndCycle();
    // The agenda is open first, and its validator has read the employee's goals: none yet.
    const agenda = await openRaw(sync.port, `one-on-one/${seriesId}`, employee.cookie);
    await agenda.until(() => agenda.acks().length > 0);
    agenda.sendUpdate(
      update((doc) => addMeeting(doc, meeting, meeting, { by: employee.personId })),
    );
    await acked(agenda, 2);
    // Then the goal, on the goals page, and straight away its check-in, before any projection.
    const { goalId } = await addOwnGoal(cycleId, employee, 'Brand new');
    let checkInId = '';
    agenda.sendUpdate(
      update((doc) => {
        checkInId = recordCheckIn(
          doc,
          { meetingId: meeting, goalId, cycleId, value: 4 },
          { by: employee.personId, at: '2026-03-02T10:00:00.000Z' },
        );
      }),
    );
    await acked(agenda, 3);
    expect(agenda.received.some((m) => m.type === 'refused')).toBe(false);
    await eventually(async () => {
      const { rows } = await sync.db.pool.query<{ outcome: string | null }>(
        'SELECT outcome FROM one_on_one_check_ins WHERE series_id = $1 AND check_in_id = $2',
        [seriesId, checkInId],
      );
      return rows[0]?.outcome === 'applied';
    }, 5000);
    const replica = await replicaFromServer(
      await openRaw(sync.port, `goals/${cycleId}`, manager.cookie),
    );
    expect(readGoalMap(goalId, goalMap(replica, goalId)!).metric.current).toBe(4);
  });

  it('[ONE52] a check-in naming a goal no goal tree holds is still refused', async () => {
    const { employee, seriesId, cycleId } = await setUp();
    const agenda = await openRaw(sync.port, `one-on-one/${seriesId}`, employee.cookie);
    await agenda.until(() => agenda.acks().length > 0);
    agenda.sendUpdate(
      update((doc) => {
        addMeeting(doc, meeting, meeting, { by: employee.personId });
        recordCheckIn(
          doc,
          { meetingId: meeting, goalId: 'f0000000-0000-4000-8000-0000000000ff', cycleId, value: 1 },
          { by: employee.personId },
        );
      }),
    );
    expect(await agenda.closed).toBe(CloseCode.ChangeRefused);
  });
});
