// "Saved" means durable: the client may say so only after the server's acknowledgement, which
// comes after the commit. The commit is held back at a gate to watch the status wait (SC1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { PostgresDocumentStorage } from '@threadline/sync-server/persistence/postgres-storage';
import { startSyncServer, type RunningSyncServer } from '@threadline/sync-server/server';
import { useTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { addOwnGoal, openClient, sleep, titles } from './sync-client-support.ts';
import { GatedStorage } from './sync-storage-wrappers.ts';
import { eventually, goalTree } from './sync-support.ts';

let db: TestDatabase;
let server: RunningSyncServer;
let storage: GatedStorage;

beforeAll(async () => {
  db = await useTestDatabase();
  storage = new GatedStorage(new PostgresDocumentStorage(db.pool));
  server = await startSyncServer({
    db: db.pool,
    log: pino({ level: 'silent' }),
    port: 0,
    hostname: '127.0.0.1',
    storage,
  });
});
afterAll(() => {
  storage.release();
  return server.close();
});

describe('saved status', () => {
  it('[SC1] says "saving" while the commit is held and "saved" only after the acknowledgement', async () => {
    const tree = await goalTree(db.pool);
    const writer = openClient(server.port, tree.documentName, tree.cookie);
    const watcher = openClient(server.port, tree.documentName, tree.cookie);
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
    const { rows } = await db.pool.query(
      'SELECT count(*)::int AS n FROM document_updates WHERE document_name = $1',
      [tree.documentName],
    );
    expect(rows[0].n).toBe(1);
    expect(writer.statuses).toEqual(['connecting', 'saved', 'saving', 'saved']);
    expect(watcher.statuses).toEqual(['connecting', 'saved']);
  });
});
