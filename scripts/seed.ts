// `pnpm seed --people 5000 [--name "Big Co"] [--slug big-co] [--seed 1]`: adds a generated
// organisation of that many people for performance work (DEMO11), on the database in DATABASE_URL
// or else on the embedded PostgreSQL that `pnpm start` uses (.data/postgres), started for the
// occasion or shared when the app is already running. Everyone's password is the demo password.
import { parseArgs } from 'node:util';
import { createPool } from '@threadline/db';
import { DEMO_PASSWORD } from '@threadline/db/demo';
import { openLocalDatabase } from '@threadline/db/local-database';
import { seedDemoOrganisation, seedOrganisation } from '@threadline/db/seed';
import { projectStoredDocuments } from '@threadline/sync-server/projection/project-stored';
import { MAX_PEOPLE, MIN_PEOPLE } from '@threadline/domain/demo/generate';

const USAGE = `Usage: pnpm seed [--people N] [--name "Big Co"] [--slug big-co] [--seed N]

Creates an organisation of N generated people (default 5000, from ${MIN_PEOPLE} to ${MAX_PEOPLE})
on the database in DATABASE_URL, else on the embedded PostgreSQL (.data/postgres, or THREADLINE_DATA_DIR).`;

const log = (line: string) => console.log(`[seed] ${line}`);

function fail(message: string): never {
  console.error(`[seed] ${message}\n\n${USAGE}`);
  process.exit(2);
}

function wholeNumber(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) fail(`${flag} must be a whole number, not "${value}".`);
  return Number(value);
}

function readArguments() {
  try {
    return parseArgs({
      options: {
        people: { type: 'string' },
        name: { type: 'string' },
        slug: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
}

const args = readArguments();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const people = wholeNumber(args.people, '--people', 5000);
if (people < MIN_PEOPLE || people > MAX_PEOPLE)
  fail(`--people must be from ${MIN_PEOPLE} to ${MAX_PEOPLE}.`);
const seed = wholeNumber(args.seed, '--seed', 1);

if (process.env.DATABASE_URL) log('Using the database in DATABASE_URL.');
const database = await openLocalDatabase({ log });
// Seeding a large organisation may run statements longer than a server's timeout allows, and
// projecting it keeps more documents going than the pool has connections: no deadline for either.
const pool = createPool(database.url, 2, { statementMs: 0, connectMs: 0 });
let exitCode = 0;
try {
  // A first `pnpm start` seeds the demo only into an empty database: keep that promise.
  const { rows } = await pool.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM organisations',
  );
  if (rows[0]!.count === 0) {
    log('Empty database: seeding the demo organisation first…');
    const demo = await seedDemoOrganisation(pool);
    log(`Seeded the demo organisation with ${demo.people} people.`);
    await projectStoredDocuments(pool, demo.organisationId);
  }
  log(`Seeding ${people} people…`);
  const started = performance.now();
  const result = await seedOrganisation(pool, {
    people,
    seed,
    name: args.name,
    slug: args.slug,
    log,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  log(`Done in ${seconds} s.`);
  // The documents into the analytics tables, as the sync server does when it loads each one.
  const projecting = performance.now();
  const projected = await projectStoredDocuments(pool, result.organisationId);
  log(
    `Projected ${projected.documents} documents (${projected.rows} rows) for analytics in ` +
      `${((performance.now() - projecting) / 1000).toFixed(1)} s.`,
  );
  // Statistics for the tables just filled: a server without autovacuum (or before it comes round)
  // would otherwise plan the analytics queries blind — over 20 s for one of them at 5,000 people.
  await pool.query('ANALYZE');
  log(`  Organisation: ${result.name} (slug ${result.slug})`);
  log(`  People:       ${result.people}`);
  log(`  Admin:        ${result.adminEmail}`);
  log(`  Password:     ${DEMO_PASSWORD} (everyone in this organisation)`);
} catch (error) {
  console.error(`[seed] ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await pool.end();
  await database.stop();
}
process.exit(exitCode);
