import { afterEach, describe, expect, it } from 'vitest';
import { usePageLocale } from '$lib/format/locale';
import { weekLabel } from './week-label.ts';

afterEach(() => usePageLocale(null));

describe('weekLabel', () => {
  it('[ORG19] [ANA15] [ANA17] names a week alike on the weekly columns and the lines over weeks, in the page’s locale', () => {
    usePageLocale('en-GB');
    // WeekBars' rows carry the week as YYYY-MM-DD, Lines' points as a Date at UTC midnight.
    expect(weekLabel('2026-03-02')).toBe('2 Mar');
    expect(weekLabel(new Date('2026-03-02T00:00:00Z'))).toBe('2 Mar');
    usePageLocale('en-US');
    expect(weekLabel('2026-03-02')).toBe('Mar 2');
    expect(weekLabel(new Date('2026-03-02T00:00:00Z'))).toBe('Mar 2');
    // Neither M/D nor MM-DD.
    expect(weekLabel('2026-12-07')).not.toMatch(/^\d{1,2}[/-]\d{1,2}$/);
  });

  it('leaves any other label as it is', () => {
    expect(weekLabel('No team')).toBe('No team');
    expect(weekLabel(3)).toBe('3');
  });
});
