// Rooms load, unload when idle, never unload with unsaved updates, retry failed saves, and flush
// everything on shutdown (SYNC8, SYNC9, SYNC15).
import { describe, expect, it } from 'vitest';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { stateVectorCovers } from '@threadline/domain/protocol/state-vector';
import { PostgresDocumentStorage } from '@threadline/sync-server/persistence/postgres-storage';
import { FREE_FORM_KINDS } from '@threadline/sync-server/documents/free-form';
import {
  startSyncServerForTest,
  startTestSyncServer,
  useSyncServer,
} from '../support/sync-server.ts';
import { FlakyStorage, GatedStorage } from './sync-storage-wrappers.ts';
import { editor, eventually, goalTree, openProvider, openRaw } from './sync-support.ts';

let storage: FlakyStorage;
const sync = useSyncServer((db) => {
  storage = new FlakyStorage(new PostgresDocumentStorage(db.pool));
  return {
    kinds: FREE_FORM_KINDS,
    storage,
    config: { idleUnloadMs: 50, saveRetry: { initialMs: 20, maxMs: 100 } },
  };
});

const keyOf = (tree: { organisationId: string; documentName: string }) => ({
  organisationId: tree.organisationId,
  name: tree.documentName,
});

describe('room lifecycle', () => {
  it('[SYNC8] unloads a document once nobody is connected and everything is saved', async () => {
    const tree = await goalTree(sync.db.pool);
    const client = openProvider(sync.port, tree.documentName, tree.cookie);
    await client.synced();
    expect(sync.server.rooms.isLoaded(keyOf(tree))).toBe(true);
    client.doc.getText('t').insert(0, 'kept');
    await eventually(() => client.isSaved());
    client.destroy();
    await eventually(() => !sync.server.rooms.isLoaded(keyOf(tree)));
  });

  it('[SYNC9] reloads a document from its snapshot and the log after it, after unloading', async () => {
    const tree = await goalTree(sync.db.pool);
    const first = openProvider(sync.port, tree.documentName, tree.cookie);
    await first.synced();
    first.doc.getText('t').insert(0, 'before the snapshot. ');
    await eventually(() => first.isSaved());
    first.destroy();
    await eventually(() => !sync.server.rooms.isLoaded(keyOf(tree)));
    expect(await sync.server.storage.compact(keyOf(tree))).toBeGreaterThan(0);

    const second = openProvider(sync.port, tree.documentName, tree.cookie);
    await second.synced();
    expect(second.doc.getText('t').toString()).toBe('before the snapshot. ');
    second.doc.getText('t').insert(21, 'after it.');
    await eventually(() => second.isSaved());
    second.destroy();
    await eventually(() => !sync.server.rooms.isLoaded(keyOf(tree)));
    expect((await sync.server.storage.load(keyOf(tree))).updates).toHaveLength(2); // snapshot + tail

    const third = openProvider(sync.port, tree.documentName, tree.cookie);
    await third.synced();
    expect(third.doc.getText('t').toString()).toBe('before the snapshot. after it.');
  });

  it('[SYNC8] keeps a document with unsaved updates loaded, retries, and unloads once saved', async () => {
    const tree = await goalTree(sync.db.pool);
    const client = await openRaw(sync.port, tree.documentName, tree.cookie);
    const mine = editor();
    storage.failing = true;
    storage.failedAppends = 0;
    mine.text.insert(0, 'not saved yet');
    for (const update of mine.take()) client.sendUpdate(update);
    await eventually(() => storage.failedAppends >= 3); // retried with backoff
    client.close();
    await client.closed;
    await new Promise((resolve) => setTimeout(resolve, 200)); // idle delay passes several times
    expect(sync.server.rooms.isLoaded(keyOf(tree))).toBe(true);
    expect(await sync.server.storage.changesOf(keyOf(tree))).toEqual([]);

    storage.failing = false;
    await eventually(() => !sync.server.rooms.isLoaded(keyOf(tree)));
    const changes = await sync.server.storage.changesOf(keyOf(tree));
    expect(changes).toHaveLength(1);
  });

  it('[SYNC8] acknowledges nothing while saves fail, and everything once one succeeds', async () => {
    const tree = await goalTree(sync.db.pool);
    const client = await openRaw(sync.port, tree.documentName, tree.cookie);
    const mine = editor();
    await eventually(() => client.acks().length === 1); // the durable state at join
    storage.failing = true;
    storage.failedAppends = 0;
    for (const word of ['one ', 'two ', 'three']) {
      mine.text.insert(mine.text.length, word);
      for (const update of mine.take()) client.sendUpdate(update);
    }
    await eventually(() => storage.failedAppends >= 2);
    expect(client.acks()).toHaveLength(1); // only the one sent at join
    storage.failing = false;
    await eventually(() => stateVectorCovers(client.lastAck(), mine.stateVector()));
  });

  it('[SYNC3] closes a goal tree of a cycle in another organisation with 4403', async () => {
    const mine = await goalTree(sync.db.pool);
    const theirs = await goalTree(sync.db.pool);
    const client = await openRaw(sync.port, theirs.documentName, mine.cookie);
    expect(await client.closed).toBe(CloseCode.Forbidden);
    const unknownCycle = await openRaw(
      sync.port,
      'goals/00000000-0000-4000-8000-000000000000',
      mine.cookie,
    );
    expect(await unknownCycle.closed).toBe(CloseCode.Forbidden);
  });

  it('[SYNC3] closes the kinds that cannot be opened yet with 4404', async () => {
    const mine = await goalTree(sync.db.pool);
    const id = '00000000-0000-4000-8000-000000000000';
    for (const name of [`one-on-one/${id}`, `private-notes/${id}/${id}`, `calibration/${id}`]) {
      const client = await openRaw(sync.port, name, mine.cookie);
      expect(await client.closed).toBe(CloseCode.UnknownDocument);
    }
  });
});

describe('compaction as shipped', () => {
  it('[SYNC9] a room compacts on the worker thread every N saved updates, and reloads from the snapshot', async () => {
    const own = await startSyncServerForTest(sync.db, {
      databaseUrl: sync.db.url,
      kinds: FREE_FORM_KINDS,
      config: { compactAfterUpdates: 10, idleUnloadMs: 50 },
    });
    const tree = await goalTree(sync.db.pool);
    const client = openProvider(own.port, tree.documentName, tree.cookie);
    await client.synced();
    const text = client.doc.getText('t');
    const snapshots = async () =>
      (
        await sync.db.pool.query<{ upto_seq: string }>(
          `SELECT upto_seq FROM document_snapshots WHERE document_name = $1`,
          [tree.documentName],
        )
      ).rows.map((row) => Number(row.upto_seq));
    // Ten saved updates make a compaction; the next ten, another, which drops the first.
    for (const round of [1, 2]) {
      for (let n = 0; n < 10; n++) {
        text.insert(text.length, `${round}.${n} `);
        await eventually(() => client.isSaved());
      }
      const changes = await own.storage.changesOf(keyOf(tree));
      expect(changes).toHaveLength(round * 10);
      const last = changes.at(-1)!.seq;
      await eventually(async () => (await snapshots()).includes(last));
      expect(await snapshots()).toEqual([last]);
    }
    const typed = text.toString();
    client.destroy();
    await eventually(() => !own.rooms.isLoaded(keyOf(tree)));

    const again = openProvider(own.port, tree.documentName, tree.cookie);
    await again.synced();
    expect(again.doc.getText('t').toString()).toBe(typed);
    again.destroy();
  });
});

describe('graceful shutdown', () => {
  it('[SYNC15] closes connections with 1012 and saves every pending update before it resolves', async () => {
    const gated = new GatedStorage(new PostgresDocumentStorage(sync.db.pool));
    const own = await startTestSyncServer(sync.db, { kinds: FREE_FORM_KINDS, storage: gated });
    const tree = await goalTree(sync.db.pool);
    const client = await openRaw(own.port, tree.documentName, tree.cookie);
    const mine = editor();
    mine.text.insert(0, 'saved on the way out');
    for (const update of mine.take()) client.sendUpdate(update);
    await eventually(() => gated.waiting === 1);

    let closed = false;
    const closing = own.close().then(() => (closed = true));
    expect(await client.closed).toBe(CloseCode.ServerRestarting);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false); // still waiting for the held commit
    gated.release();
    await closing;
    const changes = await gated.inner.changesOf(keyOf(tree));
    expect(changes).toHaveLength(1);
  });
});
