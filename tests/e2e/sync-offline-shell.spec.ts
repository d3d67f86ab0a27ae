// The service worker's offline shell (SC8): pages a signed-in person opened reload with the
// network off; a page never opened says it is offline; signing out forgets the kept pages.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_MANAGER_EMAIL } from '@threadline/db/demo';
import { expectNoAxeViolations, reloadUnderServiceWorker, signIn } from './fixtures.ts';

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

test('[SC8] a signed-in page reloads offline from the cache; sign-out forgets it', async ({
  page,
  context,
}) => {
  // A sign-in, seven loads and an accessibility check: 32-40 s on a shared 2-core machine, so
  // three times the timeout rather than a race with it.
  test.slow();
  await signIn(page, DEMO_MANAGER_EMAIL);
  await reloadUnderServiceWorker(page);
  await page.goto('/goals');
  await page.goto('/one-on-ones');
  await expect(heading(page, '1:1s')).toBeVisible();

  await context.setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(heading(page, '1:1s')).toBeVisible();
  // The app still runs: client-side navigation to another page opened before works too.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Goals' }).click();
  await expect(heading(page, 'Goals')).toBeVisible();

  const unseen = await page.goto('/analytics');
  expect(unseen?.status()).toBe(503);
  await expect(heading(page, 'You are offline')).toBeVisible();
  await expectNoAxeViolations(page);

  await context.setOffline(false);
  await page.goto('/goals');
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  await context.setOffline(true);
  await page.goto('/goals');
  await expect(heading(page, 'You are offline')).toBeVisible();
});

test('[SC8] sign-in pages are not kept for offline use', async ({ page, context }) => {
  await page.goto('/login');
  await reloadUnderServiceWorker(page);
  await context.setOffline(true);
  await page.goto('/login');
  await expect(heading(page, 'You are offline')).toBeVisible();
});
