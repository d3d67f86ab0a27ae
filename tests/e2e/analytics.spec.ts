// /analytics with each role (ANA1–ANA10, ANA28): the right dashboards and the seeded demo's
// numbers, nothing outside a person's scope in the page or its responses, CSV downloads, and a
// goal's progress recorded in another browser reaching the goals dashboard within 5 s.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  DEMO_CEO_EMAIL,
  DEMO_DEPARTMENT_HEAD_EMAIL,
  DEMO_EMPLOYEE_EMAIL,
  DEMO_MANAGER_EMAIL,
} from '@threadline/db/demo';
import { generateDemoPlan } from '@threadline/db/seed';
import { DEMO_ADMIN_EMAIL, signIn } from './fixtures.ts';
import { expectSaved } from './goals-support.ts';

const plan = generateDemoPlan(new Date().toISOString().slice(0, 10));
const personByEmail = (email: string) => plan.people.find((person) => person.email === email)!;
const reportsOf = (email: string) =>
  plan.people.filter((person) => person.managerKey === personByEmail(email).key);

/** The rows of a chart's table view (always in the page for screen readers). */
async function tableRows(page: Page, chart: string): Promise<string[][]> {
  const rows = page.locator(`[data-chart="${chart}"] table tbody tr`);
  return rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim())),
  );
}

/** Every response body the page received from the web server while `run` ran. */
async function bodiesDuring(page: Page, run: () => Promise<void>): Promise<string> {
  const bodies: Promise<string>[] = [];
  const listener = (response: import('@playwright/test').Response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/analytics')) bodies.push(response.text().catch(() => ''));
  };
  page.on('response', listener);
  await run();
  page.off('response', listener);
  return (await Promise.all(bodies)).join('\n');
}

test('requires authentication, for the page and its CSV downloads', async ({ page, request }) => {
  await page.goto('/analytics');
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fanalytics/);
  const csv = await request.get('/analytics/goals-health-team.csv');
  expect(csv.status()).toBe(401);
});

test('[ANA1] an HR admin sees the organisation’s dashboards with the seeded numbers', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_ADMIN_EMAIL);
  await page.goto('/analytics');
  for (const heading of ['Goals', '1:1s', 'Calibration', 'Growth']) {
    await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
  }
  // DEMO16: a running series for every reporting line.
  const cadence = await tableRows(page, 'one-on-ones-cadence-team');
  const series = cadence.reduce((sum, row) => sum + Number(row[2]), 0);
  expect(series).toBe(plan.people.length - 1);
  // Departments are the groups (ANA12), Engineering among them.
  expect(cadence.map((row) => row[0])).toContain('Engineering');
  // DEMO21: the Engineering session, in session, with its population's cards.
  await expect(page.getByRole('heading', { level: 3, name: /Engineering/ }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Movement matrix' }).first()).toBeVisible();
  // DEMO45: about two in five people have a plan, each gap with an experience item at least.
  const items = await tableRows(page, 'growth-items');
  const experience = items
    .filter((row) => row[0] === 'Experience (70)')
    .reduce((sum, row) => sum + Number(row[2]), 0);
  const gaps = await tableRows(page, 'growth-gaps');
  expect(gaps.length).toBeGreaterThan(0);
  expect(experience).toBeGreaterThanOrEqual(Number(gaps[0]![1]));
  // The goals dashboard counts the seeded tree's active goals.
  const health = await tableRows(page, 'goals-health-team');
  expect(health.reduce((sum, row) => sum + Number(row.at(-1)), 0)).toBeGreaterThan(100);
  // A chart's table view replaces it on demand.
  const card = page.locator('[data-chart="goals-health-team"]');
  await card.getByRole('button', { name: 'Table view' }).click();
  await expect(card.getByRole('table')).toBeVisible();
  // The drawn charts are hidden from assistive technology (their tables stand in for them), and
  // their thousands of SVG nodes take axe minutes on a busy machine: everything else is checked.
  const results = await new AxeBuilder({ page }).exclude('.chart').analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});

test('[ORG19] [ANA15] [ANA17] the lines over weeks and the weekly columns name weeks alike', async ({
  page,
}) => {
  await signIn(page, DEMO_ADMIN_EMAIL);
  await page.goto('/analytics');
  /** The labels under a chart's drawing: its weeks. */
  const weeks = (chart: string) =>
    page.locator(`[data-chart="${chart}"] .lc-axis.placement-bottom text`);
  // A day without its year in the page's locale ("Mar 2", "2 Mar"), as the 1:1 pages write one:
  // not M/D, not MM-DD.
  const shortDay = /^(\p{L}+\.? \d{1,2}|\d{1,2}\.? \p{L}+\.?)$/u;
  for (const chart of ['goals-progress', 'one-on-ones-meetings', 'one-on-ones-actions']) {
    await expect(weeks(chart).first()).toBeVisible();
    // A label too long for its room is drawn as lines, one tspan each.
    const labels = await weeks(chart).evaluateAll((texts) =>
      texts.map((text) =>
        [...text.querySelectorAll('tspan')].map((line) => line.textContent!.trim()).join(' '),
      ),
    );
    expect(labels.length, chart).toBeGreaterThan(1);
    for (const label of labels) expect(label.trim(), chart).toMatch(shortDay);
  }
});

test('[ANA10] a chart’s CSV has its table’s numbers, defused against formulas', async ({
  page,
}) => {
  await signIn(page, DEMO_ADMIN_EMAIL);
  await page.goto('/analytics');
  const download = page.waitForEvent('download');
  await page
    .locator('[data-chart="one-on-ones-cadence-team"]')
    .getByRole('link', { name: /CSV/ })
    .click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toBe('Team,Series keeping cadence,Series,Kept (%)');
  const total = lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[2]), 0);
  expect(total).toBe(plan.people.length - 1);
  expect(lines.every((line) => !/^[=+\-@]/.test(line))).toBe(true);
});

test('[ANA2] a manager sees their reporting tree and nothing outside it', async ({ page }) => {
  await signIn(page, DEMO_MANAGER_EMAIL);
  const body = await bodiesDuring(page, async () => {
    await page.goto('/analytics');
    await expect(page.getByText('Everyone who reports to you')).toBeVisible();
  });
  const byManager = await tableRows(page, 'one-on-ones-cadence-manager');
  expect(byManager.map((row) => row[0])).toEqual(['Sofía Hernández']);
  expect(Number(byManager[0]![2])).toBe(reportsOf(DEMO_MANAGER_EMAIL).length);
  // Not a participant of any session (ANA4), and nobody outside the tree in what was sent.
  await expect(page.getByText(/No calibration session you may see/)).toBeVisible();
  for (const outsider of ['Daniel Kowalski', 'Maya Okafor', 'Priya Raman']) {
    expect(body).not.toContain(outsider);
  }
  const csv = await page.request.get('/analytics/one-on-ones-cadence-manager.csv');
  expect(await csv.text()).not.toContain('Daniel Kowalski');
});

test('[ANA3] an employee sees a personal page: own goals, own 1:1 cadence, own ratings', async ({
  page,
}) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  const body = await bodiesDuring(page, async () => {
    await page.goto('/analytics');
    await expect(page.getByRole('heading', { name: 'Your goals' })).toBeVisible();
  });
  await expect(page.getByRole('heading', { name: 'Your 1:1 cadence' })).toBeVisible();
  await expect(page.getByText(/With Sofía Hernández, weekly/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your published ratings' })).toBeVisible();
  // DEMO47: their own plan's two gaps.
  expect((await tableRows(page, 'growth-gaps')).map((row) => row[0]).sort()).toEqual([
    'Public speaking',
    'System design',
  ]);
  // ANA8: no mood, not even one's own; no organisation-wide charts.
  await expect(page.getByRole('heading', { name: 'Mood trend by team' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Goal health by team' })).toHaveCount(0);
  const teammates = reportsOf(DEMO_MANAGER_EMAIL).filter((p) => p.email !== DEMO_EMPLOYEE_EMAIL);
  for (const name of [...teammates.map((p) => p.name), 'Daniel Kowalski', 'Priya Raman']) {
    expect(body).not.toContain(name);
  }
  // The CSV of a chart not on the page holds its header and nothing else.
  const mood = await page.request.get('/analytics/one-on-ones-mood.csv');
  expect((await mood.text()).trim().split(/\r?\n/)).toHaveLength(1);
});

test('[ANA4] calibration analytics reach the session’s leaders, the CEO only as one', async ({
  browser,
}) => {
  for (const email of [DEMO_DEPARTMENT_HEAD_EMAIL, DEMO_CEO_EMAIL]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    await page.goto('/analytics');
    await expect(page.getByRole('heading', { name: 'Manager skew' }).first()).toBeVisible();
    await context.close();
  }
});

test('[ANA28] a goal’s progress recorded in another browser reaches the dashboard within 5 s', async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO_ADMIN_EMAIL);
  await page.goto('/analytics');
  const stale = page.locator('[data-chart="goals-stale"]');
  const count = stale.locator('.stale-count strong');
  const before = Number(await count.textContent());
  expect(before).toBeGreaterThan(0);
  const links = await stale
    .locator('.stale-list a')
    .evaluateAll((as) =>
      as.map((a) => ({ title: a.textContent!.trim(), href: a.getAttribute('href')! })),
    );

  const other = await browser.newContext();
  const editor = await other.newPage();
  await signIn(editor, DEMO_ADMIN_EMAIL);
  let recorded: { title: string } | null = null;
  for (const link of links.slice(0, 6)) {
    await editor.goto(link.href);
    // The link opens the goal's details (GoalFromUrl).
    const recorder = editor.getByRole('group', { name: 'Record progress' });
    const record = recorder.getByRole('button', { name: 'Record' });
    try {
      await expect(record).toBeEnabled({ timeout: 15_000 });
    } catch {
      continue; // a goal without a numeric metric, or one the admin may not edit
    }
    const value = recorder.getByLabel('New value', { exact: true });
    const current = Number(await value.inputValue());
    await value.fill(String(current + 1));
    await record.click();
    await expectSaved(editor);
    recorded = link;
    break;
  }
  expect(recorded).not.toBeNull();
  const savedAt = Date.now();
  await expect(count).toHaveText(String(before - 1), { timeout: 5_000 });
  expect(Date.now() - savedAt).toBeLessThan(5_000);
  await expect(stale.getByRole('link', { name: recorded!.title, exact: true })).toHaveCount(0);
  await other.close();
});

test('at phone width the dashboards fit the screen; wide tables scroll in their own box', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO_ADMIN_EMAIL);
  await page.goto('/analytics');
  await page.locator('[data-chart="goals-health-team"] svg').first().waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
