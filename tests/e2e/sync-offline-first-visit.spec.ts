// Offline from the very first visit (SC12, SC13): on a new device (a fresh browser context every
// test), the pages a person opened once reload with the network off, before any second online
// load; and what one person's visit kept is never shown to the next person signing in.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_ADMIN_EMAIL, DEMO_CEO_EMAIL, DEMO_EMPLOYEE_EMAIL } from '@threadline/db/demo';
import { signIn } from './fixtures.ts';
import { addTheme, expectSaved, row, search, uniqueTag } from './goals-support.ts';

const heading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name });

/** The app's own offline page (the service worker's), not the browser's error page. */
async function expectOfflineFallback(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(503);
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(heading(page, 'You are offline')).toBeVisible();
}

/** The paths of the pages and data the service worker keeps for offline use. */
function keptPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith('pages-')) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
}

/** Waits until the worker has kept the page at `path` (HTML and data), as it does on its own. */
async function expectKept(page: Page, path: string) {
  await expect.poll(() => keptPaths(page)).toEqual(expect.arrayContaining([path]));
  await expect
    .poll(() => keptPaths(page))
    .toEqual(expect.arrayContaining([`${path.replace(/\/$/, '')}/__data.json`]));
}

/** Client-side navigation to the people admin page, by the main navigation's link. */
async function openPeopleByLink(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'People' })
    .click();
  await expect(heading(page, 'People')).toBeVisible();
}

async function newDevice(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test('[SC12] the goal tree opened once on a new device reloads offline, is editable, and syncs when back online', async ({
  browser,
}) => {
  // Two sign-ins (argon2 each), two opens of the tree and an offline reload.
  test.slow();
  const tag = uniqueTag();
  const { context, page } = await newDevice(browser);
  // Signing in lands on the goal tree: the first and only online load of this device.
  await signIn(page, DEMO_CEO_EMAIL);
  await expect(page).toHaveURL(/\/goals$/);
  await expectSaved(page);
  // The worker installs as the first page loads: the page is kept once it has (on a slow
  // machine, a second or two after the page is up).
  await expectKept(page, '/goals');

  await context.setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(heading(page, 'Goals')).toBeVisible();
  await expect(page.getByRole('treegrid').getByRole('row').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();

  await addTheme(page, `Written offline on a first visit ${tag}`);
  await context.setOffline(false);
  await expectSaved(page);

  // Another device sees the change: it reached the server.
  const other = await newDevice(browser);
  await signIn(other.page, DEMO_CEO_EMAIL);
  await search(other.page, tag);
  await expect(row(other.page, `Written offline on a first visit ${tag}`)).toBeVisible();
  await other.context.close();
  await context.close();
});

test('[SC12] any page opened once reloads offline; a page never opened shows the app’s offline page', async ({
  browser,
}) => {
  const { context, page } = await newDevice(browser);
  await signIn(page, DEMO_ADMIN_EMAIL);
  // A full load right after signing in (the worker may still be installing) …
  await page.goto('/account/password');
  await expect(heading(page, /password/i)).toBeVisible();
  // … and a page reached by a link in the app.
  await openPeopleByLink(page);
  await expectKept(page, '/account/password');
  await expectKept(page, '/people');

  await context.setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(heading(page, 'People')).toBeVisible();
  await page.goto('/account/password');
  await expect(heading(page, /password/i)).toBeVisible();
  await expectOfflineFallback(page, '/analytics');
  await context.close();
});

test('[SC12] a page left before the worker finished installing is still kept for offline', async ({
  browser,
}) => {
  const { context, page } = await newDevice(browser);
  // The worker's script arrives late, as on a slow first visit: the person has moved on to
  // another page by the time the worker is ready.
  await context.route('**/service-worker.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await route.continue();
  });
  await signIn(page, DEMO_ADMIN_EMAIL);
  await page.goto('/account/password');
  await expect(heading(page, /password/i)).toBeVisible();
  await openPeopleByLink(page);
  await expectKept(page, '/people');
  await expectKept(page, '/account/password');
  await context.close();
});

test('[SC13] a person signing in on a device never gets the pages another person kept there', async ({
  browser,
}) => {
  const { context, page } = await newDevice(browser);
  await signIn(page, DEMO_ADMIN_EMAIL);
  await openPeopleByLink(page);
  await expectKept(page, '/people');

  // The admin's session ends without a sign-out (it expired, or the cookie was cleared) and an
  // employee signs in on the same browser.
  await context.clearCookies();
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await expect(page).toHaveURL(/\/goals$/);
  await expectKept(page, '/goals');
  expect(await keptPaths(page)).not.toContain('/people');

  await context.setOffline(true);
  await expectOfflineFallback(page, '/people');
  await page.goto('/goals');
  await expect(page.getByRole('button', { name: /Account menu/ })).toContainText('Kwame');
  await context.close();
});
