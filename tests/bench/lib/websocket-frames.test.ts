import { describe, expect, it } from 'vitest';
import { FrameReader, maskedFrame, OPCODE, readFrameHeader } from './websocket-frames.ts';

/** A server's frame: unmasked, final unless said otherwise. */
function serverFrame(opcode: number, length: number, fin = true): Uint8Array {
  const extra = length < 126 ? 0 : length < 0x10000 ? 2 : 8;
  const frame = Buffer.alloc(2 + extra);
  frame[0] = (fin ? 0x80 : 0) | opcode;
  frame[1] = extra === 0 ? length : extra === 2 ? 126 : 127;
  if (extra === 2) frame.writeUInt16BE(length, 2);
  if (extra === 8) frame.writeBigUInt64BE(BigInt(length), 2);
  return frame;
}

describe('reading a server frame header', () => {
  it('reads the 7-, 16- and 64-bit payload lengths', () => {
    expect(readFrameHeader(serverFrame(OPCODE.binary, 125), 0)).toEqual({
      fin: true,
      opcode: OPCODE.binary,
      length: 125,
      size: 2,
    });
    expect(readFrameHeader(serverFrame(OPCODE.binary, 126), 0)).toMatchObject({
      length: 126,
      size: 4,
    });
    expect(readFrameHeader(serverFrame(OPCODE.binary, 4_206_336), 0)).toMatchObject({
      length: 4_206_336,
      size: 10,
    });
  });

  it('reads a continuation that is not final, and a header in the middle of the bytes', () => {
    const bytes = Buffer.concat([
      Buffer.from([1, 2, 3]),
      serverFrame(OPCODE.continuation, 9, false),
    ]);
    expect(readFrameHeader(bytes, 3)).toEqual({
      fin: false,
      opcode: OPCODE.continuation,
      length: 9,
      size: 2,
    });
  });

  it('waits for a header cut off by the end of a read', () => {
    const whole = serverFrame(OPCODE.binary, 70_000);
    for (let cut = 0; cut < whole.length; cut++) {
      expect(readFrameHeader(whole.subarray(0, cut), 0)).toBeUndefined();
    }
    expect(readFrameHeader(whole, 0)).toBeDefined();
  });

  it('refuses a masked frame, which no server may send', () => {
    expect(() => readFrameHeader(maskedFrame(OPCODE.binary, new Uint8Array(3)), 0)).toThrow(
      /masked/,
    );
  });
});

describe('writing a client frame', () => {
  for (const length of [0, 5, 125, 126, 65_535, 65_536]) {
    it(`masks a ${length}-byte payload so that the key unmasks it`, () => {
      const payload = Uint8Array.from({ length }, (_, i) => (i * 7) % 256);
      const frame = maskedFrame(OPCODE.binary, payload);
      expect(frame[0]).toBe(0x80 | OPCODE.binary);
      expect(frame[1]! & 0x80).toBe(0x80);
      const header = readFrameHeader(
        Buffer.concat([Buffer.from([frame[0]!, frame[1]! & 0x7f]), frame.subarray(2)]),
        0,
      )!;
      expect(header.length).toBe(length);
      const key = frame.subarray(header.size, header.size + 4);
      const body = frame.subarray(header.size + 4);
      expect(body.length).toBe(length);
      expect(Uint8Array.from(body, (byte, i) => byte ^ key[i & 3]!)).toEqual(payload);
    });
  }
});

describe('reading frames however the reads cut them', () => {
  const bytes = (length: number, seed: number) =>
    Uint8Array.from({ length }, (_, i) => (i * 13 + seed) % 256);
  const frame = (opcode: number, payload: Uint8Array, fin = true) =>
    Buffer.concat([serverFrame(opcode, payload.length, fin), payload]);
  const first = bytes(300, 1); // a 16-bit length
  const rest = bytes(65_536, 2); // a 64-bit length
  const stream = Buffer.concat([
    frame(OPCODE.ping, Buffer.from('hi')),
    frame(OPCODE.binary, first, false),
    frame(OPCODE.pong, new Uint8Array()), // a control frame between two fragments
    frame(OPCODE.continuation, rest),
    frame(OPCODE.binary, new Uint8Array()), // an empty message
    frame(OPCODE.close, Uint8Array.of(0x03, 0xe8)),
  ]);
  const expected = [
    'ping hi',
    'pong ', // whole when it ends, before the message it interrupted
    `message ${Buffer.concat([first, rest]).toString('base64')}`,
    'message ',
    'close 03e8',
  ];

  function read(chunks: Uint8Array[]): string[] {
    const events: string[] = [];
    let message: Buffer[] = [];
    const reader = new FrameReader({
      data: (data) => message.push(Buffer.from(data)),
      messageEnd: () => {
        events.push(`message ${Buffer.concat(message).toString('base64')}`);
        message = [];
      },
      control: (opcode, payload) =>
        events.push(
          `${opcode === OPCODE.ping ? 'ping' : opcode === OPCODE.pong ? 'pong' : 'close'} ${
            opcode === OPCODE.close ? payload.toString('hex') : payload.toString()
          }`,
        ),
    });
    for (const chunk of chunks) {
      // The reader must not keep what it was given: the caller reuses the buffer.
      const reused = Buffer.from(chunk);
      reader.push(reused);
      reused.fill(0xff);
    }
    return events;
  }

  it('reads the stream in one piece', () => {
    expect(read([stream])).toEqual(expected);
  });

  it('reads it cut in two at every point around each frame boundary', () => {
    const starts = [0, 4, 308, 310, 320, 65_856, 65_858]; // where each frame begins (and one payload)
    const cuts = new Set<number>();
    for (const start of starts) for (let d = -12; d <= 12; d++) cuts.add(start + d);
    for (const cut of [...cuts].filter((c) => c > 0 && c < stream.length)) {
      expect(read([stream.subarray(0, cut), stream.subarray(cut)]), `cut at ${cut}`).toEqual(
        expected,
      );
    }
  });

  it('reads it one byte at a time', () => {
    expect(read(Array.from(stream, (byte) => Uint8Array.of(byte)))).toEqual(expected);
  });
});
