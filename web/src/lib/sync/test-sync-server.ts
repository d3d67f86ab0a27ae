// Tests only: a stand-in for the sync server's edges that the sync client's behaviour turns on,
// on a real port: its HTTP side answering snapshots (SYNC27), and its websocket closing with a
// given code (4403: syncing stops for good, SC3; 4409: the replica is dropped, SC5). Nothing of
// the sync protocol itself: tests that need a real sync are in tests/integration.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { onTestFinished } from 'vitest';

export interface TestSyncServerOptions {
  /** Snapshot bodies by request path (`/snapshot/<name>?part=…`); any other path is a 404. */
  snapshots?: Record<string, string>;
  /**
   * Accepts the first `closeFirst` websockets (all, by default) and closes each with this code
   * at once; without a code, or past that count, a websocket is dropped before its handshake
   * (the client keeps retrying, never synced).
   */
  closeWith?: number;
  closeFirst?: number;
}

/** Starts the server on port 0; it stops when the test finishes. */
export async function startTestSyncServer(options: TestSyncServerOptions = {}) {
  const { snapshots = {}, closeWith, closeFirst = Infinity } = options;
  const asked: string[] = [];
  const upgraded = new Set<Duplex>();
  let closed = 0;
  const server = createServer((request, response) => {
    asked.push(request.url ?? '');
    const body = snapshots[request.url ?? ''];
    response.writeHead(body === undefined ? 404 : 200).end(body);
  });
  server.on('upgrade', (request, socket) => {
    if (closeWith === undefined || closed >= closeFirst) return void socket.destroy();
    closed++;
    upgraded.add(socket);
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${acceptKey(request.headers['sec-websocket-key'] ?? '')}\r\n\r\n`,
    );
    socket.end(closeFrame(closeWith, 'closed by the test server'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    // fetch keeps its connection alive, and upgraded sockets are no longer the server's.
    server.closeAllConnections();
    for (const socket of upgraded) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const { port } = server.address() as AddressInfo;
  return {
    syncUrl: `ws://127.0.0.1:${port}`,
    /** The HTTP paths asked for, in order. */
    asked,
    /** How many websockets were closed with `closeWith`. */
    closed: () => closed,
  };
}

/** The handshake's answer to the client's key (RFC 6455, section 4.2.2). */
function acceptKey(key: string): string {
  return createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
}

/** An unmasked close frame (a server's), with a reason short enough for one length byte. */
function closeFrame(code: number, reason: string): Buffer {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code);
  payload.write(reason, 2);
  return Buffer.concat([Buffer.from([0x88, payload.length]), payload]);
}
