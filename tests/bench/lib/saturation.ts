// Whether a run measured the server. A run in which the load generator used (nearly) all of its
// core measures the generator, not the server; a run in which the server or the generator spent
// a large share of the time runnable but waiting for a core measures the other processes on the
// machine. Such runs are discarded (and reported), and replaced while there is time.

/** Share of one core used: CPU microseconds (user + system) over wall milliseconds. */
export function coreShare(cpuMicros: number, wallMs: number): number {
  if (wallMs <= 0) return NaN;
  return cpuMicros / 1000 / wallMs;
}

/** The generator is saturated above this share of its core: it would be queueing its own work. */
export const SATURATION_THRESHOLD = 0.9;
/** A process that waited for its core this share of the run was disturbed by other processes. */
export const DISTURBANCE_THRESHOLD = 0.25;

export function isSaturated(share: number, threshold = SATURATION_THRESHOLD): boolean {
  return share >= threshold;
}

export interface TimedRun<T> {
  /** The generator's share of its core during the run. */
  generatorShare: number;
  /** Shares of the run the server and the generator were runnable but not running. */
  serverWaitShare: number;
  generatorWaitShare: number;
  result: T;
}

export type DiscardReason = 'generator-saturated' | 'disturbed';

export function discardReason(run: TimedRun<unknown>): DiscardReason | undefined {
  if (isSaturated(run.generatorShare)) return 'generator-saturated';
  if (
    run.serverWaitShare > DISTURBANCE_THRESHOLD ||
    run.generatorWaitShare > DISTURBANCE_THRESHOLD
  ) {
    return 'disturbed';
  }
  return undefined;
}

/** Splits runs into those kept and those discarded, with why. */
export function keepUndisturbed<T>(runs: readonly TimedRun<T>[]) {
  const kept = runs.filter((run) => discardReason(run) === undefined);
  const saturated = runs.filter((run) => discardReason(run) === 'generator-saturated').length;
  const disturbed = runs.filter((run) => discardReason(run) === 'disturbed').length;
  return { kept, saturated, disturbed };
}

/** Measures CPU and wall time of this process between start() and stop(). */
export function startCpuWindow() {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  return () => {
    const used = process.cpuUsage(cpu);
    const wallMs = performance.now() - wall;
    return {
      wallMs,
      cpuMicros: used.user + used.system,
      share: coreShare(used.user + used.system, wallMs),
    };
  };
}
