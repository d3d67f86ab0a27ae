// The acknowledgement promises durability: it is sent only after the commit holding the update
// (SYNC5, SYNC7). The commit is held back at a gate, and no acknowledgement may arrive meanwhile.
import { afterAll, describe, expect, it } from 'vitest';
import { stateVectorCovers } from '@threadline/domain/protocol/state-vector';
import { PostgresDocumentStorage } from '@threadline/sync-server/persistence/postgres-storage';
import { FREE_FORM_KINDS } from '@threadline/sync-server/documents/free-form';
import { useSyncServer } from '../support/sync-server.ts';
import { GatedStorage } from './sync-storage-wrappers.ts';
import { editor, eventually, goalTree, openRaw } from './sync-support.ts';

let storage: GatedStorage;
const sync = useSyncServer((db) => {
  storage = new GatedStorage(new PostgresDocumentStorage(db.pool));
  return { kinds: FREE_FORM_KINDS, storage };
});
// Runs before the server's close, which waits for held commits (last registered, first run).
afterAll(() => storage.release());

async function rowsOf(documentName: string) {
  const { rows } = await sync.db.pool.query(
    `SELECT seq FROM document_updates WHERE document_name = $1`,
    [documentName],
  );
  return rows.length;
}

describe('acknowledgement after commit', () => {
  it('[SYNC7] sends no acknowledgement while the commit is held, and one right after it', async () => {
    const tree = await goalTree(sync.db.pool);
    const client = await openRaw(sync.port, tree.documentName, tree.cookie);
    const mine = editor();
    await eventually(() => client.acks().length === 1); // the durable state at join: empty
    mine.text.insert(0, 'held back');
    for (const update of mine.take()) client.sendUpdate(update);
    await eventually(() => storage.waiting === 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(client.acks()).toHaveLength(1);
    expect(stateVectorCovers(client.lastAck(), mine.stateVector())).toBe(false);
    expect(await rowsOf(tree.documentName)).toBe(0);

    storage.release();
    await eventually(() => stateVectorCovers(client.lastAck(), mine.stateVector()));
    // By the time the acknowledgement arrived, the row was committed.
    expect(await rowsOf(tree.documentName)).toBe(1);
    storage.hold();
  });

  it('[SYNC5] acknowledges a commit to its sender only: a connection that just receives the edit gets no Ack', async () => {
    storage.release();
    const tree = await goalTree(sync.db.pool);
    const sender = await openRaw(sync.port, tree.documentName, tree.cookie);
    const watcher = await openRaw(sync.port, tree.documentName, tree.cookie);
    await watcher.until(() => watcher.acks().length === 1); // the durable state at join
    const mine = editor();
    mine.text.insert(0, 'x');
    for (const update of mine.take()) sender.sendUpdate(update);
    await sender.until(() => stateVectorCovers(sender.lastAck(), mine.stateVector()));
    await watcher.until(() => watcher.received.some((message) => message.type === 'sync-update'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watcher.acks()).toHaveLength(1);
    storage.hold();
  });
});
