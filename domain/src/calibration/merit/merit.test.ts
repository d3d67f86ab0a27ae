import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIVE_POINTS } from '../testing.ts';
import { choosesPayViewers, editsMerit, receivesPay } from './access.ts';
import {
  cellField,
  checkMeritSettings,
  defaultMatrix,
  defaultMeritSettings,
  parseMeritSettings,
  parsePercent,
  type MeritMatrix,
} from './matrix.ts';
import {
  amountText,
  compaRatio,
  parseAmount,
  parsePay,
  rangeBandOf,
  rangePosition,
  type PayData,
} from './pay.ts';
import { meritSummary, percentOf, recommend, type MeritInput } from './recommend.ts';

const { scale } = FIVE_POINTS;

/** Pay in major units, for reading: eur(50_000, 40_000, 50_000, 60_000). */
const pay = (salary: number, min: number, mid: number, max: number, currency = 'EUR'): PayData => ({
  salary: Math.round(salary * 100),
  currency,
  rangeMin: Math.round(min * 100),
  rangeMid: Math.round(mid * 100),
  rangeMax: Math.round(max * 100),
});

const typed = (fields: Partial<Record<string, string>>) => ({
  salary: '',
  currency: '',
  rangeMin: '',
  rangeMid: '',
  rangeMax: '',
  ...fields,
});

describe('pay data', () => {
  it('[CAL70] reads amounts with up to two decimals, grouped by commas or not, in minor units', () => {
    expect(parseAmount('85000')).toBe(8_500_000);
    expect(parseAmount(' 85,000.5 ')).toBe(8_500_050);
    expect(parseAmount('85 000.05')).toBe(8_500_005);
    expect(parseAmount('85.000,50')).toBeNull();
    expect(parseAmount('8,50')).toBeNull();
    expect(parseAmount('1.234')).toBeNull();
    expect(parseAmount('-5')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
    expect(amountText(8_500_050)).toBe('85000.50');
    expect(amountText(8_500_000)).toBe('85000');
  });

  it('[CAL70] takes the five fields together or none, a range in order and an ISO currency', () => {
    expect(parsePay(typed({}))).toEqual({ ok: true, value: null });
    expect(
      parsePay(
        typed({
          salary: '52000',
          currency: 'eur',
          rangeMin: '45000',
          rangeMid: '55000',
          rangeMax: '65000',
        }),
      ),
    ).toEqual({ ok: true, value: pay(52_000, 45_000, 55_000, 65_000) });
    const missing = parsePay(typed({ salary: '52000', currency: 'EUR' }));
    expect(missing).toMatchObject({
      ok: false,
      errors: { rangeMin: expect.stringContaining('together') },
    });
    const badCurrency = parsePay(
      typed({ salary: '1', currency: 'EURO', rangeMin: '1', rangeMid: '1', rangeMax: '1' }),
    );
    expect(badCurrency).toMatchObject({
      ok: false,
      errors: { currency: expect.stringContaining('ISO 4217') },
    });
    const unordered = parsePay(
      typed({
        salary: '50000',
        currency: 'GBP',
        rangeMin: '60000',
        rangeMid: '55000',
        rangeMax: '70000',
      }),
    );
    expect(unordered).toMatchObject({ ok: false, errors: { rangeMin: expect.any(String) } });
    const zero = parsePay(
      typed({ salary: '0', currency: 'GBP', rangeMin: '1', rangeMid: '2', rangeMax: '3' }),
    );
    expect(zero).toMatchObject({ ok: false, errors: { salary: 'Salary must be above zero' } });
  });

  it('[CAL71] bands the salary against the midpoint: below 90 %, 90–110 % inclusive, above 110 %', () => {
    expect(rangeBandOf(pay(44_999.99, 0, 50_000, 0))).toBe('below');
    expect(rangeBandOf(pay(45_000, 0, 50_000, 0))).toBe('within');
    expect(rangeBandOf(pay(55_000, 0, 50_000, 0))).toBe('within');
    expect(rangeBandOf(pay(55_000.01, 0, 50_000, 0))).toBe('above');
    expect(compaRatio(pay(55_000, 0, 50_000, 0))).toBeCloseTo(1.1);
    expect(rangePosition(pay(55_000, 40_000, 50_000, 60_000))).toBe(0.75);
    expect(rangePosition(pay(90_000, 40_000, 50_000, 60_000))).toBe(2);
  });
});

describe('the merit matrix and the budget', () => {
  it('[CAL72] starts from a grid of 8/7/6 % for the top rating down to 1/0.5/0 % for the lowest', () => {
    expect(defaultMatrix(scale)).toEqual({
      '5': { below: 8, within: 7, above: 6 },
      '4': { below: 6.5, within: 5.5, above: 4.5 },
      '3': { below: 4.5, within: 4, above: 3 },
      '2': { below: 3, within: 2, above: 1.5 },
      '1': { below: 1, within: 0.5, above: 0 },
    });
    const three = defaultMatrix(scale.slice(0, 3));
    expect(three['3']).toEqual({ below: 8, within: 7, above: 6 });
    expect(three['1']).toEqual({ below: 1, within: 0.5, above: 0 });
    expect(defaultMeritSettings(scale).budgetPercent).toBe(3);
  });

  it('[CAL72] [CAL73] accepts percents from 0 to 50 with two decimals at most, per field', () => {
    expect(parsePercent('2.75')).toBe(2.75);
    expect(parsePercent('3 %')).toBe(3);
    expect(parsePercent('3,5')).toBe(3.5);
    expect(parsePercent('50')).toBe(50);
    expect(parsePercent('50.01')).toBeNull();
    expect(parsePercent('-1')).toBeNull();
    expect(parsePercent('1.234')).toBeNull();
    expect(parsePercent('')).toBeNull();

    const form = new Map<string, string>();
    const defaults = defaultMatrix(scale);
    for (const point of scale) {
      for (const band of ['below', 'within', 'above'] as const) {
        form.set(cellField(point.value, band), String(defaults[String(point.value)]![band]));
      }
    }
    form.set('budget', '2.5');
    const read = (field: string) => form.get(field) ?? '';
    expect(parseMeritSettings(read, scale)).toEqual({
      ok: true,
      value: { matrix: defaults, budgetPercent: 2.5 },
    });
    form.set(cellField(4, 'above'), '60');
    form.set('budget', 'three');
    const refused = parseMeritSettings(read, scale);
    expect(refused.ok).toBe(false);
    expect(Object.keys(refused.ok ? {} : refused.errors).sort()).toEqual([
      'budget',
      'merit-4-above',
    ]);
  });

  it('[CAL72] refuses stored settings that do not fit the scale', () => {
    const settings = defaultMeritSettings(scale);
    expect(checkMeritSettings(settings, scale).ok).toBe(true);
    expect(checkMeritSettings(settings, scale.slice(0, 4)).ok).toBe(false);
    const broken = { ...settings, matrix: { ...settings.matrix, '3': { below: 1, within: 2 } } };
    expect(checkMeritSettings(broken as unknown as typeof settings, scale).ok).toBe(false);
  });
});

const matrix: MeritMatrix = defaultMatrix(scale);

describe('recommendations and the pool', () => {
  it('[CAL74] takes the cell of the current rating and range position, rounded half up to a cent', () => {
    // 51,234.50 within 90–110 % of 50,000, rating 4: 5.5 % = 2,817.8975 → 2,817.90.
    expect(
      recommend({ personId: 'a', rating: 4, pay: pay(51_234.5, 40_000, 50_000, 60_000) }, matrix),
    ).toEqual({
      personId: 'a',
      kind: 'recommended',
      currency: 'EUR',
      band: 'within',
      percent: 5.5,
      amount: 281_790,
    });
    expect(recommend({ personId: 'b', rating: null, pay: pay(1, 1, 1, 1) }, matrix)).toEqual({
      personId: 'b',
      kind: 'not-rated',
      currency: 'EUR',
    });
    expect(recommend({ personId: 'c', rating: 5, pay: null }, matrix)).toEqual({
      personId: 'c',
      kind: 'no-pay',
    });
    expect(percentOf(1, 5_000)).toBe(1); // 0.5 cent rounds up
    expect(percentOf(1, 4_999)).toBe(0);
    // Past 2^53 the product is still exact: 9e15 cents × 3 % = 2.7e14.
    expect(percentOf(9_000_000_000_000_000, 300)).toBe(270_000_000_000_000);
  });

  it('[CAL75] sums a pool per currency against its budget, and says when it is over', () => {
    const people: MeritInput[] = [
      // 40,000 below range (80 % of 50,000), rating 5: 8 % = 3,200
      { personId: 'a', rating: 5, pay: pay(40_000, 40_000, 50_000, 60_000) },
      // 50,000 within, rating 3: 4 % = 2,000
      { personId: 'b', rating: 3, pay: pay(50_000, 40_000, 50_000, 60_000) },
      // 60,000 above, rating 1: 0 %
      { personId: 'c', rating: 1, pay: pay(60_000, 40_000, 50_000, 60_000) },
      // not placed: in the payroll, no recommendation
      { personId: 'd', rating: null, pay: pay(50_000, 40_000, 50_000, 60_000) },
      { personId: 'e', rating: 4, pay: pay(70_000, 60_000, 70_000, 80_000, 'GBP') },
      { personId: 'f', rating: 4, pay: null },
    ];
    const summary = meritSummary(people, matrix, 3);
    expect(summary.withoutPay).toBe(1);
    expect(summary.pools).toEqual([
      {
        currency: 'EUR',
        people: 4,
        notRated: 1,
        payroll: 20_000_000,
        budget: 600_000,
        recommended: 520_000,
        remaining: 80_000,
        overBudget: false,
      },
      {
        currency: 'GBP',
        people: 1,
        notRated: 0,
        payroll: 7_000_000,
        budget: 210_000,
        // 5.5 % of 70,000 = 3,850 > 2,100
        recommended: 385_000,
        remaining: -175_000,
        overBudget: true,
      },
    ]);
    expect(summary.recommendations.get('f')).toEqual({ personId: 'f', kind: 'no-pay' });
    // Moving b from 3 to 5 puts the euro pool over: 3,200 + 7 % of 50,000 = 6,700 > 6,000.
    const moved = meritSummary(
      people.map((person) => (person.personId === 'b' ? { ...person, rating: 5 } : person)),
      matrix,
      3,
    );
    expect(moved.pools[0]).toMatchObject({
      recommended: 670_000,
      remaining: -70_000,
      overBudget: true,
    });
  });

  it('[CAL75] a pool’s total is always the sum of its recommendations, and never mixes currencies', () => {
    const person = fc.record({
      rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      salary: fc.integer({ min: 1, max: 50_000_000_00 }),
      mid: fc.integer({ min: 1, max: 50_000_000_00 }),
      currency: fc.constantFrom('EUR', 'GBP', 'USD'),
      hasPay: fc.boolean(),
    });
    const cell = fc.integer({ min: 0, max: 5_000 }).map((bp) => bp / 100);
    const row = fc.record({ below: cell, within: cell, above: cell });
    fc.assert(
      fc.property(
        fc.array(person, { maxLength: 60 }),
        fc.tuple(row, row, row, row, row),
        fc.integer({ min: 0, max: 5_000 }).map((bp) => bp / 100),
        (drawn, rows, budgetPercent) => {
          const grid = Object.fromEntries(rows.map((r, index) => [String(index + 1), r]));
          const people: MeritInput[] = drawn.map((p, index) => ({
            personId: `p${index}`,
            rating: p.rating,
            pay: p.hasPay
              ? {
                  salary: p.salary,
                  currency: p.currency,
                  rangeMin: 1,
                  rangeMid: p.mid,
                  rangeMax: p.mid,
                }
              : null,
          }));
          const summary = meritSummary(people, grid, budgetPercent);
          for (const pool of summary.pools) {
            let sum = 0;
            let payroll = 0;
            for (const p of people) {
              if (p.pay?.currency !== pool.currency) continue;
              payroll += p.pay.salary;
              const r = summary.recommendations.get(p.personId)!;
              if (r.kind === 'recommended') sum += r.amount;
            }
            expect(pool.recommended).toBe(sum);
            expect(pool.payroll).toBe(payroll);
            expect(pool.remaining).toBe(pool.budget - sum);
            expect(pool.overBudget).toBe(sum > pool.budget);
          }
          expect(summary.withoutPay).toBe(people.filter((p) => p.pay === null).length);
          expect(new Set(summary.pools.map((pool) => pool.currency)).size).toBe(
            summary.pools.length,
          );
        },
      ),
    );
  });
});

describe('who receives pay', () => {
  it('[CAL76] gives pay to administrators and to participants the session lets see it, nobody else', () => {
    expect(receivesPay({ isAdmin: true, role: null, seesPay: false })).toBe(true);
    expect(receivesPay({ isAdmin: false, role: 'leader', seesPay: true })).toBe(true);
    expect(receivesPay({ isAdmin: false, role: 'facilitator', seesPay: false })).toBe(false);
    expect(receivesPay({ isAdmin: false, role: 'leader', seesPay: false })).toBe(false);
    // A stale flag without a part in the session gives nothing.
    expect(receivesPay({ isAdmin: false, role: null, seesPay: true })).toBe(false);
  });

  it('[CAL77] [CAL78] lets facilitators and administrators edit the merit settings until finalized; only administrators choose who sees pay', () => {
    const facilitator = { isAdmin: false, role: 'facilitator' as const, seesPay: false };
    const leader = { isAdmin: false, role: 'leader' as const, seesPay: true };
    const admin = { isAdmin: true, role: null, seesPay: false };
    expect(editsMerit(facilitator, 'in_session')).toBe(true);
    expect(editsMerit(facilitator, 'draft')).toBe(true);
    expect(editsMerit(facilitator, 'finalized')).toBe(false);
    expect(editsMerit(leader, 'in_session')).toBe(false);
    expect(editsMerit(admin, 'proposals')).toBe(true);
    expect(choosesPayViewers(admin)).toBe(true);
    expect(choosesPayViewers(facilitator)).toBe(false);
  });
});
