// The database `pnpm start` and `pnpm seed` work on: the server in DATABASE_URL when set, else
// the embedded PostgreSQL whose files live in THREADLINE_DATA_DIR, by default .data/postgres at the
// repository root (the launcher test points it at a temporary folder). The commands
// share one cluster: when one of them already runs it, the other connects to it instead of
// starting a second server on the same folder.
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPool } from './connection.ts';
import {
  EMBEDDED_PASSWORD,
  EMBEDDED_USER,
  readPostmasterPid,
  startEmbeddedPostgres,
} from './embedded.ts';
import { migrate } from './migrate.ts';

export const LOCAL_DATABASE_NAME = 'threadline';
export const LOCAL_DATA_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '.data',
  'postgres',
);

export interface LocalDatabase {
  /** Connection string of the migrated application database. */
  url: string;
  /** True when this process started the embedded cluster (and `stop` stops it). */
  startedEmbedded: boolean;
  stop(): Promise<void>;
}

export interface LocalDatabaseOptions {
  log?: (message: string) => void;
  /** Defaults to EMBEDDED_POSTGRES_PORT, else 54329. */
  port?: number;
  /** Defaults to THREADLINE_DATA_DIR, else .data/postgres at the repository root. */
  dataDir?: string;
}

export async function openLocalDatabase(
  options: LocalDatabaseOptions = {},
): Promise<LocalDatabase> {
  const log = options.log ?? (() => {});
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    await migrate(url);
    return { url, startedEmbedded: false, stop: async () => {} };
  }

  const port = options.port ?? Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
  const urlFor = (database: string) =>
    `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
  const dataDir = path.resolve(
    options.dataDir ?? (process.env.THREADLINE_DATA_DIR || LOCAL_DATA_DIR),
  );
  let stop = async () => {};
  let startedEmbedded = false;
  if (await isListening(port)) {
    // Our own cluster, started by `pnpm start` or `pnpm seed` in another terminal, is shared;
    // any other server on that port is not ours to migrate and seed.
    if (!isOurClusterOn(dataDir, port)) {
      throw new Error(
        `Port ${port} is taken by another program, not the embedded PostgreSQL of ${dataDir}. ` +
          'Stop that program, or set EMBEDDED_POSTGRES_PORT to a free port.',
      );
    }
    log(`The embedded PostgreSQL in ${dataDir} is already running on port ${port}; using it.`);
  } else {
    // Its own process group: the caller stops it last, after whatever uses it.
    const embedded = await startEmbeddedPostgres({ dataDir, port, log, ownProcessGroup: true });
    stop = () => embedded.stop();
    startedEmbedded = true;
  }

  try {
    await createDatabaseIfMissing(urlFor('postgres'), LOCAL_DATABASE_NAME);
    const url = urlFor(LOCAL_DATABASE_NAME);
    await migrate(url);
    return { url, startedEmbedded, stop };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const admin = createPool(adminUrl, 1);
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (rowCount) return;
    // Identifiers cannot be parameters; the name is a constant of this module, never input.
    await admin.query(`CREATE DATABASE "${database}"`).catch((error: { code?: string }) => {
      // Another process created it between our check and this statement: fine.
      if (error.code !== '42P04' && error.code !== '23505') throw error;
    });
  } finally {
    await admin.end();
  }
}

/** postmaster.pid of `dataDir` names a live process listening on `port` (its 4th line). */
function isOurClusterOn(dataDir: string, port: number): boolean {
  const lines = readPostmasterPid(dataDir);
  if (!lines || Number(lines[3]) !== port) return false;
  try {
    process.kill(Number(lines[0]), 0);
    return true;
  } catch (error) {
    // EPERM: alive, and running as another user (the postgres user, when we are root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}
