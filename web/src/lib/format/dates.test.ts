import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from './dates.ts';

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

  it('shows a moment with its time of day', () => {
    expect(formatDateTime('2026-08-01T09:41:00Z', 'en-GB')).toMatch(/1 Aug 2026, \d\d:41/);
  });
});
