// Throwaway PostgreSQL for tests, benchmarks and the e2e server: databases on the server in
// DATABASE_URL when one is configured, else on an embedded cluster in a temporary folder on a free
// port (initdb takes about half a second), removed whole at the end.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPool } from './connection.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { findFreePort } from './free-port.ts';
import { migrate } from './migrate.ts';

export interface ScratchCluster {
  engine: 'embedded' | 'server';
  /** Connection string of the cluster's maintenance database (for CREATE/DROP DATABASE). */
  adminUrl: string;
  urlFor(database: string): string;
  /** Stops and deletes an embedded cluster; leaves a server alone. */
  close(): Promise<void>;
}

export async function openScratchCluster(
  serverUrl: string | undefined = process.env.DATABASE_URL,
): Promise<ScratchCluster> {
  if (serverUrl) {
    return {
      engine: 'server',
      adminUrl: serverUrl,
      urlFor: (name) => withDatabase(serverUrl, name),
      close: async () => {},
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'threadline-pg-'));
  // As root, PostgreSQL runs as a separate system user, which must be able to enter the folder.
  await chmod(dir, 0o755);
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await findFreePort(),
  });
  return {
    engine: 'embedded',
    adminUrl: embedded.adminUrl,
    urlFor: embedded.urlFor,
    close: async () => {
      // A test runner may have signalled the whole process group, postgres included; then stop()
      // waits for an exit that already happened, so it gets a few seconds, not forever.
      await Promise.race([embedded.stop(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface ScratchDatabase {
  url: string;
  name: string;
  cluster: ScratchCluster;
  /** Drops the database (on a server) or throws the whole embedded cluster away. */
  drop(): Promise<void>;
}

/** A new, migrated database named `<prefix>_<random>`; `prefix` is a constant of the caller. */
export async function createScratchDatabase(
  prefix: string,
  options: { serverUrl?: string | undefined; migrate?: boolean } = {},
): Promise<ScratchDatabase> {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`Bad database prefix: ${prefix}`);
  const cluster = await openScratchCluster(
    'serverUrl' in options ? options.serverUrl : process.env.DATABASE_URL,
  );
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  // Identifiers cannot be query parameters; the name is built above from a checked prefix and hex.
  await runAsAdmin(cluster.adminUrl, `CREATE DATABASE ${name}`);
  const url = cluster.urlFor(name);
  if (options.migrate ?? true) await migrate(url);
  return {
    url,
    name,
    cluster,
    drop: async () => {
      if (cluster.engine === 'server') {
        await runAsAdmin(cluster.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
      await cluster.close();
    },
  };
}

/** The same connection string, pointed at another database of that server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function runAsAdmin(adminUrl: string, statement: string): Promise<void> {
  const admin = createPool(adminUrl, 1);
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
