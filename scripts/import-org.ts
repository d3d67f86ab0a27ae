// `pnpm import-org --in <file.zip>`: restores an organisation export (EXP18) into the database in
// DATABASE_URL, else the embedded PostgreSQL that `pnpm start` uses: all or nothing, refused
// when the database already holds that organisation.
import { parseArgs } from 'node:util';
import { createPool } from '@threadline/db';
import { openLocalDatabase } from '@threadline/db/local-database';
import { importOrganisation } from '@threadline/db/org-import';

const USAGE = `Usage: pnpm import-org --in <file.zip>

Restores the organisation export in <file.zip> into the database in DATABASE_URL, else the
embedded PostgreSQL (.data/postgres, or THREADLINE_DATA_DIR). The database must not hold the
organisation yet (a fresh one).`;

const log = (line: string) => console.error(`[import-org] ${line}`);

function fail(message: string): never {
  console.error(`[import-org] ${message}\n\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: { in: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!args.in) fail('Name the export to restore: --in <file.zip>.');

const database = await openLocalDatabase({ log });
const pool = createPool(database.url, 2, { statementMs: 0 });
let exitCode = 0;
try {
  const started = performance.now();
  let lastReport = 0;
  const manifest = await importOrganisation(pool, args.in, ({ entry, rows }) => {
    const now = performance.now();
    if (now - lastReport < 1000) return;
    lastReport = now;
    log(`${entry}: ${rows} rows`);
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { name, slug } = manifest.organisation;
  log(`Restored ${name} (${slug}) in ${seconds} s.`);
} catch (error) {
  console.error(`[import-org] ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await pool.end();
  await database.stop();
}
process.exit(exitCode);
