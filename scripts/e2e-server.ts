// The server Playwright tests run against: the built app on a database of its own, created fresh
// and seeded with the demo organisation for every run, so runs never see each other's changes.
// The database lives on the server in DATABASE_URL when set, else on a throwaway embedded cluster.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPool } from '@threadline/db';
import { startEmbeddedPostgres } from '@threadline/db/embedded';
import { findFreePort } from '@threadline/db/free-port';
import { migrate } from '@threadline/db/migrate';
import { seedDemoOrganisation } from '@threadline/db/seed';
import { startServices } from './lib/services.ts';
import { onShutdown } from './lib/shutdown.ts';
import { waitForHttp } from './lib/wait-for-http.ts';

const webPort = Number(process.env.E2E_PORT ?? 4173);
const syncPort = Number(process.env.E2E_SYNC_PORT ?? webPort + 1);
const origin = `http://localhost:${webPort}`;
const log = (line: string) => console.log(`[e2e-server] ${line}`);
const databaseName = `threadline_e2e_${randomBytes(5).toString('hex')}`;

// What to undo at the end: on a server, drop the run's database; an embedded cluster is thrown
// away whole (its postgres may already be stopping: the test runner signals the process group).
let cleanUpDatabase = async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
};
let adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'threadline-e2e-pg-'));
  await chmod(dir, 0o755);
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await findFreePort(),
  });
  adminUrl = embedded.adminUrl;
  cleanUpDatabase = async () => {
    await embedded.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
const admin = createPool(adminUrl, 1);
await admin.query(`CREATE DATABASE ${databaseName}`);
const url = new URL(adminUrl);
url.pathname = `/${databaseName}`;
const databaseUrl = url.toString();

let services: ReturnType<typeof startServices> | undefined;
const fail = onShutdown(async () => {
  await services?.stop();
  await cleanUpDatabase();
  await admin.end();
});

try {
  await migrate(databaseUrl);
  const pool = createPool(databaseUrl, 2);
  await seedDemoOrganisation(pool);
  await pool.end();
  services = startServices({
    databaseUrl,
    webPort,
    syncPort,
    origin,
    host: '127.0.0.1',
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  });
  services.exited.then(({ name, code }) => fail(`the ${name} server exited with code ${code}`));
  await Promise.all([
    waitForHttp(`http://127.0.0.1:${webPort}/login`),
    waitForHttp(`http://127.0.0.1:${syncPort}/healthz`),
  ]);
  log(`ready at ${origin} on database ${databaseName}`);
} catch (error) {
  console.error(error);
  fail('start-up failed');
}
