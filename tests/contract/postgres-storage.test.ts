import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CompactionPool } from '@threadline/sync-server/persistence/compaction-pool';
import { compactDocument } from '@threadline/sync-server/persistence/compaction';
import type { DocumentKey } from '@threadline/sync-server/persistence/document-storage';
import { lockIdSql, lockKey } from '@threadline/sync-server/persistence/log-reads';
import { mergeToState } from '@threadline/sync-server/persistence/merge-updates';
import { PostgresDocumentStorage } from '@threadline/sync-server/persistence/postgres-storage';
import { createOrganisation, createPerson } from '../support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { documentStorageContract } from './document-storage.contract.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

/** A document of a fresh organisation, and each edit to its text `t` as a log entry to append. */
async function editedDocument(name: string) {
  const organisation = await createOrganisation(db.pool);
  const personId = (await createPerson(db.pool, organisation.id)).id;
  const key = { organisationId: organisation.id, name };
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const logged = () => ({ personId, receivedAt: new Date(), update: updates.shift()! });
  return { key, personId, doc, text: doc.getText('t'), logged };
}

/** Storage whose compactions fold only once the test releases them, as a large document's fold
 *  takes long. */
function storageWithHeldFold() {
  const folding = Promise.withResolvers<void>();
  const release = Promise.withResolvers<void>();
  const heldFold = async (updates: Uint8Array[]) => {
    folding.resolve();
    await release.promise;
    return mergeToState(updates);
  };
  const storage = new PostgresDocumentStorage(db.pool, {
    compact: (key) => compactDocument(db.pool, key, heldFold),
  });
  return { storage, folding: folding.promise, release: () => release.resolve() };
}

documentStorageContract('Postgres', async () => {
  const organisation = await createOrganisation(db.pool);
  const other = await createOrganisation(db.pool);
  return {
    open: () => new PostgresDocumentStorage(db.pool),
    organisationId: organisation.id,
    personId: (await createPerson(db.pool, organisation.id)).id,
    otherOrganisationId: other.id,
    otherPersonId: (await createPerson(db.pool, other.id)).id,
  };
});

describe('Postgres document log: appends and compaction', () => {
  it('[SYNC9] an append waits while the document is held for compaction, then lands', async () => {
    const { key, text, logged } = await editedDocument('goals/locked');
    const storage = new PostgresDocumentStorage(db.pool);
    text.insert(0, 'held');

    // Compaction holds the document's lock exclusively while it reads (compaction.ts).
    const compactor = await db.pool.connect();
    await compactor.query('BEGIN');
    await compactor.query(`SELECT pg_advisory_xact_lock(${lockIdSql('$1')})`, [lockKey(key)]);
    let landed = false;
    const append = storage.append(key, [logged()]).then((seqs) => ((landed = true), seqs));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { rows: during } = await db.pool.query(
      `SELECT count(*)::int AS n FROM document_updates WHERE document_name = $1`,
      [key.name],
    );
    expect(landed).toBe(false);
    expect(during[0].n).toBe(0);

    await compactor.query('COMMIT');
    compactor.release();
    expect(await append).toHaveLength(1);
    const loaded = await storage.load(key);
    expect(loaded.updates).toHaveLength(1);
    await storage.close();
  });

  it('[SYNC9] appends to a document go on while its compaction folds, and the snapshot holds what it read', async () => {
    const { key, text, logged } = await editedDocument('goals/folding');
    const { storage, folding, release } = storageWithHeldFold();
    text.insert(0, 'folded');
    const [folded] = await storage.append(key, [logged()]);

    const compaction = storage.compact(key);
    await folding;
    text.insert(6, ', then more');
    // Without letting go of the lock before folding, this append would wait for the fold.
    const [later] = await storage.append(key, [logged()]);
    release();
    expect(await compaction).toBeGreaterThan(0);

    const loaded = await storage.load(key);
    expect(loaded.snapshotSeq).toBe(folded);
    expect(loaded.seqs).toEqual([later]);
    const reloaded = new Y.Doc();
    for (const update of loaded.updates) Y.applyUpdate(reloaded, update);
    expect(reloaded.getText('t').toString()).toBe('folded, then more');
    await storage.close();
  });

  it('[SYNC9] two compactions folding the same rows (two nodes) both succeed and leave one snapshot', async () => {
    const { key, text, logged } = await editedDocument('goals/twice');
    const bothRead = Promise.withResolvers<void>();
    let reading = 0;
    const fold = async (updates: Uint8Array[]) => {
      if (++reading === 2) bothRead.resolve();
      await bothRead.promise;
      return mergeToState(updates);
    };
    const compact = (key: DocumentKey) => compactDocument(db.pool, key, fold);
    const nodes = [
      new PostgresDocumentStorage(db.pool, { compact }),
      new PostgresDocumentStorage(db.pool, { compact }),
    ];
    text.insert(0, 'twice');
    await nodes[0]!.append(key, [logged()]);

    const sizes = await Promise.all(nodes.map((node) => node.compact(key)));
    expect(sizes[0]).toBeGreaterThan(0);
    expect(sizes[1]).toBe(sizes[0]);
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM document_snapshots
        WHERE organisation_id = $1 AND document_name = $2`,
      [key.organisationId, key.name],
    );
    expect(rows[0].n).toBe(1);
    await Promise.all(nodes.map((node) => node.close()));
  });

  it('[SYNC9] a compaction overtaken by a later one does not write its older snapshot', async () => {
    const { key, text, logged } = await editedDocument('goals/overtaken');
    const { storage: slow, folding, release } = storageWithHeldFold();
    const quick = new PostgresDocumentStorage(db.pool);
    text.insert(0, 'first');
    await quick.append(key, [logged()]);

    const overtaken = slow.compact(key);
    await folding;
    text.insert(5, ', second');
    const [second] = await quick.append(key, [logged()]);
    expect(await quick.compact(key)).toBeGreaterThan(0);
    release();
    await overtaken;

    const { rows } = await db.pool.query<{ upto_seq: string }>(
      `SELECT upto_seq FROM document_snapshots WHERE organisation_id = $1 AND document_name = $2`,
      [key.organisationId, key.name],
    );
    expect(rows.map((row) => Number(row.upto_seq))).toEqual([second]);
    await Promise.all([slow.close(), quick.close()]);
  });
});

describe('CompactionPool: compactions on a worker thread', () => {
  it('[SYNC9] compacts with a connection of its own, as in place, and outlives a failed one', async () => {
    const { key, doc, text, logged } = await editedDocument('goals/on-a-worker');
    const storage = new PostgresDocumentStorage(db.pool);
    for (const word of ['compacted ', 'on ', 'a ', 'worker']) {
      text.insert(text.length, word);
      await storage.append(key, [logged()]);
    }

    const pool = new CompactionPool(db.url, pino({ level: 'silent' }));
    try {
      // A document of an organisation that does not exist has nothing to fold.
      expect(await pool.compact({ organisationId: randomUUID(), name: 'goals/none' })).toBeNull();
      await expect(pool.compact({ organisationId: 'not-a-uuid', name: 'x' })).rejects.toThrow();
      const snapshotBytes = await pool.compact(key);
      const loaded = await storage.load(key);
      expect(loaded.updates).toHaveLength(1);
      expect(snapshotBytes).toBe(loaded.updates[0]!.byteLength);
      expect(loaded.updates[0]).toEqual(Y.encodeStateAsUpdate(doc));
    } finally {
      await pool.close();
      await storage.close();
    }
  });
});
