import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresDocumentStorage } from '@threadline/sync-server/persistence/postgres-storage';
import { createOrganisation, createPerson } from '../support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { documentStorageContract } from './document-storage.contract.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

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
    const organisation = await createOrganisation(db.pool);
    const personId = (await createPerson(db.pool, organisation.id)).id;
    const key = { organisationId: organisation.id, name: 'goals/locked' };
    const storage = new PostgresDocumentStorage(db.pool);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('t').insert(0, 'held');

    // Compaction holds the document's lock exclusively (postgres-storage.ts, lockKey).
    const compactor = await db.pool.connect();
    await compactor.query('BEGIN');
    await compactor.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `${key.organisationId}/${key.name}`,
    ]);
    let landed = false;
    const append = storage
      .append(key, [{ personId, receivedAt: new Date(), update: updates[0]! }])
      .then((seqs) => ((landed = true), seqs));
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
});
