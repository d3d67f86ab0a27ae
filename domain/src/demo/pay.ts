// The demo organisation's pay (DEMO30–DEMO32): every person paid in euros within a range set by
// their job level, the salary where their pay-range position (ORG11) puts it; and the in-session
// calibration's budget set just above what its board recommends, so a move or two tips it over.
import type { PayData } from '../calibration/merit/pay.ts';
import type { MeritPool } from '../calibration/merit/recommend.ts';
import type { GeneratedPerson } from './generate.ts';
import type { JobLevel } from './levels.ts';

export const DEMO_CURRENCY = 'EUR';

/** DEMO30: yearly midpoints per level, in euros; ranges run from 80 % to 120 % of them. */
const MIDPOINTS: Readonly<Record<JobLevel, number>> = {
  IC1: 42_000,
  IC2: 55_000,
  IC3: 70_000,
  IC4: 88_000,
  IC5: 110_000,
  IC6: 135_000,
  M1: 85_000,
  M2: 100_000,
  M3: 125_000,
  M4: 150_000,
  M5: 180_000,
  M6: 230_000,
};

/** DEMO30: a person's pay: the level's range, the salary exactly at their range position (whole
 *  percents of a range 40 % of a midpoint in thousands: whole euros), so the position stored
 *  from the pay (CAL70) stays the generated one (DEMO6). */
export function demoPay(person: Pick<GeneratedPerson, 'jobLevel' | 'payRangePosition'>): PayData {
  const mid = MIDPOINTS[person.jobLevel] * 100;
  const rangeMin = Math.round(mid * 0.8);
  const rangeMax = Math.round(mid * 1.2);
  const salary = Math.round(rangeMin + person.payRangePosition * (rangeMax - rangeMin));
  return { salary, currency: DEMO_CURRENCY, rangeMin, rangeMid: mid, rangeMax };
}

/** DEMO31: how much of the budget the in-session board's recommendations use. */
export const DEMO_BUDGET_USE = 0.985;

/**
 * DEMO31: the budget percent (two decimals) at which `pool`'s recommendations use about 98.5 % of
 * it: close to its limit, and still under it.
 */
export function demoBudgetPercent(pool: Pick<MeritPool, 'recommended' | 'payroll'>): number {
  if (pool.payroll === 0) return 3;
  const percent = Math.ceil((pool.recommended / pool.payroll / DEMO_BUDGET_USE) * 10_000) / 100;
  return Math.min(50, percent);
}
