// A TCP proxy between a server under test and PostgreSQL, to stage database outages without
// touching the database: `refuse` is a database that went down (every connection reset, new
// ones refused), `silence` a network that drops packets without a word (connections stay open,
// nothing arrives either way), `resume` the database back. What was sent while silenced is
// delivered on resume, as TCP's retransmissions would deliver it once the path comes back.
import net from 'node:net';

type Mode = 'forward' | 'silent' | 'refuse';

export interface TcpProxy {
  /** The proxy's port on 127.0.0.1. */
  readonly port: number;
  /** Connections open through the proxy now. */
  readonly connections: number;
  refuse(): void;
  silence(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: Mode = 'forward';
  const sockets = new Set<net.Socket>();
  /** Chunks that arrived while silenced, in order, with where they were going. */
  let held: { to: net.Socket; chunk: Buffer }[] = [];

  const server = net.createServer((client) => {
    if (mode === 'refuse') return client.resetAndDestroy();
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {}); // the pair ends together below
    }
    const forward = (to: net.Socket) => (chunk: Buffer) => {
      if (mode === 'forward') to.write(chunk);
      else if (mode === 'silent') held.push({ to, chunk });
    };
    client.on('data', forward(upstream));
    upstream.on('data', forward(client));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    port,
    get connections() {
      return sockets.size / 2;
    },
    refuse() {
      mode = 'refuse';
      held = [];
      for (const socket of sockets) socket.resetAndDestroy();
    },
    silence() {
      mode = 'silent';
    },
    resume() {
      mode = 'forward';
      for (const { to, chunk } of held.splice(0)) if (!to.destroyed) to.write(chunk);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `url` with its host and port replaced by the proxy's. */
export function throughProxy(url: string, proxy: TcpProxy): string {
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  return proxied.toString();
}
