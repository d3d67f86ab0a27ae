// CSV import of people end to end (SPEC CSV1–CSV15): admins only; a file with a bad row shows
// that row's line-numbered error, cannot be imported and changes nothing, even when posted
// straight to the endpoint; a valid file is imported and its people appear in the people list.
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO_EMPLOYEE_EMAIL, DEMO_MANAGER_EMAIL } from '@threadline/db/demo';
import { DEMO_ADMIN_EMAIL, expectNoAxeViolations, signIn } from './fixtures.ts';

const HEADER = 'Full name,Work email,Job title,Manager email,Department,Work location,Start date';

function csvFile(name: string, lines: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`) };
}

test.describe('CSV import of people', () => {
  test('the page and the endpoint require authentication', async ({ request }) => {
    // Accept: text/html picks the page; other requests reach the endpoint, which has no GET.
    const page = await request.get('/people/import', {
      maxRedirects: 0,
      headers: { accept: 'text/html' },
    });
    expect(page.status()).toBe(303);
    const post = await request.post('/people/import', { data: { records: [] } });
    expect(post.status()).toBe(401);
  });

  test('a member can neither open the page nor post a file', async ({ page }) => {
    await signIn(page, DEMO_EMPLOYEE_EMAIL);
    const response = await page.goto('/people/import');
    expect(response?.status()).toBe(403);
    const post = await page.request.post('/people/import', {
      data: {
        records: [
          ['Name', 'Email'],
          ['Eve', `eve-${randomBytes(3).toString('hex')}@x.test`],
        ],
      },
    });
    expect(post.status()).toBe(403);
  });

  test('the empty page explains the columns and passes axe', async ({ page }) => {
    await signIn(page, DEMO_ADMIN_EMAIL);
    await page.goto('/people/import');
    await expect(page.getByRole('heading', { level: 1, name: 'Import people' })).toBeVisible();
    await expect(page.getByLabel('CSV file')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Download a sample CSV' })).toBeVisible();
    await expectNoAxeViolations(page);
    const sample = await page.request.get('/people/import/sample.csv');
    expect(sample.headers()['content-type']).toContain('text/csv');
    expect((await sample.text()).split('\r\n')[0]).toBe(
      'Name,Email,Title,Manager email,Team,Location,Hire date',
    );
  });

  test('a file with a bad row shows its line, cannot be imported and writes nothing', async ({
    page,
  }) => {
    await signIn(page, DEMO_ADMIN_EMAIL);
    await page.goto('/people/import');
    // Other tests add people to the same organisation at the same time, so this test looks only
    // for the people of its own file (a unique suffix), never at the organisation's head-count.
    const suffix = randomBytes(4).toString('hex');
    const lines = [
      HEADER,
      `Ann Bad ${suffix},ann-${suffix}@import.test,Engineer,${DEMO_MANAGER_EMAIL},Bad Team ${suffix},remote,2025-01-06`,
      `Ben Bad ${suffix},ben-${suffix}@import.test,Engineer,ann-${suffix}@import.test,,office,`,
      `Bob Bad ${suffix},bob@,Engineer,,,hybrid,2025-02-03`,
    ];
    await page.getByLabel('CSV file').setInputFiles(csvFile('bad.csv', lines));

    await expect(page.getByText("Line 4: email 'bob@' is not a valid address")).toBeVisible();
    await expect(page.getByText('1 problem', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Import \d+ people$/ })).toBeDisabled();
    await expectNoAxeViolations(page);

    // Posted directly, bypassing the page, the server refuses it with the same error.
    const records = lines.map((line) => line.split(','));
    const refused = await page.request.post('/people/import', { data: { records } });
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toEqual({
      errors: [{ line: 4, column: 'email', message: "email 'bob@' is not a valid address" }],
      errorCount: 1,
    });

    await page.goto(`/people?q=${suffix}`);
    await expect(page.getByRole('heading', { name: 'Nobody matches these filters' })).toBeVisible();
  });

  test('a valid file is previewed, imported, and its people appear in the people list', async ({
    page,
  }) => {
    await signIn(page, DEMO_ADMIN_EMAIL);
    await page.goto('/people/import');
    const suffix = randomBytes(4).toString('hex');
    const team = `Imported Team ${suffix}`;
    await page
      .getByLabel('CSV file')
      .setInputFiles(
        csvFile('people.csv', [
          HEADER,
          `Cleo New ${suffix},cleo-${suffix}@import.test,Designer,dan-${suffix}@import.test,${team},Hybrid,2025-03-03`,
          `"Dan New, ${suffix}",dan-${suffix}@import.test,Design Lead,${DEMO_MANAGER_EMAIL},${team},,2024-11-18`,
        ]),
      );

    const counts = page.getByRole('list', { name: 'What the import will do' });
    await expect(counts).toContainText('2 new people');
    await expect(counts).toContainText('0 people updated');
    await expect(counts).toContainText('1 new team');
    await expect(page.getByRole('cell', { name: `cleo-${suffix}@import.test` })).toBeVisible();

    await page.getByRole('button', { name: 'Import 2 people' }).click();
    await expect(page.getByRole('heading', { name: 'Imported people.csv' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'new people invited' })).toContainText(
      '2 new people invited, 0 people updated, 1 new team.',
    );

    await page.goto(`/people?q=${suffix}`);
    await expect(page.getByText('Showing 1–2 of 2 people')).toBeVisible();
    await expect(page.getByRole('link', { name: `Cleo New ${suffix}`, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: `Dan New, ${suffix}`, exact: true })).toBeVisible();
  });

  test('[CSV11] an update shows each changed field as old → new, and one person is counted as one', async ({
    page,
  }) => {
    await signIn(page, DEMO_ADMIN_EMAIL);
    await page.goto('/people/import');
    await page
      .getByLabel('CSV file')
      .setInputFiles(
        csvFile('update.csv', [
          'Full name,Work email,Job title',
          `Kwame Mensah,${DEMO_EMPLOYEE_EMAIL},Staff Engineer ${randomBytes(2).toString('hex')}`,
        ]),
      );
    await expect(page.getByRole('button', { name: 'Import 1 person' })).toBeVisible();
    const counts = page.getByRole('list', { name: 'What the import will do' });
    await expect(counts).toContainText('1 person updated');
    const row = page.getByRole('row').filter({ hasText: 'Update' });
    const title = row.getByRole('cell').nth(4);
    await expect(title.locator('del')).toHaveText(/was\sSenior Software Engineer/);
    await expect(title.locator('ins')).toHaveText(/becomes\sStaff Engineer/);
    // The name did not change: shown as it is, not as a change.
    await expect(row.getByRole('cell').nth(2).locator('del')).toHaveCount(0);
    // An email is cut with an ellipsis (whole in its title), never broken across lines.
    const email = row.getByRole('cell').nth(3).locator('.truncate');
    await expect(email).toHaveAttribute('title', DEMO_EMPLOYEE_EMAIL);
    await expect(email).toHaveCSS('white-space', 'nowrap');
    await expectNoAxeViolations(page);
  });
});
