// The view a client draws before it has the document (SYNC27, SC10), kept between requests:
// writing a big goal tree's snapshot holds the event loop long enough to notice (BENCHMARKS.md,
// "The snapshot first"), and every room on the node waits meanwhile. It is only a first view (the client's document replaces it a
// second later), so a kept one is written again only once the document has changed and it is
// older than MAX_AGE_MS.

/** How stale a kept snapshot may be served while the document changes. */
export const SNAPSHOT_MAX_AGE_MS = 10_000;

export class ViewSnapshot {
  readonly #write: () => string | null;
  readonly #now: () => number;
  #text: string | null = null;
  #writtenAt = 0;
  #changed = true;

  constructor(write: () => string | null, now: () => number = Date.now) {
    this.#write = write;
    this.#now = now;
  }

  /** The document took an update. */
  changed() {
    this.#changed = true;
  }

  /** The snapshot to serve now, or null for a document without one. */
  current(): string | null {
    const now = this.#now();
    const expired = this.#changed && now - this.#writtenAt >= SNAPSHOT_MAX_AGE_MS;
    if (this.#text === null || expired) {
      this.#text = this.#write();
      this.#writtenAt = now;
      this.#changed = false;
    }
    return this.#text;
  }
}
