import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ACCOUNT_FAILURE_LIMIT,
  BLOCK_SECONDS,
  FAILURE_WINDOW_SECONDS,
  IP_FAILURE_LIMIT,
  LoginThrottle,
} from './login-throttle.ts';

const MINUTE_MS = 60_000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-03-01T09:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

async function fail(throttle: LoginThrottle, times: number, email: string, ip = '192.0.2.1') {
  for (let attempt = 0; attempt < times; attempt++) await throttle.recordFailure(email, ip);
}

describe('login throttle', () => {
  it('[AUTH4] states the limits: 5 per account and 30 per address in 15 minutes', () => {
    expect([ACCOUNT_FAILURE_LIMIT, IP_FAILURE_LIMIT]).toEqual([5, 30]);
    expect([FAILURE_WINDOW_SECONDS, BLOCK_SECONDS]).toEqual([900, 900]);
  });

  it('[AUTH4] lets an account through after 4 failures and blocks it after the 5th', async () => {
    const throttle = new LoginThrottle();
    await fail(throttle, 4, 'ada@example.test');
    expect(await throttle.check('ada@example.test', '192.0.2.1')).toEqual({ blocked: false });
    await fail(throttle, 1, 'ada@example.test');
    expect(await throttle.check('ada@example.test', '192.0.2.1')).toEqual({
      blocked: true,
      scope: 'account',
      retryAfterSeconds: 900,
      message: 'Too many failed sign-in attempts for this account. Try again in 15 minutes.',
    });
  });

  it('[AUTH4] blocks the account from every address, whatever the capitals of the email', async () => {
    const throttle = new LoginThrottle();
    await fail(throttle, 5, 'Ada@Example.test', '192.0.2.1');
    const verdict = await throttle.check(' ada@example.TEST', '198.51.100.7');
    expect(verdict).toMatchObject({ blocked: true, scope: 'account' });
  });

  it('[AUTH4] leaves other accounts alone', async () => {
    const throttle = new LoginThrottle();
    await fail(throttle, 5, 'ada@example.test');
    expect(await throttle.check('grace@example.test', '198.51.100.7')).toEqual({
      blocked: false,
    });
  });

  it('[AUTH4] says how many minutes are left, and lifts the block after 15 minutes', async () => {
    const throttle = new LoginThrottle();
    await fail(throttle, 5, 'ada@example.test');
    vi.advanceTimersByTime(10 * MINUTE_MS + 30_000);
    expect(await throttle.check('ada@example.test', '192.0.2.1')).toMatchObject({
      retryAfterSeconds: 270,
      message: 'Too many failed sign-in attempts for this account. Try again in 5 minutes.',
    });
    vi.advanceTimersByTime(4 * MINUTE_MS + 29_000);
    expect(await throttle.check('ada@example.test', '192.0.2.1')).toMatchObject({
      message: 'Too many failed sign-in attempts for this account. Try again in 1 minute.',
    });
    vi.advanceTimersByTime(1_000);
    expect(await throttle.check('ada@example.test', '192.0.2.1')).toEqual({ blocked: false });
  });

  it('[AUTH4] forgets failures older than the 15-minute window', async () => {
    const throttle = new LoginThrottle();
    await fail(throttle, 4, 'ada@example.test');
    vi.advanceTimersByTime(FAILURE_WINDOW_SECONDS * 1000);
    await fail(throttle, 1, 'ada@example.test');
    expect(await throttle.check('ada@example.test', '192.0.2.1')).toEqual({ blocked: false });
  });

  it('[AUTH4] clears the account count on a successful sign-in', async () => {
    const throttle = new LoginThrottle();
    await fail(throttle, 4, 'ada@example.test');
    await throttle.recordSuccess('ADA@example.test');
    await fail(throttle, 4, 'ada@example.test');
    expect(await throttle.check('ada@example.test', '192.0.2.1')).toEqual({ blocked: false });
  });

  it('[AUTH4] blocks an address after 30 failures spread over many accounts', async () => {
    const throttle = new LoginThrottle();
    for (let account = 0; account < 29; account++) {
      await fail(throttle, 1, `person${account}@example.test`, '203.0.113.9');
    }
    expect(await throttle.check('new@example.test', '203.0.113.9')).toEqual({ blocked: false });
    await fail(throttle, 1, 'person29@example.test', '203.0.113.9');
    expect(await throttle.check('new@example.test', '203.0.113.9')).toEqual({
      blocked: true,
      scope: 'ip',
      retryAfterSeconds: 900,
      message: 'Too many failed sign-in attempts from your network. Try again in 15 minutes.',
    });
    expect(await throttle.check('new@example.test', '192.0.2.1')).toEqual({ blocked: false });
  });

  it('[AUTH4] keeps counting the address after a successful sign-in from it', async () => {
    const throttle = new LoginThrottle({
      accountFailures: 5,
      ipFailures: 3,
      windowSeconds: 900,
      blockSeconds: 900,
    });
    await fail(throttle, 2, 'a@example.test', '203.0.113.9');
    await throttle.recordSuccess('a@example.test');
    await fail(throttle, 1, 'b@example.test', '203.0.113.9');
    expect(await throttle.check('c@example.test', '203.0.113.9')).toMatchObject({
      blocked: true,
      scope: 'ip',
    });
  });
});
