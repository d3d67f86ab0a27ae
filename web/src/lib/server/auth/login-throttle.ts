// Login throttling (SPEC AUTH4): failed sign-ins are counted per account (the email typed) and
// per client IP; past the limit, further attempts are refused before any password is checked.
//
// The counters live in this process's memory (RateLimiterMemory): the web app runs as one Node
// process, so every sign-in passes through the same counters. They reset on restart, which only
// gives an attacker one fresh window per restart. Running several web processes would need a
// shared store (rate-limiter-flexible's Redis or Postgres limiter behind the same interface).
import { RateLimiterMemory } from 'rate-limiter-flexible';

/** Failed sign-ins for one email within FAILURE_WINDOW_SECONDS before it is blocked. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failed sign-ins from one IP address within FAILURE_WINDOW_SECONDS before it is blocked. */
export const IP_FAILURE_LIMIT = 30;
export const FAILURE_WINDOW_SECONDS = 15 * 60;
/** How long a block lasts, counted from the failure that reached the limit. */
export const BLOCK_SECONDS = 15 * 60;

export type ThrottleVerdict =
  | { blocked: false }
  | { blocked: true; scope: 'account' | 'ip'; retryAfterSeconds: number; message: string };

export interface LoginThrottleLimits {
  accountFailures: number;
  ipFailures: number;
  windowSeconds: number;
  blockSeconds: number;
}

const DEFAULT_LIMITS: LoginThrottleLimits = {
  accountFailures: ACCOUNT_FAILURE_LIMIT,
  ipFailures: IP_FAILURE_LIMIT,
  windowSeconds: FAILURE_WINDOW_SECONDS,
  blockSeconds: BLOCK_SECONDS,
};

/** The same email typed with other capitals or spaces is the same account. */
function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

function minutes(seconds: number): string {
  const count = Math.max(1, Math.ceil(seconds / 60));
  return count === 1 ? '1 minute' : `${count} minutes`;
}

export class LoginThrottle {
  readonly #accounts: RateLimiterMemory;
  readonly #addresses: RateLimiterMemory;
  readonly #limits: LoginThrottleLimits;

  constructor(limits: LoginThrottleLimits = DEFAULT_LIMITS) {
    this.#limits = limits;
    const duration = limits.windowSeconds;
    this.#accounts = new RateLimiterMemory({ points: limits.accountFailures, duration });
    this.#addresses = new RateLimiterMemory({ points: limits.ipFailures, duration });
  }

  /** Call before checking a password: a blocked attempt must not reach argon2 at all. */
  async check(email: string, ip: string): Promise<ThrottleVerdict> {
    const account = await this.#accounts.get(accountKey(email));
    if (account && account.consumedPoints >= this.#limits.accountFailures) {
      const retryAfterSeconds = Math.ceil(account.msBeforeNext / 1000);
      return {
        blocked: true,
        scope: 'account',
        retryAfterSeconds,
        message: `Too many failed sign-in attempts for this account. Try again in ${minutes(retryAfterSeconds)}.`,
      };
    }
    const address = await this.#addresses.get(ip);
    if (address && address.consumedPoints >= this.#limits.ipFailures) {
      const retryAfterSeconds = Math.ceil(address.msBeforeNext / 1000);
      return {
        blocked: true,
        scope: 'ip',
        retryAfterSeconds,
        message: `Too many failed sign-in attempts from your network. Try again in ${minutes(retryAfterSeconds)}.`,
      };
    }
    return { blocked: false };
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.#count(this.#accounts, accountKey(email), this.#limits.accountFailures);
    await this.#count(this.#addresses, ip, this.#limits.ipFailures);
  }

  /** A correct password clears the account's failures; the address keeps its count. */
  async recordSuccess(email: string): Promise<void> {
    await this.#accounts.delete(accountKey(email));
  }

  async #count(limiter: RateLimiterMemory, key: string, limit: number): Promise<void> {
    // penalty() adds a failure without rejecting; the failure that reaches the limit starts a
    // block of its own length, so the wait is always BLOCK_SECONDS from that failure.
    const result = await limiter.penalty(key);
    if (result.consumedPoints >= limit) await limiter.block(key, this.#limits.blockSeconds);
  }
}

/** The web process's one throttle. */
export const loginThrottle = new LoginThrottle();
