// The document log in Postgres (db/migrations/1763840005000_document-log.sql): appends are group
// committed and written by the log's one writer (db/src/document-log.ts, which says why appends
// take the document's lock shared); compaction (compaction.ts) reads the log under the same lock,
// exclusively, and folds it into a snapshot.
import type { Pool } from '@threadline/db';
import { appendToDocumentLog } from '@threadline/db/document-log';
import type {
  Change,
  DocumentKey,
  DocumentStorage,
  LoadedDocument,
  LoggedUpdate,
} from './document-storage.ts';
import { compactDocument, type Compaction } from './compaction.ts';
import { DEFAULT_GROUP_COMMIT, GroupCommit, type GroupCommitOptions } from './group-commit.ts';
import { readLatest } from './log-reads.ts';
import { mergeToState } from './merge-updates.ts';

interface Append {
  key: DocumentKey;
  updates: readonly LoggedUpdate[];
}

export interface PostgresStorageOptions {
  groupCommit?: GroupCommitOptions;
  /** Runs a compaction: in this thread by default; the sync server's run on a worker thread
   *  (compaction-pool.ts). */
  compact?: Compaction;
}

export class PostgresDocumentStorage implements DocumentStorage {
  readonly #pool: Pool;
  readonly #commits: GroupCommit<Append, number[]>;
  readonly #compact: Compaction;

  constructor(pool: Pool, options: PostgresStorageOptions = {}) {
    this.#pool = pool;
    this.#commits = new GroupCommit(
      (batch) => this.#writeBatch(batch),
      options.groupCommit ?? DEFAULT_GROUP_COMMIT,
    );
    this.#compact = options.compact ?? ((key) => compactDocument(pool, key, mergeToState));
  }

  async load(key: DocumentKey): Promise<LoadedDocument> {
    const { updates, snapshotSeq, seqs } = await readLatest(this.#pool, key);
    return { updates, snapshotSeq, seqs };
  }

  append(key: DocumentKey, updates: readonly LoggedUpdate[]): Promise<number[]> {
    if (updates.length === 0) return Promise.resolve([]);
    return this.#commits.submit({ key, updates });
  }

  async seqsAfter(key: DocumentKey, afterSeq: number): Promise<number[]> {
    const { rows } = await this.#pool.query<{ seq: string }>(
      `SELECT seq FROM document_updates
        WHERE organisation_id = $1 AND document_name = $2 AND seq > $3 ORDER BY seq`,
      [key.organisationId, key.name, afterSeq],
    );
    return rows.map((row) => Number(row.seq));
  }

  async updatesAt(key: DocumentKey, seqs: readonly number[]): Promise<Uint8Array[]> {
    if (seqs.length === 0) return [];
    const { rows } = await this.#pool.query<{ update: Buffer }>(
      `SELECT update FROM document_updates
        WHERE organisation_id = $1 AND document_name = $2 AND seq = ANY($3::bigint[])
        ORDER BY seq`,
      [key.organisationId, key.name, seqs],
    );
    return rows.map((row) => new Uint8Array(row.update));
  }

  /** Writes every append of the batch in one statement (appendToDocumentLog); returns each
   *  append's seqs. */
  async #writeBatch(batch: Append[]): Promise<number[][]> {
    const seqs = await appendToDocumentLog(
      this.#pool,
      batch.flatMap(({ key, updates }) =>
        updates.map((update) => ({
          organisationId: key.organisationId,
          documentName: key.name,
          ...update,
        })),
      ),
    );
    let next = 0;
    return batch.map(({ updates }) => seqs.slice(next, (next += updates.length)));
  }

  compact(key: DocumentKey): Promise<number | null> {
    return this.#compact(key);
  }

  async documentAt(key: DocumentKey, at: Date): Promise<Uint8Array | null> {
    const { rows: snapshots } = await this.#pool.query<{ upto_seq: string; state: Buffer }>(
      `SELECT upto_seq, state FROM document_snapshots
        WHERE organisation_id = $1 AND document_name = $2 AND upto_received_at <= $3
        ORDER BY upto_seq DESC LIMIT 1`,
      [key.organisationId, key.name, at],
    );
    const snapshot = snapshots[0];
    const { rows } = await this.#pool.query<{ update: Buffer }>(
      `SELECT update FROM document_updates
        WHERE organisation_id = $1 AND document_name = $2 AND seq > $3 AND received_at <= $4
        ORDER BY seq`,
      [key.organisationId, key.name, snapshot?.upto_seq ?? 0, at],
    );
    const updates = [...(snapshot ? [snapshot.state] : []), ...rows.map((row) => row.update)];
    return updates.length === 0 ? null : mergeToState(updates);
  }

  async changesOf(key: DocumentKey): Promise<Change[]> {
    const { rows } = await this.#pool.query<{
      seq: string;
      person_id: string | null;
      received_at: Date;
      update: Buffer;
    }>(
      `SELECT seq, person_id, received_at, update FROM document_updates
        WHERE organisation_id = $1 AND document_name = $2 ORDER BY seq`,
      [key.organisationId, key.name],
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      personId: row.person_id,
      receivedAt: row.received_at,
      update: new Uint8Array(row.update),
    }));
  }

  hurry() {
    this.#commits.hurry();
  }

  async close(): Promise<void> {
    await this.#commits.drain();
  }
}
