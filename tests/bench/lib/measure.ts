// Timed runs over a running RoomLoad: warm-up, then N runs of fixed length, each measured from
// both sides — the receivers' latencies, the server's CPU time (/proc), its event-loop delay
// (probe), the write-ahead log, and the generator's own CPU share (to discard saturated runs).
import type { BenchDatabase } from './database.ts';
import type { RoomLoad } from './room-load.ts';
import { discardReason, keepUndisturbed, startCpuWindow, type TimedRun } from './saturation.ts';
import { runqueueWaitMs, type ServerProcess } from './server-process.ts';
import { median, summarise } from './stats.ts';
import { monotonicMs } from './tracker.ts';

export interface RunFigures {
  editsPerSecond: number;
  deliveryP50: number;
  deliveryP99: number;
  /** Deliveries that arrived, over those expected (edits that carry a marker × receivers). */
  completeness: number;
  serverCpuShare: number;
  /** Server CPU time per delivery (edit × receiver), presence traffic included. */
  cpuMicrosPerDelivery: number;
  /** Of that, the time spent in the kernel (system time): mostly one send per receiver. */
  systemCpuMicrosPerDelivery: number;
  eventLoopP99: number;
  eventLoopMax: number;
  durableP50: number;
  durableP99: number;
  /** Edits sent in the run that were still not durable when the workload ended (they count as
   *  infinitely late in the durable percentiles). */
  notDurable: number;
  walBytesPerEdit: number;
  generatorShare: number;
  generatorDelayP99: number;
  /** Share of the run the server was runnable but waiting for its core (other processes). */
  serverWaitShare: number;
  generatorWaitShare: number;
}

export const RUN_FIGURES: readonly (keyof RunFigures)[] = [
  'editsPerSecond',
  'deliveryP50',
  'deliveryP99',
  'completeness',
  'serverCpuShare',
  'cpuMicrosPerDelivery',
  'systemCpuMicrosPerDelivery',
  'eventLoopP99',
  'eventLoopMax',
  'durableP50',
  'durableP99',
  'notDurable',
  'walBytesPerEdit',
  'generatorShare',
  'generatorDelayP99',
  'serverWaitShare',
  'generatorWaitShare',
];

/** A run's window on the monotonic clock, to settle its durable figures later. */
export interface RunWindow {
  from: number;
  to: number;
}

export interface TimedResult {
  median: RunFigures;
  runs: TimedRun<RunFigures>[];
  /** Runs discarded because the generator saturated its core. */
  saturated: number;
  /** Runs discarded because the server or generator waited for a core (other processes). */
  disturbed: number;
  /** True when no run was clean, so the medians are of disturbed runs. */
  allDiscarded: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Edit → durable of the edits sent in a window; an edit never made durable counts as
 *  infinitely late (so a p99 is infinite when over 1% of edits were not saved). */
export function durableFigures(load: RoomLoad, window: RunWindow) {
  const edits = load.tracker.editsSentBetween(window.from, window.to);
  const latencies = [...edits.durable, ...new Array<number>(edits.notDurable).fill(Infinity)];
  const durable = summarise(latencies);
  return { durableP50: durable.p50, durableP99: durable.p99, notDurable: edits.notDurable };
}

export async function measureRun(
  load: RoomLoad,
  server: ServerProcess,
  database: BenchDatabase | undefined,
  runMs: number,
  graceMs = 1000,
): Promise<TimedRun<RunFigures> & { window: RunWindow }> {
  await server.probe('reset');
  load.generatorDelay.reset();
  const walBefore = database ? await database.walPosition() : 0n;
  const cpuBefore = server.cpuTimesMs();
  const waitBefore = server.waitingMs();
  const ownWaitBefore = runqueueWaitMs('self');
  const generator = startCpuWindow();
  const from = monotonicMs();
  await sleep(runMs);
  const to = monotonicMs();
  const cpuAfter = server.cpuTimesMs();
  const own = generator();
  const serverWaitShare = (server.waitingMs() - waitBefore) / (to - from);
  const generatorWaitShare = (runqueueWaitMs('self') - ownWaitBefore) / (to - from);
  const generatorDelayP99 = load.generatorDelay.percentile(99) / 1e6;
  const probe = await server.probe('stats');
  const walAfter = database ? await database.walPosition() : 0n;
  // Deliveries of the run's last edits may still be on their way.
  await sleep(graceMs);
  const deliveries = summarise(load.tracker.deliveriesSentBetween(from, to));
  const edits = load.tracker.editsSentBetween(from, to);
  // Without a database (y-websocket's server) nothing is ever durable: no figure, not ∞.
  const durable = database
    ? durableFigures(load, { from, to })
    : { durableP50: NaN, durableP99: NaN, notDurable: NaN };
  const expected = edits.edits * load.receiversPerEdit;
  const seconds = (to - from) / 1000;
  const systemMs = cpuAfter.system - cpuBefore.system;
  const cpuMs = cpuAfter.user - cpuBefore.user + systemMs;
  const perDelivery = (ms: number) => (expected === 0 ? NaN : (ms * 1000) / expected);
  return {
    window: { from, to },
    generatorShare: own.share,
    serverWaitShare,
    generatorWaitShare,
    result: {
      editsPerSecond: edits.edits / seconds,
      deliveryP50: deliveries.p50,
      deliveryP99: deliveries.p99,
      completeness:
        edits.marked === 0 ? NaN : edits.delivered / (edits.marked * load.receiversPerEdit),
      serverCpuShare: cpuMs / (to - from),
      cpuMicrosPerDelivery: perDelivery(cpuMs),
      systemCpuMicrosPerDelivery: perDelivery(systemMs),
      eventLoopP99: probe.eventLoopDelay.p99,
      eventLoopMax: probe.eventLoopDelay.max,
      ...durable,
      walBytesPerEdit:
        database && edits.edits > 0 ? Number(walAfter - walBefore) / edits.edits : NaN,
      generatorShare: own.share,
      generatorDelayP99,
      serverWaitShare,
      generatorWaitShare,
    },
  };
}

/** Warm-up, then timed runs until `runs` of them were clean (at most `maxRuns` attempts);
 *  medians over the clean runs, or over all of them, flagged, when none was. Edit → durable is
 *  settled last: a server that saves late (Hocuspocus debounces up to 10 s) gets up to
 *  `settleMs` after the last run to save what the runs sent. */
export async function timedRuns(
  load: RoomLoad,
  server: ServerProcess,
  database: BenchDatabase | undefined,
  options: {
    warmupMs: number;
    runMs: number;
    runs: number;
    maxRuns: number;
    graceMs: number;
    settleMs: number;
  },
): Promise<TimedResult> {
  await sleep(options.warmupMs);
  const runs: (TimedRun<RunFigures> & { window: RunWindow })[] = [];
  let clean = 0;
  while (clean < options.runs && runs.length < options.maxRuns) {
    const run = await measureRun(load, server, database, options.runMs, options.graceMs);
    runs.push(run);
    if (discardReason(run) === undefined) clean++;
  }
  if (database) {
    const pending = () => runs.some((run) => durableFigures(load, run.window).notDurable > 0);
    const deadline = performance.now() + options.settleMs;
    while (pending() && performance.now() < deadline) await sleep(250);
    for (const run of runs) Object.assign(run.result, durableFigures(load, run.window));
  }
  const { kept, saturated, disturbed } = keepUndisturbed(runs);
  const basis = kept.length > 0 ? kept : runs;
  const medianFigures = {} as RunFigures;
  for (const key of RUN_FIGURES) medianFigures[key] = median(basis.map((run) => run.result[key]));
  return {
    median: medianFigures,
    runs: runs.map(({ window: _window, ...run }) => run),
    saturated,
    disturbed,
    allDiscarded: kept.length === 0,
  };
}
