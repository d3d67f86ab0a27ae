// Which rows of a document's log a loaded room holds, so a node finds the rows it missed when a
// Redis message was lost (SYNC26). Seqs are drawn from one sequence for every document, so a
// document's seqs have gaps: the room keeps a baseline (every row at or below it is held) and
// the set of seqs it holds above it. Checking reads the seqs after the baseline from the log;
// those not held were missed.
//
// A row's seq is drawn when it is inserted but becomes visible when its transaction commits, so
// a row with a lower seq can appear after a higher one. The baseline therefore only moves up to
// the highest seq seen at least `settleMs` earlier: by then every transaction that drew a lower
// seq has committed (or rolled back), and its row was fetched by a check in between.
export class LogPosition {
  #baseline: number;
  readonly #held = new Set<number>();
  #candidate: { seq: number; at: number } | undefined;

  constructor(loaded: { snapshotSeq: number; seqs: readonly number[] }) {
    this.#baseline = loaded.snapshotSeq;
    this.hold(loaded.seqs);
  }

  get baseline(): number {
    return this.#baseline;
  }

  hold(seqs: Iterable<number>) {
    for (const seq of seqs) if (seq > this.#baseline) this.#held.add(seq);
  }

  /** Of the log's seqs after the baseline, those this room does not hold. */
  missing(logSeqs: readonly number[]): number[] {
    return logSeqs.filter((seq) => seq > this.#baseline && !this.#held.has(seq));
  }

  /** After a check has fetched every missing row: moves the baseline up as far as is safe. */
  settle(logSeqs: readonly number[], now: number, settleMs: number) {
    if (this.#candidate && now - this.#candidate.at >= settleMs) {
      this.#baseline = Math.max(this.#baseline, this.#candidate.seq);
      for (const seq of this.#held) if (seq <= this.#baseline) this.#held.delete(seq);
      this.#candidate = undefined;
    }
    const highest = logSeqs.at(-1);
    if (this.#candidate === undefined && highest !== undefined && highest > this.#baseline) {
      this.#candidate = { seq: highest, at: now };
    }
  }
}
