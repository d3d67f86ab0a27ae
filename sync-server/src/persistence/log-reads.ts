// The document log's lock and reads, shared by loading (postgres-storage.ts) and by compaction
// (compaction.ts, which may run on a worker thread of its own).
import type { Queryable } from '@threadline/db';
import { documentLockKey } from '@threadline/db/document-log';
import type { DocumentKey } from './document-storage.ts';

/** The document's advisory lock (db/src/document-log.ts): appends hold it shared, compaction's
 *  read exclusively. */
export const lockKey = (key: DocumentKey) => documentLockKey(key.organisationId, key.name);
export { documentLockIdSql as lockIdSql } from '@threadline/db/document-log';

/**
 * The latest snapshot and the log after it, read by one statement so both come from one moment.
 * The snapshot, when there is one, comes first. With `uptoSeq` (compaction), only the rows up to
 * that one: none when the latest snapshot already holds them.
 */
export async function readLatest(db: Queryable, key: DocumentKey, uptoSeq: string | null = null) {
  const { rows } = await db.query<{
    bytes: Buffer;
    is_log: boolean;
    seq: string;
    received_at: Date;
  }>(
    `WITH snapshot AS (
       SELECT upto_seq, upto_received_at, state FROM document_snapshots
        WHERE organisation_id = $1 AND document_name = $2
        ORDER BY upto_seq DESC LIMIT 1)
     SELECT state AS bytes, false AS is_log, upto_seq AS seq, upto_received_at AS received_at
       FROM snapshot
     UNION ALL
     SELECT update, true, seq, received_at FROM document_updates
      WHERE organisation_id = $1 AND document_name = $2
        AND seq > COALESCE((SELECT upto_seq FROM snapshot), 0)
        AND ($3::bigint IS NULL OR seq <= $3)
     ORDER BY is_log, seq`,
    [key.organisationId, key.name, uptoSeq],
  );
  const last = rows.at(-1);
  const snapshot = rows[0] && !rows[0].is_log ? rows[0] : undefined;
  return {
    updates: rows.map((row) => new Uint8Array(row.bytes)),
    tailLength: rows.filter((row) => row.is_log).length,
    snapshotSeq: snapshot ? Number(snapshot.seq) : 0,
    seqs: rows.filter((row) => row.is_log).map((row) => Number(row.seq)),
    lastSeq: last?.seq,
    // A snapshot's time is that of the newest update it holds; so is the new one's.
    lastReceivedAt: rows.reduce<Date | undefined>(
      (latest, row) => (latest && latest > row.received_at ? latest : row.received_at),
      undefined,
    ),
  };
}
