import { beforeAll } from 'vitest';
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
