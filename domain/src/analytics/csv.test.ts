import { describe, expect, it } from 'vitest';
import { csvRecords, csvSafeCell } from './csv.ts';

describe('CSV cells', () => {
  it('[ANA10] defuses text a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvSafeCell(text)).toBe(`'${text}`);
    }
    expect(csvSafeCell('Platform team')).toBe('Platform team');
    expect(csvSafeCell('a=b')).toBe('a=b');
  });

  it('[ANA10] keeps numbers as numbers, negative ones included, and writes blanks for nothing', () => {
    expect(csvSafeCell(-0.5)).toBe(-0.5);
    expect(csvSafeCell(12)).toBe(12);
    expect(csvSafeCell(null)).toBe('');
    expect(csvSafeCell(Number.NaN)).toBe('');
    expect(csvSafeCell(true)).toBe('yes');
  });

  it('[ANA10] makes the header and every row safe', () => {
    expect(csvRecords(['Team', 'Goals'], [['=HYPERLINK("x")', 3]])).toEqual([
      ['Team', 'Goals'],
      ['\'=HYPERLINK("x")', 3],
    ]);
  });
});
