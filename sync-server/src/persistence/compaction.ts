// Compaction (SYNC9): folds a document's log into a snapshot. Written against a pool of its own so
// that the sync server can run it whole on a worker thread (compaction-pool.ts): for the
// 5,000-person goal tree (23 MB) the fold is over a second of CPU, and moving the snapshot
// through the driver (read as hex text, written as a 23 MB parameter) most of a second more; on
// the event loop that stalled every room of the node for seconds (BENCHMARKS.md).
import { inTransaction, type Pool } from '@threadline/db';
import type { DocumentKey } from './document-storage.ts';
import { lockKey, readLatest } from './log-reads.ts';

/** Folds Yjs updates, in log order, into the state of the document they make. */
export type Fold = (updates: Uint8Array[]) => Uint8Array | Promise<Uint8Array>;

/** Compacts one document; resolves with the snapshot's size, or null with nothing to fold. */
export type Compaction = (key: DocumentKey) => Promise<number | null>;

/**
 * Reads the latest snapshot and the log after it under the document's exclusive lock, lets go of
 * the lock (every append from then on draws a higher seq than those read, see
 * postgres-storage.ts), folds, and writes the snapshot. Appends to the document carry on while it
 * folds.
 */
export async function compactDocument(
  pool: Pool,
  key: DocumentKey,
  fold: Fold,
): Promise<number | null> {
  const latest = await inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [lockKey(key)]);
    return readLatest(client, key);
  });
  if (latest.tailLength === 0) return null;
  const state = await fold(latest.updates);
  // Another node may have folded the same rows meanwhile: its snapshot is the same document.
  // Older snapshots are redundant: the log itself still holds every update for history.
  await pool.query(
    `WITH added AS (
       INSERT INTO document_snapshots
         (organisation_id, document_name, upto_seq, upto_received_at, state)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING)
     DELETE FROM document_snapshots
      WHERE organisation_id = $1 AND document_name = $2 AND upto_seq < $3`,
    [
      key.organisationId,
      key.name,
      latest.lastSeq,
      latest.lastReceivedAt,
      Buffer.from(state.buffer, state.byteOffset, state.byteLength),
    ],
  );
  return state.byteLength;
}
