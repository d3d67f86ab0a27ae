// The app's edges: error pages in the app's frame with a way back, the people directory and a
// person's page for members (ORG16), goals filtered by owner from a link, the first-visit welcome.
import { expect, test } from '@playwright/test';
import { DEMO_EMPLOYEE_EMAIL, DEMO_MANAGER_EMAIL } from '@threadline/db/demo';
import { expectNoAxeViolations, signIn } from './fixtures.ts';

test.describe('error pages', () => {
  test('a 404 for a signed-in person keeps the navigation, explains and leads back', async ({
    page,
  }) => {
    await signIn(page, DEMO_EMPLOYEE_EMAIL);
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Go to your goals' }).click();
    await expect(page).toHaveURL('/goals');
  });

  test('a 403 says it is about access and who to ask', async ({ page }) => {
    await signIn(page, DEMO_EMPLOYEE_EMAIL);
    const response = await page.goto('/people/cycles');
    expect(response?.status()).toBe(403);
    await expect(
      page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }),
    ).toBeVisible();
    await expect(page.getByText('ask an administrator')).toBeVisible();
    await expect(page.getByRole('button', { name: /Account menu/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a 404 for someone signed out offers to sign in', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  });
});

test.describe('people for members', () => {
  test('[ORG16] a member reads the directory without emails, roles or status', async ({ page }) => {
    await signIn(page, DEMO_EMPLOYEE_EMAIL);
    await page.goto('/people');
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    const headers = page.getByRole('columnheader');
    await expect(headers).toHaveText([/Name/, 'Title', 'Team', 'Manager', 'Goals']);
    await expect(page.getByRole('button', { name: 'Invite person' })).toHaveCount(0);
    await expect(page.getByRole('table')).not.toContainText('@demo.threadline.test');
    await expectNoAxeViolations(page);
  });

  test("[ORG16] a person's page shows where they sit and links to their goals", async ({
    page,
  }) => {
    await signIn(page, DEMO_EMPLOYEE_EMAIL);
    await page.goto(`/people?q=${encodeURIComponent('Sofía')}`);
    await page.getByRole('link', { name: 'Sofía Hernández', exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sofía Hernández' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Direct reports' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Kwame Mensah' })).toBeVisible();
    // Nothing an administrator edits is on the page.
    await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    await expect(page.getByText(DEMO_MANAGER_EMAIL)).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Goals of Sofía Hernández' }).click();
    await expect(page).toHaveURL(/\/goals\?owner=[0-9a-f-]{36}$/);
    // The tree's owner filter is on, set to her.
    await expect(page.locator('#filter-owner')).toHaveValue(/Sofía Hernández/);
  });

  test('[ORG16] a member opens the org chart too', async ({ page }) => {
    await signIn(page, DEMO_EMPLOYEE_EMAIL);
    const response = await page.goto('/people/org-chart');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('tree', { name: 'Org chart' })).toBeVisible();
  });
});

test('a first visit after joining is welcomed once, and the welcome stays dismissed', async ({
  page,
}) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await page.goto('/goals?welcome=1');
  const welcome = page.getByRole('region', { name: /Welcome to Threadline, Kwame/ });
  await expect(welcome).toBeVisible();
  await expect(welcome.getByRole('link', { name: 'Your goals' })).toHaveAttribute(
    'href',
    /\/goals\?owner=/,
  );
  await expect(welcome.getByRole('link', { name: 'Your 1:1s' })).toHaveAttribute(
    'href',
    '/one-on-ones',
  );
  await expect(welcome).toContainText('The agenda you keep with your manager');
  await expectNoAxeViolations(page);
  await welcome.getByRole('button', { name: /Got it/ }).click();
  await expect(welcome).toHaveCount(0);
  await expect(page).toHaveURL('/goals');
  await page.goto('/goals?welcome=1');
  await expect(page.getByRole('heading', { level: 1, name: 'Goals' })).toBeVisible();
  await expect(welcome).toHaveCount(0);
});
