// Whether the load generator kept up. A run in which the generator's own process used (nearly) all
// of its core measures the generator, not the server: such runs are discarded and reported.

/** Share of one core used: CPU microseconds (user + system) over wall milliseconds. */
export function coreShare(cpuMicros: number, wallMs: number): number {
  if (wallMs <= 0) return NaN;
  return cpuMicros / 1000 / wallMs;
}

/** The generator is saturated above this share of its core: it would be queueing its own work. */
export const SATURATION_THRESHOLD = 0.9;

export function isSaturated(share: number, threshold = SATURATION_THRESHOLD): boolean {
  return share >= threshold;
}

export interface TimedRun<T> {
  /** The generator's share of its core during the run. */
  generatorShare: number;
  result: T;
}

/** Splits runs into those kept and those discarded because the generator saturated. */
export function keepUnsaturated<T>(runs: readonly TimedRun<T>[], threshold = SATURATION_THRESHOLD) {
  const kept = runs.filter((run) => !isSaturated(run.generatorShare, threshold));
  const discarded = runs.filter((run) => isSaturated(run.generatorShare, threshold));
  return { kept, discarded };
}

/** Measures CPU and wall time of this process between start() and stop(). */
export function startCpuWindow() {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  return () => {
    const used = process.cpuUsage(cpu);
    const wallMs = performance.now() - wall;
    return { wallMs, cpuMicros: used.user + used.system, share: coreShare(used.user + used.system, wallMs) };
  };
}
