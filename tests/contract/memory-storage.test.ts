import { randomUUID } from 'node:crypto';
import {
  MemoryDocumentStorage,
  MemoryDocumentStore,
} from '@threadline/sync-server/persistence/memory-storage';
import { documentStorageContract } from './document-storage.contract.ts';

documentStorageContract('in memory', async () => {
  const store = new MemoryDocumentStore();
  return {
    open: () => new MemoryDocumentStorage(store),
    organisationId: randomUUID(),
    personId: randomUUID(),
    otherOrganisationId: randomUUID(),
    otherPersonId: randomUUID(),
  };
});
