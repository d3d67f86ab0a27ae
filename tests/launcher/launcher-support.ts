// Runs `pnpm start` as a newcomer's terminal does: in a process group of its own (the terminal's
// foreground group), which a Ctrl-C signals as a whole, pnpm included.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createPool } from '@threadline/db';
import { EMBEDDED_PASSWORD, EMBEDDED_USER } from '@threadline/db/embedded';
import { findFreePort } from '@threadline/db/free-port';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface Ports {
  web: number;
  sync: number;
  postgres: number;
}

export async function freePorts(): Promise<Ports> {
  return { web: await findFreePort(), sync: await findFreePort(), postgres: await findFreePort() };
}

/** A temporary folder the postgres user can enter (0755), for a data folder inside it. */
export async function temporaryFolder(): Promise<{ path: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'threadline-launcher-'));
  await chmod(dir, 0o755);
  return { path: dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * For a test file: free ports and a data folder in a temporary folder, removed after the file.
 * Read the fields inside tests (they are set in beforeAll).
 */
export function useThrowawayInstallation(): { dataDir: string; ports: Ports } {
  const installation = { dataDir: '', ports: { web: 0, sync: 0, postgres: 0 } };
  let folder: Awaited<ReturnType<typeof temporaryFolder>> | undefined;
  beforeAll(async () => {
    folder = await temporaryFolder();
    installation.dataDir = path.join(folder.path, 'postgres');
    installation.ports = await freePorts();
  });
  afterAll(() => folder?.remove());
  return installation;
}

export interface Launched {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (null after a signal) once `pnpm start` has ended. */
  exited: Promise<number | null>;
}

export interface LaunchOptions {
  ports: Ports;
  /** THREADLINE_DATA_DIR; omitted: the repository's own .data/postgres. */
  dataDir?: string;
  /** The repository to start (a copy elsewhere); defaults to this one. */
  cwd?: string;
  env?: Record<string, string>;
}

/** Starts `pnpm start` in a process group of its own. */
export function launch(options: LaunchOptions): Launched {
  const { ports } = options;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMBEDDED_POSTGRES_PORT: String(ports.postgres),
    PORT: String(ports.web),
    SYNC_PORT: String(ports.sync),
    ORIGIN: `http://localhost:${ports.web}`,
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  delete env.DATABASE_URL;
  if (options.dataDir) env.THREADLINE_DATA_DIR = options.dataDir;
  else delete env.THREADLINE_DATA_DIR;
  const child = spawn('pnpm', ['start'], { cwd: options.cwd ?? REPO_ROOT, env, detached: true });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exited };
}

/** Resolves once the launcher says the product runs; rejects if it ends first. */
export async function untilRunning(launched: Launched): Promise<void> {
  const ready = new Promise<void>((resolve) => {
    const check = () => {
      if (launched.output().includes('Threadline is running at')) resolve();
    };
    launched.child.stdout!.on('data', check);
    launched.child.stderr!.on('data', check);
  });
  const ended = launched.exited.then((code) => {
    throw new Error(`pnpm start exited with ${code} before it was ready:\n${launched.output()}`);
  });
  await Promise.race([ready, ended]);
}

/** A Ctrl-C in the terminal: SIGINT to every process of the foreground group. */
export function pressCtrlC(launched: Launched): Promise<number | null> {
  process.kill(-launched.child.pid!, 'SIGINT');
  return launched.exited;
}

export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function embeddedUrl(port: number, database = 'threadline'): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function organisationCount(port: number): Promise<number> {
  const pool = createPool(embeddedUrl(port), 1);
  try {
    const { rows } = await pool.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM organisations',
    );
    return rows[0]!.count;
  } finally {
    await pool.end();
  }
}
