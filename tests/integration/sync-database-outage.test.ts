// The database out of reach while people edit (SYNC28–SYNC32, SC11). The sync server talks to
// PostgreSQL through a TCP proxy the test can switch: `refuse` is a database that went down
// (connections reset), `silence` a network that drops packets without a word. Editing goes on
// throughout, and every edit is saved once the database is back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPool, type Pool } from '@threadline/db';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { stateVectorCovers } from '@threadline/domain/protocol/state-vector';
import { PostgresDocumentStorage } from '@threadline/sync-server/persistence/postgres-storage';
import { startSyncServer, type RunningSyncServer } from '@threadline/sync-server/server';
import { startTcpProxy, throughProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { useTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { addOwnGoal, openClient, titleText } from './sync-client-support.ts';
import { eventually, goalEditor, goalTree, openRaw, recordingLogger } from './sync-support.ts';

let db: TestDatabase;
let proxy: TcpProxy;
let serverPool: Pool;
let server: RunningSyncServer;
const logs = recordingLogger();

/** A failed save waits this long before its own retry: far longer than any outage here, so
 *  a save that comes sooner was brought forward by the database answering again (SYNC30). */
const BACKOFF_MS = 8000;

beforeAll(async () => {
  db = await useTestDatabase();
  const target = new URL(db.url);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  // Short timeouts, so a silent outage fails the save within seconds (SYNC31).
  serverPool = createPool(throughProxy(db.url, proxy), 10, {
    connectMs: 1000,
    statementMs: 1500,
    keepAliveDelayMs: 1000,
  });
  server = await startSyncServer({
    db: serverPool,
    log: logs.log,
    port: 0,
    hostname: '127.0.0.1',
    config: {
      saveRetry: { initialMs: BACKOFF_MS, maxMs: BACKOFF_MS },
      databaseProbe: { intervalMs: 200, timeoutMs: 1000 },
    },
  });
});
afterEach(() => proxy.resume());
afterAll(async () => {
  proxy.resume();
  await server.close();
  await serverPool.end();
  await proxy.close();
});

const http = (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);

/** Writers with a goal each in one goal tree, joined and saved before the outage. */
async function writersOf(count: number) {
  const tree = await goalTree(db.pool);
  const writers = await Promise.all(
    Array.from({ length: count }, async () => {
      const client = await openRaw(server.port, tree.documentName, tree.cookie);
      const mine = goalEditor(tree.personId);
      for (const update of mine.take()) client.sendUpdate(update);
      await client.until(() => stateVectorCovers(client.lastAck(), mine.stateVector()));
      return { client, mine };
    }),
  );
  return { tree, writers };
}

type Writer = Awaited<ReturnType<typeof writersOf>>['writers'][number];

function edit(writers: Writer[], title: string) {
  for (const { client, mine } of writers) {
    mine.doc.transact(() => mine.retitle(title));
    for (const update of mine.take()) client.sendUpdate(update);
  }
}

/** Each writer retitles its goal ten times, 100 ms apart, as someone typing would. */
async function keepEditing(writers: Writer[], label: string) {
  for (let n = 0; n < 10; n++) {
    edit(writers, `${label} ${n}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const saveStates = (writer: Writer) =>
  writer.client.received.flatMap((m) => (m.type === 'save-status' ? [m.state] : []));

const allSaved = (writers: Writer[]) =>
  writers.every(({ client, mine }) => stateVectorCovers(client.lastAck(), mine.stateVector()));

/** The document as the log holds it, read past the proxy: what a restart would load. */
async function durableTitles(tree: { organisationId: string; documentName: string }) {
  const storage = new PostgresDocumentStorage(db.pool);
  const loaded = await storage.load({
    organisationId: tree.organisationId,
    name: tree.documentName,
  });
  const doc = new Y.Doc();
  for (const update of loaded.updates) Y.applyUpdate(doc, update);
  return doc;
}

async function expectEveryEditDurable(
  tree: Awaited<ReturnType<typeof writersOf>>['tree'],
  writers: Writer[],
) {
  const durable = await durableTitles(tree);
  for (const { mine } of writers) {
    const title = titleText(durable, mine.goalId).toString();
    expect(title).toBe(mine.text.toString());
  }
}

describe('a database outage', () => {
  it('[SYNC29] accepts a websocket opened while the database is out of reach and closes it with 1013, logged', async () => {
    const tree = await goalTree(db.pool);
    proxy.refuse();
    // Nothing has failed yet: admission itself finds the database gone.
    const first = await openRaw(server.port, tree.documentName, tree.cookie);
    expect(await first.closed).toBe(CloseCode.TryAgainLater);
    // Known to be down now: turned away without asking the database again.
    const second = await openRaw(server.port, tree.documentName, tree.cookie);
    expect(await second.closed).toBe(CloseCode.TryAgainLater);
    expect(
      logs.lines.some((line) => line.msg === 'could not admit a sync connection; retry later'),
    ).toBe(true);
    expect(
      logs.lines.some((line) => line.msg === 'refused a sync connection' && line.code === 1013),
    ).toBe(true);

    proxy.resume();
    await eventually(() => server.health.reachable);
    const third = await openRaw(server.port, tree.documentName, tree.cookie);
    await third.until(() => third.acks().length > 0);
    expect(third.closeCode).toBeUndefined();
  });

  it('[SYNC28] answers /healthz and /livez 200 throughout, and /readyz 503 with the updates waiting until the database returns', async () => {
    const { writers } = await writersOf(2);
    proxy.refuse();
    edit(writers, 'During the outage');
    await eventually(() => writers.every((writer) => saveStates(writer).includes('delayed')));

    for (const path of ['/healthz', '/livez']) {
      const response = await http(path);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    }
    const notReady = await http('/readyz');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({
      status: 'not-ready',
      database: 'unreachable',
      unsavedUpdates: expect.any(Number),
    });
    expect(server.rooms.unsavedCount).toBeGreaterThan(0);

    proxy.resume();
    await eventually(() => allSaved(writers), 5000);
    const ready = await http('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      database: 'reachable',
      unsavedUpdates: 0,
    });
  });

  it('[SYNC30] [SYNC32] tells four writers their saves are delayed, then saves every edit as soon as the database answers, not when the backoff ends', async () => {
    const { tree, writers } = await writersOf(4);
    proxy.refuse();
    await keepEditing(writers, 'Outage edit');
    await eventually(() => writers.every((writer) => saveStates(writer).includes('delayed')));
    expect(allSaved(writers)).toBe(false);

    proxy.resume();
    const back = Date.now();
    await eventually(() => allSaved(writers), BACKOFF_MS);
    // The probe (every 200 ms) brought the retry forward; the backoff alone would wait 8 s.
    expect(Date.now() - back).toBeLessThan(BACKOFF_MS / 2);
    for (const writer of writers) {
      expect(saveStates(writer)).toEqual(['delayed', 'resumed']);
      // "resumed" comes before the acknowledgement that covers the delayed edits.
      const resumedAt = writer.client.received.findIndex(
        (m) => m.type === 'save-status' && m.state === 'resumed',
      );
      const coveredAt = writer.client.received.findIndex(
        (m) =>
          m.type === 'ack' &&
          stateVectorCovers(Y.decodeStateVector(m.stateVector), writer.mine.stateVector()),
      );
      expect(resumedAt).toBeLessThan(coveredAt);
    }
    await expectEveryEditDurable(tree, writers);
  });

  it('[SYNC31] saves every edit made during a silent outage once it ends, and keeps serving meanwhile', async () => {
    const { tree, writers } = await writersOf(4);
    proxy.silence();
    await keepEditing(writers, 'Silent edit');
    // The process serves: liveness answers at once, readiness within its probe's timeout.
    const started = Date.now();
    expect((await http('/healthz')).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(500);
    expect((await http('/readyz')).status).toBe(503);
    // The hanging save fails at the statement timeout instead of waiting forever.
    await eventually(() => writers.every((writer) => saveStates(writer).includes('delayed')), 6000);
    edit(writers, 'Last silent edit');

    proxy.resume();
    await eventually(() => allSaved(writers), BACKOFF_MS);
    await expectEveryEditDurable(tree, writers);
  });

  it('[SC11] the web client says "Saved on this device" while the server cannot save, then "All changes saved"', async () => {
    const tree = await goalTree(db.pool);
    const writer = openClient(server.port, tree.documentName, tree.cookie, {
      personId: tree.personId,
    });
    await writer.document.whenSaved();
    proxy.refuse();
    addOwnGoal(writer, tree.personId, 'Kept on this device');
    await eventually(() => writer.document.status.kind === 'save-delayed');

    proxy.resume();
    await writer.document.whenSaved();
    expect(writer.statuses).toContain('save-delayed');
    expect(writer.statuses.at(-1)).toBe('saved');
  });

  it('[SC11] [SYNC29] the web client turned away with 1013 keeps reconnecting, and saves once the database is back', async () => {
    const tree = await goalTree(db.pool);
    proxy.refuse();
    await eventually(async () => !(await server.health.probe()));
    const writer = openClient(server.port, tree.documentName, tree.cookie, {
      personId: tree.personId,
    });
    addOwnGoal(writer, tree.personId, 'Written while turned away');
    await eventually(() => writer.document.status.kind === 'save-delayed');
    await eventually(() => writer.attempts() >= 2);

    proxy.resume();
    await writer.document.whenSaved();
    expect(writer.document.status.kind).toBe('saved');
  });
});
