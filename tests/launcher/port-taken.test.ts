// The embedded PostgreSQL's port is taken by something that is not this data folder's cluster:
// the launcher must not migrate and seed a stranger's server (nor fail obscurely on it).
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts, launch, temporaryFolder, type Ports } from './launcher-support.ts';

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let ports: Ports;
const stranger = createServer((socket) => socket.end());

beforeAll(async () => {
  folder = await temporaryFolder();
  ports = await freePorts();
  await new Promise<void>((resolve) => stranger.listen(ports.postgres, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => stranger.close(resolve));
  await folder.remove();
});

describe('pnpm start with the embedded port taken', () => {
  it('refuses to use a server on that port that is not its own, and says what to do', async () => {
    const dataDir = path.join(folder.path, 'postgres');
    const launched = launch({ ports, dataDir });
    expect(await launched.exited).toBe(1);
    expect(launched.output()).toContain(
      `Port ${ports.postgres} is taken by another program, not the embedded PostgreSQL of ${dataDir}.`,
    );
    expect(launched.output()).toContain('EMBEDDED_POSTGRES_PORT');
  }, 60_000);
});
