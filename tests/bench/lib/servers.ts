// The servers under test and how each is started. All listen on loopback, each in its own
// pinned process (server-process.ts); the load generator speaks each one's protocol
// (light-client.ts).
import { fileURLToPath } from 'node:url';
import { findFreePort } from '@threadline/db/free-port';
import { ServerProcess } from './server-process.ts';

/** Which wire protocol a server speaks. */
export type Protocol = 'ours' | 'hocuspocus' | 'y-websocket';

export interface ServerUnderTest {
  id: 'ours' | 'hocuspocus' | 'hocuspocus-d0' | 'y-websocket';
  label: string;
  protocol: Protocol;
  /** Whether edits reach Postgres at all. */
  persistent: boolean;
  entry: string;
  env(databaseUrl: string, port: number): Record<string, string>;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const SERVERS: readonly ServerUnderTest[] = [
  {
    id: 'ours',
    label: 'ours',
    protocol: 'ours',
    persistent: true,
    // The shipped entry point, configured only through its environment.
    entry: here('../../../sync-server/src/main.ts'),
    env: (databaseUrl, port) => ({
      DATABASE_URL: databaseUrl,
      SYNC_PORT: String(port),
      SYNC_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    }),
  },
  {
    id: 'hocuspocus',
    label: 'Hocuspocus (debounce 2 s)',
    protocol: 'hocuspocus',
    persistent: true,
    entry: here('../servers/hocuspocus.ts'),
    env: (databaseUrl, port) => ({
      BENCH_DATABASE_URL: databaseUrl,
      BENCH_PORT: String(port),
      BENCH_DEBOUNCE_MS: '2000',
    }),
  },
  {
    id: 'hocuspocus-d0',
    label: 'Hocuspocus (debounce 0)',
    protocol: 'hocuspocus',
    persistent: true,
    entry: here('../servers/hocuspocus.ts'),
    env: (databaseUrl, port) => ({
      BENCH_DATABASE_URL: databaseUrl,
      BENCH_PORT: String(port),
      BENCH_DEBOUNCE_MS: '0',
    }),
  },
  {
    id: 'y-websocket',
    label: 'y-websocket server (memory)',
    protocol: 'y-websocket',
    persistent: false,
    entry: here('../servers/y-websocket.ts'),
    env: (_databaseUrl, port) => ({ BENCH_PORT: String(port) }),
  },
];

export type ServerId = ServerUnderTest['id'];

export const SERVER_CORE = 1;
export const GENERATOR_CORE = 0;
/**
 * The load generator's scheduling priority (a nice value; servers and the database keep 0). The
 * embedded database runs on the generator's core (it inherits the core of the process that starts
 * it), so the server under test has its core to itself. The generator stands in for a thousand
 * people's browsers on machines of their own, yet whenever Postgres held their shared core,
 * acknowledgements and deliveries waited in the generator's socket buffers and were timestamped
 * late, and that wait was inside every latency it reported (BENCHMARKS.md, 2026-12-08: the 1:1
 * agendas workload's edit → durable p99 was 115–293 ms at 0 and 84–138 ms at −10, the server's
 * own wait for its core 9 % in both).
 */
export const GENERATOR_NICE = -10;

export async function launchServer(
  server: ServerUnderTest,
  databaseUrl: string,
  options: { port?: number } = {},
): Promise<ServerProcess> {
  const port = options.port ?? (await findFreePort());
  return ServerProcess.launch({
    entry: server.entry,
    env: server.env(databaseUrl, port),
    port,
    core: SERVER_CORE,
  });
}
