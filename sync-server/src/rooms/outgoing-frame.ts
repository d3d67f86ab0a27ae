// A message encoded once for however many connections it goes to. A server's websocket frames are
// unmasked (RFC 6455 §5.1), so the frame on the wire — header and payload — is the same bytes for
// every connection: it is built once, on first use, and that one buffer is written to each
// socket. Fan-out to 500 readers then costs 500 writes of one buffer, not 500 headers built, 500
// payload views and 500 corked pairs of writes.
import { encodeMessage, type SyncMessage } from '@threadline/domain/protocol/messages';

export class OutgoingFrame {
  /** The encoded message (a websocket message's payload). */
  readonly bytes: Uint8Array<ArrayBuffer>;
  #wire: Buffer | undefined;

  constructor(bytes: Uint8Array<ArrayBuffer>) {
    this.bytes = bytes;
  }

  static of(message: SyncMessage): OutgoingFrame {
    return new OutgoingFrame(encodeMessage(message));
  }

  /** The whole websocket frame: final, binary, unmasked, carrying `bytes`. */
  get wire(): Buffer {
    return (this.#wire ??= websocketFrame(this.bytes));
  }
}

/** RFC 6455 §5.2: FIN and opcode 2 (binary), then the payload length in 7, 7+16 or 7+64 bits. */
export function websocketFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  // Not from Node's shared 8 KB pool: a room keeps some frames (its Ack, its state vector), and
  // a small slice of the pool would keep the whole pool alive with it.
  const wire = Buffer.allocUnsafeSlow(header + length);
  wire[0] = 0x82;
  if (length < 126) {
    wire[1] = length;
  } else if (length < 65_536) {
    wire[1] = 126;
    wire.writeUInt16BE(length, 2);
  } else {
    wire[1] = 127;
    wire.writeBigUInt64BE(BigInt(length), 2);
  }
  wire.set(payload, header);
  return wire;
}
