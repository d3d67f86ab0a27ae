import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { OutgoingFrame } from './rooms/outgoing-frame.ts';
import { websocketSink } from './websocket-sink.ts';

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((step) => step()));

/** A ws server and a client connected to it; the server side as Hono hands it over. */
async function pair() {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  cleanup.push(() => server.close());
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  // The upgrade request's socket is the TCP socket itself, reached without ws's private field.
  const accepted = new Promise<[WebSocket, Socket]>((resolve) =>
    server.once('connection', (ws, request) => resolve([ws, request.socket as Socket])),
  );
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  client.on('error', () => {});
  cleanup.push(() => client.terminate());
  const received: Buffer[] = [];
  client.on('message', (data: Buffer) => received.push(data));
  const [[raw, tcp]] = await Promise.all([
    accepted,
    new Promise((resolve) => client.once('open', resolve)),
  ]);
  return {
    raw,
    tcp,
    received,
    sink: websocketSink({
      send: (data) => raw.send(data),
      close: (code, reason) => raw.close(code, reason),
      raw,
    }),
  };
}

describe('websocket sink', () => {
  it('[SYNC4] delivers prebuilt frames of every length encoding, in order with ws’s own sends', async () => {
    const { raw, received, sink } = await pair();
    const lengths = [0, 1, 125, 126, 65_535, 65_536, 1_000_000];
    const payloads = lengths.map((length) => new Uint8Array(Buffer.alloc(length, `${length}`)));
    for (const payload of payloads) sink.send(new OutgoingFrame(payload));
    raw.send(new Uint8Array([42])); // what ws.close or a fallback send would write
    sink.send(new OutgoingFrame(new Uint8Array([43])));
    await expect.poll(() => received.length).toBe(payloads.length + 2);
    const expected = [...payloads, new Uint8Array([42]), new Uint8Array([43])];
    expect(received.map((data, i) => data.equals(expected[i]!))).toEqual(expected.map(() => true));
    expect(sink.bufferedAmount).toBe(0);
  });

  it('[SYNC4] writes each frame to the TCP socket as its one prebuilt buffer, not through ws.send', async () => {
    // Fails if the sink falls back to ws.send (ws renamed its private `_socket`, say): ws writes
    // a header it builds and the payload as two writes, never the frame's own buffer.
    const { tcp, received, sink } = await pair();
    const writes: unknown[] = [];
    const write = tcp.write.bind(tcp) as (...args: unknown[]) => boolean;
    tcp.write = ((...args: unknown[]) => (writes.push(args[0]), write(...args))) as Socket['write'];
    const frame = new OutgoingFrame(new Uint8Array([1, 2, 3]));
    sink.send(frame);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toBe(frame.wire);
    await expect.poll(() => received.length).toBe(1);
  });

  it('[SYNC12] reports what a frame leaves waiting in the socket, so a slow reader can be closed', async () => {
    const { sink } = await pair();
    const big = new OutgoingFrame(new Uint8Array(8 * 1024 * 1024));
    const took = sink.send(big);
    expect(took).toBe(false);
    expect(sink.bufferedAmount).toBeGreaterThan(0);
  });
});
