// The replica kept on the device (IndexedDB; fake-indexeddb here): a reload with the network off
// shows and keeps the edits made offline, and a refused change is dropped from memory and from
// the stored copy, which then holds the server's state (SC4, SC5).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RefusalReason } from '@threadline/domain/protocol/messages';
import { indexedDbReplicas, type ReplicaStore } from '../../web/src/lib/sync/replica-store.ts';
import { useSyncServer } from '../support/sync-server.ts';
import { addOwnGoal, networkTo, openClient, titles, titleText } from './sync-client-support.ts';
import { eventually, goalTree, signIn } from './sync-support.ts';

const sync = useSyncServer();

/** What the device has stored for a document, read into a fresh Y.Doc. */
async function storedTitles(personId: string, documentName: string) {
  const doc = new Y.Doc();
  const replica = indexedDbReplicas().open(`threadline/${personId}/${documentName}`, doc);
  await replica.whenLoaded;
  await replica.close();
  return titles(doc);
}

describe('stored replica', () => {
  it('[SC4] once IndexedDB has answered, waits for the load however long, then connects', async () => {
    const tree = await goalTree(sync.db.pool);
    // Applying what was read takes longer than the wait for IndexedDB (a big tree, a slow device).
    let finishApplying = () => {};
    const applied = new Promise<void>((resolve) => (finishApplying = resolve));
    const slowToApply: ReplicaStore = {
      open(key, doc, options) {
        const inner = indexedDbReplicas().open(key, doc, options);
        return {
          whenRead: inner.whenRead,
          whenLoaded: inner.whenLoaded.then(() => applied),
          record: (update) => inner.record(update),
          cacheView: (view) => inner.cacheView(view),
          close: () => inner.close(),
          clear: () => inner.clear(),
        };
      },
    };
    const client = openClient(sync.port, tree.documentName, tree.cookie, {
      persistence: slowToApply,
      personId: tree.personId,
      loadTimeoutMs: 100,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Connecting now would ask the server for the whole document the load is about to apply.
    expect(client.attempts()).toBe(0);
    finishApplying();
    await client.document.whenSynced();
    expect(client.attempts()).toBe(1);
  });

  it('[SC4] reloads offline with the edits made offline, and saves them when the network returns', async () => {
    const tree = await goalTree(sync.db.pool);
    const network = await networkTo(sync.port);
    const options = { persistence: indexedDbReplicas(), personId: tree.personId };
    const first = openClient(network.port, tree.documentName, tree.cookie, options);
    const goal = addOwnGoal(first, tree.personId, 'online');
    await first.document.whenSaved();

    network.cut();
    await eventually(() => first.document.status.kind === 'offline');
    titleText(first.document.doc, goal).insert(6, ', then offline');
    addOwnGoal(first, tree.personId, 'added offline');
    await first.document.destroy(); // the tab is closed (or reloaded) with the network still off

    const reloaded = openClient(network.port, tree.documentName, tree.cookie, options);
    await reloaded.document.whenLoaded();
    const expected = ['added offline', 'online, then offline'];
    expect(titles(reloaded.document.doc)).toEqual(expected);
    await eventually(() => reloaded.document.status.kind === 'offline');

    network.restore();
    await reloaded.document.whenSaved();
    const colleague = openClient(sync.port, tree.documentName, tree.cookie);
    await colleague.document.whenSynced();
    expect(titles(colleague.document.doc)).toEqual(expected);
  });

  it('[SC5] drops a refused change from memory and storage, and takes the server state', async () => {
    const tree = await goalTree(sync.db.pool);
    const colleague = await signIn(sync.db.pool, tree.organisationId);
    const owner = openClient(sync.port, tree.documentName, tree.cookie);
    const goal = addOwnGoal(owner, tree.personId, 'mine');
    await owner.document.whenSaved();

    // A colleague who is not the owner's manager may not edit the owner's goal (GOAL16).
    const intruder = openClient(sync.port, tree.documentName, colleague.cookie, {
      persistence: indexedDbReplicas(),
      personId: colleague.personId,
    });
    const refusals: string[] = [];
    const resets: Y.Doc[] = [];
    intruder.document.onRefused((reason) => refusals.push(reason));
    intruder.document.onReset((doc) => resets.push(doc));
    addOwnGoal(intruder, colleague.personId, 'theirs');
    await intruder.document.whenSaved();
    await eventually(() => titles(intruder.document.doc).includes('mine'));

    const before = intruder.document.doc;
    titleText(before, goal).insert(0, 'not ');
    await eventually(() => resets.length === 1);
    expect(refusals).toEqual([RefusalReason.Forbidden]);
    expect(resets[0]).toBe(intruder.document.doc);
    expect(before.isDestroyed).toBe(true);
    await intruder.document.whenSynced();
    expect(titles(intruder.document.doc)).toEqual(['mine', 'theirs']);
    expect(intruder.document.status).toEqual({ kind: 'refused', reason: RefusalReason.Forbidden });
    expect(titles(owner.document.doc)).toEqual(['mine', 'theirs']);
    await eventually(
      async () =>
        JSON.stringify(await storedTitles(colleague.personId, tree.documentName)) ===
        JSON.stringify(['mine', 'theirs']),
    );

    // The next edit is an ordinary one again.
    addOwnGoal(intruder, colleague.personId, 'theirs too');
    await intruder.document.whenSaved();
    await eventually(() => titles(owner.document.doc).includes('theirs too'));
  });
});
