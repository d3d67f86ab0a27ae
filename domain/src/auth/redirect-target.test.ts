import { describe, expect, it } from 'vitest';
import { DEFAULT_AFTER_SIGN_IN, safeRedirectTarget } from './redirect-target.ts';

describe('redirect after sign-in', () => {
  it('[AUTH8] follows a path on this site, keeping its query and fragment', () => {
    expect(safeRedirectTarget('/people?search=ada#row-3')).toBe('/people?search=ada#row-3');
  });

  it('[AUTH8] falls back to /goals when there is no target', () => {
    expect(safeRedirectTarget(null)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeRedirectTarget('')).toBe('/goals');
  });

  it.each([
    'https://evil.example/goals',
    '//evil.example/goals',
    '/\\evil.example/goals',
    '/\t/evil.example',
    '/\n/evil.example',
    'javascript:alert(1)',
    'goals',
  ])('[AUTH8] refuses %j, which could leave the site', (target) => {
    expect(safeRedirectTarget(target)).toBe('/goals');
  });
});
