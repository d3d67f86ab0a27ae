// The task a compaction-pool worker runs (compaction-pool.ts): one whole compaction, with a
// connection of its own, so neither the fold nor the snapshot's bytes touch the server's thread.
import { workerData } from 'node:worker_threads';
import { createPool } from '@threadline/db/connection';
import { compactDocument } from './compaction.ts';
import type { DocumentKey } from './document-storage.ts';
import { mergeToState } from './merge-updates.ts';

const { databaseUrl } = workerData as { databaseUrl: string };

export default async function compact(key: DocumentKey): Promise<number | null> {
  // A connection per compaction (they are minutes apart), closed after: an idle worker thread
  // ends (compaction-pool.ts), and must not leave a connection behind when it does.
  const pool = createPool(databaseUrl, 1);
  try {
    return await compactDocument(pool, key, mergeToState);
  } finally {
    await pool.end();
  }
}
