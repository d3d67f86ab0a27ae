// "Saved" means durable: the client may say so only after the server's acknowledgement, which
// comes after the commit. The commit is held back at a gate to watch the status wait (SC1).
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresDocumentStorage } from '@threadline/sync-server/persistence/postgres-storage';
import { useSyncServer } from '../support/sync-server.ts';
import { addOwnGoal, openClient, sleep, titles } from './sync-client-support.ts';
import { GatedStorage } from './sync-storage-wrappers.ts';
import { eventually, goalTree } from './sync-support.ts';

let storage: GatedStorage;
const sync = useSyncServer((db) => {
  storage = new GatedStorage(new PostgresDocumentStorage(db.pool));
  return { storage };
});
// Runs before the server's close, which waits for held commits (last registered, first run).
afterAll(() => storage.release());

describe('saved status', () => {
  it('[SC1] says "saving" while the commit is held and "saved" only after the acknowledgement', async () => {
    const tree = await goalTree(sync.db.pool);
    const writer = openClient(sync.port, tree.documentName, tree.cookie);
    const watcher = openClient(sync.port, tree.documentName, tree.cookie);
    await Promise.all([writer.document.whenSaved(), watcher.document.whenSaved()]);

    addOwnGoal(writer, tree.personId, 'held back');
    expect(writer.document.status.kind).toBe('saving');
    await eventually(() => storage.waiting === 1);
    // The other client already has the edit (relayed at once): saving it is the writer's
    // business, so the watcher stays "saved" throughout (SYNC5).
    await eventually(() => titles(watcher.document.doc).includes('held back'));
    await sleep(300);
    expect(writer.document.status.kind).toBe('saving');
    expect(watcher.document.status.kind).toBe('saved');

    storage.release();
    await Promise.all([writer.document.whenSaved(), watcher.document.whenSaved()]);
    const { rows } = await sync.db.pool.query(
      'SELECT count(*)::int AS n FROM document_updates WHERE document_name = $1',
      [tree.documentName],
    );
    expect(rows[0].n).toBe(1);
    expect(writer.statuses).toEqual(['connecting', 'saved', 'saving', 'saved']);
    expect(watcher.statuses).toEqual(['connecting', 'saved']);
  });
});
