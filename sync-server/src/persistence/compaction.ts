// Compaction (SYNC9): folds a document's log into a snapshot. Written against a pool of its own so
// that the sync server can run it whole on a worker thread (compaction-pool.ts): for a big goal
// tree the fold is a long run of CPU, and moving the snapshot through the driver (read as hex
// text, written as one parameter) nearly as long again; on the event loop that stalled every
// room of the node (figures: BENCHMARKS.md, "Edits seen by 50 viewers").
import { inTransaction, type Pool } from '@threadline/db';
import type { DocumentKey } from './document-storage.ts';
import { lockIdSql, lockKey, readLatest } from './log-reads.ts';

/** Folds Yjs updates, in log order, into the state of the document they make. */
export type Fold = (updates: Uint8Array[]) => Uint8Array | Promise<Uint8Array>;

/** Compacts one document; resolves with the snapshot's size, or null with nothing to fold. */
export type Compaction = (key: DocumentKey) => Promise<number | null>;

/**
 * Reads the log's last seq under the document's exclusive lock and lets go of it at once: every
 * row up to that seq has committed, and every append from then on draws a higher one (see
 * postgres-storage.ts). Then it reads the latest snapshot and the rows up to that seq, folds them,
 * and writes the snapshot. Appends to the document carry on all the while.
 */
export async function compactDocument(
  pool: Pool,
  key: DocumentKey,
  fold: Fold,
): Promise<number | null> {
  const lastSeq = await inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(${lockIdSql('$1')})`, [lockKey(key)]);
    const { rows } = await client.query<{ last: string | null }>(
      `SELECT max(seq) AS last FROM document_updates
        WHERE organisation_id = $1 AND document_name = $2`,
      [key.organisationId, key.name],
    );
    return rows[0]!.last;
  });
  if (lastSeq === null) return null;
  const latest = await readLatest(pool, key, lastSeq);
  if (latest.tailLength === 0) return null;
  const state = await fold(latest.updates);
  // Another node may have folded the same rows, or later ones, meanwhile: a snapshot of the same
  // rows is the same document, and one of fewer rows than the newest is not kept. Older
  // snapshots are redundant: the log itself still holds every update for history.
  await pool.query(
    `WITH added AS (
       INSERT INTO document_snapshots
         (organisation_id, document_name, upto_seq, upto_received_at, state)
       SELECT $1::uuid, $2::text, $3::bigint, $4::timestamptz, $5::bytea
        WHERE NOT EXISTS (
          SELECT FROM document_snapshots
           WHERE organisation_id = $1 AND document_name = $2 AND upto_seq >= $3)
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
