// /analytics with each role (ANA1–ANA10, ANA28): the right dashboards and the seeded demo's
// numbers, nothing outside a person's scope in the page or its responses, CSV downloads, a
// goal's progress recorded in another browser reaching the goals dashboard within 5 s, growth
// kept to groups of five (ANA40) and the calibration session picker (ANA32).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import {
  DEMO_CEO_EMAIL,
  DEMO_DEPARTMENT_HEAD_EMAIL,
  DEMO_EMPLOYEE_EMAIL,
  DEMO_MANAGER_EMAIL,
  DEMO_ORGANISATION_SLUG,
} from '@threadline/db/demo';
import { generateDemoPlan } from '@threadline/db/seed';
import { e2eDatabaseUrl } from './e2e-database.ts';
import { DEMO_ADMIN_EMAIL, signIn } from './fixtures.ts';
import { expectSaved } from './goals-support.ts';

const plan = generateDemoPlan(new Date().toISOString().slice(0, 10));
const personByEmail = (email: string) => plan.people.find((person) => person.email === email)!;
const reportsOf = (email: string) =>
  plan.people.filter((person) => person.managerKey === personByEmail(email).key);

/** The rows of a chart's table view (in the page for screen readers, hidden, once the page is idle
 *  after its first paint). */
async function tableRows(page: Page, chart: string): Promise<string[][]> {
  await page.locator(`[data-chart="${chart}"] table`).waitFor({ state: 'attached' });
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

test('[ANA40] a team filter down to one to four people with a skill gap says only that they are too few', async ({
  page,
}) => {
  // A team (with the teams under it) where one to four people have a gap, and one to four items.
  const db = new pg.Pool({ connectionString: e2eDatabaseUrl(), max: 1 });
  let team: { id: string; name: string } | undefined;
  try {
    const { rows } = await db.query<{ id: string; name: string }>(
      `WITH RECURSIVE org AS (SELECT id FROM organisations WHERE slug = $1),
       below AS (
         SELECT t.organisation_id, t.id AS root, t.id FROM teams t JOIN org ON org.id = t.organisation_id
         UNION
         SELECT b.organisation_id, b.root, t.id
           FROM teams t JOIN below b ON t.organisation_id = b.organisation_id AND t.parent_id = b.id
       ),
       gapped AS (SELECT DISTINCT person_id FROM skill_gaps JOIN org ON org.id = organisation_id),
       planned AS (SELECT DISTINCT person_id FROM development_items JOIN org ON org.id = organisation_id)
       SELECT t.id, t.name
         FROM below b
         JOIN teams t ON t.organisation_id = b.organisation_id AND t.id = b.root
         JOIN people p ON p.organisation_id = b.organisation_id AND p.team_id = b.id
         LEFT JOIN gapped g ON g.person_id = p.id
         LEFT JOIN planned i ON i.person_id = p.id
        GROUP BY t.id, t.name
       HAVING count(DISTINCT g.person_id) BETWEEN 1 AND 4
          AND count(DISTINCT i.person_id) BETWEEN 1 AND 4
        ORDER BY t.name LIMIT 1`,
      [DEMO_ORGANISATION_SLUG],
    );
    team = rows[0];
  } finally {
    await db.end();
  }
  expect(team, 'the demo has a team with one to four people with a gap').toBeDefined();

  await signIn(page, DEMO_ADMIN_EMAIL);
  await page.goto(`/analytics?team=${team!.id}`);
  await expect(page.getByLabel('Department or team')).toHaveValue(team!.id);
  for (const [chart, what] of [
    ['growth-gaps', 'a skill gap recorded'],
    ['growth-items', 'development items'],
  ] as const) {
    const card = page.locator(`[data-chart="${chart}"]`);
    await expect(card).toContainText(
      `Fewer than 5 people in this view have ${what}: not shown, so no one's can be told apart.`,
    );
    // No chart, no table, no CSV link: nothing to tell anyone apart by.
    await expect(card.locator('table, svg')).toHaveCount(0);
    await expect(card.getByRole('link', { name: /CSV/ })).toHaveCount(0);
    const csv = await page.request.get(`/analytics/${chart}.csv?team=${team!.id}`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).trim().split(/\r?\n/)).toHaveLength(1);
  }
});

test('[ANA32] the session picker draws one session at a time; every session’s CSV stays downloadable', async ({
  page,
}) => {
  // A second session in the demo's active cycle: five of the Engineering session's people, as its
  // board's projection would hold them (the demo calibrates one department a cycle).
  const db = new pg.Pool({ connectionString: e2eDatabaseUrl(), max: 1 });
  const { rows } = await db.query<{ engineering: string; pilot: string }>(
    `WITH source AS (
       SELECT s.* FROM calibration_sessions s
         JOIN organisations o ON o.id = s.organisation_id AND o.slug = $1
        WHERE s.status = 'in_session' LIMIT 1
     ), pilot AS (
       INSERT INTO calibration_sessions (organisation_id, cycle_id, name, status, scale,
                                         performance_bands, guideline, created_by)
       SELECT organisation_id, cycle_id, 'Pilot calibration (e2e)', 'in_session', scale,
              performance_bands, guideline, created_by
         FROM source
       RETURNING organisation_id, id
     ), five AS (
       SELECT c.* FROM calibration_cards c JOIN source s ON s.id = c.session_id
        WHERE c.current_rating IS NOT NULL ORDER BY c.person_id LIMIT 5
     ), population AS (
       INSERT INTO calibration_population (organisation_id, session_id, person_id)
       SELECT pilot.organisation_id, pilot.id, five.person_id FROM pilot, five
     ), cards AS (
       INSERT INTO calibration_cards (organisation_id, session_id, person_id, original_rating,
                                      original_potential, original_box, current_rating,
                                      current_potential, current_box)
       SELECT pilot.organisation_id, pilot.id, five.person_id, five.original_rating,
              five.original_potential, five.original_box, five.current_rating,
              five.current_potential, five.current_box
         FROM pilot, five
     )
     SELECT (SELECT id FROM source) AS engineering, (SELECT id FROM pilot) AS pilot`,
    [DEMO_ORGANISATION_SLUG],
  );
  const { engineering, pilot } = rows[0]!;
  try {
    await signIn(page, DEMO_ADMIN_EMAIL);
    await page.goto('/analytics');
    const picker = page.getByLabel('Session', { exact: true });
    await expect(picker).toHaveValue(engineering);
    await expect(page.getByText('2 sessions you may see')).toBeVisible();
    const calibration = page.getByRole('region', { name: 'Calibration' });
    const sessionHeading = calibration.getByRole('heading', { level: 3 }).first();
    await expect(sessionHeading).toContainText('Engineering');
    // One session's four charts at a time.
    await expect(calibration.getByRole('heading', { name: 'Movement matrix' })).toHaveCount(1);

    // Picking another draws that one instead, the focus kept on the picker.
    await picker.focus();
    // A pick before the page has hydrated changes the select and nothing else (CI, under load):
    // picking again then is what a person would do.
    await expect(async () => {
      await picker.selectOption(pilot);
      await expect(page).toHaveURL(new RegExp(`session=${pilot}`), { timeout: 1_000 });
    }).toPass();
    await expect(sessionHeading).toContainText('Pilot calibration (e2e)');
    await expect(sessionHeading).toContainText('5 people');
    await expect(page).toHaveURL(new RegExp(`session=${pilot}`));
    await expect(picker).toBeFocused();
    await expect(calibration.getByRole('heading', { name: 'Movement matrix' })).toHaveCount(1);
    const distribution = calibration.locator(`[data-chart="calibration-distribution-${pilot}"]`);
    await expect(distribution).toBeVisible();

    // Each session's CSV, the one not drawn as well as the one drawn.
    for (const [id, people] of [
      [pilot, 5],
      [engineering, null],
    ] as const) {
      const csv = await page.request.get(`/analytics/calibration-distribution-${id}.csv`);
      expect(csv.status()).toBe(200);
      const lines = (await csv.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      expect(lines[0]).toBe(
        'Rating,Label,Guideline (%),Proposed,Proposed (%),Calibrated,Calibrated (%)',
      );
      const calibrated = lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[5]), 0);
      if (people === null) expect(calibrated).toBeGreaterThan(5);
      else expect(calibrated).toBe(people);
    }
    // A session the viewer may not see has no CSV.
    const unknown = await page.request.get(
      '/analytics/calibration-distribution-00000000-0000-4000-8000-000000000000.csv',
    );
    expect(unknown.status()).toBe(404);
  } finally {
    await db.query('DELETE FROM calibration_sessions WHERE id = $1', [pilot]);
    await db.end();
  }
});

test('[ANA30] the charts below the first screen draw as the page idles; every card’s controls are there at once', async ({
  page,
}) => {
  await signIn(page, DEMO_ADMIN_EMAIL);
  await page.goto('/analytics');
  // Each section streams in as its queries finish, a placeholder holding its place meanwhile;
  // once there, it holds every card with its table view button and CSV link.
  await expect(page.locator('section[aria-busy="true"]')).toHaveCount(0);
  const cards = page.locator('[data-chart]:has(.chart)');
  const count = await cards.count();
  expect(count).toBeGreaterThan(8);
  await expect(page.getByRole('button', { name: 'Table view' })).toHaveCount(count);
  await expect(page.getByRole('link', { name: /^CSV/ })).toHaveCount(count);
  // Without any scrolling, the charts at the bottom are drawn too, and so is every other.
  await expect(page.locator('[data-chart="growth-gaps"] .chart svg').first()).toBeAttached({
    timeout: 15_000,
  });
  const boxes = page.locator('[data-chart] .chart :is(.bars, .lines, .columns)');
  await expect
    .poll(() => boxes.evaluateAll((all) => all.filter((box) => !box.querySelector('svg')).length))
    .toBe(0);
  // The keyboard reaches a card far down the page, its table view too.
  const growth = page.locator('[data-chart="growth-items"]');
  await growth.getByRole('button', { name: 'Table view' }).focus();
  await page.keyboard.press('Enter');
  await expect(growth.getByRole('table')).toBeVisible();
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
