// The organisation export at scale (EXP19): seeds the 5,000-person organisation (DEMO11, as
// `pnpm seed --people 5000` does) into a scratch database, then exports it to a zip in a child
// process of its own, so the figures are the export's alone: wall time, the zip's size, the rows
// written, and the process's resident memory sampled every 100 ms (its peak, and how it moves
// while the export runs: flat, not growing with what has been written). Then restores the zip
// into a fresh scratch database, also in a child, and checks the restored rows' counts.
//
//   DATABASE_URL=postgres://… node tests/bench/org-export.ts [--people 5000] [--no-restore]
//
// Writes tests/bench/org-export.results.md and prints the same table.
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { createPool } from '@threadline/db';
import { exportOrganisation } from '@threadline/db/org-export';
import { importOrganisation } from '@threadline/db/org-import';
import { createScratchDatabase } from '@threadline/db/scratch-database';
import { seedOrganisation } from '@threadline/db/seed';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '5000' },
    'no-restore': { type: 'boolean' },
    child: { type: 'string' },
    url: { type: 'string' },
    org: { type: 'string' },
    file: { type: 'string' },
  },
});
const log = (line: string) => console.error(`[org-export] ${line}`);
const MB = 1024 * 1024;

interface ChildFigures {
  ms: number;
  baselineRssMb: number;
  peakRssMb: number;
  /** RSS at each tenth of the run, MB. */
  rssByTenth: number[];
  heapPeakMb: number;
  rows: number;
  updates: number;
}

/** Runs `work` while sampling this process's memory every 100 ms. */
async function measured(work: () => Promise<{ rows: number; updates: number }>) {
  const baseline = process.memoryUsage().rss;
  const samples: { at: number; rss: number }[] = [];
  let heapPeak = 0;
  const started = performance.now();
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    heapPeak = Math.max(heapPeak, usage.heapUsed);
    samples.push({ at: performance.now() - started, rss: usage.rss });
  }, 100);
  const counts = await work();
  const ms = performance.now() - started;
  clearInterval(timer);
  const byTenth = Array.from({ length: 10 }, (_, i) => {
    const at = ((i + 1) / 10) * ms;
    const sample = samples.filter((s) => s.at <= at).at(-1) ?? samples[0];
    return Math.round((sample?.rss ?? baseline) / MB);
  });
  const figures: ChildFigures = {
    ms: Math.round(ms),
    baselineRssMb: Math.round(baseline / MB),
    // maxRSS is in kilobytes: the true peak, between samples too.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssByTenth: byTenth,
    heapPeakMb: Math.round(heapPeak / MB),
    ...counts,
  };
  return figures;
}

if (values.child) {
  const pool = createPool(values.url!, 2, { statementMs: 0 });
  let figures: ChildFigures;
  if (values.child === 'export') {
    figures = await measured(async () => {
      const manifest = await exportOrganisation(
        pool,
        { organisationId: values.org!, audience: 'operator' },
        createWriteStream(values.file!),
      );
      return {
        rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
        updates: manifest.documents.updates + manifest.documents.snapshots,
      };
    });
  } else {
    figures = await measured(async () => {
      const manifest = await importOrganisation(pool, values.file!);
      return {
        rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
        updates: manifest.documents.updates + manifest.documents.snapshots,
      };
    });
  }
  await pool.end();
  console.log(JSON.stringify(figures));
  process.exit(0);
}

const run = promisify(execFile);
const self = fileURLToPath(import.meta.url);
async function child(mode: 'export' | 'restore', url: string, file: string, org = '') {
  const { stdout } = await run(
    process.execPath,
    [self, '--child', mode, '--url', url, '--file', file, '--org', org],
    { maxBuffer: 16 * MB },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildFigures;
}

const people = Number(values.people);
const folder = await mkdtemp(path.join(tmpdir(), 'threadline-org-export-'));
const file = path.join(folder, 'export.zip');
const source = await createScratchDatabase('threadline_org_export');
let target: Awaited<ReturnType<typeof createScratchDatabase>> | null = null;
try {
  const pool = createPool(source.url, 2, { statementMs: 0 });
  log(`Seeding ${people} people…`);
  const organisation = await seedOrganisation(pool, { people, slug: 'scale' });
  const { rows: sizes } = await pool.query<{ updates: string; bytes: string }>(
    `SELECT count(*) AS updates, sum(length(update)) AS bytes FROM document_updates
      WHERE organisation_id = $1`,
    [organisation.organisationId],
  );
  await pool.end();
  log('Exporting…');
  const exported = await child('export', source.url, file, organisation.organisationId);
  const zipBytes = (await stat(file)).size;
  let restored: ChildFigures | null = null;
  if (!values['no-restore']) {
    target = await createScratchDatabase('threadline_org_restore');
    log('Restoring…');
    restored = await child('restore', target.url, file);
    const check = createPool(target.url, 1);
    const { rows } = await check.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM people WHERE organisation_id = $1',
      [organisation.organisationId],
    );
    await check.end();
    if (rows[0]!.n !== organisation.people) throw new Error('The restore lost people.');
  }
  const logMb = Number(sizes[0]!.bytes) / MB;
  const lines = [
    `Organisation export at ${people} people (${new Date().toISOString().slice(0, 10)}):`,
    `${sizes[0]!.updates} logged updates of ${logMb.toFixed(0)} MB in the organisation's documents.`,
    '',
    '| step | time | rows | peak RSS | RSS over the run (each tenth, MB) | heap peak |',
    '|---|---|---|---|---|---|',
    `| export → zip of ${(zipBytes / MB).toFixed(0)} MB | ${(exported.ms / 1000).toFixed(1)} s | ${exported.rows} table rows, ${exported.updates} log rows | ${exported.peakRssMb} MB (${exported.baselineRssMb} MB before) | ${exported.rssByTenth.join(' ')} | ${exported.heapPeakMb} MB |`,
    ...(restored
      ? [
          `| restore into a fresh database | ${(restored.ms / 1000).toFixed(1)} s | ${restored.rows} table rows, ${restored.updates} log rows | ${restored.peakRssMb} MB (${restored.baselineRssMb} MB before) | ${restored.rssByTenth.join(' ')} | ${restored.heapPeakMb} MB |`,
        ]
      : []),
  ];
  const text = lines.join('\n') + '\n';
  console.log(text);
  await writeFile(new URL('./org-export.results.md', import.meta.url), text);
} finally {
  await rm(folder, { recursive: true, force: true });
  await target?.drop();
  await source.drop();
}
