// The benchmark's Postgres: DATABASE_URL's server when set, else a throwaway embedded cluster;
// either way a fresh database for the run, migrated like production, holding one organisation,
// one signed-in admin (so any later per-update permission check lets the edits through), and as
// many cycles (goal-tree documents) as the workloads open.
import { randomBytes } from 'node:crypto';
import {
  createPool,
  createSession,
  generateSessionToken,
  SESSION_COOKIE_NAME,
  type Pool,
} from '@threadline/db';
import { createScratchDatabase } from '@threadline/db/scratch-database';
import { createBenchSeries, type BenchSeries } from './bench-series.ts';

export interface BenchDatabase {
  url: string;
  engine: 'embedded' | 'server';
  pool: Pool;
  organisationId: string;
  /** The signed-in admin who makes every edit. */
  personId: string;
  /** The session token; ours reads it from the cookie, Hocuspocus from its auth message. */
  token: string;
  cookie: string;
  /** New goal-tree documents, `goals/<cycleId>`. */
  newDocuments(count: number): Promise<string[]>;
  /** New 1:1 series: their two members (people with a reporting line, each signed in), the
   *  series' rows, and the history each series' agenda is to have (bench-series.ts). */
  newSeries(count: number): Promise<BenchSeries[]>;
  /** Where the write-ahead log is now, in bytes since the cluster began. */
  walPosition(): Promise<bigint>;
  databaseBytes(): Promise<number>;
  close(): Promise<void>;
}

export async function openBenchDatabase(): Promise<BenchDatabase> {
  const database = await createScratchDatabase('threadline_bench');
  // No statement deadline (seeding big organisations runs long statements), and a patient
  // connect: on a loaded machine a fresh connection to the cluster took more than the default.
  const pool = createPool(database.url, 4, { statementMs: 0, connectMs: 60_000 });
  // Hocuspocus's database extension stores one row per document: its whole state.
  await pool.query(
    `CREATE TABLE bench_hocuspocus_documents (name text PRIMARY KEY, data bytea NOT NULL)`,
  );
  const { rows: orgs } = await pool.query<{ id: string }>(
    `INSERT INTO organisations (name, slug) VALUES ('Bench', $1) RETURNING id`,
    [`bench-${randomBytes(3).toString('hex')}`],
  );
  const organisationId = orgs[0]!.id;
  const { rows: people } = await pool.query<{ id: string }>(
    `INSERT INTO people (organisation_id, name, email, role, status, password_hash)
     VALUES ($1, 'Bench Admin', 'bench@bench.example', 'admin', 'active', 'x') RETURNING id`,
    [organisationId],
  );
  const token = generateSessionToken();
  await createSession(pool, token, { id: people[0]!.id, organisationId });
  let cycles = 0;
  let seriesBatches = 0;

  return {
    url: database.url,
    engine: database.cluster.engine,
    pool,
    organisationId,
    personId: people[0]!.id,
    token,
    cookie: `${SESSION_COOKIE_NAME}=${token}`,
    async newDocuments(count) {
      const first = cycles;
      cycles += count;
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO cycles (organisation_id, name, starts_on, ends_on)
         SELECT $1, 'Bench cycle ' || n, '2026-01-01', '2026-06-30'
           FROM generate_series($2::int, $3::int) n
         RETURNING id`,
        [organisationId, first, first + count - 1],
      );
      return rows.map((row) => `goals/${row.id}`);
    },
    newSeries(count) {
      return createBenchSeries(pool, organisationId, count, seriesBatches++);
    },
    async walPosition() {
      const { rows } = await pool.query<{ bytes: string }>(
        `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS bytes`,
      );
      return BigInt(rows[0]!.bytes.split('.')[0]!);
    },
    async databaseBytes() {
      const { rows } = await pool.query<{ bytes: string }>(
        `SELECT pg_database_size(current_database())::text AS bytes`,
      );
      return Number(rows[0]!.bytes);
    },
    async close() {
      await pool.end();
      await database.drop();
    },
  };
}
