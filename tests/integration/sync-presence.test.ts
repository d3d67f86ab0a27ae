// Read-only connections and presence (SYNC19, SYNC20): a closed cycle's goal tree opens
// read-only — the server says so, refuses any change and drops any presence from it; and on any
// document a connection may only set or remove its own awareness client ids, whose `user` is the
// signed-in person.
import { describe, expect, it } from 'vitest';
import { encodeAwarenessUpdate } from '@threadline/domain/protocol/awareness';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { useSyncServer } from '../support/sync-server.ts';
import {
  eventually,
  goalEditor,
  goalTree,
  metricValue,
  openProvider,
  openRaw,
  signInWith,
} from './sync-support.ts';

const sync = useSyncServer();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function closedTree() {
  const tree = await goalTree(sync.db.pool);
  await sync.db.pool.query(`UPDATE cycles SET status = 'closed' WHERE id = $1`, [
    tree.documentName.slice('goals/'.length),
  ]);
  return tree;
}

function presence(clientId: number, clock: number, state: unknown) {
  return {
    type: 'awareness' as const,
    update: encodeAwarenessUpdate([{ clientId, clock, state }]),
  };
}

describe('read-only connections', () => {
  it('[SYNC19] opens a closed cycle read-only, and a stock provider without changes stays connected', async () => {
    const tree = await closedTree();
    const reader = openProvider(sync.port, tree.documentName, tree.cookie);
    await reader.synced();
    await eventually(() => reader.mode === 'read-only');
    await sleep(200);
    expect(reader.closeCodes).toEqual([]);
  });

  it('[SYNC19] refuses any change from a read-only connection, and saves nothing', async () => {
    const tree = await closedTree();
    const raw = await openRaw(sync.port, tree.documentName, tree.cookie);
    await raw.until(() => raw.received.some((m) => m.type === 'access'));
    expect(raw.received).toContainEqual({ type: 'access', mode: 'read-only' });
    const mine = goalEditor(tree.personId);
    for (const update of mine.take()) raw.sendUpdate(update);
    expect(await raw.closed).toBe(CloseCode.ChangeRefused);
    expect(raw.received).toContainEqual({ type: 'refused', reason: 'read-only' });
    const changes = await sync.server.storage.changesOf({
      organisationId: tree.organisationId,
      name: tree.documentName,
    });
    expect(changes).toEqual([]);
  });

  it('[SYNC19] drops every presence update from a read-only connection', async () => {
    const tree = await closedTree();
    const reader = openProvider(sync.port, tree.documentName, tree.cookie);
    const other = openProvider(sync.port, tree.documentName, tree.cookie);
    await Promise.all([reader.synced(), other.synced()]);
    const dropped = await metricValue(sync.port, 'sync_refused_presence_total', {
      reason: 'read-only',
    });
    reader.provider.awareness.setLocalStateField('user', { name: 'Reader' });
    await eventually(
      async () =>
        (await metricValue(sync.port, 'sync_refused_presence_total', { reason: 'read-only' })) >
        dropped,
    );
    await sleep(100);
    expect(other.provider.awareness.getStates().has(reader.doc.clientID)).toBe(false);
    const late = await openRaw(sync.port, tree.documentName, tree.cookie);
    late.send({ type: 'query-awareness' });
    await sleep(100);
    expect(late.received.some((m) => m.type === 'awareness')).toBe(false);
  });
});

describe('presence ownership', () => {
  it('[SYNC20] drops presence a connection sends for a client id another connection holds', async () => {
    const tree = await goalTree(sync.db.pool);
    const victim = openProvider(sync.port, tree.documentName, tree.cookie);
    const watcher = openProvider(sync.port, tree.documentName, tree.cookie);
    await Promise.all([victim.synced(), watcher.synced()]);
    victim.provider.awareness.setLocalStateField('user', { name: 'Victim' });
    await eventually(() => watcher.provider.awareness.getStates().has(victim.doc.clientID));
    const before = watcher.provider.awareness.getStates().get(victim.doc.clientID);

    const attacker = await signInWith(sync.db.pool, tree.organisationId);
    const raw = await openRaw(sync.port, tree.documentName, attacker.cookie);
    raw.send(presence(victim.doc.clientID, 1000, { user: { name: 'Evil twin' }, editing: 'x' }));
    raw.send(presence(victim.doc.clientID, 1001, null));
    raw.send(presence(4242, 1, { user: { id: tree.personId, name: 'Not me' }, editing: null }));
    await eventually(() => watcher.provider.awareness.getStates().has(4242));
    expect(watcher.provider.awareness.getStates().get(victim.doc.clientID)).toEqual(before);
    // Its own client id is accepted, naming the attacker, whatever the state claimed.
    expect(watcher.provider.awareness.getStates().get(4242)).toEqual({
      user: { id: attacker.personId, name: attacker.name },
      editing: null,
    });
    expect(raw.closeCode).toBeUndefined();
    expect(
      await metricValue(sync.port, 'sync_refused_presence_total', { reason: 'not-own-client' }),
    ).toBeGreaterThanOrEqual(2);
  });

  it('[SYNC20] lets one connection hold only a few client ids, and removes them when it leaves', async () => {
    const tree = await goalTree(sync.db.pool);
    const watcher = openProvider(sync.port, tree.documentName, tree.cookie);
    await watcher.synced();
    const raw = await openRaw(sync.port, tree.documentName, tree.cookie);
    const ids = [9001, 9002, 9003, 9004, 9005, 9006];
    for (const id of ids) raw.send(presence(id, 1, { editing: null }));
    await eventually(() => watcher.provider.awareness.getStates().has(9004));
    await sleep(100);
    const present = ids.filter((id) => watcher.provider.awareness.getStates().has(id));
    expect(present).toEqual([9001, 9002, 9003, 9004]);
    raw.close();
    await eventually(() => ids.every((id) => !watcher.provider.awareness.getStates().has(id)));
  });

  it('[SYNC20] still lets a client replace and remove its own presence', async () => {
    const tree = await goalTree(sync.db.pool);
    const a = openProvider(sync.port, tree.documentName, tree.cookie);
    const b = openProvider(sync.port, tree.documentName, tree.cookie);
    await Promise.all([a.synced(), b.synced()]);
    a.provider.awareness.setLocalState({ editing: 'one' });
    await eventually(
      () =>
        (b.provider.awareness.getStates().get(a.doc.clientID) as { editing?: string })?.editing ===
        'one',
    );
    a.provider.awareness.setLocalState({ editing: 'two' });
    await eventually(
      () =>
        (b.provider.awareness.getStates().get(a.doc.clientID) as { editing?: string })?.editing ===
        'two',
    );
    a.provider.awareness.setLocalState(null);
    await eventually(() => !b.provider.awareness.getStates().has(a.doc.clientID));
  });
});
