// `pnpm export --org <slug> --out <file> [--include-password-hashes]`: writes an organisation's
// export (EXP12–EXP21, docs/export-format.md) as a zip, streamed, from the database in
// DATABASE_URL or else the embedded PostgreSQL that `pnpm start` uses. An operator's export: it
// holds the shared 1:1 agendas whatever the organisation's HR setting (EXP15).
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createPool } from '@threadline/db';
import { openLocalDatabase } from '@threadline/db/local-database';
import { exportOrganisation, organisationForExport } from '@threadline/db/org-export';

const USAGE = `Usage: pnpm export --org <slug> --out <file.zip> [--include-password-hashes]

Writes the organisation's export (docs/export-format.md) to <file.zip>, from the database in
DATABASE_URL, else the embedded PostgreSQL (.data/postgres, or THREADLINE_DATA_DIR).`;

const log = (line: string) => console.error(`[export] ${line}`);

function fail(message: string): never {
  console.error(`[export] ${message}\n\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      org: { type: 'string' },
      out: { type: 'string' },
      'include-password-hashes': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!args.org) fail('Name the organisation: --org <slug>.');
if (!args.out) fail('Name the file to write: --out <file.zip>.');

const database = await openLocalDatabase({ log });
const pool = createPool(database.url, 2, { statementMs: 0 });
// Written beside the target and renamed at the end: a failed export leaves no half file.
const partial = `${args.out}.partial`;
let exitCode = 0;
try {
  const organisation = await organisationForExport(pool, { slug: args.org });
  if (!organisation) throw new Error(`No organisation with the slug "${args.org}".`);
  const started = performance.now();
  let lastReport = 0;
  const manifest = await exportOrganisation(
    pool,
    {
      organisationId: organisation.id,
      audience: 'operator',
      includePasswordHashes: args['include-password-hashes'] === true,
      onProgress: ({ entry, rows }) => {
        const now = performance.now();
        if (now - lastReport < 1000) return;
        lastReport = now;
        log(`${entry}: ${rows} rows`);
      },
    },
    createWriteStream(partial),
  );
  await rename(partial, args.out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`Wrote ${args.out} in ${seconds} s: ${organisation.name} (${organisation.slug}).`);
  for (const table of manifest.tables) log(`  ${table.name}: ${table.rows} rows`);
  const { documents, updates, snapshots } = manifest.documents;
  log(`  documents: ${documents} (${updates} logged updates, ${snapshots} snapshots)`);
} catch (error) {
  await rm(partial, { force: true });
  console.error(`[export] ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await pool.end();
  await database.stop();
}
process.exit(exitCode);
