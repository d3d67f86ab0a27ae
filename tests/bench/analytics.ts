// The analytics dashboards on the 5,000-person organisation (`pnpm seed --people 5000`, its
// documents projected), on this machine: each dashboard's server time (the queries of
// db/src/analytics/ for one request, p95 over many) for an HR admin (the whole organisation), a
// department head (a reporting tree of hundreds) and an employee (a personal page), and the whole
// /analytics page cold in Chromium (navigation → every chart drawn). Issue 18's targets: each
// dashboard under 300 ms p95, the page under 1 s cold.
//
// The generated organisation's 1:1s hold 8–12 meetings a series and it has no calibration
// sessions; the dashboards read only the analytics tables, so this adds to them (SQL, in the
// benchmark's database only) a year of weekly 1:1 meetings, moods and action items per series and
// two calibration sessions (two cycles, 1,200 cards each) before measuring.
//
//   pnpm build && node tests/bench/analytics.ts [--people 5000] [--runs 40] [--page-runs 5]
//   DATABASE_URL=… node tests/bench/analytics.ts   (a database already holding `scale`)
//
// Writes tests/bench/analytics.results.md and prints the same table.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { createPool, type Pool } from '@threadline/db';
import { calibrationDashboard } from '@threadline/db/analytics/calibration';
import { goalsDashboard } from '@threadline/db/analytics/goals';
import { growthDashboard } from '@threadline/db/analytics/growth';
import { oneOnOnesDashboard } from '@threadline/db/analytics/one-on-ones';
import { loadAnalyticsContext, type AnalyticsContext } from '@threadline/db/analytics/scope';
import { findFreePort } from '@threadline/db/free-port';
import { migrate } from '@threadline/db/migrate';
import { createScratchDatabase } from '@threadline/db/scratch-database';
import { seedOrganisation } from '@threadline/db/seed';
import { parseFilters } from '@threadline/domain/analytics/filters';
import { projectStoredDocuments } from '@threadline/sync-server/projection/project-stored';
import { startServices } from '../../scripts/lib/services.ts';
import { waitForHttp } from '../../scripts/lib/wait-for-http.ts';
import { CHROMIUM_ARGS, resolveChromium } from '../e2e/chromium-path.ts';
import { median, ms, percentile, signIn } from './lib/browser-measure.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string' },
    runs: { type: 'string' },
    'page-runs': { type: 'string' },
  },
});
const people = Number(values.people ?? 5000);
const runs = Number(values.runs ?? 40);
const pageRuns = Number(values['page-runs'] ?? 5);
const log = (line: string) => console.log(`[analytics] ${line}`);

let databaseUrl = process.env.DATABASE_URL;
let dropDatabase = async () => {};
if (databaseUrl) await migrate(databaseUrl);
else {
  const database = await createScratchDatabase('threadline_analytics_bench');
  databaseUrl = database.url;
  dropDatabase = () => database.drop();
  const pool = createPool(database.url, 2, { statementMs: 0 });
  log(`seeding ${people} people, their goals and their 1:1s…`);
  const { organisationId } = await seedOrganisation(pool, { people, slug: 'scale', log });
  const started = performance.now();
  const projected = await projectStoredDocuments(pool, organisationId);
  log(
    `projected ${projected.documents} documents (${projected.rows} rows) in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await pool.end();
}

const pool = createPool(databaseUrl, 10, { statementMs: 0 });
const { rows: orgs } = await pool.query<{ id: string }>(
  `SELECT id FROM organisations WHERE slug = 'scale'`,
);
const organisationId = orgs[0]?.id;
if (!organisationId) throw new Error('no organisation `scale` in this database');
const history = await addHistory(pool, organisationId);
log(history);

/** The people measured: the admin, the largest department's head, an employee with a manager. */
const { rows: viewers } = await pool.query<{ kind: string; id: string; email: string }>(
  `(SELECT 'HR admin (organisation)' AS kind, id, email FROM people
     WHERE organisation_id = $1 AND role = 'admin' LIMIT 1)
   UNION ALL
   (SELECT 'department head (reporting tree)', h.id, h.email FROM people h
      JOIN teams t ON t.organisation_id = h.organisation_id AND t.id = h.team_id
                  AND t.kind = 'department'
     WHERE h.organisation_id = $1 AND h.role = 'member'
       AND h.manager_id = (SELECT id FROM people WHERE organisation_id = $1 AND manager_id IS NULL)
     ORDER BY (SELECT count(*) FROM people p WHERE p.organisation_id = $1 AND p.team_id IN
                (SELECT id FROM teams WHERE organisation_id = $1 AND (id = t.id OR parent_id = t.id)))
              DESC LIMIT 1)
   UNION ALL
   (SELECT 'employee (personal page)', p.id, p.email FROM people p
     WHERE p.organisation_id = $1 AND p.manager_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM people r WHERE r.organisation_id = $1 AND r.manager_id = p.id)
     ORDER BY p.email LIMIT 1)`,
  [organisationId],
);

const today = new Date().toISOString().slice(0, 10);
const SECTIONS: Record<string, (ctx: AnalyticsContext) => Promise<unknown>> = {
  goals: (ctx) => goalsDashboard(pool, ctx),
  '1:1s': (ctx) => oneOnOnesDashboard(pool, ctx),
  calibration: (ctx) => calibrationDashboard(pool, ctx),
  growth: (ctx) => growthDashboard(pool, ctx),
};
const lines: string[] = [];
for (const viewer of viewers) {
  const filters = parseFilters(new URLSearchParams(), today);
  const times: Record<string, number[]> = { context: [], whole: [] };
  for (const name of Object.keys(SECTIONS)) times[name] = [];
  for (let run = 0; run < runs + 3; run++) {
    const started = performance.now();
    const ctx = (await loadAnalyticsContext(pool, organisationId, viewer.id, filters, today))!;
    const contextMs = performance.now() - started;
    const sectionMs: Record<string, number> = {};
    await Promise.all(
      Object.entries(SECTIONS).map(async ([name, run]) => {
        const at = performance.now();
        await run(ctx);
        sectionMs[name] = performance.now() - at;
      }),
    );
    if (run < 3) continue; // warm-up: plans cached, pages in memory
    times.context!.push(contextMs);
    times.whole!.push(performance.now() - started);
    for (const [name, value] of Object.entries(sectionMs)) times[name]!.push(value);
  }
  for (const [name, list] of Object.entries(times)) {
    lines.push(
      `| ${viewer.kind} | ${name === 'whole' ? 'whole request (context + every section side by side)' : name} | ${ms(median(list))} | ${ms(percentile(list, 95))} |`,
    );
  }
}

console.log(['| person | dashboard | median | p95 |', '|---|---|---|---|', ...lines].join('\n'));

// The page cold in Chromium, as the HR admin: a fresh context each run.
const webPort = await findFreePort();
const syncPort = await findFreePort();
const origin = `http://localhost:${webPort}`;
const services = startServices({
  databaseUrl,
  webPort,
  syncPort,
  origin,
  host: '127.0.0.1',
  env: { LOG_LEVEL: 'warn' },
});
const browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS });
const cold: number[] = [];
try {
  await Promise.all([
    waitForHttp(`http://127.0.0.1:${webPort}/login`),
    waitForHttp(`http://127.0.0.1:${syncPort}/healthz`),
  ]);
  const admin = viewers[0]!;
  for (let run = 0; run < pageRuns + 1; run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await signIn(page, origin, admin.email);
    await page.goto(`${origin}/analytics`);
    // Every chart drawn: each LayerChart box holds its SVG (other cards draw lists and tables).
    const drawnCheck = () => {
      const boxes = [
        ...document.querySelectorAll('[data-chart] .chart :is(.bars, .lines, .columns)'),
      ];
      return boxes.length > 0 && boxes.every((box) => box.querySelector('svg') !== null);
    };
    try {
      await page.waitForFunction(drawnCheck, undefined, { timeout: 60_000 });
    } catch (error) {
      const state = await page.evaluate(() => ({
        heading: document.querySelector('h1')?.textContent,
        boxes: document.querySelectorAll('[data-chart] .chart :is(.bars, .lines, .columns)').length,
        empty: [...document.querySelectorAll('[data-chart] .chart :is(.bars, .lines, .columns)')]
          .filter((box) => !box.querySelector('svg'))
          .map((box) => box.closest('[data-chart]')?.getAttribute('data-chart')),
      }));
      log(`the page did not draw: ${JSON.stringify(state)}`);
      throw error;
    }
    const drawn = await page.evaluate(() => performance.now());
    if (run > 0) cold.push(drawn); // the first run also warms the web server's code
    await context.close();
  }
} finally {
  await browser.close();
  await services.stop();
}

const report = [
  `# Analytics dashboards, ${people} people`,
  '',
  history,
  '',
  `Server time per dashboard: the queries of one request, ${runs} requests per person after 3 warm-ups (the sections run side by side on a pool of 10 connections, as the page's load runs them). Target: under 300 ms p95 each.`,
  '',
  '| person | dashboard | median | p95 |',
  '|---|---|---|---|',
  ...lines,
  '',
  `The whole /analytics page cold in Chromium (a fresh browser context, signed in; navigation → every chart drawn), as the HR admin: median ${ms(median(cold))}, max ${ms(Math.max(...cold))} over ${cold.length} runs (${cold.map(Math.round).join(', ')} ms). Target: under 1 s.`,
  '',
].join('\n');
console.log(report);
await writeFile(new URL('./analytics.results.md', import.meta.url), report);
await pool.end();
await dropDatabase();

/**
 * A year of 1:1 history and two calibration cycles in the analytics tables (this database only):
 * for every running series a weekly meeting with a mood and, every third week, an action item
 * for the 52 weeks before the seeded ones; a closed cycle before the seeded ones, and a finalized
 * session in each of the two latest cycles over the first 1,200 people, with cards moved from
 * their proposal now and then. Idempotent: skipped when already added.
 */
async function addHistory(db: Pool, org: string): Promise<string> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM one_on_one_meeting_analytics
      WHERE organisation_id = $1 AND meeting_id LIKE 'bench-%'`,
    [org],
  );
  if (rows[0]!.n === 0) {
    await db.query(
      `INSERT INTO one_on_one_meeting_analytics (organisation_id, series_id, meeting_id, date,
                                                 cancelled, points, points_done, actions_raised)
       SELECT s.organisation_id, s.id, 'bench-' || w, s.starts_on - 7 * w, w % 17 = 0, 3, 2,
              (w % 3 = 0)::int
         FROM one_on_one_series s, generate_series(1, 52) AS w
        WHERE s.organisation_id = $1`,
      [org],
    );
    await db.query(
      `INSERT INTO one_on_one_mood_analytics (organisation_id, series_id, meeting_id, employee_id,
                                              value, at)
       SELECT s.organisation_id, s.id, 'bench-' || w, s.employee_id,
              1 + abs(hashtext(s.id::text || w)) % 5, (s.starts_on - 7 * w) + time '10:00'
         FROM one_on_one_series s, generate_series(1, 52) AS w
        WHERE s.organisation_id = $1 AND w % 17 <> 0`,
      [org],
    );
    await db.query(
      `INSERT INTO one_on_one_action_analytics (organisation_id, series_id, action_id, owner_id,
                                                due_date, raised_on, done, done_at, overdue,
                                                times_carried, deleted)
       SELECT s.organisation_id, s.id, gen_random_uuid(), s.employee_id,
              s.starts_on - 7 * w + 7, s.starts_on - 7 * w, w > 2,
              CASE WHEN w > 2 THEN (s.starts_on - 7 * w + 10)::timestamptz END, w <= 2, 0, false
         FROM one_on_one_series s, generate_series(3, 52, 3) AS w
        WHERE s.organisation_id = $1`,
      [org],
    );
    const cycles = await db.query<{ id: string }>(
      `SELECT id FROM cycles WHERE organisation_id = $1 ORDER BY starts_on DESC LIMIT 2`,
      [org],
    );
    const admin = await db.query<{ id: string }>(
      `SELECT id FROM people WHERE organisation_id = $1 AND role = 'admin' LIMIT 1`,
      [org],
    );
    for (const [i, cycle] of cycles.rows.entries()) {
      const status = 'finalized';
      const { rows: session } = await db.query<{ id: string }>(
        `INSERT INTO calibration_sessions (organisation_id, cycle_id, name, status, scale,
                                           performance_bands, guideline)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          org,
          cycle.id,
          `Bench session ${i + 1}`,
          status,
          JSON.stringify([1, 2, 3, 4, 5].map((value) => ({ value, label: `Rating ${value}` }))),
          JSON.stringify({ low: [1, 2], medium: [3], high: [4, 5] }),
          JSON.stringify({ 1: 10, 2: 20, 3: 40, 4: 20, 5: 10 }),
        ],
      );
      const sessionId = session[0]!.id;
      await db.query(
        `INSERT INTO calibration_participants (organisation_id, session_id, person_id, role)
         VALUES ($1, $2, $3, 'facilitator')`,
        [org, sessionId, admin.rows[0]!.id],
      );
      await db.query(
        `WITH picked AS (
           SELECT id, 1 + abs(hashtext(id::text || $3)) % 5 AS proposed,
                  abs(hashtext(id::text || 'move' || $3)) % 7 AS chance
             FROM people WHERE organisation_id = $1 AND manager_id IS NOT NULL
            ORDER BY id LIMIT 1200
         ), population AS (
           INSERT INTO calibration_population (organisation_id, session_id, person_id)
           SELECT $1, $2, id FROM picked
         )
         INSERT INTO calibration_cards (organisation_id, session_id, person_id, original_rating,
                                        original_potential, current_rating, current_potential,
                                        moves)
         SELECT $1, $2, id, proposed, 'medium',
                CASE WHEN chance = 0 THEN GREATEST(1, proposed - 1)
                     WHEN chance = 1 THEN LEAST(5, proposed + 1) ELSE proposed END,
                'medium', (chance < 2)::int
           FROM picked`,
        [org, sessionId, String(i)],
      );
      await db.query(
        `INSERT INTO published_ratings (organisation_id, cycle_id, person_id, session_id, rating,
                                        rating_label, performance, potential, box)
         SELECT organisation_id, $3, person_id, session_id, current_rating,
                'Rating ' || current_rating,
                CASE WHEN current_rating <= 2 THEN 'low' WHEN current_rating = 3 THEN 'medium'
                     ELSE 'high' END, 'medium',
                CASE WHEN current_rating <= 2 THEN 2 WHEN current_rating = 3 THEN 5 ELSE 8 END
           FROM calibration_cards WHERE organisation_id = $1 AND session_id = $2
         ON CONFLICT DO NOTHING`,
        [org, sessionId, cycle.id],
      );
    }
    await db.query('ANALYZE');
  }
  const counts = await db.query<{
    meetings: number;
    moods: number;
    actions: number;
    cards: number;
  }>(
    `SELECT (SELECT count(*) FROM one_on_one_meeting_analytics WHERE organisation_id = $1)::int
              AS meetings,
            (SELECT count(*) FROM one_on_one_mood_analytics WHERE organisation_id = $1)::int AS moods,
            (SELECT count(*) FROM one_on_one_action_analytics WHERE organisation_id = $1)::int
              AS actions,
            (SELECT count(*) FROM calibration_cards WHERE organisation_id = $1)::int AS cards`,
    [org],
  );
  const c = counts.rows[0]!;
  return `The analytics tables hold ${c.meetings.toLocaleString('en')} 1:1 meetings, ${c.moods.toLocaleString('en')} moods, ${c.actions.toLocaleString('en')} action items and ${c.cards.toLocaleString('en')} calibration cards.`;
}
