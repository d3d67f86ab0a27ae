// Merit recommendations and the pool against its budget (CAL74, CAL75): pure, so the Pay view
// recomputes them in the browser after every move of the board, and the export writes the same
// numbers. Amounts are minor units (pay.ts); a percent of an amount is rounded half up to a whole
// minor unit per person, and a pool's total is the sum of those, so it is exact.
import { basisPoints, type MeritMatrix } from './matrix.ts';
import { rangeBandOf, type PayData, type RangeBand } from './pay.ts';

export interface MeritInput {
  personId: string;
  /** The card's rating where it sits now (CAL20), or null: not placed yet. */
  rating: number | null;
  /** Null: no pay data for this person. */
  pay: PayData | null;
}

export type Recommendation =
  | {
      personId: string;
      kind: 'recommended';
      currency: string;
      band: RangeBand;
      /** Percent from the matrix's cell. */
      percent: number;
      /** The increase in minor units. */
      amount: number;
    }
  | { personId: string; kind: 'not-rated'; currency: string }
  | { personId: string; kind: 'no-pay' };

/** CAL75: one currency's pool. */
export interface MeritPool {
  currency: string;
  /** People of the population with pay in this currency. */
  people: number;
  /** Of those, how many are not rated yet (no recommendation). */
  notRated: number;
  /** Sum of their salaries. */
  payroll: number;
  /** payroll × budget percent, rounded half up. */
  budget: number;
  /** Sum of the recommendations. */
  recommended: number;
  /** budget − recommended: negative when over budget. */
  remaining: number;
  overBudget: boolean;
}

export interface MeritSummary {
  recommendations: Map<string, Recommendation>;
  /** One pool per currency, by currency code (CAL75: never converted into one another). */
  pools: MeritPool[];
  /** People of the population without pay data (no recommendation, not in any payroll). */
  withoutPay: number;
}

/** `amount` × `bp` basis points, rounded half up to a whole minor unit (amounts are ≥ 0). */
export function percentOf(amount: number, bp: number): number {
  const product = amount * bp;
  if (Number.isSafeInteger(product)) return Math.floor((product + 5_000) / 10_000);
  // A large organisation's payroll times a budget can pass 2^53: exact in BigInt.
  return Number((BigInt(amount) * BigInt(bp) + 5_000n) / 10_000n);
}

/**
 * CAL74: a person's recommendation: the matrix's cell for their current rating and the position
 * of their salary in its range (CAL71), as a percent of the salary. Not rated (the card is not
 * placed, or its rating has no row): none yet; no pay data: none at all.
 */
export function recommend(input: MeritInput, matrix: MeritMatrix): Recommendation {
  const { personId, rating, pay } = input;
  if (pay === null) return { personId, kind: 'no-pay' };
  const row = rating === null ? undefined : matrix[String(rating)];
  if (row === undefined) return { personId, kind: 'not-rated', currency: pay.currency };
  const band = rangeBandOf(pay);
  const percent = row[band];
  return {
    personId,
    kind: 'recommended',
    currency: pay.currency,
    band,
    percent,
    amount: percentOf(pay.salary, basisPoints(percent)),
  };
}

/**
 * CAL75: every person's recommendation and one pool per currency: its payroll, its budget
 * (payroll × the budget percent), the sum of its recommendations and what remains; over budget
 * when the sum exceeds the budget. A population in several currencies gets several pools, each
 * judged against its own budget: no exchange rate is assumed.
 */
export function meritSummary(
  people: readonly MeritInput[],
  matrix: MeritMatrix,
  budgetPercent: number,
): MeritSummary {
  const recommendations = new Map<string, Recommendation>();
  const pools = new Map<string, MeritPool>();
  let withoutPay = 0;
  for (const person of people) {
    const recommendation = recommend(person, matrix);
    recommendations.set(person.personId, recommendation);
    if (recommendation.kind === 'no-pay' || person.pay === null) {
      withoutPay += 1;
      continue;
    }
    let pool = pools.get(recommendation.currency);
    if (!pool) {
      pool = {
        currency: recommendation.currency,
        people: 0,
        notRated: 0,
        payroll: 0,
        budget: 0,
        recommended: 0,
        remaining: 0,
        overBudget: false,
      };
      pools.set(recommendation.currency, pool);
    }
    pool.people += 1;
    pool.payroll += person.pay.salary;
    if (recommendation.kind === 'recommended') pool.recommended += recommendation.amount;
    else pool.notRated += 1;
  }
  const bp = basisPoints(budgetPercent);
  for (const pool of pools.values()) {
    pool.budget = percentOf(pool.payroll, bp);
    pool.remaining = pool.budget - pool.recommended;
    pool.overBudget = pool.recommended > pool.budget;
  }
  return {
    recommendations,
    pools: [...pools.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    withoutPay,
  };
}
