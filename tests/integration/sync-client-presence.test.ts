// Presence through the client (who is here, what they edit) and read-only access: a closed
// cycle's goal tree opens read-only, the status says so and the client publishes no presence;
// closing a cycle while it is open turns a connection read-only on the fly (SC6, SC9).
import { describe, expect, it } from 'vitest';
import { peersOf } from '../../web/src/lib/sync/presence.ts';
import { useSyncServer } from '../support/sync-server.ts';
import { addOwnGoal, openClient, sleep } from './sync-client-support.ts';
import { eventually, goalTree, signIn } from './sync-support.ts';

const sync = useSyncServer();

const closeCycle = (documentName: string) =>
  sync.db.pool.query(`UPDATE cycles SET status = 'closed' WHERE id = $1`, [
    documentName.slice('goals/'.length),
  ]);

/** What `client` sees of the others: "name editing target". */
const seenBy = (client: ReturnType<typeof openClient>) =>
  peersOf(client.document.awareness).map((peer) => `${peer.user.name} ${peer.editing}`);

describe('presence and access', () => {
  it('[SC6] shows who is here and what they edit, under the name the server knows them by', async () => {
    const tree = await goalTree(sync.db.pool);
    const colleague = await signIn(sync.db.pool, tree.organisationId);
    const { rows } = await sync.db.pool.query<{ name: string }>(
      'SELECT name FROM people WHERE id = $1',
      [tree.personId],
    );
    const a = openClient(sync.port, tree.documentName, tree.cookie, { personId: tree.personId });
    const b = openClient(sync.port, tree.documentName, colleague.cookie, {
      personId: colleague.personId,
    });
    await Promise.all([a.document.whenSynced(), b.document.whenSynced()]);
    const goal = addOwnGoal(a, tree.personId, 'mine');
    a.document.setEditing(goal);
    // The client claimed the name "Someone"; the server stamps the signed-in person's own.
    await eventually(() => seenBy(b).includes(`${rows[0]!.name} ${goal}`));
    a.document.setEditing(null);
    await eventually(() => seenBy(b).includes(`${rows[0]!.name} null`));
    await a.document.destroy();
    await eventually(() => seenBy(b).length === 0);
  });

  it('[SC9] opens a closed cycle read-only: the status says so and no presence is sent', async () => {
    const tree = await goalTree(sync.db.pool);
    await closeCycle(tree.documentName);
    const reader = openClient(sync.port, tree.documentName, tree.cookie);
    const other = openClient(sync.port, tree.documentName, tree.cookie);
    await eventually(() => reader.document.status.kind === 'read-only');
    expect(reader.document.readOnly).toBe(true);
    expect(reader.document.awareness.getLocalState()).toBeNull();
    reader.document.setEditing('some goal');
    await sleep(300);
    expect(seenBy(other)).toEqual([]);
    expect(reader.attempts()).toBe(1);
  });

  it('[SC9] turns read-only when the cycle closes while open, and takes its presence back', async () => {
    const tree = await goalTree(sync.db.pool);
    const writer = openClient(sync.port, tree.documentName, tree.cookie);
    const watcher = openClient(sync.port, tree.documentName, tree.cookie);
    await Promise.all([writer.document.whenSaved(), watcher.document.whenSaved()]);
    await eventually(() => seenBy(watcher).length === 1);
    await closeCycle(tree.documentName);
    await eventually(() => writer.document.status.kind === 'read-only');
    await eventually(() => seenBy(watcher).length === 0);
    expect(writer.statuses).toEqual(['connecting', 'saved', 'read-only']);
  });
});
