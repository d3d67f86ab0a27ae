import { describe, expect, it } from 'vitest';
import { parseFilters } from './filters.ts';

const today = '2026-12-07';
const id = '0b6f1f4e-2c1a-4d53-9b7e-0c0f1d2e3a4b';

describe('dashboard filters', () => {
  it('[ANA27] defaults to the 26 weeks up to today and no cycle or team', () => {
    expect(parseFilters(new URLSearchParams(), today)).toEqual({
      cycleId: null,
      teamId: null,
      from: '2026-06-08',
      to: today,
    });
  });

  it('[ANA27] takes ids and real days only, in order, not past today, two years at most', () => {
    const params = new URLSearchParams({
      cycle: id,
      team: 'x; DROP',
      from: '2026-12-01',
      to: '2026-11-01',
    });
    expect(parseFilters(params, today)).toEqual({
      cycleId: id,
      teamId: null,
      from: '2026-11-01',
      to: '2026-12-01',
    });
    expect(parseFilters(new URLSearchParams({ to: '2027-05-01' }), today).to).toBe(today);
    expect(parseFilters(new URLSearchParams({ from: '2020-01-01' }), today).from).toBe(
      '2024-12-06',
    );
    expect(parseFilters(new URLSearchParams({ from: '2026-02-30' }), today).from).toBe(
      '2026-06-08',
    );
  });
});
