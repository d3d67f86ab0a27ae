// The task a compaction-pool worker runs (compaction-pool.ts): one whole compaction, with a
// connection of its own, so neither the fold nor the snapshot's bytes touch the server's thread.
import { workerData } from 'node:worker_threads';
import { createPool } from '@threadline/db/connection';
import { compactDocument } from './compaction.ts';
import type { DocumentKey } from './document-storage.ts';
import { mergeToState } from './merge-updates.ts';

const { databaseUrl } = workerData as { databaseUrl: string };

/**
 * A compaction's statements read a document's whole log and write its whole snapshot: the
 * 5,000-person tree's 23 MB take seconds on a loaded machine, a bigger document longer. The
 * server's own statement timeout (db/src/connection.ts) is for small statements and would fail
 * such a compaction over and over; this one only keeps a silent outage from holding the
 * compaction thread for good (SYNC31).
 */
export const COMPACTION_STATEMENT_TIMEOUT_MS = 10 * 60_000;

export default async function compact(key: DocumentKey): Promise<number | null> {
  // A connection per compaction (they are minutes apart), closed after: an idle worker thread
  // ends (compaction-pool.ts), and must not leave a connection behind when it does.
  const pool = createPool(databaseUrl, 1, { statementMs: COMPACTION_STATEMENT_TIMEOUT_MS });
  try {
    return await compactDocument(pool, key, mergeToState);
  } finally {
    await pool.end();
  }
}
