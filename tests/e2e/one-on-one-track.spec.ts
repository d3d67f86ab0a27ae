// The 1:1 moves goals and prepares itself (issue 16): Kwame checks in one of his goals in the
// Track section of his 1:1 with Sofía, and Sofía's goals page shows the new progress and health
// live, the goal's history saying it came from the 1:1 (ONE18–ONE22); Daniel and Sofía both open
// the meeting that has just become the next one of their series, Sofía offline, and after sync
// each suggested point is there once (ONE23–ONE25), and the one Sofía dismissed offline stays
// dismissed (ONE54).
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  DEMO_DEPARTMENT_HEAD_EMAIL,
  DEMO_EMPLOYEE_EMAIL,
  DEMO_MANAGER_EMAIL,
} from '@threadline/db/demo';
import { expectNoAxeViolations, signIn } from './fixtures.ts';
import { expectSaved, openGoals, search, tree } from './goals-support.ts';

test.describe.configure({ mode: 'serial' });

/** Opens, from the 1:1 list, the series with the person named `other`. */
async function openSeriesWith(browser: Browser, email: string, other: RegExp) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await page.goto('/one-on-ones');
  await page.getByRole('link', { name: other }).first().click();
  await expect(page).toHaveURL(/\/one-on-ones\/[0-9a-f-]{36}$/);
  await expectSaved(page);
  return { context, page };
}

const track = (page: Page) => page.getByTestId('track-goals');

test('[ONE18] [ONE20] [ONE21] Kwame checks in a goal in the 1:1; Sofía’s goals page follows live', async ({
  browser,
}) => {
  test.slow();
  const kwame = await openSeriesWith(browser, DEMO_EMPLOYEE_EMAIL, /Sofía/);
  // A goal Kwame can check in with a number, not yet at its target.
  const candidate = track(kwame.page)
    .locator('li.goal')
    .filter({ has: kwame.page.getByRole('button', { name: 'Check in' }) })
    .filter({ hasNot: kwame.page.locator('.progress .text', { hasText: /^100%/ }) })
    .first();
  await expect(candidate).toBeVisible();
  const goalId = (await candidate.getAttribute('data-goal-id'))!;
  // Its own row from now on (the filter above stops matching once it is checked in).
  const goalRow = track(kwame.page).locator(`li.goal[data-goal-id="${goalId}"]`);
  const target = (await goalRow.getAttribute('data-target'))!;
  const title = (await goalRow.locator('a.title').innerText()).trim();

  const sofia = await browser.newContext();
  const goalsPage = await sofia.newPage();
  await signIn(goalsPage, DEMO_MANAGER_EMAIL);
  await openGoals(goalsPage);
  await search(goalsPage, title);
  const treeRow = tree(goalsPage).locator(`[data-goal-id="${goalId}"]`);
  await expect(treeRow).toBeVisible();
  await expect(treeRow).not.toContainText('100%');

  await goalRow.getByLabel('New value', { exact: true }).fill(target);
  await goalRow.getByRole('button', { name: 'Check in' }).click();
  // At once in the 1:1, offline or not: the agenda holds the check-in.
  await expect(goalRow.locator('.progress')).toContainText('100%');
  await expect(
    track(kwame.page).getByRole('list', { name: 'Checked in at this meeting' }),
  ).toContainText(title);
  await expectSaved(kwame.page);

  // Live on the goals page: progress and health from the goal itself.
  await expect(treeRow).toContainText('100%');
  await expect(treeRow).toContainText('On track');

  await treeRow.click();
  const details = goalsPage.getByRole('complementary', { name: 'Goal details' });
  const toggle = details.getByRole('button', { name: /^History/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const entry = details.locator('.history li[data-field="current"]').first();
  await expect(entry).toContainText('Kwame Mensah');
  await expect(entry).toContainText(/from the 1:1 on /);
  await expectNoAxeViolations(kwame.page);
  await kwame.context.close();
  await sofia.close();
});

/** The texts of the suggested (seeded) points of the meeting shown. */
async function suggested(page: Page): Promise<string[]> {
  return page
    .locator('.point')
    .filter({ has: page.locator('.suggested') })
    .locator('.point-text')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

function dayAfter(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Moves the meeting marked Next to `moveTo`, then opens the meeting held on `fresh`. */
async function makeNext(page: Page, moveTo: string, fresh: string) {
  const timeline = page.getByRole('navigation', { name: 'Meetings' });
  await timeline.getByRole('button', { name: /Next/ }).click();
  await page.getByLabel('Move to').fill(moveTo);
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  await timeline.locator(`[data-date="${fresh}"]`).click();
  await expect(timeline.locator(`[data-date="${fresh}"]`)).toContainText('Next');
}

test('[ONE23] [ONE24] [ONE25] [ONE54] both open the meeting that just became the next one, one offline: each suggestion once, a dismissal made offline kept', async ({
  browser,
}) => {
  test.slow();
  const daniel = await openSeriesWith(browser, DEMO_DEPARTMENT_HEAD_EMAIL, /Sofía/);
  const sofia = await openSeriesWith(browser, DEMO_MANAGER_EMAIL, /Daniel/);
  // A meeting well after the next one: nobody seeds it yet.
  const today = new Date().toISOString().slice(0, 10);
  const fresh = dayAfter(today, 70);
  await daniel.page.getByLabel('Add an extra meeting').fill(fresh);
  await daniel.page.getByRole('button', { name: 'Add', exact: true }).first().click();
  await expectSaved(daniel.page);
  const timeline = (page: Page) => page.getByRole('navigation', { name: 'Meetings' });
  await expect(timeline(sofia.page).getByRole('button')).toHaveCount(
    await timeline(daniel.page).getByRole('button').count(),
  );
  expect(await suggested(daniel.page)).toEqual([]);

  // Sofía goes offline; on both devices the fresh meeting becomes the next one and is opened.
  await sofia.context.setOffline(true);
  await expect(sofia.page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  const later = dayAfter(fresh, 1);
  await makeNext(daniel.page, later, fresh);
  await makeNext(sofia.page, later, fresh);
  await expect.poll(() => suggested(daniel.page)).not.toEqual([]);
  const offline = await suggested(sofia.page);
  expect(offline.length).toBeGreaterThan(1);
  // ONE54: Sofía dismisses one while offline, before her copy of it has met Daniel's.
  const dismissedOffline = offline.at(-1)!;
  const sofiasRow = sofia.page
    .locator('.point')
    .filter({ has: sofia.page.locator('.suggested') })
    .last();
  await sofiasRow.hover();
  await sofiasRow
    .getByRole('button', { name: `Dismiss suggested point: ${dismissedOffline}` })
    .click();
  await expect.poll(() => suggested(sofia.page)).not.toContain(dismissedOffline);

  await sofia.context.setOffline(false);
  await expectSaved(sofia.page);
  await expectSaved(daniel.page);
  for (const page of [daniel.page, sofia.page]) {
    await expect
      .poll(async () => {
        const texts = await suggested(page);
        return texts.length === new Set(texts).size ? texts.length : -1;
      })
      .toBe(offline.length - 1);
    expect(await suggested(page)).not.toContain(dismissedOffline);
  }
  expect((await suggested(daniel.page)).sort()).toEqual((await suggested(sofia.page)).sort());

  // A dismissed suggestion stays dismissed after a reload (its × shows on hover or focus).
  const row = daniel.page.locator('.point').filter({ has: daniel.page.locator('.suggested') });
  const first = await row.first().locator('.point-text').inputValue();
  await row.first().hover();
  await row
    .first()
    .getByRole('button', { name: `Dismiss suggested point: ${first}` })
    .click();
  await expectSaved(daniel.page);
  await daniel.page.reload();
  await expectSaved(daniel.page);
  await timeline(daniel.page).locator(`[data-date="${fresh}"]`).click();
  await expect.poll(() => suggested(daniel.page)).not.toContain(first);
  await daniel.context.close();
  await sofia.context.close();
});
