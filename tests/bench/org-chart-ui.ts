// The org chart page with a big organisation, in Chromium, on this machine: how long the page
// takes to answer, to show the chart and to hydrate (become usable), how large its HTML is, and
// how long finding someone deep in the tree takes to open the way to them (ORG17).
//
//   pnpm build && node tests/bench/org-chart-ui.ts [--people 5000] [--runs 5]
//   DATABASE_URL=… ORG_CHART_ADMIN=<admin email> node tests/bench/org-chart-ui.ts   (a database
//   already seeded with `pnpm seed --people 5000`, skipping the minute of seeding)
//
// Prints a table; BENCHMARKS.md keeps the figures.
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { createPool } from '@threadline/db';
import { DEMO_PASSWORD } from '@threadline/db/demo';
import { findFreePort } from '@threadline/db/free-port';
import { createScratchDatabase } from '@threadline/db/scratch-database';
import { seedOrganisation } from '@threadline/db/seed';
import { startServices } from '../../scripts/lib/services.ts';
import { waitForHttp } from '../../scripts/lib/wait-for-http.ts';
import { CHROMIUM_ARGS, resolveChromium } from '../e2e/chromium-path.ts';

const { values } = parseArgs({ options: { people: { type: 'string' }, runs: { type: 'string' } } });
const people = Number(values.people ?? 5000);
const runs = Number(values.runs ?? 5);
const log = (line: string) => console.log(`[org-chart-ui] ${line}`);

let databaseUrl = process.env.DATABASE_URL;
let adminEmail = process.env.ORG_CHART_ADMIN;
let drop = async () => {};
if (!databaseUrl || !adminEmail) {
  const database = await createScratchDatabase('threadline_org_chart_ui');
  drop = () => database.drop();
  const pool = createPool(database.url, 2, { statementMs: 0 });
  log(`seeding ${people} people…`);
  adminEmail = (await seedOrganisation(pool, { people, slug: 'scale', log })).adminEmail;
  await pool.end();
  databaseUrl = database.url;
}

const webPort = await findFreePort();
const syncPort = await findFreePort();
const services = startServices({
  databaseUrl,
  webPort,
  syncPort,
  origin: `http://localhost:${webPort}`,
  host: '127.0.0.1',
  env: { LOG_LEVEL: 'warn' },
});
const browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS });
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

try {
  await waitForHttp(`http://127.0.0.1:${webPort}/login`);
  const context = await browser.newContext({
    baseURL: `http://localhost:${webPort}`,
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(adminEmail);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL('**/goals**');

  const figures = { answer: [], shown: [], hydrated: [], reveal: [] } as Record<string, number[]>;
  let htmlBytes = 0;
  let treeItems = 0;
  for (let run = 0; run < runs; run += 1) {
    const response = await page.goto('/people/org-chart');
    htmlBytes = (await response!.body()).length;
    await page.waitForFunction(() => performance.getEntriesByName('org-chart:hydrated').length > 0);
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        answer: nav.responseEnd - nav.requestStart,
        shown: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        hydrated: performance.getEntriesByName('org-chart:hydrated')[0]!.startTime,
        items: document.querySelectorAll('[role="treeitem"]').length,
      };
    });
    treeItems = timing.items;
    figures.answer!.push(timing.answer);
    figures.shown!.push(timing.shown);
    figures.hydrated!.push(timing.hydrated);

    // Someone deep in the tree: the last of the search's engineers, most of them closed away.
    await page.getByLabel('Find a person').fill('engineer');
    const option = page.getByRole('option').last();
    const name = (await option.textContent())!.split('·')[0]!.trim();
    const started = await page.evaluate(() => performance.now());
    await option.click();
    await page.waitForFunction(
      (wanted) => (document.activeElement?.textContent ?? '').includes(wanted),
      name,
    );
    figures.reveal!.push((await page.evaluate(() => performance.now())) - started);
  }
  const row = (label: string, key: string) =>
    `| ${label} | ${median(figures[key]!).toFixed(0)} ms | ${figures[key]!.map((v) => v.toFixed(0)).join(', ')} |`;
  console.log(
    `\nOrg chart, ${people.toLocaleString('en')} people, ${runs} runs (median, each run)`,
  );
  console.log(`HTML ${(htmlBytes / 1024).toFixed(0)} KiB, ${treeItems} people drawn at first\n`);
  console.log('| measure | median | runs |\n|---|---|---|');
  console.log(row('server answer (request → last byte)', 'answer'));
  console.log(row('chart shown (first contentful paint)', 'shown'));
  console.log(row('chart usable (hydrated)', 'hydrated'));
  console.log(row('find a person → way opened, focused', 'reveal'));
} finally {
  await browser.close();
  await services.stop();
  await drop();
}
