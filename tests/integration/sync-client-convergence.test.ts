// The web app's sync client against the real sync server on Postgres, editing real goal trees
// (every update checked by the server): convergence, the saved status, offline edits that merge,
// and close codes that end reconnecting (SC1–SC3).
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE_NAME } from '@threadline/db';
import { useSyncServer } from '../support/sync-server.ts';
import {
  addOwnGoal,
  networkTo,
  openClient,
  sleep,
  titles,
  titleText,
} from './sync-client-support.ts';
import { eventually, goalTree, signIn } from './sync-support.ts';

const sync = useSyncServer();

describe('sync client', () => {
  it('[SC1] three clients converge and each reads "saved" once the server acknowledged', async () => {
    const tree = await goalTree(sync.db.pool);
    const colleague = await signIn(sync.db.pool, tree.organisationId);
    const people = [tree.personId, colleague.personId, tree.personId];
    const clients = [
      openClient(sync.port, tree.documentName, tree.cookie),
      openClient(sync.port, tree.documentName, colleague.cookie),
      openClient(sync.port, tree.documentName, tree.cookie),
    ];
    await Promise.all(clients.map((client) => client.document.whenSynced()));
    const shared = addOwnGoal(clients[0]!, tree.personId, 'shared');
    await eventually(() => clients.every((client) => titles(client.document.doc).length === 1));
    clients.forEach((client, i) => {
      for (let n = 0; n < 5; n++) addOwnGoal(client, people[i]!, `goal ${i}.${n}`);
    });
    // Two devices of the goal's owner type into its title at once.
    titleText(clients[0]!.document.doc, shared).insert(0, 'A ');
    titleText(clients[2]!.document.doc, shared).insert(6, ' C');
    await eventually(() => clients.every((client) => titles(client.document.doc).length === 16));
    await Promise.all(clients.map((client) => client.document.whenSaved()));
    const all = clients.map((client) => JSON.stringify(titles(client.document.doc)));
    expect(new Set(all).size).toBe(1);
    expect(titles(clients[1]!.document.doc)).toContain('A shared C');
    for (const client of clients) {
      expect(client.statuses[0]).toBe('connecting');
      expect(client.statuses).toContain('saving');
      expect(client.statuses.at(-1)).toBe('saved');
    }
  });

  it('[SC2] merges edits two clients made while both were offline', async () => {
    const tree = await goalTree(sync.db.pool);
    const a = openClient(sync.port, tree.documentName, tree.cookie);
    const b = openClient(sync.port, tree.documentName, tree.cookie);
    await Promise.all([a.document.whenSynced(), b.document.whenSynced()]);
    const goal = addOwnGoal(a, tree.personId, 'shared');
    await eventually(() => titles(b.document.doc).includes('shared'));

    a.document.disconnect();
    b.document.disconnect();
    expect(a.document.status.kind).toBe('offline');
    titleText(a.document.doc, goal).insert(0, 'from a, ');
    titleText(b.document.doc, goal).insert(6, ', from b');
    addOwnGoal(a, tree.personId, 'added on a');
    addOwnGoal(b, tree.personId, 'added on b');
    await sleep(100);
    expect(titles(a.document.doc)).toEqual(['added on a', 'from a, shared']);
    expect(titles(b.document.doc)).toEqual(['added on b', 'shared, from b']);
    expect(a.document.status.kind).toBe('offline');

    a.document.connect();
    b.document.connect();
    const merged = ['added on a', 'added on b', 'from a, shared, from b'];
    await eventually(
      () =>
        JSON.stringify(titles(a.document.doc)) === JSON.stringify(merged) &&
        JSON.stringify(titles(b.document.doc)) === JSON.stringify(merged),
    );
    await Promise.all([a.document.whenSaved(), b.document.whenSaved()]);
    expect(a.statuses).toEqual(expect.arrayContaining(['offline', 'connecting', 'saved']));
  });

  it('[SC3] stops reconnecting when the session is refused with 4401', async () => {
    const tree = await goalTree(sync.db.pool);
    const client = openClient(sync.port, tree.documentName, `${SESSION_COOKIE_NAME}=forged`);
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
    const tree = await goalTree(sync.db.pool);
    const outsider = await signIn(sync.db.pool);
    const client = openClient(sync.port, tree.documentName, outsider.cookie);
    await eventually(() => client.document.status.kind === 'forbidden');
    await sleep(1000);
    expect(client.attempts()).toBe(1);
  });

  it('[SC2] says "offline" while the network is down, keeps retrying, and saves on return', async () => {
    const tree = await goalTree(sync.db.pool);
    const network = await networkTo(sync.port);
    const client = openClient(network.port, tree.documentName, tree.cookie);
    await client.document.whenSaved();
    network.cut();
    await eventually(() => client.document.status.kind === 'offline');
    addOwnGoal(client, tree.personId, 'written offline');
    await sleep(1000);
    expect(client.document.status.kind).toBe('offline');
    expect(client.attempts()).toBeGreaterThan(1);
    network.restore();
    await client.document.whenSaved();
    const reader = openClient(sync.port, tree.documentName, tree.cookie);
    await reader.document.whenSynced();
    expect(titles(reader.document.doc)).toEqual(['written offline']);
  });
});
