// Exports end to end (EXP1–EXP21): an employee prepares their own export from the account page,
// with its progress, and the file holds their goals and their own private notes — never their
// manager's; an HR admin downloads the organisation's zip, which a member is refused.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import yauzl from 'yauzl';
import { DEMO_EMPLOYEE_EMAIL, DEMO_MANAGER_EMAIL } from '@threadline/db/demo';
import {
  EMPLOYEE_PRIVATE_NOTES,
  MANAGER_PRIVATE_NOTES,
} from '@threadline/domain/demo/one-on-ones-catalogue';
import type { PersonalExport } from '@threadline/domain/exports/personal';
import { DEMO_ADMIN_EMAIL, expectNoAxeViolations, signIn } from './fixtures.ts';

async function prepareExport(page: Page, through: 'menu' | 'url' = 'url') {
  if (through === 'url') await page.goto('/account');
  else {
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Your account and data' }).click();
    await expect(page).toHaveURL(/\/account$/);
  }
  await expect(page.getByRole('heading', { name: 'Your data' })).toBeVisible();
  const prepare = page.getByRole('button', { name: 'Prepare my export' });
  // A click before hydration does nothing; clicking again is what a person would do.
  await expect(async () => {
    if (await prepare.isVisible()) await prepare.click();
    await expect(
      page.getByText(/Listing what is yours|parts done|Your export is ready/).first(),
    ).toBeVisible({
      timeout: 1_000,
    });
  }).toPass();
  await expect(page.getByText('Your export is ready')).toBeVisible({ timeout: 30_000 });
}

async function downloaded(page: Page, link: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link, exact: true }).click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

test('[EXP1] [EXP4] an employee’s export holds their goals and their own private notes, not their manager’s', async ({
  page,
}) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await prepareExport(page);
  await expectNoAxeViolations(page);
  const text = await downloaded(page, 'Download JSON');
  const data = JSON.parse(text) as PersonalExport;
  expect(data.format).toBe('threadline-personal-export');
  expect(data.person.email).toBe(DEMO_EMPLOYEE_EMAIL);
  expect(data.goals.length).toBeGreaterThan(0);
  expect(data.goals.every((goal) => goal.ownerId === data.person.id)).toBe(true);

  const withManager = data.oneOnOnes.find(
    (s) => s.manager.id === data.person.manager?.id && s.endedAt === null,
  )!;
  expect(withManager.role).toBe('employee');
  const privateNotes = withManager.meetings.flatMap((m) => m.privateNotes?.blocks ?? []).join('\n');
  expect(privateNotes).toContain(EMPLOYEE_PRIVATE_NOTES[0]!.slice(0, 30));
  for (const note of MANAGER_PRIVATE_NOTES) expect(text).not.toContain(note.slice(0, 30));
  // EXP5: his own moods are his.
  expect(withManager.meetings.some((m) => m.mood !== null)).toBe(true);

  // EXP10: the CSV tables, one per section.
  const goalsCsv = await downloaded(page, 'goals.csv');
  expect(goalsCsv.split('\n')[0]).toContain('goal_id');
  expect(goalsCsv).toContain(data.goals[0]!.id);
});

test('[EXP1] [EXP5] a manager’s export holds their own private notes and none of their report’s, nor moods', async ({
  page,
}) => {
  await signIn(page, DEMO_MANAGER_EMAIL);
  await prepareExport(page, 'menu');
  const text = await downloaded(page, 'Download JSON');
  const data = JSON.parse(text) as PersonalExport;
  expect(text).toContain(MANAGER_PRIVATE_NOTES[0]!.slice(0, 30));
  for (const note of EMPLOYEE_PRIVATE_NOTES) expect(text).not.toContain(note.slice(0, 30));
  const managed = data.oneOnOnes.filter((s) => s.role === 'manager');
  expect(managed.length).toBeGreaterThan(0);
  expect(managed.flatMap((s) => s.meetings).every((m) => m.mood === null)).toBe(true);
});

function zipEntryNames(file: string): Promise<string[]> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.once('end', () => resolve(names));
      zip.once('error', reject);
      zip.readEntry();
    }),
  );
}

test('[EXP12] an HR admin downloads the organisation’s zip; a member is refused', async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO_ADMIN_EMAIL);
  await page.goto('/people/export');
  await expect(page.getByRole('heading', { name: 'Export the organisation' })).toBeVisible();
  await expectNoAxeViolations(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the export (.zip)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const file = (await download.path())!;
  const names = await zipEntryNames(file);
  expect(names).toContain('manifest.json');
  expect(names).toContain('tables/people.jsonl');
  expect(names).toContain('documents/updates.jsonl');
  const manifest = JSON.parse(
    await new Promise<string>((resolve, reject) =>
      yauzl.open(file, { lazyEntries: true }, (error, zip) => {
        if (error) return reject(error);
        zip.on('entry', (entry: yauzl.Entry) => {
          if (entry.fileName !== 'manifest.json') return zip.readEntry();
          zip.openReadStream(entry, async (e, stream) => {
            if (e) return reject(e);
            const chunks: Buffer[] = [];
            for await (const chunk of stream) chunks.push(chunk as Buffer);
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
        zip.readEntry();
      }),
    ),
  ) as { audience: string; tables: { name: string; rows: number }[] };
  expect(manifest.audience).toBe('hr-admin');
  expect(manifest.tables.find((t) => t.name === 'people')!.rows).toBeGreaterThanOrEqual(150);

  const member = await browser.newPage();
  await signIn(member, DEMO_EMPLOYEE_EMAIL);
  const refused = await member.request.get('/people/export/download');
  expect(refused.status()).toBe(403);
  await member.close();
});

test('the export pages fit a phone’s screen, and the organisation’s is for admins only', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO_ADMIN_EMAIL);
  for (const path of ['/account', '/people/export']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(390);
  }
  await page.context().clearCookies();
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  expect((await page.goto('/people/export'))?.status()).toBe(403);
});
