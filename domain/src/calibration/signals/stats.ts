// The little statistics the fairness signals need (CAL53): means, sample standard deviations and
// a 95 % interval of a mean from Student's t. Pure, no dependencies: a few dozen lines are
// cheaper to check by hand than a statistics library is to ship to every browser.

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** The sample standard deviation (n − 1 in the denominator); 0 for fewer than two values. */
export function sampleSd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** Student's t, two-sided 95 % (the 0.975 quantile), for 1–30 degrees of freedom. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];

/** The 0.975 quantile of Student's t with `df` degrees of freedom (df ≥ 1): the table to 30, then
 *  the Cornish–Fisher expansion around the normal's 1.96 (within 0.001 of the exact value). */
export function t975(df: number): number {
  if (!Number.isInteger(df) || df < 1)
    throw new Error(`no t quantile for ${df} degrees of freedom`);
  if (df <= T_975.length) return T_975[df - 1]!;
  const z = 1.959964;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
}

export interface Interval {
  low: number;
  high: number;
}

/**
 * CAL53: the 95 % interval of the mean of `values`: mean ± t(n − 1) · s / √n, where s is the
 * larger of the values' own standard deviation and `floorSd` (the whole board's), so that two
 * people rated alike do not look certain. Null for fewer than two values: no interval at all.
 */
export function meanInterval(values: readonly number[], floorSd: number): Interval | null {
  if (values.length < 2) return null;
  const m = mean(values);
  const s = Math.max(sampleSd(values), floorSd);
  const half = (t975(values.length - 1) * s) / Math.sqrt(values.length);
  return { low: m - half, high: m + half };
}

/** Where a reference value sits against an interval: below it, above it, or inside (null). */
export function outside(interval: Interval | null, reference: number): 'below' | 'above' | null {
  if (interval === null || !Number.isFinite(reference)) return null;
  if (interval.high < reference) return 'below';
  if (interval.low > reference) return 'above';
  return null;
}
