// The goals page built around the person (issue 19): whose goals it shows first, the owner
// filter, adding a goal through a dialog, one scroll area, counts that match the rows, a move that
// lost told, and a closed cycle without a tree.
import { expect, test, type Page } from '@playwright/test';
import {
  DEMO_CEO_EMAIL,
  DEMO_DEPARTMENT_HEAD_EMAIL,
  DEMO_EMPLOYEE_EMAIL,
} from '@threadline/db/demo';
import { expectNoAxeViolations, signIn } from './fixtures.ts';
import {
  addDialog,
  addSubGoal,
  addTheme,
  expectSaved,
  personOnGoals,
  row,
  search,
  shownTree,
  titleField,
  tree,
  uniqueTag,
} from './goals-support.ts';

function scope(page: Page, name: string) {
  return page.getByRole('radio', { name });
}

async function kwameOnGoals(page: Page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  // Signing in lands on the goals page, with no scope in its address: the person's default.
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await expect(page).toHaveURL(/\/goals$/);
  await expectSaved(page);
}

test('[GOAL30] an employee’s goals page opens on their own goals, with the way up to the theme open', async ({
  page,
}) => {
  await kwameOnGoals(page);
  await expect(scope(page, 'My goals')).toBeChecked();
  const rows = await shownTree(page);
  // Kwame's goals, each under its line of sight: a theme at the top, deeper levels below it.
  expect(rows.length).toBeGreaterThan(1);
  expect(rows.length).toBeLessThan(15);
  expect(rows[0]![1]).toBe(1);
  const own = tree(page).locator('[data-goal-id]:not(.context)');
  await expect(own.first()).toBeInViewport();
  await expect(own.first().locator('.col-owner')).toHaveText('Kwame Mensah');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'docs/goals-my-goals.png' });
});

test('[GOAL30] the scope switch works from the keyboard and is kept in the address', async ({
  page,
}) => {
  await kwameOnGoals(page);
  const before = (await shownTree(page)).length;
  await scope(page, 'My goals').focus();
  await page.keyboard.press('ArrowRight');
  await expect(scope(page, 'My team')).toBeChecked();
  await expect(page).toHaveURL(/[?&]show=team/);
  await page.keyboard.press('ArrowRight');
  await expect(scope(page, 'Everything')).toBeChecked();
  await expect(page).toHaveURL(/[?&]show=everything/);
  await expect.poll(async () => (await shownTree(page)).length).toBeGreaterThan(before);
  await page.reload();
  await expectSaved(page);
  await expect(scope(page, 'Everything')).toBeChecked();
});

test('typing in the owner filter replaces “Anyone” and finds the person', async ({ page }) => {
  await kwameOnGoals(page);
  const owner = page.getByRole('combobox', { name: 'Owner' });
  await owner.click();
  await page.keyboard.type('Kwame');
  await expect(owner).toHaveValue('Kwame');
  await expect(page.getByRole('option', { name: 'Kwame Mensah' })).toBeVisible();
  await page.getByRole('option', { name: 'Kwame Mensah' }).click();
  await expect(owner).toHaveValue('Kwame Mensah');
  // Typing again replaces the chosen name too.
  await owner.click();
  await page.keyboard.type('Sof');
  await expect(owner).toHaveValue('Sof');
});

test('[GOAL31] adding asks where the goal goes first, and writes nothing on cancel or without a title', async ({
  page,
}) => {
  await kwameOnGoals(page);
  const count = page.getByTestId('goal-count');
  const before = await count.innerText();
  await page.getByRole('button', { name: 'Add goal' }).click();
  const dialog = addDialog(page);
  await expect(dialog.getByLabel('Title')).toBeFocused();
  // With nothing selected, the suggested parent is Kwame's own nearest goal, not the first theme.
  await expect(dialog.locator('#new-goal-parent')).not.toContainText('Company theme');
  await expect(dialog.getByRole('combobox', { name: 'Owner' })).toHaveValue('Kwame Mensah');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(count).toHaveText(before);

  await page.getByRole('button', { name: 'Add goal' }).click();
  await dialog.getByRole('button', { name: 'Add goal' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Give the goal a title.');
  await expect(count).toHaveText(before);

  const title = `Pair on the flaky tests ${uniqueTag()}`;
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('button', { name: 'Add goal' }).click();
  await expect(dialog).toBeHidden();
  await expect(titleField(page)).toHaveValue(title);
  await expect(row(page, title)).toHaveAttribute('aria-level', /[2-9]/);
  await expectSaved(page);
});

test('selecting a goal keeps the app bar, every column and readable titles: one scroll area', async ({
  page,
}) => {
  await kwameOnGoals(page);
  await scope(page, 'Everything').check();
  const first = tree(page).locator('[data-goal-id]').nth(2);
  await first.click();
  await expect(page.getByRole('complementary', { name: 'Goal details' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // The document does not scroll: the tree and the column beside it do.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollHeight - window.innerHeight,
  );
  expect(overflow).toBeLessThanOrEqual(1);
  await expect(page.getByRole('columnheader', { name: 'Team' })).toBeVisible();
  // A title says all of itself on hover, however long.
  const title = first.locator('.title');
  await expect(title).toHaveAttribute('title', (await title.innerText()).replace(/\s+/g, ' '));
});

test('the match count says what the rows show, and a match inside a closed goal is told apart', async ({
  browser,
}) => {
  const tag = uniqueTag();
  const { page, context } = await personOnGoals(browser, DEMO_CEO_EMAIL);
  await search(page, tag);
  await addTheme(page, `Theme ${tag}`);
  await addSubGoal(page, `Theme ${tag}`, `Child ${tag}`);
  await expectSaved(page);
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  const status = page.getByRole('search').getByRole('status');
  await expect(status).toContainText('2 goals match');
  // Closing the theme by hand hides its matching child: counted apart, and shown again on asking.
  await row(page, `Theme ${tag}`).locator('[data-action="toggle"]').click();
  await expect(row(page, `Child ${tag}`)).toBeHidden();
  await expect(status).toContainText('1 goal matches');
  await expect(status).toContainText('1 more inside closed goals');
  await status.getByRole('button', { name: 'Show them' }).click();
  await expect(row(page, `Child ${tag}`)).toBeVisible();
  await expect(status).toContainText('2 goals match');
  await context.close();
});

test('[GOAL32] [GOAL6] of two offline moves of one goal, the person whose move lost is told', async ({
  browser,
}) => {
  // Two sign-ins, three themes added, two offline moves and a resync.
  test.slow();
  const tag = uniqueTag();
  const a = await personOnGoals(browser, DEMO_DEPARTMENT_HEAD_EMAIL);
  const b = await personOnGoals(browser, DEMO_CEO_EMAIL);
  await search(a.page, tag);
  await search(b.page, tag);
  const goal = `Moved twice ${tag}`;
  await addTheme(b.page, `Left ${tag}`);
  await addTheme(b.page, `Right ${tag}`);
  await addTheme(b.page, goal);
  await expect(row(a.page, goal)).toBeVisible();
  await expectSaved(b.page);

  // Both offline, each moves the goal under another theme (Alt+arrows: into the theme above).
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await row(a.page, goal).click();
  await a.page.keyboard.press('Alt+ArrowRight');
  await expect(row(a.page, goal)).toHaveAttribute('aria-level', '2');
  await row(b.page, goal).click();
  await b.page.keyboard.press('Alt+ArrowUp');
  await b.page.keyboard.press('Alt+ArrowRight');
  await expect(row(b.page, goal)).toHaveAttribute('aria-level', '2');
  await a.context.setOffline(false);
  await b.context.setOffline(false);
  await expectSaved(a.page);
  await expectSaved(b.page);

  const told = /Your move of “Moved twice \w+” was replaced by/;
  const toasts = [a.page, b.page].map((page) =>
    page.locator('[data-sonner-toast]').filter({ hasText: told }),
  );
  await expect.poll(async () => (await toasts[0]!.count()) + (await toasts[1]!.count())).toBe(1);
  await a.context.close();
  await b.context.close();
});

test('a closed cycle with no goal tree says so instead of waiting', async ({ page }) => {
  await kwameOnGoals(page);
  await page.locator('#goal-cycle').click();
  await page.getByRole('option', { name: '2026 H1 (closed)' }).click();
  await expect(page).toHaveURL(/cycle=/);
  await expect(
    page.getByRole('heading', { name: 'No goals were set in this cycle' }),
  ).toBeVisible();
  await expect(
    page.getByText('2026 H1 is closed: its goal tree is kept as it was, read-only.'),
  ).toBeVisible();
});

test('text dates follow the browser’s locale, as its date inputs do', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await expectSaved(page);
  const toggle = page.getByRole('button', { name: /^Tree as of a date/ });
  await toggle.click();
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  // The panel shows the tree as it was 30 days ago by default.
  const day = Date.parse(new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10));
  const german = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    day,
  );
  expect(german).toMatch(/^\d\d\.\d\d\.\d{4}$/);
  await expect(page.getByRole('status').filter({ hasText: `On ${german}` })).toBeVisible();
  await context.close();
});
