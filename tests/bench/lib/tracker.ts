// Bookkeeping of every edit the load generator sends: when, by whom, and when each receiver got
// it (delivery) and when it became durable (ours: the ack; Hocuspocus: its store committed).
// Times are milliseconds of the machine's monotonic clock (process.hrtime), which the server
// processes share, so a server's "stored at" compares with a client's "sent at".
import { scanMarkers } from './markers.ts';
import { Samples } from './stats.ts';

export const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;

export class EditTracker {
  #sentAt = new Float64Array(1 << 16);
  #writer = new Int32Array(1 << 16);
  #delivered = new Uint16Array(1 << 16);
  #durableAt = new Float64Array(1 << 16);
  #confirmed = new Uint8Array(1 << 16);
  /** Edits whose update carries no marker (a tick, a reorder): their deliveries go unseen. */
  #unmarked = new Uint8Array(1 << 16);
  #next = 0;
  /** Delivery samples: when the edit was sent, and how long it took to arrive. */
  readonly deliverySent = new Samples();
  readonly deliveryLatency = new Samples();

  get count(): number {
    return this.#next;
  }

  /** Reserves the next sequence number for an edit by client `writer`. */
  reserve(writer: number): number {
    const seq = this.#next++;
    if (seq >= this.#sentAt.length) this.#grow();
    this.#writer[seq] = writer;
    return seq;
  }

  sent(seq: number, at = monotonicMs()) {
    this.#sentAt[seq] = at;
  }

  sentAt(seq: number): number {
    return this.#sentAt[seq]!;
  }

  /** A live update frame arrived at client `receiver`: records each edit it carries. */
  receive(receiver: number, frame: Uint8Array) {
    const now = monotonicMs();
    scanMarkers(frame, (seq) => {
      if (seq >= this.#next || this.#writer[seq] === receiver) return;
      const sentAt = this.#sentAt[seq]!;
      if (sentAt === 0) return;
      this.#delivered[seq]!++;
      this.deliverySent.push(sentAt);
      this.deliveryLatency.push(now - sentAt);
    });
  }

  /** The edit's update carries no marker, so no receiver can report it. */
  unmarked(seq: number) {
    this.#unmarked[seq] = 1;
  }

  /** The writer was told the edit is saved (ours: ack; Hocuspocus: sync status; y-websocket's
   *  server says nothing, so: the frame was sent). */
  confirm(seq: number) {
    this.#confirmed[seq] = 1;
  }

  isConfirmed(seq: number): boolean {
    return this.#confirmed[seq] === 1;
  }

  wasSent(seq: number): boolean {
    return this.#sentAt[seq] !== 0;
  }

  durable(seq: number, at: number) {
    if (this.#durableAt[seq] === 0) this.#durableAt[seq] = at;
  }

  /** Latencies of deliveries of edits sent in [from, to). */
  deliveriesSentBetween(from: number, to: number): number[] {
    const latencies: number[] = [];
    const sentAll = this.deliverySent.values();
    const latencyAll = this.deliveryLatency.values();
    for (let i = 0; i < sentAll.length; i++) {
      const at = sentAll[i]!;
      if (at >= from && at < to) latencies.push(latencyAll[i]!);
    }
    return latencies;
  }

  /** Edits sent in [from, to): how many (and how many carried a marker), how many deliveries
   *  they got, their durable latencies and how many never became durable. */
  editsSentBetween(from: number, to: number) {
    let edits = 0;
    let marked = 0;
    let delivered = 0;
    let notDurable = 0;
    const durable: number[] = [];
    for (let seq = 0; seq < this.#next; seq++) {
      const at = this.#sentAt[seq]!;
      if (at < from || at >= to) continue;
      edits++;
      if (this.#unmarked[seq] === 0) marked++;
      delivered += this.#delivered[seq]!;
      const durableAt = this.#durableAt[seq]!;
      if (durableAt === 0) notDurable++;
      else durable.push(durableAt - at);
    }
    return { edits, marked, delivered, durable, notDurable };
  }

  #grow() {
    const size = this.#sentAt.length * 2;
    const grow = <T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(
      old: T,
      make: (n: number) => T,
    ) => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.#sentAt = grow(this.#sentAt, (n) => new Float64Array(n));
    this.#writer = grow(this.#writer, (n) => new Int32Array(n));
    this.#delivered = grow(this.#delivered, (n) => new Uint16Array(n));
    this.#durableAt = grow(this.#durableAt, (n) => new Float64Array(n));
    this.#confirmed = grow(this.#confirmed, (n) => new Uint8Array(n));
    this.#unmarked = grow(this.#unmarked, (n) => new Uint8Array(n));
  }
}
