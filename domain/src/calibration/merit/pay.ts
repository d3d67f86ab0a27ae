// A person's pay as merit recommendations need it (CAL70, CAL71): salary, currency and pay range,
// and where the salary sits against the range's midpoint. Amounts are whole minor units (cents:
// hundredths of the currency), so every sum is exact; the database keeps them as numeric(14, 2).
// Pay is the most private record the product holds: it never enters a collaborative document
// (CAL76), so these are plain values the server hands to those allowed to see them.
import { fieldError, type Outcome } from '../../org/violation.ts';

export interface PayData {
  /** Yearly salary in minor units (hundredths). */
  salary: number;
  /** ISO 4217 code, upper case: EUR, GBP, USD… */
  currency: string;
  rangeMin: number;
  rangeMid: number;
  rangeMax: number;
}

/** The largest amount accepted: a billion a year (the column holds up to a trillion). */
export const PAY_MAX_MAJOR = 1_000_000_000;

/** The pay fields as forms and the CSV import name them, in the order they show them. */
export const PAY_FIELDS = ['salary', 'currency', 'rangeMin', 'rangeMid', 'rangeMax'] as const;
export type PayField = (typeof PAY_FIELDS)[number];

export const PAY_FIELD_LABELS: Readonly<Record<PayField, string>> = {
  salary: 'Salary',
  currency: 'Currency',
  rangeMin: 'Pay range minimum',
  rangeMid: 'Pay range midpoint',
  rangeMax: 'Pay range maximum',
};

const PLAIN = /^\d+(\.\d{1,2})?$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d{1,2})?$/;

/**
 * CAL70: an amount as typed — digits with at most two decimals after a point, thousands
 * optionally grouped by commas (85000, 85,000.50) — in minor units, or null when it is not one.
 * Other spellings (85.000,50) are refused rather than guessed.
 */
export function parseAmount(text: string): number | null {
  const typed = text.trim().replaceAll(/[\s\u00a0_]/g, '');
  if (!PLAIN.test(typed) && !GROUPED.test(typed)) return null;
  const [whole, fraction = ''] = typed.replaceAll(',', '').split('.') as [string, string?];
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(minor) || minor > PAY_MAX_MAJOR * 100) return null;
  return minor;
}

/** Minor units as the plain decimal a form or a CSV shows (8500050 → "85000.50"). */
export function amountText(minor: number): string {
  const whole = Math.floor(minor / 100);
  const cents = minor % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`;
}

let currencies: ReadonlySet<string> | undefined;
/** ISO 4217 codes this runtime knows (the browser and the server agree on the common ones). */
export function isCurrencyCode(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return /^[A-Z]{3}$/.test(code) && currencies.has(code);
}

const AMOUNT_HINT = 'write digits with up to two decimals, e.g. 85000 or 85000.50';

/**
 * CAL70: the five pay fields as typed (a form, a CSV row), trimmed. All empty: no pay data
 * (null). Otherwise all five are needed: a salary and a range minimum, midpoint and maximum each
 * above zero with minimum ≤ midpoint ≤ maximum, and an ISO 4217 currency (case ignored). The
 * salary may sit outside its range: that is what the range position shows.
 */
export function parsePay(input: Readonly<Record<PayField, string>>): Outcome<PayData | null> {
  const typed = Object.fromEntries(
    PAY_FIELDS.map((field) => [field, input[field].trim()]),
  ) as Record<PayField, string>;
  if (PAY_FIELDS.every((field) => typed[field] === '')) return { ok: true, value: null };
  const missing = PAY_FIELDS.find((field) => typed[field] === '');
  if (missing) {
    return fieldError(
      missing,
      `${PAY_FIELD_LABELS[missing]} is empty: give salary, currency and the range’s minimum, midpoint and maximum together, or none of them`,
    );
  }
  const amounts: Partial<Record<PayField, number>> = {};
  for (const field of ['salary', 'rangeMin', 'rangeMid', 'rangeMax'] as const) {
    const minor = parseAmount(typed[field]);
    if (minor === null) {
      return fieldError(
        field,
        `${PAY_FIELD_LABELS[field]} '${typed[field]}' is not an amount: ${AMOUNT_HINT}`,
      );
    }
    if (minor === 0) return fieldError(field, `${PAY_FIELD_LABELS[field]} must be above zero`);
    amounts[field] = minor;
  }
  const currency = typed.currency.toUpperCase();
  if (!isCurrencyCode(currency)) {
    return fieldError(
      'currency',
      `Currency '${typed.currency}' is not an ISO 4217 code (EUR, GBP, USD…)`,
    );
  }
  const { salary, rangeMin, rangeMid, rangeMax } = amounts as Record<PayField, number>;
  if (rangeMin > rangeMid) {
    return fieldError('rangeMin', 'The pay range minimum is above its midpoint');
  }
  if (rangeMid > rangeMax) {
    return fieldError('rangeMax', 'The pay range maximum is below its midpoint');
  }
  return { ok: true, value: { salary, currency, rangeMin, rangeMid, rangeMax } };
}

/** The three positions in range the merit matrix has a column for (CAL71). */
export const RANGE_BANDS = ['below', 'within', 'above'] as const;
export type RangeBand = (typeof RANGE_BANDS)[number];

export const RANGE_BAND_LABELS: Readonly<Record<RangeBand, string>> = {
  below: 'Below 90 % of midpoint',
  within: '90–110 % of midpoint',
  above: 'Above 110 % of midpoint',
};

/** CAL71: the salary as a fraction of its range's midpoint (the compa-ratio). */
export function compaRatio(pay: Pick<PayData, 'salary' | 'rangeMid'>): number {
  return pay.salary / pay.rangeMid;
}

/**
 * CAL71: below 90 % of the midpoint, 90–110 % (both ends included), or above 110 %. Compared in
 * whole minor units (salary × 10 against midpoint × 9 and × 11), so no rounding decides a border.
 */
export function rangeBandOf(pay: Pick<PayData, 'salary' | 'rangeMid'>): RangeBand {
  if (pay.salary * 10 < pay.rangeMid * 9) return 'below';
  if (pay.salary * 10 > pay.rangeMid * 11) return 'above';
  return 'within';
}

/** ORG11's stored position in the range (0 = minimum, 1 = maximum, at most 2), from the pay. */
export function rangePosition(pay: PayData): number {
  if (pay.rangeMax === pay.rangeMin) return pay.salary >= pay.rangeMax ? 1 : 0;
  const position = (pay.salary - pay.rangeMin) / (pay.rangeMax - pay.rangeMin);
  return Math.round(Math.min(2, Math.max(0, position)) * 10_000) / 10_000;
}
