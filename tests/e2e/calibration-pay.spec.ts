// Merit pay beside the board (issue 17's "done means"): an admin sets up a session, lets Daniel see
// pay and changes the merit settings (a bad cell refused); a card moved in the admin's browser
// changes the pool total in Daniel's; Maya, a participant without pay access, receives no salary
// anywhere: not on the page, not in any network response, not in IndexedDB or the caches.
import { expect, test, type Page, type Response } from '@playwright/test';
import { DEMO_ADMIN_EMAIL, DEMO_CEO_EMAIL, DEMO_DEPARTMENT_HEAD_EMAIL } from '@threadline/db/demo';
import { expectNoAxeViolations, signedIn } from './fixtures.ts';
import { addPerson, card, confirm } from './calibration-support.ts';

/** Everything this origin keeps in IndexedDB, as text (bytes read as Latin-1), and the URLs in
 *  its caches. */
async function storedOnDevice(page: Page): Promise<{ indexedDb: string; cached: string[] }> {
  return page.evaluate(async () => {
    const text: string[] = [];
    const latin1 = new TextDecoder('latin1');
    const show = (value: unknown): string => {
      if (value instanceof Uint8Array || value instanceof ArrayBuffer) return latin1.decode(value);
      if (Array.isArray(value)) return value.map(show).join('\n');
      if (value && typeof value === 'object') {
        return Object.entries(value)
          .map(([key, inner]) => `${key}:${show(inner)}`)
          .join('\n');
      }
      return String(value);
    };
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
        setTimeout(() => reject(new Error(`${info.name} did not open`)), 20_000);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        text.push(show(values));
      }
      db.close();
    }
    const cached: string[] = [];
    for (const key of await caches.keys()) {
      for (const request of await (await caches.open(key)).keys()) cached.push(request.url);
    }
    return { indexedDb: text.join('\n'), cached };
  });
}

test('[CAL75] [CAL76] [CAL78] [CAL82] the pool follows moves live, and pay reaches only those allowed', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const admin = await signedIn(browser, DEMO_ADMIN_EMAIL);
  const a = admin.page;
  await a.goto('/calibration/new');
  await a.getByLabel('Name', { exact: true }).fill('Pay view');
  await a.getByLabel('People picked one by one').check();
  for (const name of ['Kwame Mensah', 'Emma Ricci', 'Tariq Souza']) {
    await addPerson(a, 'Add a person', name);
  }
  await addPerson(a, 'Add a participant', 'Priya Raman');
  await addPerson(a, 'Add a participant', 'Daniel Kowalski');
  await addPerson(a, 'Add a participant', 'Maya Okafor');
  await a.getByRole('button', { name: 'Create session' }).click();
  await expect(a.getByRole('heading', { name: 'Pay view' })).toBeVisible();
  const sessionUrl = new URL(a.url()).pathname;

  // CAL78: the admin lets Daniel (and not Maya) see pay.
  await a.getByLabel('Daniel Kowalski', { exact: true }).check();
  await a.getByRole('button', { name: 'Save who sees pay' }).click();
  await expect(a.getByText('Pay access saved')).toBeVisible();

  // CAL72, CAL77: a cell above 50 % is refused, with the field named; a valid one is saved.
  const topWithin = a.getByLabel('Outstanding, 90–110 % of midpoint (%)');
  await topWithin.fill('60');
  await a.getByRole('button', { name: 'Save the merit matrix' }).click();
  await expect(a.getByText('Write a percent from 0 to 50, e.g. 3.5')).toBeVisible();
  await expect(topWithin).toHaveAttribute('aria-invalid', 'true');
  await topWithin.fill('7.5');
  await a.getByLabel('Budget (% of payroll)').fill('2.5');
  await a.getByRole('button', { name: 'Save the merit matrix' }).click();
  await expect(a.getByText('Merit matrix saved')).toBeVisible();
  // Checked once the toasts have faded: axe reads a fading toast's text as too faint.
  await expect(a.locator('[data-sonner-toast]')).toHaveCount(0, { timeout: 15_000 });
  await expectNoAxeViolations(a);

  await confirm(a, 'Open proposals');
  await confirm(a, 'Start the session');
  await expect(a.getByText('In session', { exact: true }).first()).toBeVisible();
  const boardUrl = `${sessionUrl}/board`;

  // The figures the admin (HR) receives: the salaries Maya must never receive.
  const payAnswer = await a.request.get(`${sessionUrl}/pay`);
  expect(payAnswer.status()).toBe(200);
  expect(payAnswer.headers()['cache-control']).toContain('no-store');
  const { pay } = (await payAnswer.json()) as { pay: Record<string, { salary: number }> };
  const salaries = Object.values(pay).map((entry) => entry.salary);
  expect(salaries).toHaveLength(3);

  const daniel = await signedIn(browser, DEMO_DEPARTMENT_HEAD_EMAIL);
  const d = daniel.page;
  const maya = await signedIn(browser, DEMO_CEO_EMAIL);
  const m = maya.page;
  const mayaResponses: Response[] = [];
  m.on('response', (response) => mayaResponses.push(response));

  await d.goto(boardUrl);
  await m.goto(boardUrl);
  await a.goto(boardUrl);
  const total = d.getByTestId('pool-total-EUR');
  await expect(total).toBeVisible();
  const before = await total.textContent();
  await expect(
    d.getByRole('region', { name: 'Pay', exact: true }).getByText('3 not placed yet'),
  ).toBeVisible();

  // The admin places Kwame: Daniel's pool total changes without a reload.
  await expect(card(a, 'Kwame Mensah')).toBeVisible();
  await card(a, 'Kwame Mensah').focus();
  await a.keyboard.press('ArrowRight');
  const dialog = a.getByRole('dialog');
  await dialog.getByLabel('Justification').fill('Carried the on-call rota');
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(dialog).toBeHidden();
  await expect(total).not.toHaveText(before!);
  await expect(
    d.getByRole('region', { name: 'Pay', exact: true }).getByText('2 not placed yet'),
  ).toBeVisible();
  await expect(d.getByRole('row', { name: /Kwame Mensah/ })).toContainText(
    '3 · Meets expectations',
  );
  // The pools beside the board too, as the signals' last tab.
  await d.getByRole('tab', { name: 'Pay' }).click();
  await expect(d.getByTestId('pay-tab-total-EUR')).toHaveText((await total.textContent())!);
  await expectNoAxeViolations(d);

  // Maya sees the move, and nothing of pay.
  await expect(
    m.locator('[data-box="5"] [data-card]').filter({ hasText: 'Kwame Mensah' }),
  ).toBeVisible();
  await expect(m.getByRole('heading', { name: 'Pay', exact: true })).toHaveCount(0);
  await expect(m.getByRole('tab', { name: 'Pay' })).toHaveCount(0);
  const mayaText = await m.locator('body').innerText();
  expect(mayaText).not.toMatch(/€|\bEUR\b/);
  expect(mayaText).not.toMatch(/salary|budget/i);
  expect((await m.request.get(`${sessionUrl}/pay`)).status()).toBe(403);

  const bodies: string[] = [];
  for (const response of mayaResponses) {
    if (response.url().includes('/_app/immutable/')) continue; // the build's own files
    // The notifications' event stream never ends: it carries notices, never pay.
    if ((response.headers()['content-type'] ?? '').includes('text/event-stream')) continue;
    bodies.push(await response.text().catch(() => ''));
  }
  const seen = bodies.join('\n');
  expect(seen).not.toContain('"salary"');
  expect(seen).not.toContain('rangeMid');
  for (const salary of salaries) {
    expect(seen).not.toContain(String(salary));
    expect(seen).not.toMatch(new RegExp(`\\b${salary / 100}\\b`));
  }
  // Maya's device holds the goal tree (whose metrics may be in euros) and the board: no pay.
  const stored = await storedOnDevice(m);
  for (const needle of ['salary', 'rangeMid', 'budgetPercent']) {
    expect(stored.indexedDb).not.toContain(needle);
  }
  for (const salary of salaries) {
    expect(stored.indexedDb).not.toContain(String(salary));
    expect(stored.indexedDb).not.toMatch(new RegExp(`\\b${salary / 100}\\b`));
  }
  expect(stored.cached.filter((url) => url.includes('/pay'))).toEqual([]);

  for (const context of [admin.context, daniel.context, maya.context]) await context.close();
});

test('[CAL79] [CAL80] [CAL81] the finalized session’s exports, with increases only for pay readers, and its report', async ({
  browser,
}) => {
  const daniel = await signedIn(browser, DEMO_DEPARTMENT_HEAD_EMAIL);
  const d = daniel.page;
  await d.goto('/calibration');
  // The demo's previous cycle's session is finalized (DEMO24).
  const links = d.getByRole('link', { name: /Engineering calibration/ });
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('href') ?? ''),
  );
  let sessionUrl = '';
  for (const href of hrefs) {
    await d.goto(href);
    await expect(d.getByRole('heading', { level: 1 })).toBeVisible();
    if (await d.getByRole('link', { name: 'Final ratings (CSV)' }).isVisible()) {
      sessionUrl = new URL(d.url()).pathname;
      break;
    }
  }
  expect(sessionUrl).not.toBe('');
  const ratings = await d.request.get(`${sessionUrl}/export/ratings.csv`);
  expect(ratings.status()).toBe(200);
  expect(ratings.headers()['content-type']).toContain('text/csv');
  const csv = await ratings.text();
  const [header] = csv.replace(/^\uFEFF/, '').split('\r\n');
  expect(header).toContain('Recommended increase');
  expect(header).toContain('Last move’s justification');
  const moves = await d.request.get(`${sessionUrl}/export/moves.csv`);
  expect((await moves.text()).split('\n').length).toBeGreaterThan(2);

  // CAL81: the report, and how it prints: no app frame, no controls.
  await d.goto(`${sessionUrl}/report`);
  await expect(
    d.getByRole('heading', { name: 'Distribution against the guideline' }),
  ).toBeVisible();
  await expect(d.getByRole('row', { name: /Meets expectations/ })).toContainText('40 %');
  for (const heading of ['Flagged cards', 'Manager skew', 'Group gaps']) {
    await expect(d.getByRole('heading', { name: heading })).toBeVisible();
  }
  await expectNoAxeViolations(d);
  await d.emulateMedia({ media: 'print' });
  await expect(d.getByRole('banner')).toBeHidden();
  await expect(d.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(d.getByRole('heading', { name: 'The 9-box now' })).toBeVisible();

  const maya = await signedIn(browser, DEMO_CEO_EMAIL);
  const mine = await (await maya.page.request.get(`${sessionUrl}/export/ratings.csv`)).text();
  expect(mine.split('\r\n')[0]).not.toContain('Recommended increase');
  expect(mine).not.toMatch(/EUR/);
  for (const context of [daniel.context, maya.context]) await context.close();
});
