import { describe, expect, it } from 'vitest';
import { OutgoingFrame, websocketFrame } from './outgoing-frame.ts';

describe('outgoing frame', () => {
  it('[SYNC4] builds the websocket frame once however many sockets it is written to', () => {
    const frame = OutgoingFrame.of({ type: 'query-awareness' });
    expect(frame.wire).toBe(frame.wire);
    expect([...frame.wire]).toEqual([0x82, 1, 3]);
  });

  it('[SYNC4] gives each payload length its RFC 6455 length encoding', () => {
    const header = (length: number) => [...websocketFrame(new Uint8Array(length)).subarray(0, 10)];
    expect(header(125).slice(0, 2)).toEqual([0x82, 125]);
    expect(header(126).slice(0, 4)).toEqual([0x82, 126, 0, 126]);
    expect(header(65_535).slice(0, 4)).toEqual([0x82, 126, 0xff, 0xff]);
    expect(header(65_536)).toEqual([0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0]);
  });
});
