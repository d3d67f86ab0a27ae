// Every update is judged before the live document takes it (SYNC17): a tampered client — a raw
// websocket writing crafted updates — that breaks the goal-tree schema, edits a goal it may not,
// or sends an update depending on changes the server lacks, is refused: nothing of the update is
// applied, saved or relayed; it gets Refused with the reason and is closed with 4409 (SYNC18);
// the refusal is logged with the person and counted on /metrics.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { goalText } from '@threadline/domain/goals/edits';
import { readGoals } from '@threadline/domain/goals/document';
import { useSyncServer } from '../support/sync-server.ts';
import {
  eventually,
  goalEditor,
  goalTree,
  metricValue,
  openProvider,
  openRaw,
  recordingLogger,
  signInWith,
} from './sync-support.ts';

const { log, lines } = recordingLogger();
const sync = useSyncServer({ log });

const keyOf = (tree: { organisationId: string; documentName: string }) => ({
  organisationId: tree.organisationId,
  name: tree.documentName,
});

/** A goal tree with one personal goal of its owner, saved, and a provider watching it. */
async function treeWithGoal() {
  const tree = await goalTree(sync.db.pool);
  const owner = await openRaw(sync.port, tree.documentName, tree.cookie);
  const mine = goalEditor(tree.personId);
  for (const update of mine.take()) owner.sendUpdate(update);
  await owner.until(() => (owner.lastAck().get(mine.doc.clientID) ?? 0) > 0);
  const watcher = openProvider(sync.port, tree.documentName, tree.cookie);
  await watcher.synced();
  return { tree, owner, mine, watcher };
}

/** Updates a copy of `base` made by `change` (what a tampered client would send). */
function crafted(base: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('validation of every update', () => {
  it('[SYNC17] accepts, relays and saves a goal edit its sender may make', async () => {
    const { tree, owner, mine, watcher } = await treeWithGoal();
    mine.retitle('Ship the sync engine');
    for (const update of mine.take()) owner.sendUpdate(update);
    await eventually(
      () => readGoals(watcher.doc).get(mine.goalId)?.title === 'Ship the sync engine',
    );
    await eventually(() => watcher.isSaved());
    expect(owner.closeCode).toBeUndefined();
    const saved = new Y.Doc();
    for (const change of await sync.server.storage.changesOf(keyOf(tree))) {
      Y.applyUpdate(saved, change.update);
    }
    expect(readGoals(saved).get(mine.goalId)?.title).toBe('Ship the sync engine');
  });

  it('[SYNC17] [SYNC18] refuses a schema-breaking update: never applied, relayed nor saved', async () => {
    const { tree, mine, watcher } = await treeWithGoal();
    const refusedBefore = await metricValue(sync.port, 'sync_refused_updates_total', {
      reason: 'schema',
    });
    const tamperer = await openRaw(sync.port, tree.documentName, tree.cookie);
    tamperer.sendUpdate(
      crafted(mine.doc, (doc) => {
        doc.getText('graffiti').insert(0, 'not part of any goal');
      }),
    );
    expect(await tamperer.closed).toBe(CloseCode.ChangeRefused);
    expect(tamperer.received).toContainEqual({ type: 'refused', reason: 'schema' });

    // A goal whose title became a number breaks GOAL2 too.
    const second = await openRaw(sync.port, tree.documentName, tree.cookie);
    second.sendUpdate(
      crafted(mine.doc, (doc) => {
        (doc.getMap<unknown>('goals').get(mine.goalId) as Y.Map<unknown>).set('title', 42);
      }),
    );
    expect(await second.closed).toBe(CloseCode.ChangeRefused);

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watcher.doc.share.has('graffiti')).toBe(false);
    expect(goalText(watcher.doc, mine.goalId, 'title')?.toString()).toBe('Goal');
    expect(await sync.server.storage.changesOf(keyOf(tree))).toHaveLength(1);
    expect(await metricValue(sync.port, 'sync_refused_updates_total', { reason: 'schema' })).toBe(
      refusedBefore + 2,
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'refused an update',
        personId: tree.personId,
        reason: 'schema',
        document: tree.documentName,
      }),
    );
  });

  it('[SYNC17] refuses an edit of a goal its sender may not edit (GOAL16)', async () => {
    const { tree, mine, watcher } = await treeWithGoal();
    const colleague = await signInWith(sync.db.pool, tree.organisationId);
    const tamperer = await openRaw(sync.port, tree.documentName, colleague.cookie);
    tamperer.sendUpdate(
      crafted(mine.doc, (doc) => goalText(doc, mine.goalId, 'title')!.insert(0, 'Hijacked: ')),
    );
    expect(await tamperer.closed).toBe(CloseCode.ChangeRefused);
    expect(tamperer.received).toContainEqual({ type: 'refused', reason: 'forbidden' });
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'refused an update', personId: colleague.personId }),
    );

    // Their own goal in the same tree is theirs to add.
    const theirs = goalEditor(colleague.personId);
    const writer = await openRaw(sync.port, tree.documentName, colleague.cookie);
    for (const update of theirs.take()) writer.sendUpdate(update);
    await eventually(() => readGoals(watcher.doc).has(theirs.goalId));
    expect(goalText(watcher.doc, mine.goalId, 'title')?.toString()).toBe('Goal');
    expect(writer.closeCode).toBeUndefined();
  });

  it('[SYNC17] refuses an update that depends on changes the server never received', async () => {
    const { tree, watcher } = await treeWithGoal();
    const offline = goalEditor(tree.personId);
    offline.take(); // the goal itself never reaches the server
    offline.retitle('Edited offline');
    const tamperer = await openRaw(sync.port, tree.documentName, tree.cookie);
    for (const update of offline.take()) tamperer.sendUpdate(update);
    expect(await tamperer.closed).toBe(CloseCode.ChangeRefused);
    expect(tamperer.received).toContainEqual({ type: 'refused', reason: 'pending' });
    expect(readGoals(watcher.doc).has(offline.goalId)).toBe(false);
  });

  it('[SYNC17] keeps judging correctly after a refusal: the next valid edit goes through', async () => {
    const { tree, owner, mine, watcher } = await treeWithGoal();
    const tamperer = await openRaw(sync.port, tree.documentName, tree.cookie);
    tamperer.sendUpdate(crafted(mine.doc, (doc) => doc.getArray('stray').push([1])));
    await tamperer.closed;
    mine.retitle('Still mine');
    for (const update of mine.take()) owner.sendUpdate(update);
    await eventually(() => readGoals(watcher.doc).get(mine.goalId)?.title === 'Still mine');
    expect(watcher.doc.share.has('stray')).toBe(false);
  });
});
