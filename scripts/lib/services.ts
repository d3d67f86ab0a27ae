// Runs the product's two servers as child processes and stops them in order: the sync server
// first (it saves every pending edit before it exits, SYNC15), then the web server. The caller
// stops the database after both.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { readConfigFromEnv } from '@threadline/sync-server/config';
import { REPO_ROOT } from './repo-root.ts';

// adapter-node's own grace for open requests (SHUTDOWN_TIMEOUT, seconds) and ours on top of it.
const WEB_SHUTDOWN_SECONDS = 10;
// Past the server's own deadline, the time to log what it could not save, finish a compaction
// and close its pool: only a server that hangs is killed.
const STOP_MARGIN_MS = 15_000;

export interface ServiceOptions {
  databaseUrl: string;
  webPort: number;
  syncPort: number;
  /** Public origin of the web app; adapter-node needs it to check form origins (CSRF). */
  origin: string;
  host?: string;
  env?: Record<string, string>;
}

export interface RunningServices {
  /** Resolves when a child exits on its own (a crash): the launcher then stops everything. */
  exited: Promise<{ name: string; code: number | null }>;
  stop(): Promise<void>;
}

function startChild(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // Own process group: a Ctrl-C in the terminal reaches only the launcher, which stops the
  // servers itself, in order, before the database.
  const child = spawn(process.execPath, args, {
    detached: true,
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
    let pending = '';
    stream.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout!, process.stdout);
  prefix(child.stderr!, process.stderr);
  // Detached children outlive a launcher that crashes; never leave one behind.
  process.once('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return child;
}

export function startServices(options: ServiceOptions): RunningServices {
  const shared = {
    ...process.env,
    ...options.env,
    DATABASE_URL: options.databaseUrl,
    NODE_ENV: 'production',
  };
  const children = new Map<string, ChildProcess>([
    [
      'web',
      startChild('web', [path.join('build', 'index.js')], {
        ...shared,
        PORT: String(options.webPort),
        HOST: options.host ?? '0.0.0.0',
        ORIGIN: options.origin,
        // A 5,000-person CSV import is a few MB of JSON; adapter-node's default limit is 512 KB.
        BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '20M',
        SHUTDOWN_TIMEOUT: String(WEB_SHUTDOWN_SECONDS),
        SYNC_URL:
          process.env.SYNC_URL ?? `ws://${new URL(options.origin).hostname}:${options.syncPort}`,
      }),
    ],
    [
      'sync',
      startChild('sync', [path.join('sync-server', 'src', 'main.ts')], {
        ...shared,
        SYNC_PORT: String(options.syncPort),
        SYNC_HOST: options.host ?? '0.0.0.0',
        ORIGIN: options.origin,
      }),
    ],
  ]);

  let stopping = false;
  const exited = new Promise<{ name: string; code: number | null }>((resolve) => {
    for (const [name, child] of children) {
      child.on('exit', (code) => {
        if (!stopping) resolve({ name, code });
      });
    }
  });

  async function stop() {
    stopping = true;
    const sync = readConfigFromEnv(process.env).shutdownTimeoutMs;
    await stopChild(children.get('sync')!, sync + STOP_MARGIN_MS);
    await stopChild(children.get('web')!, WEB_SHUTDOWN_SECONDS * 1000 + STOP_MARGIN_MS);
  }

  return { exited, stop };
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
