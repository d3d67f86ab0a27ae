// Percentiles and medians for the benchmark. Pure: no I/O, unit-tested (stats.test.ts).

/** A growable buffer of float samples, cheap to append to millions of times. */
export class Samples {
  #values = new Float64Array(1024);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(value: number) {
    if (this.#length === this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#length++] = value;
  }

  /** The samples in the order they were pushed (a view: valid until the next push). */
  values(): Float64Array {
    return this.#values.subarray(0, this.#length);
  }

  /** A sorted copy of the samples. */
  sorted(): Float64Array {
    return this.#values.slice(0, this.#length).sort();
  }

  clear() {
    this.#length = 0;
  }
}

/** Nearest-rank percentile of ascending `sorted` values (p in 0–100); NaN when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  if (p <= 0) return sorted[0]!;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarise(values: ArrayLike<number> | Samples): Summary {
  const sorted = values instanceof Samples ? values.sorted() : Float64Array.from(values).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? NaN : sorted[sorted.length - 1]!,
  };
}

/** The median of the values that are numbers (the middle one, or the mean of the two middle
 *  ones). NaN (a run without that figure) is skipped; Infinity (never happened) counts. */
export function median(values: readonly number[]): number {
  const finite = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (finite.length === 0) return NaN;
  const middle = finite.length >> 1;
  return finite.length % 2 === 1 ? finite[middle]! : (finite[middle - 1]! + finite[middle]!) / 2;
}

/** Median of each numeric field over several runs' results. */
export function medianOf<K extends string>(
  runs: readonly Record<K, number>[],
  keys: readonly K[],
): Record<K, number> {
  const result = {} as Record<K, number>;
  for (const key of keys) result[key] = median(runs.map((run) => run[key]));
  return result;
}
