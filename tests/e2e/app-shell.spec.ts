// The signed-in layout: navigation by role, every section built, keyboard access, axe.
import { expect, test } from '@playwright/test';
import { DEMO_EMPLOYEE_EMAIL } from '@threadline/db/demo';
import { DEMO_ADMIN_EMAIL, expectNoAxeViolations, signIn } from './fixtures.ts';

// Every section of the navigation is built (analytics last, issue 18).
const SECTIONS = [
  { path: '/goals', heading: 'Goals' },
  { path: '/one-on-ones', heading: '1:1s' },
  { path: '/calibration', heading: 'Calibration' },
  { path: '/analytics', heading: 'Analytics' },
];

test('an admin sees every section, People included', async ({ page }) => {
  await signIn(page, DEMO_ADMIN_EMAIL);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const label of ['Goals', '1:1s', 'Calibration', 'Analytics', 'People']) {
    await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();
  }
});

test('[ORG16] a member sees People, with the directory and the org chart but no administration', async ({
  page,
}) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'People', exact: true }).click();
  const sections = page.getByRole('navigation', { name: 'People', exact: true });
  await expect(sections.getByRole('link')).toHaveText(['Directory', 'Org chart']);
});

test('no section says it is not built yet, and each is marked current in the navigation', async ({
  page,
}) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  for (const { path, heading } of SECTIONS) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Not built yet' })).toHaveCount(0);
    await expect(
      page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: heading, exact: true }),
    ).toHaveAttribute('aria-current', 'page');
  }
  await page.goto('/analytics');
  await expectNoAxeViolations(page);
});

test('the keyboard reaches the skip link, the navigation and the person menu', async ({ page }) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await page.goto('/goals');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Threadline' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Goals', exact: true })).toBeFocused();
  const menuButton = page.getByRole('button', { name: /Account menu/ });
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Change password' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menuitem', { name: 'Change password' })).toHaveCount(0);
});
