// Websocket framing (RFC 6455, section 5.2), only as much as the joining client needs: reading the
// header of a frame the server sent, and writing a masked frame as a client must. ws does this for
// every other client of the benchmark, but it also assembles each whole message into one buffer,
// which is the cost the joining client exists to avoid (joining-client.ts).
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
