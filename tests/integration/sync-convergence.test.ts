// Stock y-websocket providers editing one goal tree through a real server on Postgres (SYNC4-7).
import { describe, expect, it } from 'vitest';
import { FREE_FORM_KINDS } from '@threadline/sync-server/documents/free-form';
import { useSyncServer } from '../support/sync-server.ts';
import { eventually, goalTree, openProvider, signIn, textOfUpdates } from './sync-support.ts';

const sync = useSyncServer({ kinds: FREE_FORM_KINDS });

describe('sync convergence', () => {
  it('[SYNC4] lets three stock y-websocket providers converge on one document', async () => {
    const tree = await goalTree(sync.db.pool);
    const colleague = await signIn(sync.db.pool, tree.organisationId);
    const clients = [
      openProvider(sync.port, tree.documentName, tree.cookie),
      openProvider(sync.port, tree.documentName, colleague.cookie),
      openProvider(sync.port, tree.documentName, tree.cookie),
    ];
    await Promise.all(clients.map((client) => client.synced()));
    clients.forEach((client, i) => {
      const goals = client.doc.getMap('goals');
      for (let n = 0; n < 20; n++) goals.set(`goal-${i}-${n}`, `title ${n}`);
      client.doc.getText('notes').insert(0, `client ${i}. `);
    });
    await eventually(() => clients.every((client) => client.doc.getMap('goals').size === 60));
    const notes = clients.map((client) => client.doc.getText('notes').toString());
    expect(new Set(notes).size).toBe(1);
    expect(notes[0]).toHaveLength('client 0. '.length * 3);
  });

  it('[SYNC5] acknowledges every edit after it is saved, so each provider reads "saved"', async () => {
    const tree = await goalTree(sync.db.pool);
    const a = openProvider(sync.port, tree.documentName, tree.cookie);
    const b = openProvider(sync.port, tree.documentName, tree.cookie);
    await Promise.all([a.synced(), b.synced()]);
    await eventually(() => a.isSaved() && b.isSaved());
    a.doc.getText('t').insert(0, 'typed by a');
    expect(a.isSaved()).toBe(false);
    await eventually(() => b.doc.getText('t').toString() === 'typed by a');
    await eventually(() => a.isSaved() && b.isSaved());
    const key = { organisationId: tree.organisationId, name: tree.documentName };
    const changes = await sync.server.storage.changesOf(key);
    expect(textOfUpdates(changes.map((change) => change.update))).toBe('typed by a');
  });

  it('[SYNC10] attributes each saved change to the person who made it', async () => {
    const tree = await goalTree(sync.db.pool);
    const colleague = await signIn(sync.db.pool, tree.organisationId);
    const mine = openProvider(sync.port, tree.documentName, tree.cookie);
    const theirs = openProvider(sync.port, tree.documentName, colleague.cookie);
    await Promise.all([mine.synced(), theirs.synced()]);
    mine.doc.getText('t').insert(0, 'mine ');
    await eventually(() => mine.isSaved());
    theirs.doc.getText('t').insert(0, 'theirs ');
    await eventually(() => theirs.isSaved());
    const changes = await sync.server.storage.changesOf({
      organisationId: tree.organisationId,
      name: tree.documentName,
    });
    expect(changes.map((change) => change.personId)).toEqual([tree.personId, colleague.personId]);
  });

  it('[SYNC4] relays presence (awareness) between providers and answers awareness queries', async () => {
    const tree = await goalTree(sync.db.pool);
    const a = openProvider(sync.port, tree.documentName, tree.cookie);
    const b = openProvider(sync.port, tree.documentName, tree.cookie);
    await Promise.all([a.synced(), b.synced()]);
    a.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    await eventually(() => b.provider.awareness.getStates().has(a.doc.clientID));
    // The user a state names is the signed-in person, whatever the client wrote (SYNC20).
    const { rows } = await sync.db.pool.query<{ name: string }>(
      `SELECT name FROM people WHERE id = $1`,
      [tree.personId],
    );
    expect(b.provider.awareness.getStates().get(a.doc.clientID)).toEqual({
      user: { id: tree.personId, name: rows[0]!.name },
    });
    const late = openProvider(sync.port, tree.documentName, tree.cookie);
    await late.synced();
    await eventually(() => late.provider.awareness.getStates().has(a.doc.clientID));
    a.destroy();
    await eventually(() => !b.provider.awareness.getStates().has(a.doc.clientID));
  });

  it('[SYNC16] reports connections, documents, updates, commit latency and bytes on /metrics', async () => {
    const response = await fetch(`http://127.0.0.1:${sync.port}/metrics`);
    const text = await response.text();
    expect(response.headers.get('content-type')).toContain('text/plain');
    for (const name of [
      'sync_connections',
      'sync_loaded_documents',
      'sync_updates_total',
      'sync_commit_duration_seconds_bucket',
      'sync_refused_updates_total',
      'sync_received_bytes_total',
      'sync_sent_bytes_total',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(/sync_updates_total [1-9]/);
  });
});
