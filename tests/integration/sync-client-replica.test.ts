// The replica kept on the device (IndexedDB; fake-indexeddb here): a reload with the network off
// shows and keeps the edits made offline, and a refused change is dropped from memory and from
// the stored copy, which then holds the server's state (SC4, SC5).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import * as Y from 'yjs';
import { RefusalReason } from '@threadline/domain/protocol/messages';
import { startSyncServer, type RunningSyncServer } from '@threadline/sync-server/server';
import { indexedDbReplicas } from '../../web/src/lib/sync/replica-store.ts';
import { useTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { networkTo, openClient, textOf } from './sync-client-support.ts';
import { eventually, goalTree } from './sync-support.ts';

let db: TestDatabase;
let server: RunningSyncServer;

beforeAll(async () => {
  db = await useTestDatabase();
  server = await startSyncServer({
    db: db.pool,
    log: pino({ level: 'silent' }),
    port: 0,
    hostname: '127.0.0.1',
    config: { maxDocumentBytes: 4 * 1024 },
  });
});
afterAll(() => server.close());

/** What the device has stored for a document, read into a fresh Y.Doc. */
async function storedText(personId: string, documentName: string) {
  const doc = new Y.Doc();
  const replica = indexedDbReplicas().open(`threadline/${personId}/${documentName}`, doc);
  await replica.whenLoaded;
  await replica.close();
  return doc.getText('t').toString();
}

describe('stored replica', () => {
  it('[SC4] reloads offline with the edits made offline, and saves them when the network returns', async () => {
    const tree = await goalTree(db.pool);
    const store = indexedDbReplicas();
    const network = await networkTo(server.port);
    const options = { persistence: store, personId: tree.personId, syncUrl: undefined };
    const first = openClient(network.port, tree.documentName, tree.cookie, options);
    first.document.doc.getText('t').insert(0, 'online. ');
    await first.document.whenSaved();

    network.cut();
    await eventually(() => first.document.status.kind === 'offline');
    first.document.doc.getText('t').insert(8, 'offline.');
    await first.document.destroy(); // the tab is closed (or reloaded) with the network still off

    const reloaded = openClient(network.port, tree.documentName, tree.cookie, options);
    await reloaded.document.whenLoaded();
    expect(textOf(reloaded)).toBe('online. offline.');
    await eventually(() => reloaded.document.status.kind === 'offline');

    network.restore();
    await reloaded.document.whenSaved();
    const colleague = openClient(server.port, tree.documentName, tree.cookie);
    await colleague.document.whenSynced();
    expect(textOf(colleague)).toBe('online. offline.');
  });

  it('[SC5] drops a refused change from memory and storage, and takes the server state', async () => {
    const tree = await goalTree(db.pool);
    const store = indexedDbReplicas();
    const writer = openClient(server.port, tree.documentName, tree.cookie, {
      persistence: store,
      personId: tree.personId,
    });
    const reader = openClient(server.port, tree.documentName, tree.cookie);
    const refusals: string[] = [];
    const resets: Y.Doc[] = [];
    writer.document.onRefused((reason) => refusals.push(reason));
    writer.document.onReset((doc) => resets.push(doc));
    writer.document.doc.getText('t').insert(0, 'kept');
    await writer.document.whenSaved();

    const before = writer.document.doc;
    before.getText('t').insert(4, 'x'.repeat(5000));
    await eventually(() => resets.length === 1);
    expect(refusals).toEqual([RefusalReason.DocumentTooLarge]);
    expect(resets[0]).toBe(writer.document.doc);
    expect(before.isDestroyed).toBe(true);
    await writer.document.whenSynced();
    expect(textOf(writer)).toBe('kept');
    expect(writer.document.status).toEqual({
      kind: 'refused',
      reason: RefusalReason.DocumentTooLarge,
    });
    expect(textOf(reader)).toBe('kept');
    await eventually(async () => (await storedText(tree.personId, tree.documentName)) === 'kept');

    // The next edit is an ordinary one again.
    writer.document.doc.getText('t').insert(4, ' and more');
    await writer.document.whenSaved();
    await eventually(() => textOf(reader) === 'kept and more');
  });
});
