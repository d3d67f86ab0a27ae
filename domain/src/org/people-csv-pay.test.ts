// The people import's pay columns (CAL70): all five or none in the header, per-line errors per
// cell, a row's empty pay cells removing pay, amounts kept exactly.
import { describe, expect, it } from 'vitest';
import { formatImportError, importContext, planPeopleImportFromRecords } from './people-csv.ts';

const PAY = 'Salary,Currency,Pay range min,Pay range midpoint,Pay range max';
const records = (text: string) => text.split('\n').map((line) => line.split(';'));
const empty = importContext({ people: [], teamNames: [] });
const plan = (text: string) => planPeopleImportFromRecords(records(text), empty);

describe('pay in the people import', () => {
  it('[CAL70] reads salary, currency and range into each planned person, exactly', () => {
    const result = plan(
      `Name;Email;${PAY.replaceAll(',', ';')}\nAda;ada@x.io;85,000.50;eur;70000;80000;90000\nBen;ben@x.io;;;;;`,
    );
    expect(result.errors).toEqual([]);
    expect(result.columns).toEqual([
      'name',
      'email',
      'salary',
      'currency',
      'payRangeMin',
      'payRangeMid',
      'payRangeMax',
    ]);
    expect(result.creates[0]).toMatchObject({
      pay: {
        salary: 8_500_050,
        currency: 'EUR',
        rangeMin: 7_000_000,
        rangeMid: 8_000_000,
        rangeMax: 9_000_000,
      },
      salary: '85000.50',
      currency: 'EUR',
    });
    expect(result.creates[1]!.pay).toBeNull();
    // Without the pay columns, pay is left as it is.
    expect(plan('Name;Email\nAda;ada@x.io').creates[0]!.pay).toBeUndefined();
  });

  it('[CAL70] refuses some pay columns without the others, as a file error on the header', () => {
    const result = plan('Name;Email;Salary;Currency\nAda;ada@x.io;1;EUR');
    expect(result.errors.map(formatImportError)).toEqual([
      "Line 1: pay columns come together: add 'Pay range min', 'Pay range midpoint', 'Pay range max' or leave out 'Salary', 'Currency'",
    ]);
  });

  it('[CAL70] gives each bad pay cell an error on its line, and nothing is planned to be written', () => {
    const result = plan(
      [
        `Name;Email;${PAY.replaceAll(',', ';')}`,
        'Ada;ada@x.io;85.000,50;EUR;1;2;3',
        'Ben;ben@x.io;50000;EURO;1;2;3',
        'Cy;cy@x.io;50000;EUR;3;2;1',
        'Di;di@x.io;50000;;;;',
      ].join('\n'),
    );
    expect(result.errors.map(formatImportError)).toEqual([
      "Line 2: salary '85.000,50' is not an amount: write digits with up to two decimals, e.g. 85000 or 85000.50",
      "Line 3: currency 'EURO' is not an ISO 4217 code (EUR, GBP, USD…)",
      'Line 4: the pay range minimum is above its midpoint',
      'Line 5: currency is empty: give salary, currency and the range’s minimum, midpoint and maximum together, or none of them',
    ]);
    expect(result.errors.map((error) => error.column)).toEqual([
      'salary',
      'currency',
      'payRangeMin',
      'currency',
    ]);
  });
});
