// The goal tree's panels (issue 4): history per goal from the update log, the tree as of a date,
// alignment gaps, stale goals and line of sight, on the seeded demo tree plus goals each test adds
// (tagged with a fresh word, and found with the search box).
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CEO_EMAIL, DEMO_DEPARTMENT_HEAD_EMAIL } from '@threadline/db/demo';
import { expectNoAxeViolations } from './fixtures.ts';
import {
  addSubGoal,
  addTheme,
  expectSaved,
  personOnGoals,
  row,
  search,
  titleField,
  uniqueTag,
} from './goals-support.ts';

function details(page: Page) {
  return page.getByRole('complementary', { name: 'Goal details' });
}

/** Opens a panel by its toggle (its name starts with the panel's title). */
async function openPanel(scope: Page | ReturnType<typeof details>, title: string) {
  const toggle = scope.getByRole('button', { name: new RegExp(`^${title}`) });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

async function setNumberTarget(page: Page, target: string) {
  const field = page.locator('#goal-metric-target');
  await field.fill(target);
  await field.press('Tab');
  await expect(field).toHaveValue(target);
}

function day(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

test('the endpoints need a signed-in person of the organisation', async ({ request }) => {
  const history = await request.get(
    '/goals/history?document=goals/00000000-0000-4000-8000-000000000001&goal=00000000-0000-4000-8000-000000000002',
  );
  expect(history.status()).toBe(401);
  const at = await request.get(
    `/goals/history/at?document=goals/00000000-0000-4000-8000-000000000001&at=${new Date().toISOString()}`,
  );
  expect(at.status()).toBe(401);
});

test('the history panel shows who changed a target, old → new, to someone else', async ({
  browser,
}) => {
  const tag = uniqueTag();
  const title = `Grow ARR in the Nordics ${tag}`;
  const a = await personOnGoals(browser, DEMO_CEO_EMAIL);
  await search(a.page, tag);
  await addTheme(a.page, title);
  await a.page.locator('#goal-metric-kind').click();
  await a.page.getByRole('option', { name: 'Number', exact: true }).click();
  await setNumberTarget(a.page, '10');
  await expectSaved(a.page);
  await setNumberTarget(a.page, '12');
  await expectSaved(a.page);

  const b = await personOnGoals(browser, DEMO_DEPARTMENT_HEAD_EMAIL);
  await search(b.page, tag);
  await row(b.page, title).click();
  await expect(titleField(b.page)).toHaveValue(title);
  await openPanel(details(b.page), 'History');
  const history = details(b.page).locator('.history');
  const change = history.locator('li[data-field="target"]').first();
  await expect(change).toContainText('Maya Okafor');
  await expect(change).toContainText('changed target');
  await expect(change.locator('.from')).toHaveText('10');
  await expect(change.locator('.to')).toHaveText('12');
  await expect(history.locator('li[data-field="created"]')).toContainText(
    `Maya Okafor created the goal “${title}”`,
  );

  // Still open, the panel follows a new change a moment after it arrives.
  await setNumberTarget(a.page, '15');
  await expectSaved(a.page);
  await expect(history.locator('li[data-field="target"]').first().locator('.to')).toHaveText('15');
  await a.context.close();
  await b.context.close();
});

test('the tree as of a date shows an earlier state of the tree', async ({ browser }) => {
  const tag = uniqueTag();
  const title = `Open a Singapore office ${tag}`;
  const { page, context } = await personOnGoals(browser, DEMO_CEO_EMAIL);
  await addTheme(page, title);
  await expectSaved(page);

  const panel = page.getByRole('region', { name: /^Tree as of a date/ });
  await openPanel(page, 'Tree as of a date');
  const pastTree = panel.getByRole('tree');
  const more = panel.getByRole('button', { name: /^Show all \d+ top-level goals/ });
  /** Shows the tree as of `date` with every top-level goal, once the answer for it is in. */
  const showDay = async (date: string) => {
    await panel.getByLabel('Show the tree as it was on').fill(date);
    await panel.getByRole('button', { name: 'Show', exact: true }).click();
    // As the page writes dates: in the browser's locale (lib/format/dates.ts).
    const shownDay = await page.evaluate(
      (day) =>
        new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          Date.parse(`${day}T00:00:00Z`),
        ),
      date,
    );
    await expect(panel.getByTestId('tree-as-of-summary')).toContainText(`On ${shownDay}:`);
    if (await more.isVisible()) await more.click();
  };

  // Yesterday: the seeded tree, without the theme added just now.
  await showDay(day(-1));
  await expect(pastTree.getByText('Grow annual recurring revenue', { exact: false })).toBeVisible();
  await expect(pastTree.getByText(title)).toHaveCount(0);
  const yesterday = await panel.getByTestId('tree-as-of-summary').locator('strong').innerText();

  // Today: the theme is there, and the tree has one goal more than yesterday at least.
  await showDay(day(0));
  await expect(pastTree.getByText(title)).toBeVisible();
  const today = await panel.getByTestId('tree-as-of-summary').locator('strong').innerText();
  expect(Number(today.replace(/,/g, ''))).toBeGreaterThan(Number(yesterday.replace(/,/g, '')));

  // Progress then, against today's: a seeded theme grew since the cycle's first month.
  await showDay(day(-75));
  await expect(pastTree.getByRole('treeitem').first()).toContainText('today');
  await context.close();
});

test('alignment gaps list a goal with no parent, and open it', async ({ browser }) => {
  const tag = uniqueTag();
  const title = `Learn Rust ${tag}`;
  const { page, context } = await personOnGoals(browser, DEMO_CEO_EMAIL);
  await search(page, tag);
  await addTheme(page, title);
  // A personal goal at the root aligns to nothing (GOAL15).
  await page.locator('#goal-level').click();
  await page.getByRole('option', { name: 'Personal goal' }).click();
  await expectSaved(page);
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  const panel = page.getByRole('region', { name: /^Alignment gaps/ });
  await openPanel(page, 'Alignment gaps');
  const group = panel.locator('[data-gap-kind="no-parent"]');
  await expect(group).toContainText('Not aligned to anything');
  const more = group.getByRole('button', { name: /^Show all/ });
  if (await more.isVisible()) await more.click();
  await group.getByRole('button', { name: title }).click();
  await expect(titleField(page)).toHaveValue(title);
  // The seeded demo has a team that has not set goals yet.
  await expect(panel.locator('[data-gap-kind="team-without-goal"] li')).not.toHaveCount(0);
  await context.close();
});

test('stale goals, line of sight and the panels pass axe', async ({ browser }) => {
  const tag = uniqueTag();
  const { page, context } = await personOnGoals(browser, DEMO_CEO_EMAIL);
  await search(page, tag);
  await addTheme(page, `Win the mid-market ${tag}`);
  await addSubGoal(page, `Win the mid-market ${tag}`, `Ship self-serve checkout ${tag}`);
  await expectSaved(page);

  // Line of sight of the sub-goal: its theme above it, itself last.
  const sight = details(page).getByRole('list', { name: 'From the company theme to this goal' });
  await expect(sight.getByRole('listitem')).toHaveCount(2);
  await expect(sight.getByRole('listitem').first()).toContainText(`Win the mid-market ${tag}`);
  await details(page)
    .getByRole('button', { name: `Win the mid-market ${tag}` })
    .click();
  await expect(titleField(page)).toHaveValue(`Win the mid-market ${tag}`);
  await expect(details(page).getByTestId('aligned-beneath')).toContainText('1 goal');
  await openPanel(details(page), 'History');
  await expect(details(page).locator('.history li').first()).toBeVisible();

  // The seeded demo has goals nobody updated for weeks.
  const stale = page.getByRole('region', { name: /^Stale goals/ });
  await openPanel(page, 'Stale goals');
  await expect(stale.locator('li').first()).toContainText('days');
  await stale.getByLabel('Team').check();
  await expect(stale.locator('h4').first()).toBeVisible();
  await openPanel(page, 'Alignment gaps');
  await openPanel(page, 'Tree as of a date');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.getByTestId('tree-as-of-summary')).toBeVisible();

  await expectNoAxeViolations(page);
  await context.close();
});
