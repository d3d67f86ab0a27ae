// The benchmark's Postgres: DATABASE_URL's server when set, else a throwaway embedded cluster;
// either way a fresh database for the run, migrated like production, holding one organisation,
// one signed-in admin (so any later per-update permission check lets the edits through), and as
// many cycles (goal-tree documents) as the workloads open.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  createPool,
  createSession,
  generateSessionToken,
  SESSION_COOKIE_NAME,
  type Pool,
} from '@threadline/db';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@threadline/db/embedded';
import { findFreePort } from '@threadline/db/free-port';
import { migrate } from '@threadline/db/migrate';

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
  /** Where the write-ahead log is now, in bytes since the cluster began. */
  walPosition(): Promise<bigint>;
  databaseBytes(): Promise<number>;
  close(): Promise<void>;
}

export async function openBenchDatabase(): Promise<BenchDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let embeddedDir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embeddedDir = await mkdtemp(path.join(os.tmpdir(), 'threadline-bench-pg-'));
    await chmod(embeddedDir, 0o755);
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(embeddedDir, 'data'),
      port: await findFreePort(),
    });
    adminUrl = embedded.adminUrl;
  }
  const name = `threadline_bench_${randomBytes(4).toString('hex')}`;
  const admin = createPool(adminUrl, 1);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const pool = createPool(url.toString(), 4);
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

  return {
    url: url.toString(),
    engine: embedded ? 'embedded' : 'server',
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
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      await embedded?.stop();
      if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true });
    },
  };
}
