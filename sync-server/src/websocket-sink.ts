// How a connection writes to its `ws` WebSocket. A message goes to the TCP socket as its
// prebuilt websocket frame (OutgoingFrame.wire, built once per broadcast): `ws.send` would build
// a header for every socket and write header and payload as two corked writes. Fan-out to 500
// readers is mostly this per-socket work, once the system call is paid.
//
// That is only the same as `ws.send` while ws itself would write the frame at once and in order:
// with the connection open and no extension negotiated (permessage-deflate, which we do not
// offer, is the only one ws knows), ws never holds frames back. Otherwise, and for a socket that
// is not a `ws` WebSocket on a TCP socket, frames go through `ws.send`.
import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import type { SyncSocket } from './rooms/connection.ts';

/** What Hono hands over: its wrapper, with the `ws` WebSocket as `raw` on Node. */
export interface HonoSocket {
  send(data: Uint8Array<ArrayBuffer>): void;
  close(code: number, reason: string): void;
  raw?: unknown;
}

export function websocketSink(ws: HonoSocket): SyncSocket {
  const raw = ws.raw instanceof WebSocket ? ws.raw : undefined;
  if (!raw) {
    return {
      send: (frame) => (ws.send(frame.bytes), false),
      close: (code, reason) => ws.close(code, reason),
      bufferedAmount: 0,
    };
  }
  // ws keeps its TCP socket in a private field; without it, ws.send does the framing. That is
  // why `ws` is pinned to an exact version, and websocket-sink.test.ts fails if this path is lost.
  const tcp = (raw as unknown as { _socket?: Duplex })._socket;
  const direct = raw.extensions === '' && typeof tcp?.write === 'function' ? tcp : undefined;
  return {
    send(frame) {
      if (direct && raw.readyState === WebSocket.OPEN) return direct.write(frame.wire);
      raw.send(frame.bytes);
      return false;
    },
    close: (code, reason) => raw.close(code, reason),
    get bufferedAmount() {
      return raw.bufferedAmount;
    },
  };
}
