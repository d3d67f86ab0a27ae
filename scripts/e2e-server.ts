// The server Playwright tests run against: the built app on a database of its own, created fresh
// and seeded with the demo organisation for every run, so runs never see each other's changes.
// The database lives on the server in DATABASE_URL when set, else on a throwaway embedded cluster.
import { rmSync, writeFileSync } from 'node:fs';
import { createPool } from '@threadline/db';
import { createScratchDatabase } from '@threadline/db/scratch-database';
import { seedDemoOrganisation } from '@threadline/db/seed';
import { projectStoredDocuments } from '@threadline/sync-server/projection/project-stored';
import { startServices } from './lib/services.ts';
import { onShutdown } from './lib/shutdown.ts';
import { waitForHttp } from './lib/wait-for-http.ts';
import { e2eDatabaseFile } from '../tests/e2e/e2e-database.ts';

const webPort = Number(process.env.E2E_PORT ?? 4173);
const syncPort = Number(process.env.E2E_SYNC_PORT ?? webPort + 1);
const origin = `http://localhost:${webPort}`;
const log = (line: string) => console.log(`[e2e-server] ${line}`);

const database = await createScratchDatabase('threadline_e2e');
let services: ReturnType<typeof startServices> | undefined;
const fail = onShutdown(async () => {
  rmSync(e2eDatabaseFile(webPort), { force: true });
  await services?.stop();
  await database.drop();
});
// Specs that stage a condition in the database (the nudge job's, tests/e2e/notifications.spec.ts)
// find this run's database here.
writeFileSync(e2eDatabaseFile(webPort), JSON.stringify({ url: database.url }));

try {
  const pool = createPool(database.url, 2);
  const { organisationId } = await seedDemoOrganisation(pool);
  // The dashboards read the analytics tables from the start (ANA rules), as after a first start.
  await projectStoredDocuments(pool, organisationId);
  await pool.end();
  services = startServices({
    databaseUrl: database.url,
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
  log(`ready at ${origin} on database ${database.name} (${database.cluster.engine})`);
} catch (error) {
  console.error(error);
  fail('start-up failed');
}
