// Nudges and notifications in the browser (NUD17–NUD20): a notification the job raises (the sync
// server's pg-boss worker, asked for a run here) reaches an open page live; the bell's count is
// right after a reload; following one marks it read, and so does "Mark all as read"; muting a
// kind clears those and raises no more.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { DEMO_EMPLOYEE_EMAIL } from '@threadline/db/demo';
import { e2eDatabaseUrl } from './e2e-database.ts';
import { expectNoAxeViolations, signIn } from './fixtures.ts';

test.describe.configure({ mode: 'serial' });

const QUEUE = 'threadline-nudges';
const DAY_MS = 86_400_000;

let db: pg.Pool;
let boss: PgBoss;

test.beforeAll(async () => {
  const url = e2eDatabaseUrl();
  db = new pg.Pool({ connectionString: url, max: 2 });
  // Only to ask for a run: the sync server's own instance keeps the schedule and does the work.
  boss = new PgBoss({ connectionString: url, max: 1, schedule: false, supervise: false });
  await boss.start();
});

test.afterAll(async () => {
  await boss?.stop({ graceful: false });
  await db?.end();
});

/** Asks for a run of the nudge job and waits until the sync server's worker has done it. */
async function runNudgeJob() {
  const key = `e2e-${randomUUID()}`;
  await boss.send(QUEUE, {}, { singletonKey: key, singletonSeconds: 60 });
  await expect
    .poll(
      async () =>
        (
          await db.query<{ state: string }>(
            `SELECT state FROM pgboss.job WHERE name = $1 AND singleton_key = $2`,
            [QUEUE, key],
          )
        ).rows[0]?.state,
      { timeout: 30_000 },
    )
    .toBe('completed');
}

/** An action item of Kwame's in his 1:1 with Sofía, due two days ago, as the projection writes it. */
async function stageOverdueActionForKwame(): Promise<string> {
  const { rows } = await db.query<{ organisation_id: string; id: string; employee_id: string }>(
    `SELECT s.organisation_id, s.id, s.employee_id FROM one_on_one_series s
       JOIN people p ON p.organisation_id = s.organisation_id AND p.id = s.employee_id
      WHERE p.email = $1 AND s.ended_at IS NULL`,
    [DEMO_EMPLOYEE_EMAIL],
  );
  const series = rows[0]!;
  const actionId = randomUUID();
  const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
  await db.query(
    `INSERT INTO one_on_one_action_analytics (organisation_id, series_id, action_id, owner_id,
                                              due_date, raised_on, done, overdue, times_carried,
                                              deleted)
     VALUES ($1, $2, $3, $4, $5, $6, false, true, 0, false)`,
    [series.organisation_id, series.id, actionId, series.employee_id, day(-2), day(-9)],
  );
  return actionId;
}

function bell(page: Page) {
  // The wide bar's button (the phone-width link is hidden at this size).
  return page.getByRole('button', { name: /^Notifications/ });
}

async function unreadCount(page: Page): Promise<number> {
  const label = (await bell(page).getAttribute('aria-label')) ?? '';
  return Number(/(\d+) unread/.exec(label)?.[1] ?? 0);
}

test('a notification the job raises reaches an open page live, and the count survives a reload', async ({
  page,
}) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await page.goto('/one-on-ones');
  await expect(page.locator('.bell[data-live="true"]')).toBeVisible();
  const before = await unreadCount(page);

  await stageOverdueActionForKwame();
  await runNudgeJob();

  await expect(bell(page)).toHaveAttribute('aria-label', `Notifications, ${before + 1} unread`);
  await bell(page).click();
  const popover = page.getByRole('dialog', { name: 'Notifications' });
  await expect(
    popover.getByRole('link', { name: /action item from your 1:1 with Sofía Hernández/ }).first(),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(bell(page)).toBeFocused();

  await page.reload();
  await expect(bell(page)).toHaveAttribute('aria-label', `Notifications, ${before + 1} unread`);
});

test('following a notification marks it read; "Mark all as read" marks the rest', async ({
  page,
}) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await page.goto('/one-on-ones');
  const before = await unreadCount(page);
  expect(before).toBeGreaterThan(0);

  await bell(page).click();
  const popover = page.getByRole('dialog', { name: 'Notifications' });
  const first = popover.getByRole('link', { name: /^Unread:/ }).first();
  await first.click();
  await expect(page).toHaveURL(/\/one-on-ones\/[0-9a-f-]{36}$|\/goals\?/);
  await expect(bell(page)).toHaveAttribute(
    'aria-label',
    before - 1 === 0 ? 'Notifications' : `Notifications, ${before - 1} unread`,
  );

  await stageOverdueActionForKwame();
  await runNudgeJob();
  await expect.poll(() => unreadCount(page)).toBeGreaterThan(0);
  await page.goto('/notifications');
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(bell(page)).toHaveAttribute('aria-label', 'Notifications');
  await expect(
    page.getByRole('region', { name: 'Your notifications' }).getByText(/^Unread:/),
  ).toHaveCount(0);
  await page.reload();
  await expect(bell(page)).toHaveAttribute('aria-label', 'Notifications');
});

test('muting a kind clears those notifications and the job raises no more of it', async ({
  page,
}) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await page.goto('/notifications');
  const list = page.getByRole('region', { name: 'Your notifications' });
  await expect(list.getByRole('link', { name: /action item from your 1:1/ }).first()).toBeVisible();

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Notification settings' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('checkbox', { name: /Overdue action items/ }).uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Notification settings saved')).toBeVisible();
  // NUD20: muting cleared the open ones of that kind at once.
  await page.goto('/notifications');
  await expect(list.getByRole('link', { name: /action item from your 1:1/ })).toHaveCount(0);

  await stageOverdueActionForKwame();
  await runNudgeJob();
  await page.goto('/notifications');
  await expect(list.getByRole('link', { name: /action item from your 1:1/ })).toHaveCount(0);

  await page.goto('/account/notifications');
  await expect(page.getByRole('checkbox', { name: /Overdue action items/ })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Overdue 1:1s/ })).toBeChecked();
});

test('at phone width the bell is a link to the notifications page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await page.getByRole('link', { name: /^Notifications/ }).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(390);
});

test('the event stream and marking read require a signed-in person', async ({ request }) => {
  const stream = await request.get('/notifications/events', { maxRedirects: 0 });
  expect(stream.status()).toBe(401);
  const read = await request.post('/notifications/read', {
    data: { all: true },
    headers: { 'sec-fetch-site': 'same-origin' },
    maxRedirects: 0,
  });
  expect(read.status()).toBe(401);
});
