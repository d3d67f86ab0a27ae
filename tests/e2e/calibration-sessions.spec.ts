// Calibration sessions (CAL1–CAL9, CAL40, CAL41): an admin creates one through the form, seeing
// each error next to its field with nothing typed lost; members are refused the admin pages.
import { expect, test } from '@playwright/test';
import { DEMO_ADMIN_EMAIL, DEMO_EMPLOYEE_EMAIL, DEMO_MANAGER_EMAIL } from '@threadline/db/demo';
import { expectNoAxeViolations, signIn } from './fixtures.ts';
import { addPerson } from './calibration-support.ts';

test.describe('calibration sessions', () => {
  test('[CAL3] [CAL5] [CAL6] an admin creates a session; errors show by field and nothing typed is lost', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signIn(page, DEMO_ADMIN_EMAIL);
    await page.goto('/calibration');
    await page.getByRole('link', { name: 'New session' }).first().click();
    await expect(page.getByRole('heading', { name: 'New calibration session' })).toBeVisible();

    // The guideline's live sum says at once what is wrong.
    const sum = page.getByTestId('guideline-sum');
    await expect(sum).toHaveText('100 %');
    await page.getByLabel('Guideline for rating 5, percent').fill('25');
    await expect(sum).toHaveText('115 %');
    await expect(page.getByText('must add up to 100 % (15 too many)')).toBeVisible();

    await page.getByLabel('Name', { exact: true }).fill('Engineering, 2026 H2');
    await page.getByLabel('Label of rating 3').fill('Solid');
    await addPerson(page, 'Add a participant', 'Daniel Kowalski');
    // The first participant is proposed as facilitator; make him a leader, so none is left.
    await page.getByLabel('Role of Daniel Kowalski').selectOption('leader');
    await page.getByRole('button', { name: 'Create session' }).click();

    await expect(
      page.getByText('Nothing was saved: correct the fields marked below.'),
    ).toBeVisible();
    await expect(
      page.getByText(/The guideline adds up to 115 %: it must add up to 100 %/),
    ).toBeVisible();
    await expect(page.getByText('Choose the department or team to calibrate.')).toBeVisible();
    await expect(
      page.getByText('Add at least one facilitator: they run the session.'),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/calibration\/new$/);
    // Nothing typed was lost.
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Engineering, 2026 H2');
    await expect(page.getByLabel('Label of rating 3')).toHaveValue('Solid');
    await expect(page.getByLabel('Role of Daniel Kowalski')).toHaveValue('leader');
    await expectNoAxeViolations(page);

    // People picked one by one: an empty pick is refused.
    await page.getByLabel('People picked one by one').check();
    await expect(page.getByText('Nobody picked yet.')).toBeVisible();
    await page.getByLabel('A department or team, with everything under it').check();

    await page
      .getByLabel('Department or team', { exact: true })
      .selectOption({ label: 'Engineering' });
    await addPerson(page, 'Add a participant', 'Maya Okafor');
    await page.getByLabel('Role of Maya Okafor').selectOption('facilitator');
    await page.getByLabel('Guideline for rating 5, percent').fill('10');
    await expect(sum).toHaveText('100 %');
    await page.getByRole('button', { name: 'Create session' }).click();

    await expect(page.getByRole('heading', { name: 'Engineering, 2026 H2' })).toBeVisible();
    await expect(page.getByText('Draft', { exact: true })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Solid', exact: true })).toBeVisible();
    await expect(page.getByText('Everyone in Engineering and the teams under it')).toBeVisible();
    const sessionUrl = page.url();
    await expectNoAxeViolations(page);

    // Opening proposals asks first, then is recorded.
    await page.getByRole('button', { name: 'Open proposals' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Open proposals' }).click();
    await expect(page.getByText('Proposals open', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'History' })).toContainText('Priya Raman');

    // CAL8: the configuration is fixed now, even for a hand-made request.
    const edit = await page.goto(`${sessionUrl}/edit`);
    expect(edit?.status()).toBe(409);

    await page.goto('/calibration');
    await expect(page.getByRole('link', { name: 'Engineering, 2026 H2' })).toBeVisible();
  });

  test('[CAL40] a member is refused the admin pages with 403 and sees an empty list', async ({
    page,
  }) => {
    await signIn(page, DEMO_EMPLOYEE_EMAIL);
    await page.goto('/calibration');
    await expect(page.getByRole('heading', { name: 'No calibration sessions yet' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New session' })).toHaveCount(0);
    const response = await page.goto('/calibration/new');
    expect(response?.status()).toBe(403);
    await expect(
      page.getByText('Only administrators can create and edit calibration sessions.'),
    ).toBeVisible();
    const origin = new URL(page.url()).origin;
    const post = await page.request.post('/calibration/new?/save', {
      form: { name: 'Sneaky' },
      headers: { origin },
    });
    expect(post.status()).toBe(403);
  });

  test('[CAL41] a manager who takes no part cannot open a session page', async ({ page }) => {
    await signIn(page, DEMO_MANAGER_EMAIL);
    const response = await page.goto('/calibration/00000000-0000-4000-8000-000000000000');
    expect(response?.status()).toBe(404);
  });
});
