// The one writer of the document log (db/migrations/1763840005000_document-log.sql): the sync
// server's group commit (sync-server/src/persistence/postgres-storage.ts) and the seeded goal
// trees (seed-goals.ts) append through here, so a seeded document is written exactly as an
// accepted edit is, and the log's insert is spelled once.
//
// Why the lock: identity values are handed out when a row is inserted but become visible when its
// transaction commits, so a compaction could see seq 11 committed while seq 10 is still in flight,
// write a snapshot "up to 11" and lose 10 for every later load. Appenders hold the document's lock
// shared, compaction holds it exclusively while it reads the log's last seq: then no append to
// that document is in flight, and every later one draws a higher seq.
import type { Queryable } from './connection.ts';

/** One row of the log: an update to one document, by a person or (null) the system. */
export interface DocumentLogRow {
  organisationId: string;
  documentName: string;
  personId: string | null;
  receivedAt: Date;
  update: Uint8Array;
}

/** The document's advisory lock: appends hold it shared, compaction's read exclusively. */
export const documentLockKey = (organisationId: string, documentName: string) =>
  `${organisationId}/${documentName}`;

/** The SQL for the advisory lock id of a lock key (`expression`, a parameter or column): written
 *  once, since appends and compaction exclude each other only while both spell it the same. */
export const documentLockIdSql = (expression: string) => `hashtextextended(${expression}, 0)`;

export interface AppendOptions {
  /**
   * The documents belong to an organisation the caller's transaction created and has not yet
   * committed (a seed): no other session can load or compact them, so the lock is not needed —
   * and a seed writing thousands of documents would otherwise hold one advisory lock per document
   * until it commits, beyond what PostgreSQL's shared lock table holds.
   */
  unseenDocuments?: boolean;
}

/**
 * Appends `rows` in their order, in one statement (so one round trip, and one transaction unless
 * `db` is already in one); returns their seqs in the same order. Under load each round trip also
 * waits its turn on a busy event loop, and BEGIN, lock, insert and COMMIT as four statements made
 * a batch wait four times. The documents' locks (shared) are taken by the materialised CTE, which
 * runs before the first row is produced and so before any identity value is drawn, and they are
 * held until the transaction commits.
 *
 * The small columns travel as arrays, but each update as a parameter of its own: node-postgres
 * sends a Buffer parameter as binary, where an array of them would travel as hex text at twice
 * the size (a seeded tree's log is megabytes). Postgres takes 65,535 parameters, so up to
 * 65,530 rows.
 */
export async function appendToDocumentLog(
  db: Queryable,
  rows: readonly DocumentLogRow[],
  options: AppendOptions = {},
): Promise<number[]> {
  if (rows.length === 0) return [];
  const locks = options.unseenDocuments
    ? []
    : [...new Set(rows.map((row) => documentLockKey(row.organisationId, row.documentName)))].sort();
  const updates = rows.map((row, i) => `(${i + 1}::bigint, $${i + 6}::bytea)`).join(', ');
  const inserted = await db.query<{ seq: string }>(
    `WITH locked AS MATERIALIZED (
       SELECT count(pg_advisory_xact_lock_shared(${documentLockIdSql('k')})) AS locks
         FROM unnest($5::text[]) k
     )
     INSERT INTO document_updates (organisation_id, document_name, person_id, received_at, update)
     SELECT o, n, p, r, u
       FROM locked,
            unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[])
              WITH ORDINALITY AS t(o, n, p, r, i)
            JOIN (VALUES ${updates}) AS b(i, u) USING (i)
      ORDER BY i
     RETURNING seq`,
    [
      rows.map((row) => row.organisationId),
      rows.map((row) => row.documentName),
      rows.map((row) => row.personId),
      rows.map((row) => row.receivedAt),
      locks,
      ...rows.map((row) =>
        Buffer.from(row.update.buffer, row.update.byteOffset, row.update.byteLength),
      ),
    ],
  );
  // Identity values are drawn in insertion order, so sorting restores the order of `rows`.
  return inserted.rows.map((row) => Number(row.seq)).sort((a, b) => a - b);
}

/**
 * A document as its log holds it: the latest snapshot and every update after it, in order, read
 * while holding the document's lock exclusively until the caller's transaction ends, so no
 * accepted update is in flight and none lands before the transaction commits what it read.
 */
export async function readDocumentLocked(
  db: Queryable,
  organisationId: string,
  documentName: string,
): Promise<Uint8Array[]> {
  await db.query(`SELECT pg_advisory_xact_lock(${documentLockIdSql('$1')})`, [
    documentLockKey(organisationId, documentName),
  ]);
  const { rows } = await db.query<{ bytes: Buffer }>(
    `WITH snapshot AS (
       SELECT upto_seq, state FROM document_snapshots
        WHERE organisation_id = $1 AND document_name = $2
        ORDER BY upto_seq DESC LIMIT 1)
     SELECT bytes FROM (
       SELECT state AS bytes, 0 AS part, upto_seq AS seq FROM snapshot
       UNION ALL
       SELECT update, 1, seq FROM document_updates
        WHERE organisation_id = $1 AND document_name = $2
          AND seq > COALESCE((SELECT upto_seq FROM snapshot), 0)) log
      ORDER BY part, seq`,
    [organisationId, documentName],
  );
  return rows.map((row) => new Uint8Array(row.bytes));
}
