import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatShortDay } from './dates.ts';

describe('dates', () => {
  it('shows a calendar day in the locale asked for, the same day in every time zone', () => {
    expect(formatDay('2026-08-01', 'en-US')).toBe('Aug 1, 2026');
    expect(formatDay('2026-08-01', 'en-GB')).toBe('1 Aug 2026');
    expect(formatDay('2026-08-01', 'de-DE')).toBe('01.08.2026');
  });

  it('uses the one locale of the runtime when none is given', () => {
    const runtime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
    expect(formatDay('2026-12-31')).toBe(runtime.format(Date.UTC(2026, 11, 31)));
  });

  it('leaves what is not a date as it was', () => {
    expect(formatDay('someday')).toBe('someday');
    expect(formatDateTime('never')).toBe('never');
  });

  it('shows a day without its year as the 1:1 pages do, from a day or its UTC midnight', () => {
    expect(formatShortDay('2026-03-02', 'en-GB')).toBe('2 Mar');
    expect(formatShortDay('2026-03-02', 'en-US')).toBe('Mar 2');
    expect(formatShortDay(new Date('2026-03-02T00:00:00Z'), 'en-US')).toBe('Mar 2');
    expect(formatShortDay('week 9', 'en-GB')).toBe('week 9');
  });

  it('shows a moment with its time of day', () => {
    expect(formatDateTime('2026-08-01T09:41:00Z', 'en-GB')).toMatch(/1 Aug 2026, \d\d:41/);
  });
});

describe('the page locale (ORG19)', () => {
  it('[ORG19] every date follows the locale the layout set, and the runtime’s once unset', async () => {
    const { usePageLocale } = await import('./locale.ts');
    const { formatDay: meetingDay } = await import('$lib/one-on-ones/dates');
    try {
      usePageLocale('de-DE');
      expect(formatDay('2026-08-01')).toBe('01.08.2026');
      expect(meetingDay('2026-12-08', '2026-12-07')).toBe('Di., 8. Dez.');
      usePageLocale('en-GB');
      expect(meetingDay('2026-12-08', '2025-01-01')).toBe('Tue, 8 Dec 2026');
    } finally {
      usePageLocale(null);
    }
    const runtime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
    expect(formatDay('2026-08-01')).toBe(runtime.format(Date.UTC(2026, 7, 1)));
  });
});
