// A session's merit settings (CAL72, CAL73): the matrix of recommended increases, rating ×
// position in range, and the budget as a percent of the population's payroll. They hold no pay,
// only percents, and live in the session's row; editing them is CAL77.
import { fieldError, type Outcome } from '../../org/violation.ts';
import type { ScalePoint } from '../model.ts';
import { RANGE_BANDS, type RangeBand } from './pay.ts';

/** Recommended increase in percent per position in range, for one rating. */
export type MeritRow = Record<RangeBand, number>;
/** CAL72: a row per rating value of the session's scale, keyed by the value ("1" … "n"). */
export type MeritMatrix = Record<string, MeritRow>;

export interface MeritSettings {
  matrix: MeritMatrix;
  /** CAL73: the pool's budget, percent of the population's payroll. */
  budgetPercent: number;
}

/** The largest increase a cell may recommend, and the largest budget, in percent. */
export const MERIT_PERCENT_MAX = 50;
export const DEFAULT_BUDGET_PERCENT = 3;

/** CAL72: the default grid's top row (the highest rating) and bottom row (the lowest). */
const TOP: MeritRow = { below: 8, within: 7, above: 6 };
const BOTTOM: MeritRow = { below: 1, within: 0.5, above: 0 };

/**
 * CAL72: the default matrix for a scale: the top rating 8 / 7 / 6 % (below / within / above the
 * midpoint's 90–110 %), the lowest 1 / 0.5 / 0 %, the ratings between evenly between them,
 * rounded to the half percent.
 */
export function defaultMatrix(scale: readonly ScalePoint[]): MeritMatrix {
  const matrix: MeritMatrix = {};
  const steps = Math.max(1, scale.length - 1);
  scale.forEach((point, index) => {
    const t = index / steps;
    const row = {} as MeritRow;
    for (const band of RANGE_BANDS) {
      row[band] = Math.round((BOTTOM[band] + t * (TOP[band] - BOTTOM[band])) * 2) / 2;
    }
    matrix[String(point.value)] = row;
  });
  return matrix;
}

export function defaultMeritSettings(scale: readonly ScalePoint[]): MeritSettings {
  return { matrix: defaultMatrix(scale), budgetPercent: DEFAULT_BUDGET_PERCENT };
}

/** A percent in basis points (hundredths of a percent): 2.75 → 275. */
export const basisPoints = (percent: number): number => Math.round(percent * 100);

const PERCENT = /^\d{1,2}(\.\d{1,2})?$/;

/** CAL72, CAL73: a percent as typed: 0 to 50 with at most two decimals, or null. */
export function parsePercent(text: string): number | null {
  const typed = text.trim().replace(/%$/, '').trim().replace(',', '.');
  if (!PERCENT.test(typed)) return null;
  const value = Number(typed);
  return value <= MERIT_PERCENT_MAX ? value : null;
}

/** The form field of one cell: `merit-<rating>-<band>`. */
export const cellField = (rating: number, band: RangeBand) => `merit-${rating}-${band}`;

/**
 * CAL72, CAL73: the settings a facilitator typed (a cell field per rating and band, `budget`):
 * every cell and the budget a percent from 0 to 50 with at most two decimals. The matrix covers
 * exactly the session's scale. Each refused field gets its message.
 */
export function parseMeritSettings(
  input: (field: string) => string,
  scale: readonly ScalePoint[],
): Outcome<MeritSettings> {
  const matrix: MeritMatrix = {};
  const errors: Record<string, string> = {};
  for (const point of scale) {
    const row = {} as MeritRow;
    for (const band of RANGE_BANDS) {
      const field = cellField(point.value, band);
      const value = parsePercent(input(field));
      if (value === null)
        errors[field] = `Write a percent from 0 to ${MERIT_PERCENT_MAX}, e.g. 3.5`;
      else row[band] = value;
    }
    matrix[String(point.value)] = row;
  }
  const budgetPercent = parsePercent(input('budget'));
  if (budgetPercent === null) {
    errors.budget = `Write the budget as a percent of payroll from 0 to ${MERIT_PERCENT_MAX}, e.g. 3`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { matrix, budgetPercent: budgetPercent! } };
}

/** CAL72: whether stored settings fit a scale (a row of three valid cells per rating, nothing else). */
export function checkMeritSettings(
  settings: MeritSettings,
  scale: readonly ScalePoint[],
): Outcome<MeritSettings> {
  const valid = (value: unknown) =>
    typeof value === 'number' && parsePercent(String(value)) === value;
  const keys = Object.keys(settings.matrix).sort();
  const expected = scale.map((point) => String(point.value)).sort();
  if (keys.join() !== expected.join()) {
    return fieldError('form', 'The merit matrix needs one row per rating of the session’s scale.');
  }
  for (const key of keys) {
    const row = settings.matrix[key]!;
    if (Object.keys(row).length !== 3 || !RANGE_BANDS.every((band) => valid(row[band]))) {
      return fieldError('form', `The merit matrix’s row for rating ${key} is not three percents.`);
    }
  }
  if (!valid(settings.budgetPercent)) return fieldError('budget', 'The budget is not a percent.');
  return { ok: true, value: settings };
}
