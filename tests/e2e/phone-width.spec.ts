// Phone width (390×844, an iPhone 12–15): the navigation behind a Menu button on every page, and
// no page wider than the screen — wide tables and the org chart scroll inside their own box.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_EMPLOYEE_EMAIL } from '@threadline/db/demo';
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
    await menuButton(page).click();
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
  await menuButton(page).click();
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
  await menuButton(page).click();
  await expect(menu(page)).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu(page)).toHaveCount(0);
  await expect(menuButton(page)).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('the open menu passes axe', async ({ page }) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await page.goto('/analytics');
  await menuButton(page).click();
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

test("the administration pages (teams, cycles, import, settings) and one's account fit the screen", async ({
  page,
}) => {
  await signIn(page, DEMO_ADMIN_EMAIL);
  for (const path of [
    '/people/teams',
    '/people/cycles',
    '/people/import',
    '/people/settings',
    '/account/password',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
  await page.goto('/people/teams');
  await expect(page.getByRole('button', { name: 'Actions for Engineering' })).toBeInViewport();
});
