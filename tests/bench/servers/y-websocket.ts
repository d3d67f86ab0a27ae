// y-websocket's own server (@y/websocket-server), in memory, as its README runs it: one
// WebSocketServer, every connection handed to setupWSConnection with the path as document name.
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const port = Number(process.env.BENCH_PORT);
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('ok');
});
const wss = new WebSocketServer({ server });
wss.on('connection', (socket, request) => setupWSConnection(socket, request));
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
