// Websocket framing (RFC 6455, section 5.2), only as much as the joining client needs: reading the
// frames a server sends as a stream of bytes, without assembling messages, and writing a masked
// frame as a client must. ws does this for every other client of the benchmark, but it also
// assembles each whole message into one buffer, which is the cost the joining client exists to
// avoid (joining-client.ts).
import { randomFillSync } from 'node:crypto';

export const OPCODE = {
  continuation: 0x0,
  text: 0x1,
  binary: 0x2,
  close: 0x8,
  ping: 0x9,
  pong: 0xa,
} as const;

export interface FrameHeader {
  fin: boolean;
  opcode: number;
  /** Payload bytes that follow the header. */
  length: number;
  /** Bytes the header itself takes. */
  size: number;
}

/** The header of the frame starting at `at`, or undefined while not all of it has arrived. */
export function readFrameHeader(data: Uint8Array, at: number): FrameHeader | undefined {
  const available = data.length - at;
  if (available < 2) return undefined;
  const first = data[at]!;
  const second = data[at + 1]!;
  // A server must not mask what it sends (5.1); a masked payload would be read as garbage here.
  if (second & 0x80) throw new Error('the server sent a masked frame');
  const fin = (first & 0x80) !== 0;
  const opcode = first & 0x0f;
  const short = second & 0x7f;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (short === 126) {
    if (available < 4) return undefined;
    return { fin, opcode, length: view.getUint16(at + 2), size: 4 };
  }
  if (short === 127) {
    if (available < 10) return undefined;
    return { fin, opcode, length: Number(view.getBigUint64(at + 2)), size: 10 };
  }
  return { fin, opcode, length: short, size: 2 };
}

/** One whole frame from client to server: final, `opcode`, masked with a fresh random key. */
export function maskedFrame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const lengthBytes = length < 126 ? 0 : length < 0x10000 ? 2 : 8;
  const maskAt = 2 + lengthBytes;
  const frame = Buffer.allocUnsafe(maskAt + 4 + length);
  frame[0] = 0x80 | opcode;
  frame[1] = 0x80 | (lengthBytes === 0 ? length : lengthBytes === 2 ? 126 : 127);
  if (lengthBytes === 2) frame.writeUInt16BE(length, 2);
  if (lengthBytes === 8) frame.writeBigUInt64BE(BigInt(length), 2);
  randomFillSync(frame, maskAt, 4);
  for (let i = 0; i < length; i++) {
    frame[maskAt + 4 + i] = payload[i]! ^ frame[maskAt + (i & 3)]!;
  }
  return frame;
}

/** What a FrameReader finds in the bytes it is given. */
export interface FrameEvents {
  /** More of the current data message's payload: only valid during the call. */
  data(bytes: Uint8Array): void;
  /** The current data message has ended (its final frame is in). */
  messageEnd(): void;
  /** A whole control frame: close, ping or pong, with its payload (at most 125 bytes). */
  control(opcode: number, payload: Buffer): void;
}

/**
 * Reads a server's frames from bytes as they arrive, however reads cut them: a header split
 * between reads is kept until the rest comes; payloads are passed on as they pass, not kept.
 */
export class FrameReader {
  readonly #events: FrameEvents;
  /** Header bytes of a frame split across two reads. */
  #pendingHeader: Buffer | undefined;
  /** Payload bytes of the current frame still to come; -1 between frames. */
  #frameLeft = -1;
  #opcode = 0;
  #fin = false;
  /** A control frame's payload, gathered until it ends. */
  #control: Buffer[] = [];

  constructor(events: FrameEvents) {
    this.#events = events;
  }

  /** Reads `chunk`, which is not used after the call returns (it may be a reused buffer). */
  push(chunk: Uint8Array) {
    const data = this.#pendingHeader ? Buffer.concat([this.#pendingHeader, chunk]) : chunk;
    this.#pendingHeader = undefined;
    let at = 0;
    while (at < data.length) {
      if (this.#frameLeft < 0) {
        const header = readFrameHeader(data, at);
        if (!header) {
          this.#pendingHeader = Buffer.from(data.subarray(at));
          return;
        }
        at += header.size;
        this.#frameLeft = header.length;
        this.#opcode = header.opcode;
        this.#fin = header.fin;
      }
      const take = Math.min(this.#frameLeft, data.length - at);
      if (take > 0) this.#payload(data.subarray(at, at + take));
      at += take;
      this.#frameLeft -= take;
      if (this.#frameLeft === 0) this.#endFrame();
    }
  }

  #payload(bytes: Uint8Array) {
    if (this.#opcode >= OPCODE.close) this.#control.push(Buffer.from(bytes));
    else this.#events.data(bytes);
  }

  #endFrame() {
    this.#frameLeft = -1;
    if (this.#opcode >= OPCODE.close) {
      const payload = Buffer.concat(this.#control);
      this.#control = [];
      this.#events.control(this.#opcode, payload);
    } else if (this.#fin) {
      this.#events.messageEnd();
    } // else the message goes on in a continuation frame
  }
}
