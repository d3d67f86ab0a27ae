// The benchmark: our sync server against Hocuspocus (debounce 2 s and 0) and y-websocket's server,
// side by side in one run on one machine. `pnpm bench` (full) or `pnpm bench --quick`.
// See BENCHMARKS.md for the method; results go to tests/bench/results/.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import type { BenchContext, Scale } from './lib/context.ts';
import { openBenchDatabase } from './lib/database.ts';
import { GENERATOR_CORE, launchServer, SERVERS } from './lib/servers.ts';
import { ROOM_WORKLOADS, runRoomWorkload } from './workloads/rooms.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    servers: { type: 'string' },
    workloads: { type: 'string' },
  },
});

// The load generator runs on its own core; re-run this script pinned there.
if (!process.env.BENCH_PINNED) {
  const result = spawnSync(
    'taskset',
    ['-c', String(GENERATOR_CORE), process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, BENCH_PINNED: '1' } },
  );
  process.exit(result.status ?? 1);
}

const scale: Scale = values.quick
  ? { quick: true, warmupMs: 1000, runMs: 2000, runs: 3 }
  : { quick: false, warmupMs: 5000, runMs: 10_000, runs: 3 };
const log = (line: string) => console.log(line);

const database = await openBenchDatabase();
log(`database: ${database.engine}`);
try {
  const servers = SERVERS.filter((s) => !values.servers || values.servers.split(',').includes(s.id));
  const workloads = ROOM_WORKLOADS.filter(
    (w) => !values.workloads || values.workloads.split(',').includes(w.id),
  );
  for (const server of servers) {
    let process_ = await launchServer(server, database.url);
    const context: BenchContext = {
      server,
      get process() {
        return process_;
      },
      endpoint: {
        protocol: server.protocol,
        port: process_.port,
        token: database.token,
        cookie: database.cookie,
      },
      database,
      scale,
      log,
      async restart() {
        process_ = await launchServer(server, database.url, { port: process_.port });
        return process_;
      },
    };
    try {
      for (const workload of workloads) {
        const started = performance.now();
        const result = await runRoomWorkload(context, workload);
        log(
          `${server.id} ${workload.id}: ${JSON.stringify(result.median, (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(4)) : v))} ` +
            `discarded ${result.discarded} refusals ${result.refusals} closed ${result.closedClients} ` +
            `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      }
    } finally {
      await process_.stop();
    }
  }
} finally {
  await database.close();
}
