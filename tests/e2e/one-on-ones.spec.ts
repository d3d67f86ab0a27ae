// The 1:1 pages (issue 14): Sofía (manager) and Kwame (her report) co-edit one meeting live, online
// and offline; the list, the start form, access (404/403), accessibility and private notes.
// The tests share the one series of the pair, so they run one after another.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_DEPARTMENT_HEAD_EMAIL,
  DEMO_EMPLOYEE_EMAIL,
  DEMO_MANAGER_EMAIL,
} from '@threadline/db/demo';
import { expectNoAxeViolations, reloadUnderServiceWorker, signIn } from './fixtures.ts';
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
  await reloadUnderServiceWorker(kwame.page);
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

// ---- The organisation's settings (ORG18, ORG19) change what every test here sees, so the tests
// that change them run in this serial file and put them back as they found them.

/** Saves the settings page as an admin: the HR toggle, and the locale typed ('' for none). */
async function saveSettings(page: Page, settings: { hrMayRead?: boolean; locale?: string }) {
  await page.goto('/people/settings');
  await page.waitForLoadState('networkidle');
  const toggle = page.getByRole('checkbox', { name: 'HR may read shared 1:1 agendas' });
  if (settings.hrMayRead !== undefined) await toggle.setChecked(settings.hrMayRead);
  if (settings.locale !== undefined)
    await page.getByLabel('Locale for dates').fill(settings.locale);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
}

test('[ORG18] [ONE4] HR reading on: both members see the banner, HR reads the agenda only; off closes it', async ({
  browser,
}) => {
  test.slow();
  const tag = uniqueTag();
  const { sofia, kwame } = await pairOnSeries(browser);
  await addPoint(sofia.page, 'Align', `Shared point ${tag}`);
  await sofia.page.getByRole('textbox', { name: 'Private notes' }).click();
  await sofia.page.keyboard.type(`Sealed thought ${tag}`);
  await expectSaved(sofia.page);
  await expect(sofia.page.getByTestId('hr-banner')).toHaveCount(0);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO_ADMIN_EMAIL);
  try {
    await saveSettings(admin, { hrMayRead: true });
    for (const member of [sofia, kwame]) {
      await member.page.reload();
      await expect(member.page.getByTestId('hr-banner')).toContainText(
        'Your organisation lets HR admins read shared 1:1 agendas',
      );
    }

    // The HR admin opens the series: the shared agenda, read-only; no private notes, no mood.
    // Found from Kwame's page, where his 1:1s are listed while the setting is on.
    const reading = await adminContext.newPage();
    await reading.goto(`/people?q=${encodeURIComponent(DEMO_EMPLOYEE_EMAIL)}`);
    await reading
      .getByRole('row')
      .filter({ hasText: DEMO_EMPLOYEE_EMAIL })
      .getByRole('link')
      .first()
      .click();
    await reading
      .getByRole('region', { name: '1:1s' })
      .getByRole('link', { name: `With ${SOFIA}` })
      .click();
    await expect(reading).toHaveURL(new RegExp(`${sofia.path}$`));
    await expect(reading.getByText('You are reading this 1:1 as an HR admin')).toBeVisible();
    await expect.poll(() => pointTexts(reading, 'Align')).toContain(`Shared point ${tag}`);
    await expect(reading.getByRole('status').filter({ hasText: 'Read only' })).toBeVisible();
    await expect(reading.getByLabel('Add a talking point to Align')).toHaveCount(0);
    await expect(reading.getByLabel('New action item')).toHaveCount(0);
    await expect(reading.getByRole('textbox', { name: 'Shared notes' })).toHaveAttribute(
      'contenteditable',
      'false',
    );
    await expect(reading.getByRole('textbox', { name: 'Private notes' })).toHaveCount(0);
    await expect(reading.getByText('Only you can see this')).toHaveCount(0);
    await expect(reading.getByText(`Sealed thought ${tag}`)).toHaveCount(0);
    await expect(reading.getByRole('radio')).toHaveCount(0);
    await expect(reading.getByRole('group', { name: /mood|How are you feeling/ })).toHaveCount(0);

    // Turned off: the open page loses the agenda at once, and the page is refused from then on.
    await saveSettings(admin, { hrMayRead: false });
    await expect(
      reading.getByRole('heading', { name: 'You no longer have access to this 1:1' }),
    ).toBeVisible();
    await expect(reading.getByLabel('Talking point')).toHaveCount(0);
    expect((await reading.reload())?.status()).toBe(403);
    await sofia.page.reload();
    await expectSaved(sofia.page);
    await expect(sofia.page.getByTestId('hr-banner')).toHaveCount(0);
  } finally {
    await saveSettings(admin, { hrMayRead: false });
    await adminContext.close();
    await closeAll(sofia, kwame);
  }
});

test('[ORG19] every page writes dates in the organisation’s locale, the browser’s when unset', async ({
  browser,
}) => {
  test.slow();
  // Both browsers speak German; the organisation chooses US English (what the other specs'
  // browsers speak, so a test running beside this one still sees the dates it expects).
  const context = await browser.newContext({ locale: 'de-DE' });
  const kwame = await context.newPage();
  await signIn(kwame, DEMO_EMPLOYEE_EMAIL);
  const path = await openPairSeries(kwame, false);
  const meetingDay = kwame.locator('.meeting-day');
  const german = (await meetingDay.textContent()) ?? '';
  expect(german).toMatch(/^[A-Z][a-z]\., \d{1,2}\. [A-Z]/); // "Di., 8. Dez."

  const adminContext = await browser.newContext({ locale: 'de-DE' });
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO_ADMIN_EMAIL);
  const cycleStart = admin
    .getByRole('row')
    .filter({ has: admin.getByRole('cell', { name: '2026 H2', exact: true }) })
    .getByRole('cell')
    .nth(1);
  try {
    await admin.goto('/people/cycles');
    await expect(cycleStart).toHaveText('01.07.2026');

    // A tag that is not one is refused with how to write one, and nothing is saved.
    await admin.goto('/people/settings');
    await admin.waitForLoadState('networkidle');
    await admin.getByLabel('Locale for dates').fill('en_US');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await expect(admin.getByText('“en_US” is not a language tag.')).toBeVisible();
    await expect(admin.getByLabel('Locale for dates')).toBeFocused();
    await admin.reload();
    await expect(admin.getByLabel('Locale for dates')).toHaveValue('');

    await saveSettings(admin, { locale: 'en-us' });
    await expect(admin.getByLabel('Locale for dates')).toHaveValue('en-US');
    await expect(admin.getByTestId('locale-preview')).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    await kwame.goto(path);
    await expect(meetingDay).toHaveText(/^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}/); // "Tue, Dec 8"
    await admin.goto('/people/cycles');
    await expect(cycleStart).toHaveText('Jul 1, 2026');

    await saveSettings(admin, { locale: '' });
    await kwame.goto(path);
    await expect(meetingDay).toHaveText(german);
  } finally {
    await saveSettings(admin, { locale: '' });
    await adminContext.close();
    await context.close();
  }
});

/** A person's page as an admin sees it: their email, and their direct reports' names and links. */
async function personPage(page: Page, href: string) {
  await page.goto(href);
  await expect(page.getByRole('heading', { name: 'Details' })).toBeVisible();
  const email = (await page.locator('.subtitle').first().textContent())?.trim() ?? '';
  const reports = await page
    .getByRole('region', { name: 'Direct reports' })
    .getByRole('link')
    .evaluateAll((links) =>
      links
        .filter((link) => /\/people\/[0-9a-f-]{36}$/.test(link.getAttribute('href') ?? ''))
        .map((link) => ({ name: link.textContent!.trim(), href: link.getAttribute('href')! })),
    );
  return { email, reports };
}

test('[ONE3] [ONE1] after a reporting line changes, the former manager reads the meetings they held; the new one starts a series', async ({
  browser,
}) => {
  test.slow();
  // Two team managers under Daniel (not Sofía, whose series the other tests use), and a report
  // of the first, who moves to the second.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO_ADMIN_EMAIL);
  await admin.goto(`/people?q=${encodeURIComponent(DEMO_DEPARTMENT_HEAD_EMAIL)}`);
  const danielHref = await admin
    .getByRole('row')
    .filter({ hasText: DEMO_DEPARTMENT_HEAD_EMAIL })
    .getByRole('link')
    .first()
    .getAttribute('href');
  const daniel = await personPage(admin, danielHref!);
  const managers: {
    name: string;
    href: string;
    email: string;
    reports: { name: string; href: string }[];
  }[] = [];
  for (const candidate of daniel.reports.filter((r) => r.name !== SOFIA)) {
    const found = await personPage(admin, candidate.href);
    if (found.reports.length > 0) managers.push({ ...candidate, ...found });
    if (managers.length === 2) break;
  }
  expect(managers).toHaveLength(2);
  const [former, next] = managers as [(typeof managers)[0], (typeof managers)[0]];
  const moved = former.reports[0]!;

  // The former manager's running series with that report, as it was before the change.
  const formerContext = await browser.newContext();
  const formerPage = await formerContext.newPage();
  await signIn(formerPage, former.email);
  await formerPage.goto('/one-on-ones');
  await formerPage
    .getByRole('region', { name: 'With my reports' })
    .getByRole('link', { name: new RegExp(moved.name) })
    .click();
  await expect(formerPage).toHaveURL(/\/one-on-ones\/[0-9a-f-]{36}$/);
  const seriesPath = new URL(formerPage.url()).pathname;
  await expectSaved(formerPage);
  const heldDays = await formerPage.locator('.timeline-area .day').allTextContents();
  expect(heldDays.length).toBeGreaterThan(1);

  // The admin moves the report to the other manager.
  await admin.goto(moved.href);
  await admin.waitForLoadState('networkidle');
  const manager = admin.getByRole('combobox', { name: 'Manager' });
  await manager.click();
  await manager.fill(next.name);
  await admin
    .getByRole('option', { name: new RegExp(next.name) })
    .first()
    .click();
  await admin.getByRole('button', { name: 'Save changes' }).click();
  await expect(admin.getByText('Changes saved')).toBeVisible();

  // The former manager's open page turns read-only at once; reopened, it says why, with the
  // meetings they held still there to read.
  await expect(formerPage.getByRole('status').filter({ hasText: 'Read only' })).toBeVisible();
  await formerPage.goto(seriesPath);
  await expect(
    formerPage.getByText('This series ended when the reporting line changed'),
  ).toBeVisible();
  await expect(formerPage.locator('.timeline-area .day')).toHaveText(heldDays);
  await expect(formerPage.getByLabel('Add a talking point to Align')).toHaveCount(0);
  await formerPage.goto('/one-on-ones');
  await expect(
    formerPage
      .getByRole('region', { name: 'Ended series' })
      .getByRole('link', { name: new RegExp(moved.name) }),
  ).toBeVisible();

  // The new manager starts a new series with them, writable.
  const nextContext = await browser.newContext();
  const nextPage = await nextContext.newPage();
  await signIn(nextPage, next.email);
  await nextPage.goto('/one-on-ones');
  await nextPage.locator('summary', { hasText: moved.name }).click();
  await nextPage.getByRole('button', { name: `Start 1:1 with ${moved.name}` }).click();
  await expect(nextPage).toHaveURL(/\/one-on-ones\/[0-9a-f-]{36}$/);
  expect(new URL(nextPage.url()).pathname).not.toBe(seriesPath);
  await expectSaved(nextPage);
  await expect(nextPage.getByLabel('Add a talking point to Align')).toBeVisible();
  // ...which the former manager cannot open.
  expect((await formerPage.goto(nextPage.url()))?.status()).toBe(403);

  await adminContext.close();
  await formerContext.close();
  await nextContext.close();
});

test('[ONE16] [ONE17] the history lists who changed what and shows the agenda as it was, private notes never', async ({
  browser,
}) => {
  test.slow();
  const tag = uniqueTag();
  const sofia = await personOnSeries(browser, DEMO_MANAGER_EMAIL, true);
  await addPoint(sofia.page, 'Achieve', `History point ${tag}`);
  await sofia.page.getByRole('textbox', { name: 'Private notes' }).click();
  await sofia.page.keyboard.type(`Private ${tag}`);
  await expectSaved(sofia.page);

  await sofia.page.getByRole('link', { name: 'History' }).click();
  await expect(sofia.page).toHaveURL(/\/one-on-ones\/[0-9a-f-]{36}\/history$/);
  const changes = sofia.page.getByRole('region', { name: 'Changes' });
  const newest = changes.getByRole('listitem').first();
  await expect(newest).toContainText(SOFIA);
  await expect(newest).toContainText(`added “History point ${tag}” to Achieve`);
  const then = sofia.page.getByRole('region', { name: 'The agenda then' });
  await expect(then.getByRole('region', { name: 'Achieve' })).toContainText(`History point ${tag}`);
  await expect(sofia.page.getByText(`Private ${tag}`)).toHaveCount(0);
  await expectNoAxeViolations(sofia.page);

  // The slider, from the keyboard: back to the first change, when the point did not exist.
  const slider = sofia.page.getByRole('slider', { name: 'Change shown' });
  const total = Number(await slider.getAttribute('max')) + 1;
  await slider.focus();
  await sofia.page.keyboard.press('Home');
  await expect(sofia.page.getByTestId('as-of')).toContainText(`(1 of ${total})`);
  await expect(sofia.page).toHaveURL(/version=\d+/);
  await expect(then).not.toContainText(`History point ${tag}`);
  // The newest change again, from its entry in the list.
  await newest.getByRole('link').click();
  await expect(sofia.page.getByTestId('as-of')).toContainText(`(${total} of ${total})`);
  await expect(then).toContainText(`History point ${tag}`);

  // Whoever reads the series reads its history; nobody else does (HR without the setting).
  const historyPath = new URL(sofia.page.url()).pathname;
  const kwame = await personOnSeries(browser, DEMO_EMPLOYEE_EMAIL, false);
  expect((await kwame.page.goto(historyPath))?.status()).toBe(200);
  await expect(kwame.page.getByText(`History point ${tag}`).first()).toBeVisible();
  await expect(kwame.page.getByText(`Private ${tag}`)).toHaveCount(0);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO_ADMIN_EMAIL);
  expect((await admin.goto(historyPath))?.status()).toBe(403);
  expect(
    (await admin.goto('/one-on-ones/00000000-0000-4000-8000-000000000000/history'))?.status(),
  ).toBe(404);
  await adminContext.close();
  await closeAll(sofia, kwame);
});
