// How long projecting a whole goal tree holds the sync server's event loop (SYNC24, GOAL27): the
// run when the 5,000-person tree loads (every row written) and the hourly one (every row
// fingerprinted, few written). The projection runs as in a room, against a freshly seeded
// database; a 1 ms ticker records the longest gap between two turns of the event loop.
//
//   node tests/bench/projection-stall.ts [--people 5000]
//
// Writes tests/bench/projection-stall.results.md and prints the same table.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import * as Y from 'yjs';
import { createPool } from '@threadline/db';
import { createScratchDatabase } from '@threadline/db/scratch-database';
import { seedOrganisation } from '@threadline/db/seed';
import { goalTreeProjector } from '@threadline/sync-server/documents/goals/projector';
import { createSyncMetrics } from '@threadline/sync-server/operations/metrics';
import { PostgresDocumentStorage } from '@threadline/sync-server/persistence/postgres-storage';
import { DocumentProjection } from '@threadline/sync-server/projection/document-projection';

const { values } = parseArgs({ options: { people: { type: 'string', default: '5000' } } });
const log = (line: string) => console.log(`[projection-stall] ${line}`);

/** Runs `work` while a 1 ms timer measures the longest event-loop stall. */
async function stallDuring(work: () => Promise<void>) {
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  await work();
  const wall = performance.now() - started;
  clearInterval(ticker);
  return { wall, longest: Math.max(longest, performance.now() - last) };
}

const database = await createScratchDatabase('threadline_projection_stall');
const pool = createPool(database.url, 4);
try {
  const organisation = await seedOrganisation(pool, {
    people: Number(values.people),
    slug: 'scale',
  });
  const { rows: cycles } = await pool.query<{ id: string }>(
    `SELECT id FROM cycles WHERE organisation_id = $1 AND status = 'active'`,
    [organisation.organisationId],
  );
  const key = { organisationId: organisation.organisationId, name: `goals/${cycles[0]!.id}` };
  const doc = new Y.Doc();
  for (const update of (await new PostgresDocumentStorage(pool).load(key)).updates) {
    Y.applyUpdate(doc, update);
  }
  log(`loaded ${key.name}: ${(Y.encodeStateAsUpdate(doc).byteLength / 1e6).toFixed(1)} MB`);
  const projection = new DocumentProjection({
    key,
    doc,
    projector: goalTreeProjector,
    db: pool,
    // Never on its own: each run below is started by hand.
    timing: {
      delayMs: 0,
      maxDelayMs: 0,
      allEveryMs: 3_600_000,
      retry: { initialMs: 100, maxMs: 100 },
    },
    metrics: createSyncMetrics(),
    log: pino({ level: 'warn' }),
  });
  const table = ['| run | wall | longest event-loop stall |', '| --- | ---: | ---: |'];
  projection.schedule();
  const first = await stallDuring(() => projection.flush());
  table.push(
    `| on load: every row written | ${first.wall.toFixed(0)} ms | ${first.longest.toFixed(0)} ms |`,
  );
  // The hourly refresh: every row again, against the fingerprints of the first run.
  projection.refreshAll();
  const again = await stallDuring(() => projection.flush());
  table.push(
    `| hourly: every row fingerprinted | ${again.wall.toFixed(0)} ms | ${again.longest.toFixed(0)} ms |`,
  );
  projection.stop();
  const report = [
    `# Projecting the whole goal tree (${values.people} people)`,
    '',
    ...table,
    '',
    'The projection ran in this process; a 1 ms timer measured the longest event-loop stall.',
    '',
  ].join('\n');
  await writeFile(new URL('./projection-stall.results.md', import.meta.url), report);
  console.log(report);
} finally {
  await pool.end();
  await database.drop();
}
