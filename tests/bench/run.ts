// The benchmark: our sync server against Hocuspocus (debounce 2 s and 0) and y-websocket's server,
// side by side in one run on one machine, so the ratios survive a noisy machine.
//
//   pnpm bench [--quick] [--servers ours,hocuspocus,...] [--workloads fanout,join,...] [--profile]
//
// The load generator (this process) runs pinned to core 0, each server in its own process pinned
// to core 1, and the embedded database on the generator's core; the generator's main thread runs
// at a higher scheduling priority than the servers and the database (servers.ts). Results go to tests/bench/results/ (timestamped, and latest.*); a full run also
// refreshes the table in BENCHMARKS.md. The method is described there.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchContext, Scale } from './lib/context.ts';
import { openBenchDatabase } from './lib/database.ts';
import { RESULTS, roundForJson as round, writeResults } from './lib/output.ts';
import { figuresTable, runNotes, targetsTable } from './lib/report.ts';
import type { BenchResults, ServerResults } from './lib/results.ts';
import type { ServerProcess } from './lib/server-process.ts';
import { GENERATOR_CORE, GENERATOR_NICE, launchServer, SERVERS } from './lib/servers.ts';
import { runConvergence } from './workloads/convergence.ts';
import { runCrash } from './workloads/crash.ts';
import { runJoinStorm } from './workloads/join-storm.ts';
import { runMemory } from './workloads/memory.ts';
import { ROOM_WORKLOADS, runRoomWorkload } from './workloads/rooms.ts';
import { runSweep } from './workloads/sweep.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    servers: { type: 'string' },
    workloads: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});

// The load generator runs on its own core: re-run this script pinned there.
if (!process.env.BENCH_PINNED) {
  const result = spawnSync(
    'taskset',
    ['-c', String(GENERATOR_CORE), process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, BENCH_PINNED: '1' } },
  );
  process.exit(result.status ?? 1);
}

const quick = values.quick;
const scale: Scale = quick
  ? { quick, warmupMs: 500, runMs: 1200, runs: 3, maxRuns: 3, graceMs: 250, settleMs: 500 }
  : { quick, warmupMs: 5000, runMs: 10_000, runs: 3, maxRuns: 6, graceMs: 1000, settleMs: 12_000 };
const selected = (list: string | undefined, id: string) => !list || list.split(',').includes(id);
const log = (line: string) => console.log(line);
const started = new Date();
const startedAt = performance.now();
const database = await openBenchDatabase();
// After the database has started (its processes keep the default priority) and before any server
// does (each is started back at the default, server-process.ts).
os.setPriority(GENERATOR_NICE);
log(`database: ${database.engine}; ${quick ? 'quick' : 'full'} run`);
const all: ServerResults[] = [];
// Every server is started up front and the workloads interleave them (workload by workload, each
// server in turn), so the servers meet the machine's noise at nearly the same moments.
const contexts: BenchContext[] = [];
const profileDir = values.profile
  ? fileURLToPath(new URL(`../profiles/${started.toISOString().replace(/[:.]/g, '-')}/`, RESULTS))
  : undefined;
if (profileDir) mkdirSync(profileDir, { recursive: true });
try {
  for (const server of SERVERS.filter((s) => selected(values.servers, s.id))) {
    let running: ServerProcess = await launchServer(server, database.url);
    contexts.push({
      server,
      get process() {
        return running;
      },
      endpoint: {
        protocol: server.protocol,
        port: running.port,
        token: database.token,
        cookie: database.cookie,
      },
      database,
      scale,
      log,
      async restart() {
        running = await launchServer(server, database.url, { port: running.port });
        return running;
      },
      profiled(name, work) {
        if (!profileDir) return work();
        return running.profiled(join(profileDir, `${server.id}-${name}.cpuprofile`), work);
      },
    });
    all.push({ server: server.id, label: server.label, rooms: {}, errors: [] });
  }
  const step = async (
    name: string,
    run: (context: BenchContext, results: ServerResults) => Promise<unknown>,
  ) => {
    if (!selected(values.workloads, name)) return;
    for (const [i, context] of contexts.entries()) {
      const results = all[i]!;
      const began = performance.now();
      try {
        const result = await withTimeout(run(context, results), quick ? 120_000 : 900_000, name);
        log(
          `${context.server.id} ${name} (${((performance.now() - began) / 1000).toFixed(1)} s): ${JSON.stringify(result, round)}`,
        );
      } catch (error) {
        results.errors.push(
          `${name} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        log(
          `${context.server.id} ${name} FAILED: ${error instanceof Error ? error.stack : String(error)}\n${context.process.output}`,
        );
      }
    }
  };
  await step('memory', async (context, results) => (results.memory = await runMemory(context)));
  await step(
    'convergence',
    async (context, results) => (results.convergence = await runConvergence(context)),
  );
  for (const workload of ROOM_WORKLOADS) {
    await step(workload.id, async (context, results) => {
      const result = await runRoomWorkload(context, workload);
      results.rooms[workload.id] = result;
      return { median: result.median, saturated: result.saturated, disturbed: result.disturbed };
    });
  }
  await step('sweep', async (context, results) => (results.sweep = await runSweep(context)));
  await step('join', async (context, results) => (results.joinStorm = await runJoinStorm(context)));
  await step('crash', async (context, results) => (results.crash = await runCrash(context)));
} finally {
  for (const context of contexts) await context.process.stop();
  await database.close();
}

const results: BenchResults = {
  startedAt: started.toISOString().replace(/\.\d+Z$/, 'Z'),
  mode: quick ? 'quick' : 'full',
  durationSeconds: (performance.now() - startedAt) / 1000,
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    loadAverage: os.loadavg(),
  },
  database: database.engine,
  scale,
  servers: all,
};

const stamp = await writeResults(results, {
  updateBenchmarksMd: !quick && !values.servers && !values.workloads,
});
log(`\n${targetsTable(results)}\n\n${figuresTable(results)}\n`);
for (const note of runNotes(results)) log(`- ${note}`);
log(`\nwritten: tests/bench/results/${stamp}.{md,svg,json} and latest.*`);
// Providers and sockets of the workloads may leave timers behind (reconnect back-offs); the run
// is over, so do not wait for them.
process.exit(0);

function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
