// The join storm's client against real websocket servers on loopback: y-websocket's own server
// with a real document, and a ws server that sends its answer in fragments with a ping between.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { setupWSConnection, getYDoc } from '@y/websocket-server/utils';
import { JoiningClient } from './joining-client.ts';
import { LightClient } from './light-client.ts';
import type { Endpoint } from './wire.ts';

const servers: http.Server[] = [];
const websocketServers: WebSocketServer[] = [];
afterEach(async () => {
  for (const wss of websocketServers.splice(0)) {
    for (const socket of wss.clients) socket.terminate();
    wss.close();
  }
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(onSocket: (socket: WebSocket, request: http.IncomingMessage) => void) {
  const server = http.createServer((_request, response) => response.writeHead(404).end());
  const wss = new WebSocketServer({ server });
  wss.on('connection', onSocket);
  websocketServers.push(wss);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint: Endpoint = {
    protocol: 'y-websocket',
    port: (server.address() as AddressInfo).port,
    token: '',
    cookie: '',
  };
  return endpoint;
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

describe('a joining client', () => {
  it("has joined once y-websocket's server has sent it the whole document, counting its bytes as a LightClient does", async () => {
    const endpoint = await listen((socket, request) => setupWSConnection(socket, request));
    const doc = getYDoc('big');
    const text = doc.getText('t');
    for (let i = 0; i < 200; i++) text.insert(text.length, `line ${i} ${'x'.repeat(2000)}\n`);
    const size = Y.encodeStateAsUpdate(doc).byteLength;
    expect(size).toBeGreaterThan(400_000);

    const joining = new JoiningClient(endpoint, 'big');
    await joining.join();
    const light = await new LightClient(endpoint, 'big').connect();
    expect(joining.bytesIn).toBeGreaterThan(size);
    expect(joining.bytesIn).toBe(light.bytesIn);
    joining.terminate();
    light.terminate();
  });

  it('waits for the last fragment of the step 2, answers a ping meanwhile, and answers the step 1', async () => {
    const document = new Uint8Array(300_000).fill(7);
    const answer = syncMessage(1, document);
    const third = Math.floor(answer.length / 3);
    let sentLast: () => void = () => {};
    const lastSent = new Promise<void>((resolve) => (sentLast = resolve));
    const heard: string[] = [];
    const endpoint = await listen((socket) => {
      socket.on('pong', () => heard.push('pong'));
      socket.on('message', (data: Buffer) => {
        heard.push(`sync ${data[1]}`);
        if (data[1] !== 0) return; // only the client's step 1 is answered
        socket.send(syncMessage(0, new Uint8Array([0])));
        socket.send(answer.subarray(0, third), { fin: false });
        socket.ping();
        socket.send(answer.subarray(third, 2 * third), { fin: false });
        setTimeout(() => {
          sentLast();
          socket.send(answer.subarray(2 * third), { fin: true });
        }, 100);
      });
    });
    const client = new JoiningClient(endpoint, 'fragments');
    let joined = false;
    const join = client.join().then(() => (joined = true));
    await lastSent;
    expect(joined).toBe(false);
    await join;
    const step1 = syncMessage(0, new Uint8Array([0]));
    expect(client.bytesIn).toBe(step1.length + answer.length);
    expect(heard).toEqual(expect.arrayContaining(['sync 0', 'sync 1', 'pong']));
    client.terminate();
  });

  it('fails clearly when the server refuses the upgrade', async () => {
    const server = http.createServer((_request, response) => response.writeHead(404).end());
    servers.push(server);
    server.on('upgrade', (_request, socket) => socket.end('HTTP/1.1 403 Forbidden\r\n\r\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const client = new JoiningClient({ protocol: 'y-websocket', port, token: '', cookie: '' }, 'x');
    await expect(client.join()).rejects.toThrow(/refused the upgrade: HTTP\/1.1 403/);
  });
});
