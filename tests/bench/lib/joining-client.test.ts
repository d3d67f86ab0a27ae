// The join storm's client against real websocket servers on loopback: y-websocket's own server
// with a real document, and a ws server that sends its answer in fragments with a ping between.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { setupWSConnection, getYDoc } from '@y/websocket-server/utils';
import { JoiningClient } from './joining-client.ts';
import { LightClient } from './light-client.ts';
import { syncStep1Message, syncStep2Message, type Endpoint } from './wire.ts';

const servers: http.Server[] = [];
const rawServers: net.Server[] = [];
const websocketServers: WebSocketServer[] = [];
afterEach(async () => {
  for (const wss of websocketServers.splice(0)) {
    for (const socket of wss.clients) socket.terminate();
    wss.close();
  }
  for (const server of rawServers.splice(0)) server.close();
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

const syncStep1 = (stateVector: Uint8Array) => syncStep1Message(new Uint8Array(), stateVector);
const syncStep2 = (update: Uint8Array) => syncStep2Message(new Uint8Array(), update);

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
    const answer = syncStep2(document);
    const third = Math.floor(answer.length / 3);
    let sentLast: () => void = () => {};
    const lastSent = new Promise<void>((resolve) => (sentLast = resolve));
    const heard: string[] = [];
    const endpoint = await listen((socket) => {
      socket.on('pong', () => heard.push('pong'));
      socket.on('message', (data: Buffer) => {
        heard.push(`sync ${data[1]}`);
        if (data[1] !== 0) return; // only the client's step 1 is answered
        socket.send(syncStep1(new Uint8Array([0])));
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
    const step1 = syncStep1(new Uint8Array([0]));
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

  it('fails when the server closes before the document has arrived', async () => {
    const endpoint = await listen((socket) => socket.close(4403, 'no'));
    await expect(new JoiningClient(endpoint, 'x').join()).rejects.toThrow(/server closed/);
  });

  it('fails when the answer to the upgrade does not prove the key', async () => {
    const server = net.createServer((socket) =>
      socket.once('data', () =>
        socket.write(
          'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
            'Sec-WebSocket-Accept: not-the-hash\r\n\r\n',
        ),
      ),
    );
    rawServers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const client = new JoiningClient({ protocol: 'y-websocket', port, token: '', cookie: '' }, 'x');
    await expect(client.join()).rejects.toThrow(/did not accept the websocket key/);
  });

  it('gives up on a server that never sends the document', async () => {
    const endpoint = await listen(() => {});
    await expect(new JoiningClient(endpoint, 'x').join(200)).rejects.toThrow(
      /no document after 200 ms/,
    );
  });
});
