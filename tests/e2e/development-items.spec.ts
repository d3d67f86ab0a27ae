// Skill gaps → development items (issue 16, ONE40–ONE48): Sofía flags a skill gap in a held
// meeting of her 1:1 with Kwame, picks the social item of the 70/20/10 proposals, and it shows
// live in Kwame's browser, in the next meeting (not in earlier ones), with its status moving live
// both ways; Kwame's page shows his plan to him and to Sofía, to nobody else.
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_CEO_EMAIL,
  DEMO_EMPLOYEE_EMAIL,
  DEMO_MANAGER_EMAIL,
} from '@threadline/db/demo';
import { expectNoAxeViolations, signIn } from './fixtures.ts';
import { expectSaved, uniqueTag } from './goals-support.ts';

test.describe.configure({ mode: 'serial' });

const SOFIA = 'Sofía Hernández';
const KWAME = 'Kwame Mensah';

async function onPairSeries(browser: Browser, email: string, other: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await page.goto('/one-on-ones');
  await page
    .getByRole('link', { name: new RegExp(other) })
    .first()
    .click();
  await expect(page).toHaveURL(/\/one-on-ones\/[0-9a-f-]{36}$/);
  await expectSaved(page);
  return { context, page };
}

/** The path of a person's page, found in the directory. */
async function personPath(page: Page, name: string): Promise<string> {
  await page.goto(`/people?q=${encodeURIComponent(name)}`);
  const href = await page
    .getByRole('row')
    .filter({ hasText: name })
    .getByRole('link')
    .first()
    .getAttribute('href');
  expect(href).toMatch(/\/people\/[0-9a-f-]{36}$/);
  return href!;
}

const meetings = (page: Page) => page.getByRole('navigation', { name: 'Meetings' });
const achieve = (page: Page) => page.getByRole('region', { name: 'Achieve' });
const itemRow = (page: Page, tag: string) =>
  achieve(page).locator('[data-item-id]').filter({ hasText: tag });

test('[ONE43] [ONE45] [ONE49] a skill gap flagged in a 1:1 becomes a development item of the chosen type, shown in the next meeting and live', async ({
  browser,
}) => {
  test.slow();
  const tag = uniqueTag();
  const sofia = await onPairSeries(browser, DEMO_MANAGER_EMAIL, KWAME);
  const kwame = await onPairSeries(browser, DEMO_EMPLOYEE_EMAIL, SOFIA);

  // Both on the last held meeting.
  for (const { page } of [sofia, kwame]) {
    await meetings(page).locator('.meeting:not(.upcoming)').first().click();
  }

  // Sofía flags a gap in a new skill; the app proposes the three kinds, experience picked.
  await achieve(sofia.page).getByRole('button', { name: 'Flag a skill gap' }).click();
  await sofia.page.getByLabel('Skill', { exact: true }).fill(`Negotiation ${tag}`);
  await sofia.page.getByLabel('Note', { exact: true }).fill('Pricing talks with partners');
  await sofia.page.getByRole('button', { name: 'Propose development items' }).click();
  const proposals = sofia.page.locator('[data-proposal]');
  await expect(proposals).toHaveCount(3);
  await expect(proposals.nth(0)).toContainText('Experience');
  await expect(proposals.nth(0)).toContainText('70%');
  await expect(proposals.nth(1)).toContainText('Social');
  await expect(proposals.nth(2)).toContainText('Formal');
  await expect(proposals.nth(1).getByLabel(/^Title of/)).toHaveValue(
    new RegExp(`mentor or peer strong in Negotiation ${tag}`),
  );
  await expectNoAxeViolations(sofia.page);

  // The pair picks the social one only: a mentor, owned by Kwame.
  await proposals.nth(0).getByRole('checkbox').uncheck();
  await proposals.nth(1).getByRole('checkbox').check();
  await proposals
    .nth(1)
    .getByLabel(/^Title of/)
    .fill(`Shadow Ana in partner calls ${tag}`);
  await proposals.nth(1).getByRole('combobox').selectOption({ label: KWAME });
  await sofia.page.getByRole('button', { name: 'Add 1 item to the plan' }).click();

  // Kwame sees it live, typed social, not started.
  const kwameRow = itemRow(kwame.page, tag);
  await expect(kwameRow).toHaveCount(1);
  await expect(kwameRow).toHaveAttribute('data-item-type', 'social');
  await expect(kwameRow).toContainText('Social');
  await expect(kwameRow).toContainText(`Negotiation ${tag}`);
  await expect(kwameRow.getByRole('combobox', { name: /Status of/ })).toHaveValue('not-started');

  // Kwame moves it on; Sofía sees it live.
  await kwameRow.getByRole('combobox', { name: /Status of/ }).selectOption('in-progress');
  await expect(itemRow(sofia.page, tag).getByRole('combobox', { name: /Status of/ })).toHaveValue(
    'in-progress',
  );

  // The next meeting shows it (open items carry forward); the meeting before it does not.
  await meetings(kwame.page).locator('.meeting.upcoming').last().click();
  await expect(itemRow(kwame.page, tag)).toHaveCount(1);
  // ONE49: listed once, in the plan; the next meeting's prep adds no talking point repeating it.
  await expect(achieve(kwame.page).getByText('Development plan')).toBeVisible();
  expect(
    await achieve(kwame.page)
      .locator('.point-text')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
  ).not.toContainEqual(expect.stringContaining(`Shadow Ana in partner calls ${tag}`));
  await meetings(kwame.page).locator('.meeting:not(.upcoming)').nth(1).click();
  await expect(achieve(kwame.page).getByText('Development plan')).toBeVisible();
  await expect(itemRow(kwame.page, tag)).toHaveCount(0);

  await expectSaved(sofia.page);
  await expectSaved(kwame.page);

  // Kwame's page shows his plan to him and to Sofía, with the status and the new skill.
  const kwamePath = await personPath(kwame.page, KWAME);
  for (const { page } of [kwame, sofia]) {
    await page.goto(kwamePath);
    const plan = page.getByTestId('development-plan');
    await expect(plan.locator('[data-item-id]').filter({ hasText: tag })).toHaveCount(1);
    await expect(
      plan
        .locator('[data-item-id]')
        .filter({ hasText: tag })
        .getByRole('combobox', { name: /Status of/ }),
    ).toHaveValue('in-progress');
    await expect(plan.getByText(`Negotiation ${tag}`).first()).toBeVisible();
  }
  await expectNoAxeViolations(kwame.page);

  // Done on the person page reaches the other person's page live.
  await kwame.page
    .getByTestId('development-plan')
    .locator('[data-item-id]')
    .filter({ hasText: tag })
    .getByRole('combobox', { name: /Status of/ })
    .selectOption('done');
  await expect(
    sofia.page
      .getByTestId('development-plan')
      .locator('[data-item-id]')
      .filter({ hasText: tag })
      .getByRole('combobox', { name: /Status of/ }),
  ).toHaveValue('done');
  await expectSaved(kwame.page);
  await sofia.context.close();
  await kwame.context.close();
});

test('[ONE41] [ONE47] nobody else sees a person’s development plan', async ({ browser }) => {
  const ceoContext = await browser.newContext();
  const ceo = await ceoContext.newPage();
  await signIn(ceo, DEMO_CEO_EMAIL);
  await ceo.goto(await personPath(ceo, KWAME));
  await expect(ceo.getByRole('heading', { level: 1, name: KWAME })).toBeVisible();
  await expect(ceo.getByTestId('development-plan')).toHaveCount(0);
  await ceoContext.close();
});

test('[ONE40] an administrator adds and renames skills; members cannot open the list', async ({
  browser,
}) => {
  const tag = uniqueTag();
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, DEMO_ADMIN_EMAIL);
  await admin.goto('/people/skills');
  // The demo's skills, and a new one.
  await expect(admin.getByLabel('Name of Public speaking')).toBeVisible();
  // Checked before any toast: the toasts' own colours are not this page's.
  await expectNoAxeViolations(admin);
  await admin.getByLabel('Name', { exact: true }).fill(`Mentoring ${tag}`);
  await admin.getByRole('button', { name: 'Add skill' }).click();
  const field = admin.getByLabel(`Name of Mentoring ${tag}`);
  await expect(field).toBeVisible();
  // A name already there, ignoring case, is refused.
  await admin.getByLabel('Name', { exact: true }).fill(`mentoring ${tag.toUpperCase()}`);
  await admin.getByRole('button', { name: 'Add skill' }).click();
  await expect(admin.getByText('There is already a skill of that name.')).toBeVisible();
  await field.fill(`Coaching others ${tag}`);
  await field.locator('xpath=..').getByRole('button', { name: 'Rename' }).click();
  await expect(admin.getByLabel(`Name of Coaching others ${tag}`)).toBeVisible();

  await context.close();

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, DEMO_EMPLOYEE_EMAIL);
  const response = await member.goto('/people/skills');
  expect(response?.status()).toBe(403);
  await memberContext.close();
});
