// Timed runs over a running RoomLoad: warm-up, then N runs of fixed length, each measured from
// both sides — the receivers' latencies, the server's CPU time (/proc), its event-loop delay
// (probe), the write-ahead log, and the generator's own CPU share (to discard saturated runs).
import type { BenchDatabase } from './database.ts';
import type { RoomLoad } from './room-load.ts';
import { keepUnsaturated, startCpuWindow, type TimedRun } from './saturation.ts';
import type { ServerProcess } from './server-process.ts';
import { median, summarise } from './stats.ts';
import { monotonicMs } from './tracker.ts';

export interface RunFigures {
  editsPerSecond: number;
  deliveryP50: number;
  deliveryP99: number;
  /** Deliveries that arrived, over those expected (edits × receivers). */
  completeness: number;
  serverCpuShare: number;
  /** Server CPU time per delivery (edit × receiver), presence traffic included. */
  cpuMicrosPerDelivery: number;
  eventLoopP99: number;
  eventLoopMax: number;
  durableP50: number;
  durableP99: number;
  /** Edits sent in the run that were not durable by its end (+ grace). */
  notDurable: number;
  walBytesPerEdit: number;
  generatorShare: number;
  generatorDelayP99: number;
}

export const RUN_FIGURES: readonly (keyof RunFigures)[] = [
  'editsPerSecond',
  'deliveryP50',
  'deliveryP99',
  'completeness',
  'serverCpuShare',
  'cpuMicrosPerDelivery',
  'eventLoopP99',
  'eventLoopMax',
  'durableP50',
  'durableP99',
  'notDurable',
  'walBytesPerEdit',
  'generatorShare',
  'generatorDelayP99',
];

export interface TimedResult {
  median: RunFigures;
  runs: TimedRun<RunFigures>[];
  discarded: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** After a run ends, how long deliveries and acks of its last edits may still arrive. */
const GRACE_MS = 1000;

export async function measureRun(
  load: RoomLoad,
  server: ServerProcess,
  database: BenchDatabase | undefined,
  runMs: number,
): Promise<TimedRun<RunFigures>> {
  await server.probe('reset');
  load.generatorDelay.reset();
  const walBefore = database ? await database.walPosition() : 0n;
  const cpuBefore = server.cpuMs();
  const generator = startCpuWindow();
  const from = monotonicMs();
  await sleep(runMs);
  const to = monotonicMs();
  const cpuAfter = server.cpuMs();
  const own = generator();
  const generatorDelayP99 = load.generatorDelay.percentile(99) / 1e6;
  const probe = await server.probe('stats');
  const walAfter = database ? await database.walPosition() : 0n;
  await sleep(GRACE_MS);
  const deliveries = summarise(load.tracker.deliveriesSentBetween(from, to));
  const edits = load.tracker.editsSentBetween(from, to);
  const durable = summarise(edits.durable);
  const expected = edits.edits * load.receiversPerEdit;
  const seconds = (to - from) / 1000;
  return {
    generatorShare: own.share,
    result: {
      editsPerSecond: edits.edits / seconds,
      deliveryP50: deliveries.p50,
      deliveryP99: deliveries.p99,
      completeness: expected === 0 ? NaN : edits.delivered / expected,
      serverCpuShare: (cpuAfter - cpuBefore) / (to - from),
      cpuMicrosPerDelivery: expected === 0 ? NaN : ((cpuAfter - cpuBefore) * 1000) / expected,
      eventLoopP99: probe.eventLoopDelay.p99,
      eventLoopMax: probe.eventLoopDelay.max,
      durableP50: durable.p50,
      durableP99: durable.p99,
      notDurable: edits.notDurable,
      walBytesPerEdit:
        database && edits.edits > 0 ? Number(walAfter - walBefore) / edits.edits : NaN,
      generatorShare: own.share,
      generatorDelayP99,
    },
  };
}

/** Warm-up, then `runs` timed runs; medians over the runs the generator did not saturate (all
 *  of them, flagged, when every run saturated). */
export async function timedRuns(
  load: RoomLoad,
  server: ServerProcess,
  database: BenchDatabase | undefined,
  options: { warmupMs: number; runMs: number; runs: number },
): Promise<TimedResult> {
  await sleep(options.warmupMs);
  const runs: TimedRun<RunFigures>[] = [];
  for (let i = 0; i < options.runs; i++) {
    runs.push(await measureRun(load, server, database, options.runMs));
  }
  const { kept, discarded } = keepUnsaturated(runs);
  const basis = kept.length > 0 ? kept : runs;
  const medianFigures = {} as RunFigures;
  for (const key of RUN_FIGURES) medianFigures[key] = median(basis.map((run) => run.result[key]));
  return { median: medianFigures, runs, discarded: discarded.length };
}
