// `pnpm start`: the whole product from one command. Uses DATABASE_URL when set, otherwise an
// embedded PostgreSQL kept in .data/postgres; migrates, seeds the demo organisation on an empty
// database, builds the web app when needed, starts the web and sync servers and prints the URL.
import { createPool } from '@threadline/db';
import { openLocalDatabase } from '@threadline/db/local-database';
import { seedDemoOrganisation } from '@threadline/db/seed';
import { buildIfStale } from './lib/build-if-stale.ts';
import { startServices } from './lib/services.ts';
import { onShutdown } from './lib/shutdown.ts';
import { waitForHttp } from './lib/wait-for-http.ts';

const log = (line: string) => console.log(`[start] ${line}`);
const webPort = Number(process.env.PORT ?? 3000);
const syncPort = Number(process.env.SYNC_PORT ?? webPort + 1);
const origin = process.env.ORIGIN ?? `http://localhost:${webPort}`;

log(
  process.env.DATABASE_URL
    ? 'Using the database in DATABASE_URL.'
    : 'Starting the embedded PostgreSQL in .data/postgres…',
);
const database = await openLocalDatabase();
let services: ReturnType<typeof startServices> | undefined;

const fail = onShutdown(async (reason) => {
  log(`Stopping (${reason})…`);
  await services?.stop();
  await database.stop();
  log('Stopped.');
});

try {
  const pool = createPool(database.url, 2);
  const { rows } = await pool.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM organisations',
  );
  if (rows[0]!.count === 0) {
    log('Empty database: seeding the demo organisation…');
    const demo = await seedDemoOrganisation(pool);
    log(`Seeded the demo organisation with ${demo.people} people.`);
  }
  await pool.end();

  buildIfStale(log);
  services = startServices({ databaseUrl: database.url, webPort, syncPort, origin });
  services.exited.then(({ name, code }) => fail(`the ${name} server exited with code ${code}`));
  await waitForHttp(`http://127.0.0.1:${webPort}/login`);
  log(
    `Threadline is running at ${origin} (sync server on port ${syncPort}). Ctrl-C stops everything.`,
  );
} catch (error) {
  console.error(error);
  fail('start-up failed');
}
