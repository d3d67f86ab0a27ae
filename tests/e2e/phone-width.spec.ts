// Phone width (390×844, an iPhone 12–15): the navigation behind a Menu button on every page, and
// no page wider than the screen — wide tables and the org chart scroll inside their own box, and
// the goal tree's rows take two lines, with its filters and a goal's details in sheets.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_DEPARTMENT_HEAD_EMAIL, DEMO_EMPLOYEE_EMAIL } from '@threadline/db/demo';
import { DEMO_ADMIN_EMAIL, expectNoAxeViolations, signIn } from './fixtures.ts';

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

const SECTIONS = ['Goals', '1:1s', 'Calibration', 'Analytics', 'People'];
const TOP_LEVEL_PAGES = [
  { path: '/goals', current: 'Goals' },
  { path: '/one-on-ones', current: '1:1s' },
  { path: '/calibration', current: 'Calibration' },
  { path: '/analytics', current: 'Analytics' },
  { path: '/people', current: 'People' },
  { path: '/account/password', current: null },
];

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(PHONE.width);
}

const menuButton = (page: Page) => page.getByRole('button', { name: 'Menu', exact: true });
const menu = (page: Page) => page.getByRole('dialog', { name: 'Menu' });

/**
 * Opens the menu, clicking again until it shows: a click that lands before the page has hydrated
 * does nothing (CI, under load), and clicking again is what a person would do too.
 */
async function openMenu(page: Page): Promise<void> {
  await expect(async () => {
    if (!(await menu(page).isVisible())) await menuButton(page).click();
    await expect(menu(page)).toBeVisible({ timeout: 1_000 });
  }).toPass();
}

test('the sign-in form comes first and the demo accounts are reached by scrolling, never sideways', async ({
  page,
}) => {
  await page.goto('/login');
  await expect(page.getByLabel('Email')).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeInViewport();
  await expectNoSidewaysScroll(page);
  const lastDemo = page.getByRole('button', { name: 'Sign in as Kwame Mensah' });
  await lastDemo.scrollIntoViewIfNeeded();
  await expect(lastDemo).toBeInViewport();
  await expect(page.getByText('kwame.mensah@demo.threadline.test')).toBeInViewport();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
});

test('every top-level page shows a Menu button instead of the bar, and its menu lists every section', async ({
  page,
}) => {
  await signIn(page, DEMO_ADMIN_EMAIL);
  for (const { path, current } of TOP_LEVEL_PAGES) {
    await page.goto(path);
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await openMenu(page);
    const nav = menu(page).getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link')).toHaveText(SECTIONS);
    if (current) {
      await expect(nav.getByRole('link', { name: current, exact: true })).toHaveAttribute(
        'aria-current',
        'page',
      );
    }
    await page.keyboard.press('Escape');
    await expect(menu(page)).toHaveCount(0);
  }
});

test('the menu works from the keyboard: Enter opens it, Tab stays inside, Escape closes it and returns to the button', async ({
  page,
}) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await page.goto('/calibration');
  await menuButton(page).focus();
  await expect(menuButton(page)).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(menu(page)).toBeVisible();
  await expect(menuButton(page)).toHaveAttribute('aria-expanded', 'true');
  for (let step = 0; step < SECTIONS.length + 2; step++) {
    await page.keyboard.press('Tab');
    expect(await menu(page).evaluate((dialog) => dialog.contains(document.activeElement))).toBe(
      true,
    );
  }
  await page.keyboard.press('Escape');
  await expect(menu(page)).toHaveCount(0);
  await expect(menuButton(page)).toBeFocused();
});

test('following a link in the menu closes it on the new page', async ({ page }) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await page.goto('/calibration');
  await openMenu(page);
  await menu(page).getByRole('link', { name: 'People', exact: true }).click();
  await expect(page).toHaveURL('/people');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(menu(page)).toHaveCount(0);
  await expect(page.locator('body')).not.toHaveAttribute('style', /overflow: hidden/);
});

test('growing past phone width closes the menu and brings the navigation bar back', async ({
  page,
}) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await page.goto('/analytics');
  await openMenu(page);
  await expect(menu(page)).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu(page)).toHaveCount(0);
  await expect(menuButton(page)).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('the open menu passes axe', async ({ page }) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await page.goto('/analytics');
  await openMenu(page);
  await expect(menu(page)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the directory, org chart and a person page fit the screen; their wide parts scroll in their own box', async ({
  page,
}) => {
  await signIn(page, DEMO_ADMIN_EMAIL);
  await page.goto('/people');
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoSidewaysScroll(page);
  // The table is wider than the phone: its own box scrolls.
  const tableBox = page.locator('.table-scroll');
  expect(await tableBox.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
  await expectNoAxeViolations(page);

  const firstPerson = page.getByRole('table').getByRole('row').nth(1).getByRole('link').first();
  const name = (await firstPerson.textContent())!.trim();
  await firstPerson.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  await page.goto('/people/org-chart');
  const top = page.getByRole('treeitem', { name: /^Maya Okafor/ });
  await expect(top).toBeVisible();
  await expectNoSidewaysScroll(page);
  // It opens with the top of the chart in view, not the empty left edge of a wide chart.
  await expect(top).toBeInViewport();
  await expectNoAxeViolations(page);
});

test("the administration pages (teams, cycles, import, settings, skills) and one's account fit the screen", async ({
  page,
}) => {
  await signIn(page, DEMO_ADMIN_EMAIL);
  for (const path of [
    '/people/teams',
    '/people/cycles',
    '/people/import',
    '/people/settings',
    '/people/skills',
    '/account/password',
    '/account/notifications',
    '/notifications',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
  await page.goto('/people/teams');
  await expect(page.getByRole('button', { name: 'Actions for Engineering' })).toBeInViewport();
});

test('the goal tree fits the screen: each title on its own line, over its progress and health', async ({
  page,
}) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await page.goto('/goals?show=everything');
  // A row with progress: other tests add goals (without any) that may sort first.
  const row = page.locator('[data-goal-id]').filter({ hasText: /\d+%/ }).first();
  await expect(row).toBeVisible();
  await expectNoSidewaysScroll(page);
  const title = await row.locator('.title').boundingBox();
  const progress = await row.getByText(/\d+%/).boundingBox();
  expect(progress!.y, 'the progress is under the title').toBeGreaterThanOrEqual(
    title!.y + title!.height - 1,
  );
  expect(title!.x + title!.width).toBeLessThanOrEqual(PHONE.width);
  // Owner, team and clarity are in the goal's details, not squeezed into the row.
  await expect(row.locator('.col-owner')).toBeHidden();
  await expect(row.locator('.col-clarity')).toBeHidden();
});

test('the goal filters are behind a Filters button, in a sheet that says how many are on', async ({
  page,
}) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await page.goto('/goals?show=everything');
  await expect(page.locator('[data-goal-id]').first()).toBeVisible();
  await expect(page.getByLabel('Search titles')).toHaveCount(0);
  const filtersButton = page.getByRole('button', { name: /^Filters/ });
  await expect(filtersButton).toHaveAccessibleName('Filters');
  await filtersButton.click();
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await expect(sheet.getByLabel('Search titles')).toBeVisible();
  await expect(sheet.getByText('Stale only')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await sheet.getByLabel('Search titles').fill('engagement');
  await expect(sheet.getByRole('status')).toContainText(/\d+\s+goals? match/);
  await expectNoAxeViolations(page);
  await sheet.getByRole('button', { name: 'Done' }).click();
  await expect(sheet).toHaveCount(0);
  await expect(filtersButton).toBeFocused();
  await expect(filtersButton).toHaveAccessibleName('Filters (1 on)');
  // The tree shows what the filter found, and the way to clear it is on screen.
  await expect(page.locator('[data-goal-id] .title').first()).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(filtersButton).toHaveAccessibleName('Filters');
  await expectNoSidewaysScroll(page);
});

test("a goal's details open in a full-screen sheet that closes back to its row, by touch and by keyboard", async ({
  page,
}) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await page.goto('/goals?show=everything');
  // One goal, by its id: other tests add goals to the shared demo tree, and one that arrives live
  // can become the first row between reading it and touching it.
  const id = await page.locator('[data-goal-id]').first().getAttribute('data-goal-id');
  const row = page.locator(`[data-goal-id="${id}"]`);
  const title = (await row.locator('.title').textContent())!.trim();
  await row.locator('.title').click();
  const sheet = page.getByRole('dialog', { name: 'Goal details' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByLabel('Title', { exact: true })).toHaveValue(title);
  expect(await sheet.boundingBox()).toEqual({ x: 0, y: 0, ...PHONE });
  const back = sheet.getByRole('button', { name: 'Back to goals' });
  await expect(back).toBeFocused();
  await expectNoSidewaysScroll(page);
  expect(await sheet.evaluate((element) => element.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectNoAxeViolations(page);
  await back.click();
  await expect(sheet).toHaveCount(0);
  await expect(row).toBeFocused();
  await expect(row).toHaveAttribute('aria-selected', 'false');

  // The keyboard: Enter on the row opens it, Tab stays inside, Escape closes it onto the row.
  await page.keyboard.press('Enter');
  await expect(sheet).toBeVisible();
  await expect(back).toBeFocused();
  for (let step = 0; step < 4; step++) {
    await page.keyboard.press('Tab');
    expect(await sheet.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(row).toBeFocused();
});

test('growing past phone width puts the open goal beside the tree again, and the filters back', async ({
  page,
}) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await page.goto('/goals?show=everything');
  await page.locator('[data-goal-id] .title').first().click();
  await expect(page.getByRole('dialog', { name: 'Goal details' })).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Goal details' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close', exact: true })).toBeVisible();
  await expect(page.getByLabel('Search titles')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Filters/ })).toHaveCount(0);
});

test('[CAL42] the calibration board fits the phone: the 9-box scrolls in its own box, never the page', async ({
  page,
}) => {
  await signIn(page, DEMO_DEPARTMENT_HEAD_EMAIL);
  await page.goto('/calibration');
  await page
    .getByRole('row')
    .filter({ hasText: 'In session' })
    .first()
    .getByRole('link')
    .first()
    .click();
  await page.getByRole('link', { name: 'Open the board' }).click();
  await expect(page.locator('[data-box="9"]')).toBeAttached();
  await expect(page.locator('[data-card]').first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  // A card's player card opens and still fits.
  await page.locator('[data-card]').first().click();
  await expect(page.locator('[data-card][aria-pressed="true"]')).toHaveCount(1);
  await expectNoSidewaysScroll(page);
});
