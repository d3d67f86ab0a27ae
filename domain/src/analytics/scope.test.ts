import { describe, expect, it } from 'vitest';
import {
  analyticsScopeOf,
  calibrationAnalyticsAccess,
  mayReadOrganisationRatings,
  narrowsTo,
} from './scope.ts';

const viewer = { id: 'p1', role: 'member' as const, isTopOfOrganisation: false, directReports: 0 };

describe('analytics scope', () => {
  it('[ANA1] HR admins and the CEO see the organisation', () => {
    expect(analyticsScopeOf({ ...viewer, role: 'admin' })).toEqual({ kind: 'organisation' });
    expect(analyticsScopeOf({ ...viewer, isTopOfOrganisation: true, directReports: 5 })).toEqual({
      kind: 'organisation',
    });
  });

  it('[ANA2] a manager sees their reporting tree', () => {
    expect(analyticsScopeOf({ ...viewer, directReports: 3 })).toEqual({
      kind: 'tree',
      managerId: 'p1',
    });
  });

  it('[ANA3] anyone else sees a personal page', () => {
    expect(analyticsScopeOf(viewer)).toEqual({ kind: 'personal', personId: 'p1' });
  });

  it('[ANA4] calibration analytics: every session for HR admins, own sessions for the rest', () => {
    expect(calibrationAnalyticsAccess({ role: 'admin' })).toBe('every-session');
    expect(calibrationAnalyticsAccess({ role: 'member' })).toBe('own-sessions');
  });

  it('[ANA5] only HR admins read the organisation’s ratings over cycles', () => {
    expect(mayReadOrganisationRatings({ role: 'admin' })).toBe(true);
    expect(mayReadOrganisationRatings({ role: 'member' })).toBe(false);
  });

  it('[ANA6] a filter narrows a scope and never widens it', () => {
    expect(narrowsTo(null, null)).toBeNull();
    expect(narrowsTo(null, new Set(['a']))).toEqual(new Set(['a']));
    expect(narrowsTo(new Set(['a', 'b']), null)).toEqual(new Set(['a', 'b']));
    expect(narrowsTo(new Set(['a', 'b']), new Set(['b', 'c']))).toEqual(new Set(['b']));
    expect(narrowsTo(new Set(['a']), new Set(['c']))).toEqual(new Set());
  });
});
