// A manager's proposals page (CAL10, CAL11): an admin opens proposals; the manager of someone in
// the population proposes a rating, a potential and a rationale that survive a reload; another
// manager, a participant of the same session, has no such page and is refused at that document.
import { expect, test, type Page } from '@playwright/test';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_DEPARTMENT_HEAD_EMAIL,
  DEMO_MANAGER_EMAIL,
} from '@threadline/db/demo';
import { expectNoAxeViolations, expectSaved, signedIn } from './fixtures.ts';
import { addPerson } from './calibration-support.ts';

/** Opens a raw websocket to a document from the page (with its cookie): what the server did. */
async function tryDocument(page: Page, url: string) {
  return page.evaluate(async (url) => {
    const socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    let messages = 0;
    socket.addEventListener('message', () => (messages += 1));
    const code = await new Promise<number>((resolve) => {
      socket.addEventListener('close', (event) => resolve(event.code));
      setTimeout(() => resolve(-1), 8000);
    });
    return { code, messages };
  }, url);
}

test('[CAL10] [CAL11] a manager proposes for a report; another manager is refused', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await signedIn(browser, DEMO_ADMIN_EMAIL);
  const a = admin.page;
  await a.goto('/calibration/new');
  await a.getByLabel('Name', { exact: true }).fill('Proposals round');
  await a.getByLabel('People picked one by one').check();
  await addPerson(a, 'Add a person', 'Kwame Mensah');
  await addPerson(a, 'Add a participant', 'Priya Raman');
  await addPerson(a, 'Add a participant', 'Sofía Hernández');
  await addPerson(a, 'Add a participant', 'Daniel Kowalski');
  await a.getByRole('button', { name: 'Create session' }).click();
  await expect(a.getByRole('heading', { name: 'Proposals round' })).toBeVisible();
  await a.getByRole('button', { name: 'Open proposals', exact: true }).click();
  await a.getByRole('alertdialog').getByRole('button', { name: 'Open proposals' }).click();
  await expect(a.getByRole('heading', { name: 'Missing proposals' })).toBeVisible();
  const sessionPath = new URL(a.url()).pathname;

  // Sofia, a leader of the session and Kwame's manager, reaches her proposals from the session.
  const sofia = await signedIn(browser, DEMO_MANAGER_EMAIL);
  const s = sofia.page;
  await s.goto(sessionPath);
  await s.getByRole('link', { name: 'My proposals' }).click();
  await expect(s.getByRole('heading', { name: 'My proposals · Proposals round' })).toBeVisible();
  const row = s.getByRole('listitem').filter({ hasText: 'Kwame Mensah' });
  await expect(row).toContainText('Not yet');
  await expect(s.getByText('0 of 1 proposed')).toBeVisible();
  await row.getByLabel('Rating').selectOption('4');
  await row.getByLabel('Potential').selectOption('high');
  await row.getByLabel('Rationale').fill('Shipped the billing migration early');
  await expect(row).toContainText('Proposed');
  await expect(s.getByText('1 of 1 proposed')).toBeVisible();
  await expectSaved(s);
  await expectNoAxeViolations(s);
  const toolbar = s.locator('[data-document]');
  const documentUrl = `${(await toolbar.getAttribute('data-sync-url'))!.replace(/\/+$/, '')}/sync/${await toolbar.getAttribute('data-document')}`;

  await s.reload();
  await expect(row.getByLabel('Rating')).toHaveValue('4');
  await expect(row.getByLabel('Potential')).toHaveValue('high');
  await expect(row.getByLabel('Rationale')).toHaveValue('Shipped the billing migration early');
  await expectSaved(s);

  // Daniel leads the session but manages nobody in it: no proposals page, and Sofia's document
  // is refused to him (participants read proposals only once the session starts).
  const daniel = await signedIn(browser, DEMO_DEPARTMENT_HEAD_EMAIL);
  const d = daniel.page;
  await d.goto(sessionPath);
  await expect(d.getByRole('heading', { name: 'Proposals round' })).toBeVisible();
  await expect(d.getByRole('link', { name: 'My proposals' })).toHaveCount(0);
  const refused = await d.goto(`${sessionPath}/proposals`);
  expect(refused?.status()).toBe(403);
  await expect(d.getByText(/You have no proposals to make/)).toBeVisible();
  const attempt = await tryDocument(d, documentUrl);
  expect(attempt.messages).toBe(0);
  expect(attempt.code).not.toBe(-1);
  expect(attempt.code).not.toBe(1000);
  await expect(d.getByText('Shipped the billing migration early')).toHaveCount(0);

  for (const context of [admin.context, sofia.context, daniel.context]) await context.close();
});
