// `pnpm start` on a machine with no database configured: it starts an embedded PostgreSQL in its
// data folder, seeds the demo organisation once, serves the app, and Ctrl-C stops everything,
// PostgreSQL included. A second start reuses the folder. Needs the production build (pnpm build).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '@threadline/db';
import { EMBEDDED_PASSWORD, EMBEDDED_USER } from '@threadline/db/embedded';
import { findFreePort } from '@threadline/db/free-port';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
let dataDir: string;
let ports: { web: number; sync: number; postgres: number };

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'threadline-launcher-'));
  await chmod(dir, 0o755);
  dataDir = path.join(dir, 'postgres');
  ports = { web: await findFreePort(), sync: await findFreePort(), postgres: await findFreePort() };
});
afterAll(async () => {
  await rm(path.dirname(dataDir), { recursive: true, force: true });
});

interface Launched {
  child: ChildProcess;
  output: () => string;
}

/** Starts `node scripts/start.ts` and resolves once it prints that the product is running. */
function launch(): Promise<Launched> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    THREADLINE_DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(ports.postgres),
    PORT: String(ports.web),
    SYNC_PORT: String(ports.sync),
    ORIGIN: `http://localhost:${ports.web}`,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['scripts/start.ts'], { cwd: REPO_ROOT, env });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Threadline is running at')) resolve({ child, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`start.ts exited with ${code} before it was ready:\n${output}`)),
    );
  });
}

function stopWithCtrlC(launched: Launched): Promise<number | null> {
  return new Promise((resolve) => {
    launched.child.once('exit', (code) => resolve(code));
    launched.child.kill('SIGINT');
  });
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function organisationCount(): Promise<number> {
  const pool = createPool(
    `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${ports.postgres}/threadline`,
    1,
  );
  try {
    const { rows } = await pool.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM organisations',
    );
    return rows[0]!.count;
  } finally {
    await pool.end();
  }
}

describe('pnpm start', () => {
  it('starts on an embedded database, seeds the demo organisation, and serves the app', async () => {
    const launched = await launch();
    try {
      expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
      const login = await fetch(`http://127.0.0.1:${ports.web}/login`);
      expect(login.status).toBe(200);
      expect(await login.text()).toContain('Sign in');
      const health = await fetch(`http://127.0.0.1:${ports.sync}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok' });
      expect(await organisationCount()).toBe(1);
    } finally {
      expect(await stopWithCtrlC(launched)).toBe(0);
    }
    // The launcher's own orderly shutdown ran to the end (servers first, then the database),
    // not embedded-postgres's exit hook, which would exit before the servers had saved.
    expect(launched.output()).toContain('[start] Stopped.');
    // Ctrl-C stopped everything, PostgreSQL included.
    expect(await isListening(ports.web)).toBe(false);
    expect(await isListening(ports.sync)).toBe(false);
    expect(await isListening(ports.postgres)).toBe(false);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  }, 180_000);

  it('reuses the data folder on a second start instead of seeding again', async () => {
    const launched = await launch();
    try {
      expect(launched.output()).not.toContain('seeding the demo organisation');
      expect(await organisationCount()).toBe(1);
    } finally {
      expect(await stopWithCtrlC(launched)).toBe(0);
    }
  }, 180_000);
});
