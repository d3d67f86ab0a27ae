// Per-connection message rate limit (SYNC12). Hand-written rather than rate-limiter-flexible:
// that library is promise-based, and a connection's messages must be handled synchronously and
// in order; a bucket is a counter and a timestamp.
export class TokenBucket {
  #tokens: number;
  #updatedAt: number;
  readonly #perSecond: number;
  readonly #burst: number;
  readonly #now: () => number;

  constructor(
    perSecond: number,
    burst: number,
    now: () => number = performance.now.bind(performance),
  ) {
    this.#perSecond = perSecond;
    this.#burst = burst;
    this.#tokens = burst;
    this.#now = now;
    this.#updatedAt = now();
  }

  /** Takes one token; false when the bucket is empty (the caller is over its rate). */
  take(): boolean {
    const now = this.#now();
    const refill = ((now - this.#updatedAt) / 1000) * this.#perSecond;
    this.#tokens = Math.min(this.#burst, this.#tokens + refill);
    this.#updatedAt = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
