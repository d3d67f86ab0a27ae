// The 1:1 pages (issue 14): Sofía (manager) and Kwame (her report) co-edit one meeting live, online
// and offline; the list, the start form, access (404/403), accessibility and private notes.
// The tests share the one series of the pair, so they run one after another.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_ADMIN_EMAIL, DEMO_EMPLOYEE_EMAIL, DEMO_MANAGER_EMAIL } from '@threadline/db/demo';
import { expectNoAxeViolations, signIn } from './fixtures.ts';
import { expectSaved, uniqueTag } from './goals-support.ts';

test.describe.configure({ mode: 'serial' });

const SOFIA = 'Sofía Hernández';
const KWAME = 'Kwame Mensah';

/** Opens the pair's series from the list, starting it through the form when there is none. */
async function openPairSeries(page: Page, asManager: boolean): Promise<string> {
  await page.goto('/one-on-ones');
  const other = asManager ? KWAME : SOFIA;
  const card = page.getByRole('link', { name: new RegExp(other) });
  if (asManager && (await card.count()) === 0) {
    await page.locator('summary', { hasText: KWAME }).click();
    await page.getByRole('button', { name: `Start 1:1 with ${KWAME}` }).click();
  } else {
    await card.first().click();
  }
  await expect(page).toHaveURL(/\/one-on-ones\/[0-9a-f-]{36}$/);
  await expectSaved(page);
  return new URL(page.url()).pathname;
}

async function personOnSeries(browser: Browser, email: string, asManager: boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  const path = await openPairSeries(page, asManager);
  return { context, page, path };
}

/** Sofía and Kwame, each in a browser context of their own, on their series. */
async function pairOnSeries(browser: Browser) {
  const sofia = await personOnSeries(browser, DEMO_MANAGER_EMAIL, true);
  const kwame = await personOnSeries(browser, DEMO_EMPLOYEE_EMAIL, false);
  return { sofia, kwame };
}

async function closeAll(...people: { context: BrowserContext }[]) {
  for (const person of people) await person.context.close();
}

/** The texts of a section's talking points that hold `tag`, in order. */
async function taggedPoints(page: Page, section: 'Align' | 'Track' | 'Achieve', tag: string) {
  return (await pointTexts(page, section)).filter((text) => text.includes(tag));
}

/** The texts of a section's talking points, in order. */
function pointTexts(page: Page, section: 'Align' | 'Track' | 'Achieve') {
  return page
    .getByRole('region', { name: section })
    .locator('.point-text')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

async function addPoint(page: Page, section: 'Align' | 'Track' | 'Achieve', text: string) {
  await page.getByLabel(`Add a talking point to ${section}`).fill(text);
  await page.getByLabel(`Add a talking point to ${section}`).press('Enter');
}

test('requires authentication', async ({ request }) => {
  for (const path of ['/one-on-ones', '/one-on-ones/00000000-0000-4000-8000-000000000000']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers()['location']).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
  }
});

test('[ONE1] the manager starts a 1:1 from the list, and both see it there', async ({
  browser,
}) => {
  test.slow();
  const sofia = await personOnSeries(browser, DEMO_MANAGER_EMAIL, true);
  await sofia.page.goto('/one-on-ones');
  await expect(
    sofia.page
      .getByRole('region', { name: 'With my reports' })
      .getByRole('link', { name: /Kwame/ }),
  ).toBeVisible();
  await expect(sofia.page.locator('summary', { hasText: KWAME })).toHaveCount(0);
  const kwame = await personOnSeries(browser, DEMO_EMPLOYEE_EMAIL, false);
  expect(kwame.path).toBe(sofia.path);
  await kwame.page.goto('/one-on-ones');
  await expect(
    kwame.page
      .getByRole('region', { name: 'With my manager' })
      .getByRole('link', { name: /Sofía/ }),
  ).toBeVisible();
  await closeAll(sofia, kwame);
});

test('[ONE2] [ONE4] a missing series is 404, and someone else’s is 403 (HR without the setting)', async ({
  browser,
  page,
}) => {
  test.slow();
  const sofia = await personOnSeries(browser, DEMO_MANAGER_EMAIL, true);
  await sofia.context.close();
  await signIn(page, DEMO_ADMIN_EMAIL);
  const missing = await page.goto('/one-on-ones/00000000-0000-4000-8000-000000000000');
  expect(missing?.status()).toBe(404);
  const forbidden = await page.goto(sofia.path);
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByRole('textbox', { name: 'Shared notes' })).toHaveCount(0);
});

test('[ONE10] [ONE11] two members co-edit one meeting live: a point, a reorder, the notes, an action item', async ({
  browser,
}) => {
  test.slow();
  const tag = uniqueTag();
  const { sofia, kwame } = await pairOnSeries(browser);
  // Both open the same meeting: the next one.
  await expect(kwame.page.locator('.meeting-day')).toHaveText(
    (await sofia.page.locator('.meeting-day').textContent()) ?? '',
  );

  await addPoint(sofia.page, 'Align', `First ${tag}`);
  await addPoint(kwame.page, 'Align', `Second ${tag}`);
  const both = [`First ${tag}`, `Second ${tag}`];
  await expect.poll(() => taggedPoints(kwame.page, 'Align', tag)).toEqual(both);
  await expect.poll(() => taggedPoints(sofia.page, 'Align', tag)).toEqual(both);
  // The author shows on each point.
  const firstRow = sofia.page.locator('.point').filter({
    has: sofia.page.getByRole('checkbox', { name: `Done: First ${tag}` }),
  });
  await expect(firstRow.getByText(SOFIA)).toBeAttached();

  // Sofía moves her point down with the keyboard: Kwame sees the new order.
  await firstRow.locator('.point-text').focus();
  await sofia.page.keyboard.press('Alt+ArrowDown');
  const reordered = [`Second ${tag}`, `First ${tag}`];
  await expect.poll(() => taggedPoints(kwame.page, 'Align', tag)).toEqual(reordered);

  // Kwame drags it back above Sofía's by its handle: Sofía sees the order he made.
  const kwameRow = (text: string) =>
    kwame.page.locator('.point').filter({
      has: kwame.page.getByRole('checkbox', { name: `Done: ${text}` }),
    });
  await kwameRow(`First ${tag}`)
    .locator('.handle')
    .dragTo(kwameRow(`Second ${tag}`));
  await expect.poll(() => taggedPoints(sofia.page, 'Align', tag)).toEqual(both);

  // Presence: Sofía sees which point Kwame is in.
  await kwameRow(`Second ${tag}`).locator('.point-text').focus();
  await expect(sofia.page.getByText(`${KWAME} is editing`)).toBeVisible();

  // Kwame types in the shared notes; Sofía sees the words.
  const notes = kwame.page.getByRole('textbox', { name: 'Shared notes' });
  await notes.click();
  await kwame.page.keyboard.type(`Notes from Kwame ${tag}`);
  await expect(sofia.page.getByRole('textbox', { name: 'Shared notes' })).toContainText(
    `Notes from Kwame ${tag}`,
  );

  // Sofía raises an action item owned by Kwame; Kwame sees it and ticks it; Sofía sees it ticked.
  await sofia.page.getByLabel('New action item').fill(`Draft the RFC ${tag}`);
  await sofia.page.getByLabel('Owner', { exact: true }).selectOption({ label: KWAME });
  await sofia.page
    .getByRole('region', { name: 'Action items' })
    .getByRole('button', { name: 'Add' })
    .click();
  const kwameTick = kwame.page.getByRole('checkbox', { name: `Done: Draft the RFC ${tag}` });
  await expect(kwameTick).toBeVisible();
  await kwameTick.check();
  await expect(
    sofia.page.getByRole('checkbox', { name: `Done: Draft the RFC ${tag}` }),
  ).toBeChecked();

  await expectSaved(sofia.page);
  await expectSaved(kwame.page);
  await closeAll(sofia, kwame);
});

test('Kwame edits offline, reloads offline, reconnects: merged with Sofía’s edits, saved only after the ack', async ({
  browser,
}) => {
  test.slow();
  const tag = uniqueTag();
  const { sofia, kwame } = await pairOnSeries(browser);
  // The service worker keeps pages opened while it controls them: open the series once more under it.
  await kwame.page.evaluate(() => navigator.serviceWorker.ready);
  await kwame.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await kwame.page.reload();
  await expectSaved(kwame.page);

  await kwame.context.setOffline(true);
  await expect(kwame.page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await addPoint(kwame.page, 'Track', `Offline point ${tag}`);
  await addPoint(sofia.page, 'Track', `Online point ${tag}`);
  await expectSaved(sofia.page);

  // Reloaded with the network off: the page from the service worker, the agenda from IndexedDB.
  await kwame.page.reload();
  await expect.poll(() => taggedPoints(kwame.page, 'Track', tag)).toEqual([`Offline point ${tag}`]);
  await addPoint(kwame.page, 'Achieve', `After the reload ${tag}`);
  await expect(kwame.page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await expect(kwame.page.getByRole('status').filter({ hasText: 'All changes saved' })).toHaveCount(
    0,
  );

  await kwame.context.setOffline(false);
  await expectSaved(kwame.page);
  const merged = [`Offline point ${tag}`, `Online point ${tag}`].sort();
  await expect
    .poll(async () => (await taggedPoints(kwame.page, 'Track', tag)).sort())
    .toEqual(merged);
  await expect
    .poll(async () => (await taggedPoints(sofia.page, 'Track', tag)).sort())
    .toEqual(merged);
  await expect
    .poll(() => taggedPoints(sofia.page, 'Achieve', tag))
    .toEqual([`After the reload ${tag}`]);
  await closeAll(sofia, kwame);
});

test('[ONE5] [ONE6] private notes stay with their author; the mood goes from Kwame to Sofía only', async ({
  browser,
}) => {
  test.slow();
  const tag = uniqueTag();
  const { sofia, kwame } = await pairOnSeries(browser);
  await expect(sofia.page.getByText('Only you can see this')).toBeVisible();
  const secret = `Sofía's private thought ${tag}`;
  await sofia.page.getByRole('textbox', { name: 'Private notes' }).click();
  await sofia.page.keyboard.type(secret);
  await expectSaved(sofia.page);
  // Kwame's page has his own (empty) private notes, and nothing of Sofía's anywhere.
  await kwame.page.reload();
  await expectSaved(kwame.page);
  await expect(kwame.page.getByText(secret)).toHaveCount(0);
  await expect(kwame.page.getByRole('textbox', { name: 'Private notes' })).not.toContainText(tag);
  // Sofía's notes are hers on her next visit.
  await sofia.page.reload();
  await expect(sofia.page.getByRole('textbox', { name: 'Private notes' })).toContainText(secret);

  // Kwame picks a mood; Sofía sees it, and cannot change it.
  await kwame.page.getByRole('radio', { name: /4/ }).check();
  await expectSaved(kwame.page);
  await expect(sofia.page.getByRole('radio', { name: /4/ })).toBeChecked();
  await expect(sofia.page.getByRole('radio', { name: /4/ })).toBeDisabled();
  await closeAll(sofia, kwame);
});

test('the list and the series page pass an axe check', async ({ browser }) => {
  test.slow();
  const sofia = await personOnSeries(browser, DEMO_MANAGER_EMAIL, true);
  await expectNoAxeViolations(sofia.page);
  await sofia.page.goto('/one-on-ones');
  await expectNoAxeViolations(sofia.page);
  await sofia.context.close();
});
