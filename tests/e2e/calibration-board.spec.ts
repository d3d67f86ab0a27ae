// The live calibration board in three browsers (issue 15's "done means"): an admin sets up and
// runs a session; two leaders move cards at once and see each other's moves and drag ghosts live;
// a move away from the original cannot be saved without a justification; both move one card
// offline and end identical, the one whose move lost told so; finalizing makes it read-only.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ADMIN_EMAIL, DEMO_CEO_EMAIL, DEMO_DEPARTMENT_HEAD_EMAIL } from '@threadline/db/demo';
import { expectNoAxeViolations, expectSaved, signedIn } from './fixtures.ts';
import { addPerson, card, confirm } from './calibration-support.ts';

const box = (page: Page, number: number) => page.locator(`[data-box="${number}"]`);
const inBox = (page: Page, number: number, name: string) =>
  box(page, number).locator('[data-card]').filter({ hasText: name });

async function justify(page: Page, why: string) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Justification').fill(why);
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(dialog).toBeHidden();
}

test('[CAL17] [CAL19] [CAL44] three browsers calibrate one board live', async ({ browser }) => {
  test.setTimeout(300_000);
  const admin = await signedIn(browser, DEMO_ADMIN_EMAIL);
  const a = admin.page;
  await a.goto('/calibration/new');
  await a.getByLabel('Name', { exact: true }).fill('Three browsers');
  await a.getByLabel('People picked one by one').check();
  for (const name of ['Kwame Mensah', 'Emma Ricci', 'Tariq Souza']) {
    await addPerson(a, 'Add a person', name);
  }
  await addPerson(a, 'Add a participant', 'Priya Raman');
  await addPerson(a, 'Add a participant', 'Daniel Kowalski');
  await addPerson(a, 'Add a participant', 'Maya Okafor');
  await expect(a.getByLabel('Role of Priya Raman')).toHaveValue('facilitator');
  await a.getByRole('button', { name: 'Create session' }).click();
  await expect(a.getByRole('heading', { name: 'Three browsers' })).toBeVisible();
  await confirm(a, 'Open proposals');
  await expect(a.getByRole('heading', { name: 'Missing proposals' })).toBeVisible();
  await confirm(a, 'Start the session');
  await expect(a.getByText('In session', { exact: true }).first()).toBeVisible();
  const boardUrl = `${new URL(a.url()).pathname}/board`;

  const daniel = await signedIn(browser, DEMO_DEPARTMENT_HEAD_EMAIL);
  const maya = await signedIn(browser, DEMO_CEO_EMAIL);
  const d = daniel.page;
  const m = maya.page;
  for (const page of [d, m, a]) {
    await page.goto(boardUrl);
    await expect(page.getByRole('heading', { name: /No proposal/ })).toBeVisible();
    await expectSaved(page);
  }
  await expect(d.getByText(/here too/)).toContainText('Maya Okafor');

  // Daniel places Kwame by keyboard: a card without a proposal needs a justification, and the
  // dialog will not save without one.
  await card(d, 'Kwame Mensah').focus();
  await d.keyboard.press('ArrowRight');
  const dialog = d.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(dialog.getByRole('alert')).toContainText('cannot be saved without a justification');
  await expect(dialog).toBeVisible();
  await justify(d, 'Steady delivery all cycle');
  await expect(card(d, 'Kwame Mensah')).toBeFocused();
  await expect(inBox(d, 5, 'Kwame Mensah')).toBeVisible();
  await expectNoAxeViolations(d);

  // At the same time Maya drags Emma with the mouse: Daniel sees her ghost while she drags, then
  // the card where she dropped it; Maya sees Kwame where Daniel put him.
  await expect(inBox(m, 5, 'Kwame Mensah')).toBeVisible();
  const from = await card(m, 'Emma Ricci').boundingBox();
  const to = await box(m, 9).boundingBox();
  await m.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
  await m.mouse.down();
  await m.mouse.move(to!.x + to!.width / 2, to!.y + 40, { steps: 12 });
  const ghost = d.getByTestId('ghost');
  await expect(ghost).toContainText('Emma Ricci');
  await expect(ghost).toContainText('Maya Okafor');
  await m.mouse.up();
  await justify(m, 'Leads the design system work');
  await expect(ghost).toHaveCount(0);
  await expect(inBox(d, 9, 'Emma Ricci')).toBeVisible();
  await expect(d.getByTestId('count-9')).toHaveText('1');

  // The player card: Emma's move with who, when, from, to and why.
  await card(d, 'Emma Ricci').click();
  const panel = d.getByRole('region', { name: 'Emma Ricci' });
  await expect(panel).toContainText('Maya Okafor');
  await expect(panel).toContainText('“Leads the design system work”');

  // Tariq is placed, then both move him while offline; back online, both boards agree, both
  // moves are in his history, and the one whose move lost is told.
  await card(m, 'Tariq Souza').focus();
  await m.keyboard.press('ArrowUp');
  await justify(m, 'Strong start');
  await expect(inBox(d, 5, 'Tariq Souza')).toBeVisible();
  await expectSaved(d);
  await expectSaved(m);
  await daniel.context.setOffline(true);
  await maya.context.setOffline(true);
  await card(d, 'Tariq Souza').focus();
  await d.keyboard.press('ArrowUp');
  await justify(d, 'Ready for more scope');
  await card(m, 'Tariq Souza').focus();
  await m.keyboard.press('ArrowDown');
  await justify(m, 'Still ramping up');
  await daniel.context.setOffline(false);
  await maya.context.setOffline(false);
  await expectSaved(d);
  await expectSaved(m);
  const boxOf = async (page: Page) =>
    card(page, 'Tariq Souza').evaluate((el) => el.closest('[data-box]')?.getAttribute('data-box'));
  await expect.poll(async () => (await boxOf(d)) === (await boxOf(m))).toBe(true);
  expect(['4', '6']).toContain(await boxOf(d));
  const told = /Your move of Tariq Souza was replaced/;
  const toasts = [d, m].map((page) =>
    page.locator('[data-sonner-toast]').filter({ hasText: told }),
  );
  await expect.poll(async () => (await toasts[0]!.count()) + (await toasts[1]!.count())).toBe(1);
  // Daniel's arrow-key move selected Tariq: his player card is open.
  await expect(card(d, 'Tariq Souza')).toHaveAttribute('aria-pressed', 'true');
  const tariq = d.getByRole('region', { name: 'Tariq Souza' });
  await expect(tariq).toContainText('Ready for more scope');
  await expect(tariq).toContainText('Still ramping up');

  // The facilitator finalizes: both leaders' boards turn read-only at once.
  await a.goto(boardUrl.replace(/\/board$/, ''));
  await confirm(a, 'Finalize');
  await expect(a.getByText('Finalized', { exact: true }).first()).toBeVisible();
  for (const page of [d, m]) {
    await expect(page.getByText(/the board is read-only/)).toBeVisible();
  }
  await card(d, 'Kwame Mensah').focus();
  await d.keyboard.press('ArrowRight');
  await expect(d.getByRole('dialog')).toHaveCount(0);
  await expect(inBox(d, 5, 'Kwame Mensah')).toBeVisible();

  for (const context of [admin.context, daniel.context, maya.context]) await context.close();
});
