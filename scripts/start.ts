// `pnpm start`: the whole product from one command. Uses DATABASE_URL when set, otherwise an
// embedded PostgreSQL kept in .data/postgres (or THREADLINE_DATA_DIR); migrates, seeds the demo
// organisation on an empty database, builds the web app when needed, starts the web and sync
// servers and prints the URL. Ctrl-C stops the sync server (which saves every pending edit
// first), then the web server, then PostgreSQL, and exits with 0.
import { openLocalDatabase } from '@threadline/db/local-database';
import { buildIfStale } from './lib/build-if-stale.ts';
import { seedDemoIfEmpty } from './lib/seed-if-empty.ts';
import { startServices } from './lib/services.ts';
import { onShutdown } from './lib/shutdown.ts';
import { waitForHttp } from './lib/wait-for-http.ts';

const log = (line: string) => console.log(`[start] ${line}`);
const webPort = Number(process.env.PORT ?? 3000);
const syncPort = Number(process.env.SYNC_PORT ?? webPort + 1);
const origin = process.env.ORIGIN ?? `http://localhost:${webPort}`;

if (process.env.DATABASE_URL) log('Using the database in DATABASE_URL.');
const database = await openLocalDatabase({ log }).catch((error: Error) => {
  console.error(`[start] ${error.message}`);
  process.exit(1);
});
let services: ReturnType<typeof startServices> | undefined;

const fail = onShutdown(async (reason) => {
  log(`Stopping (${reason}): the sync server saves what is pending first…`);
  await services?.stop();
  if (database.startedEmbedded) log('Stopping PostgreSQL…');
  await database.stop();
  log('Stopped.');
});

try {
  await seedDemoIfEmpty(database.url, log);

  buildIfStale(log);
  services = startServices({ databaseUrl: database.url, webPort, syncPort, origin });
  services.exited.then(({ name, code }) => fail(`the ${name} server exited with code ${code}`));
  await Promise.all([
    waitForHttp(`http://127.0.0.1:${webPort}/login`),
    waitForHttp(`http://127.0.0.1:${syncPort}/healthz`),
  ]);
  log(
    `Threadline is running at ${origin} (sync server on port ${syncPort}). Ctrl-C stops everything.`,
  );
} catch (error) {
  console.error(error);
  fail('start-up failed');
}
