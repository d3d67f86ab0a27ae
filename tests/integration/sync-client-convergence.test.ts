// The web app's sync client against the real sync server on Postgres: convergence, the saved
// status, offline edits that merge, and close codes that end reconnecting (SC1–SC3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { SESSION_COOKIE_NAME } from '@threadline/db';
import { startSyncServer, type RunningSyncServer } from '@threadline/sync-server/server';
import { useTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { networkTo, openClient, sleep, textOf } from './sync-client-support.ts';
import { eventually, goalTree, signIn } from './sync-support.ts';

let db: TestDatabase;
let server: RunningSyncServer;

beforeAll(async () => {
  db = await useTestDatabase();
  server = await startSyncServer({
    db: db.pool,
    log: pino({ level: 'silent' }),
    port: 0,
    hostname: '127.0.0.1',
  });
});
afterAll(() => server.close());

describe('sync client', () => {
  it('[SC1] three clients converge and each reads "saved" once the server acknowledged', async () => {
    const tree = await goalTree(db.pool);
    const colleague = await signIn(db.pool, tree.organisationId);
    const clients = [
      openClient(server.port, tree.documentName, tree.cookie),
      openClient(server.port, tree.documentName, colleague.cookie),
      openClient(server.port, tree.documentName, tree.cookie),
    ];
    await Promise.all(clients.map((client) => client.document.whenSynced()));
    clients.forEach((client, i) => {
      const goals = client.document.doc.getMap('goals');
      for (let n = 0; n < 10; n++) goals.set(`goal-${i}-${n}`, `title ${n}`);
      client.document.doc.getText('t').insert(0, `client ${i}. `);
    });
    await eventually(() => clients.every((c) => c.document.doc.getMap('goals').size === 30));
    await Promise.all(clients.map((client) => client.document.whenSaved()));
    expect(new Set(clients.map((client) => textOf(client))).size).toBe(1);
    expect(textOf(clients[0]!)).toHaveLength('client 0. '.length * 3);
    for (const client of clients) {
      expect(client.statuses[0]).toBe('connecting');
      expect(client.statuses).toContain('saving');
      expect(client.statuses.at(-1)).toBe('saved');
    }
  });

  it('[SC2] merges edits two clients made while both were offline', async () => {
    const tree = await goalTree(db.pool);
    const a = openClient(server.port, tree.documentName, tree.cookie);
    const b = openClient(server.port, tree.documentName, tree.cookie);
    await Promise.all([a.document.whenSynced(), b.document.whenSynced()]);
    a.document.doc.getText('t').insert(0, 'shared. ');
    await eventually(() => textOf(b) === 'shared. ');

    a.document.disconnect();
    b.document.disconnect();
    expect(a.document.status.kind).toBe('offline');
    a.document.doc.getText('t').insert(0, 'from a. ');
    b.document.doc.getText('t').insert(textOf(b).length, 'from b.');
    a.document.doc.getMap('goals').set('a', 'A');
    b.document.doc.getMap('goals').set('b', 'B');
    await sleep(100);
    expect(textOf(a)).toBe('from a. shared. ');
    expect(textOf(b)).toBe('shared. from b.');
    expect(a.document.status.kind).toBe('offline');

    a.document.connect();
    b.document.connect();
    await eventually(() => textOf(a) === 'from a. shared. from b.' && textOf(b) === textOf(a));
    await Promise.all([a.document.whenSaved(), b.document.whenSaved()]);
    expect(b.document.doc.getMap('goals').toJSON()).toEqual({ a: 'A', b: 'B' });
    expect(a.statuses).toEqual(expect.arrayContaining(['offline', 'connecting', 'saved']));
  });

  it('[SC3] stops reconnecting when the session is refused with 4401', async () => {
    const tree = await goalTree(db.pool);
    const client = openClient(server.port, tree.documentName, `${SESSION_COOKIE_NAME}=forged`);
    await eventually(() => client.document.status.kind === 'unauthorized');
    // y-websocket's backoff would retry within 200 ms; nothing may come in a second.
    await sleep(1000);
    expect(client.attempts()).toBe(1);
    client.document.connect();
    await sleep(300);
    expect(client.attempts()).toBe(1);
    expect(client.document.status).toEqual({ kind: 'unauthorized' });
  });

  it('[SC3] stops reconnecting when the person may not open the document (4403)', async () => {
    const tree = await goalTree(db.pool);
    const outsider = await signIn(db.pool);
    const client = openClient(server.port, tree.documentName, outsider.cookie);
    await eventually(() => client.document.status.kind === 'forbidden');
    await sleep(1000);
    expect(client.attempts()).toBe(1);
  });

  it('[SC3] says "offline" while the network is down, keeps retrying, and saves on return', async () => {
    const tree = await goalTree(db.pool);
    const network = await networkTo(server.port);
    const client = openClient(network.port, tree.documentName, tree.cookie);
    await client.document.whenSaved();
    network.cut();
    await eventually(() => client.document.status.kind === 'offline');
    client.document.doc.getText('t').insert(0, 'written offline');
    await sleep(1000);
    expect(client.document.status.kind).toBe('offline');
    expect(client.attempts()).toBeGreaterThan(1);
    network.restore();
    await client.document.whenSaved();
    const reader = openClient(server.port, tree.documentName, tree.cookie);
    await reader.document.whenSynced();
    expect(textOf(reader)).toBe('written offline');
  });
});
