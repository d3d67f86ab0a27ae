import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendar-date.ts';

/** The same question asked of the platform's calendar (what the rule used before). */
function byDateRoundTrip(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

describe('isCalendarDate', () => {
  it('agrees with the calendar on every month and day of leap and common years', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    for (const year of [1900, 1999, 2000, 2024, 2026, 2100, 2400]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(isCalendarDate(value), value).toBe(byDateRoundTrip(value));
        }
      }
    }
  });

  it('refuses what is not a day written YYYY-MM-DD', () => {
    for (const value of [
      '2026-2-03',
      '2026-02-3',
      '20260203',
      '2026-02-03T00:00',
      ' 2026-02-03',
      '',
    ]) {
      expect(isCalendarDate(value), value).toBe(false);
    }
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
  });
});
