// Shared helpers for the end-to-end specs. The server (scripts/e2e-server.ts) seeds the demo
// organisation into a fresh database for every run; every demo person's password is DEMO_PASSWORD.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '@threadline/db/demo';

export { DEMO_ADMIN_EMAIL, DEMO_PASSWORD };

/** Signs in through the real form and waits until the signed-in layout shows (its account menu,
 *  there at every width; at phone width the navigation sits behind the Menu button). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: /Account menu/ })).toBeVisible();
}

/** Someone signed in on a browser context of their own: another person, another device. */
export async function signedIn(
  browser: Browser,
  email: string,
  options: BrowserContextOptions = {},
): Promise<{ context: Awaited<ReturnType<Browser['newContext']>>; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/** The page's sync status says every change is saved: the server has committed them. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
}

/**
 * Reloads the page under the service worker, once it is active: the reload goes through it, and
 * the page is controlled by it from then on. (Waiting for the open page to be claimed is not
 * enough: the worker claims the tabs open when it activates, and a tab navigating at that moment,
 * signed in and on its way to the next page, is left to its next navigation.)
 */
export async function reloadUnderServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Fails with the list of violations when axe finds accessibility problems on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.length} elements)`,
  );
  expect(summary).toEqual([]);
}
