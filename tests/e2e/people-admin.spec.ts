// The people administration pages end to end: changes by admins only (ORG16), invitations that people accept,
// deactivation that ends sessions at once, the editors' rules, the org chart, and axe.
import { expect, test, type Page } from '@playwright/test';
import {
  DEMO_CEO_EMAIL,
  DEMO_DEACTIVATION_TEST_EMAIL,
  DEMO_EMPLOYEE_EMAIL,
} from '@threadline/db/demo';
import { DEMO_ADMIN_EMAIL, expectNoAxeViolations, signIn } from './fixtures.ts';

const ADMIN_PAGES = [
  '/people',
  '/people/teams',
  '/people/org-chart',
  '/people/cycles',
  '/people/settings',
];
/** Pages only administrators open (ORG16); everyone reads the directory and the org chart. */
const ADMIN_ONLY_PAGES = ['/people/teams', '/people/cycles', '/people/import', '/people/settings'];

/** Something no other test (or earlier run on the same database) has used. */
function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Clicks a button that opens a dialog until the dialog shows: a click that lands before the page
 * has hydrated does nothing, and clicking again then is what a person would do too.
 */
async function openDialog(page: Page, button: string, role: 'dialog' | 'alertdialog' = 'dialog') {
  const dialog = page.getByRole(role);
  // The dialog closed just before (Escape, Cancel, Done) may still be on its way out, and would
  // pass for the new one: the test then typed into it as it went (flaky in CI).
  await expect(dialog).toHaveCount(0);
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.getByRole('button', { name: button }).click();
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
  return dialog;
}

/** Goes to a page and waits until its scripts have loaded, so its controls respond. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
}

/** Opens a person's page from the list, found by their email. */
async function openPerson(page: Page, email: string): Promise<void> {
  await visit(page, `/people?q=${encodeURIComponent(email)}`);
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Details' })).toBeVisible();
  await page.waitForLoadState('networkidle');
}

test.describe('people administration', () => {
  test("[ORG16] a member is refused every administration page with 403, in the app's frame", async ({
    page,
  }) => {
    await signIn(page, DEMO_EMPLOYEE_EMAIL);
    for (const path of [...ADMIN_ONLY_PAGES, '/people/search?q=a']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
    await page.goto('/people/teams');
    await expect(page.getByText('Only administrators can manage people.')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });

  test('[ORG16] a member cannot post to the people actions either', async ({ page }) => {
    await signIn(page, DEMO_EMPLOYEE_EMAIL);
    const origin = new URL(page.url()).origin;
    const invite = await page.request.post('/people?/invite', {
      form: { name: 'Sneaky', email: 'sneaky@example.test', role: 'admin' },
      headers: { origin },
    });
    expect(invite.status()).toBe(403);
    // The directory tells them the CEO's id; editing her is still refused.
    await page.goto(`/people?q=okafor`);
    const href = await page.getByRole('link', { name: 'Maya Okafor' }).first().getAttribute('href');
    const edit = await page.request.post(`${href}?/save`, {
      form: { name: 'Renamed', title: '', managerId: 'none', teamId: 'none', role: 'member' },
      headers: { origin },
    });
    expect(edit.status()).toBe(403);
    const deactivate = await page.request.post(`${href}?/deactivate`, {
      form: { confirm: '1' },
      headers: { origin },
    });
    expect(deactivate.status()).toBe(403);
    const team = await page.request.post('/people/teams?/create', {
      form: { kind: 'department', name: 'Sneaky department' },
      headers: { origin },
    });
    expect(team.status()).toBe(403);
    // [ORG18] Nor either organisation setting (the save checks the role in the database too:
    // db/src/organisation-settings.test.ts).
    const settings = await page.request.post('/people/settings?/save', {
      form: { hrMayReadOneOnOnes: 'on', locale: 'fr-FR' },
      headers: { origin },
    });
    expect(settings.status()).toBe(403);
  });

  test('the admin pages pass axe, and so does the open invite dialog', async ({ page }) => {
    // Five whole-page axe analyses, 3–5 s each beside another worker: three times the timeout.
    test.slow();
    await signIn(page, DEMO_ADMIN_EMAIL);
    for (const path of ADMIN_PAGES) {
      await page.goto(path);
      await expect(page.getByRole('navigation', { name: 'People', exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
    }
    await page.goto('/people');
    await openDialog(page, 'Invite person');
    await expect(page.getByRole('dialog', { name: 'Invite person' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the people list searches, filters and pages', async ({ page }) => {
    await signIn(page, DEMO_ADMIN_EMAIL);
    await page.goto('/people');
    await expect(page.getByText(/Showing 1–50 of \d+\s+people/)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('Page 1 of');
    await page.getByLabel('Search').fill('okafor');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/q=okafor/);
    await expect(page.getByRole('row').filter({ hasText: DEMO_CEO_EMAIL })).toHaveCount(1);
    await page.getByLabel('Search').fill('%nobody_matches%');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('heading', { name: 'Nobody matches these filters' })).toBeVisible();
  });

  test('an admin invites a person, who opens the link, sets a password and is signed in', async ({
    page,
    browser,
  }) => {
    const name = unique('Invited Person');
    const email = `${name.split(' ').pop()}@example.test`;
    await signIn(page, DEMO_ADMIN_EMAIL);
    await page.goto('/people');
    const dialog = await openDialog(page, 'Invite person');
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Title', { exact: true }).fill('Analyst');
    const manager = dialog.getByRole('combobox', { name: 'Manager' });
    await manager.click();
    await manager.fill('kwame');
    await page.getByRole('option', { name: /Kwame Mensah/ }).click();
    await expect(manager).toHaveValue('Kwame Mensah');
    await dialog.getByRole('button', { name: 'Create invitation' }).click();

    const created = page.getByRole('dialog', { name: 'Invitation created' });
    const link = await created.getByLabel(/One-time link/).inputValue();
    expect(link).toMatch(/\/invite\/[a-z2-7]{32}$/);
    await expect(created).toContainText('Works once, until');
    await created.getByRole('button', { name: 'Done' }).click();

    // The same email again is a clear field error.
    const again = await openDialog(page, 'Invite person');
    await again.getByLabel('Name').fill('Someone Else');
    await again.getByLabel('Email').fill(email.toUpperCase());
    await again.getByRole('button', { name: 'Create invitation' }).click();
    await expect(
      again.getByText('This email address already belongs to an account.'),
    ).toBeVisible();
    await expect(again.getByLabel('Email')).toBeFocused();
    await page.keyboard.press('Escape');

    await page.goto(`/people?q=${encodeURIComponent(email)}`);
    const row = page.getByRole('row').filter({ hasText: email });
    await expect(row).toContainText('Invited');
    await expect(row).toContainText('Kwame Mensah');

    const invitee = await browser.newContext();
    try {
      const invited = await invitee.newPage();
      await invited.goto(link);
      await expect(invited.getByRole('heading', { name: /Join / })).toBeVisible();
      await invited.getByLabel('New password', { exact: true }).fill('a long enough passphrase');
      await invited.getByLabel('Confirm new password').fill('a long enough passphrase');
      await invited.getByRole('button', { name: 'Set password and join' }).click();
      await expect(invited.getByRole('navigation', { name: 'Main' })).toBeVisible();
      await expect(invited.getByRole('button', { name: `Account menu for ${name}` })).toBeVisible();
    } finally {
      await invitee.close();
    }

    await page.reload();
    await expect(page.getByRole('row').filter({ hasText: email })).toContainText('Active');
  });

  test('a resent invitation replaces the earlier link', async ({ page, browser }) => {
    const name = unique('Resent Person');
    await signIn(page, DEMO_ADMIN_EMAIL);
    await page.goto('/people');
    const dialog = await openDialog(page, 'Invite person');
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Email').fill(`${name.split(' ').pop()}@example.test`);
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    const first = await page.getByLabel(/One-time link/).inputValue();
    await page.getByRole('button', { name: 'Done' }).click();

    await visit(page, `/people?q=${encodeURIComponent(name)}`);
    await page.getByRole('button', { name: `Resend invitation to ${name}` }).click();
    const linkDialog = page.getByRole('dialog', { name: 'New invitation link' });
    const second = await linkDialog.getByLabel(/One-time link/).inputValue();
    expect(second).not.toBe(first);

    const other = await browser.newContext();
    try {
      const response = await (await other.newPage()).goto(first);
      expect(response?.status()).toBe(404);
    } finally {
      await other.close();
    }
  });

  test('a deactivated person is signed out at once and cannot sign in again', async ({
    page,
    browser,
  }) => {
    // Two people sign in (argon2 each) and three sign-ins are tried: it took 33 s of 30 in a clean
    // CI run beside another worker, so three times the timeout.
    test.slow();
    const theirs = await browser.newContext();
    try {
      const them = await theirs.newPage();
      await signIn(them, DEMO_DEACTIVATION_TEST_EMAIL);
      await them.goto('/goals');
      await expect(them.getByRole('navigation', { name: 'Main' })).toBeVisible();

      await signIn(page, DEMO_ADMIN_EMAIL);
      await openPerson(page, DEMO_DEACTIVATION_TEST_EMAIL);
      const confirm = await openDialog(page, 'Deactivate', 'alertdialog');
      await expect(confirm).toContainText('signed out of every device');
      await expectNoAxeViolations(page);
      await confirm.getByRole('button', { name: 'Deactivate' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Deactivated');

      // Their open session ended with the deactivation: the next request is sent to sign in.
      await them.goto('/goals');
      await expect(them).toHaveURL(/\/login/);
      await them.getByLabel('Email').fill(DEMO_DEACTIVATION_TEST_EMAIL);
      await them.getByLabel('Password', { exact: true }).fill('demo-password-2026');
      await them.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(them.getByRole('alert')).toHaveText('Email or password is incorrect.');
      await expect(them).toHaveURL(/\/login/);
    } finally {
      await theirs.close();
    }
  });

  test('an admin cannot deactivate themselves', async ({ page }) => {
    await signIn(page, DEMO_ADMIN_EMAIL);
    await openPerson(page, DEMO_ADMIN_EMAIL);
    await expect(page.getByText('You cannot deactivate yourself')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Deactivate' })).toHaveCount(0);
  });

  test('a manager change that would create a reporting loop is refused', async ({ page }) => {
    await signIn(page, DEMO_ADMIN_EMAIL);
    await openPerson(page, DEMO_CEO_EMAIL);
    const manager = page.getByRole('combobox', { name: 'Manager' });
    await manager.click();
    await manager.fill('kwame');
    await page.getByRole('option', { name: /Kwame Mensah/ }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText(/would create a reporting loop/)).toBeVisible();
    await expect(manager).toBeFocused();
  });

  test('[ORG17] the org chart opens three levels deep and walks, opens and closes from the keyboard', async ({
    page,
  }) => {
    await signIn(page, DEMO_ADMIN_EMAIL);
    await visit(page, '/people/org-chart');
    const tree = page.getByRole('tree', { name: 'Org chart' });
    const ceo = tree.getByRole('treeitem', { name: /^Maya Okafor/ });
    const head = tree.getByRole('treeitem', { name: /^Daniel Kowalski/ });
    await expect(ceo).toHaveAttribute('aria-expanded', 'true');
    await expect(head).toHaveAttribute('aria-expanded', 'true');
    await expect(head).toHaveAttribute('aria-level', '2');
    // The third level shows, collapsed; nobody deeper is on the page.
    const level3 = tree.locator('[role="treeitem"][aria-level="3"]');
    await expect(level3.first()).toHaveAttribute('aria-expanded', 'false');
    await expect(tree.locator('[role="treeitem"][aria-level="4"]')).toHaveCount(0);

    await ceo.focus();
    await page.keyboard.press('ArrowDown');
    const first = tree.locator('[role="treeitem"][aria-level="2"]').first();
    await expect(first).toBeFocused();
    await page.keyboard.press('ArrowLeft'); // open: closes it
    await expect(first).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('ArrowLeft'); // closed: up to the manager
    await expect(ceo).toBeFocused();
    await page.keyboard.press('Space');
    await expect(ceo).toHaveAttribute('aria-expanded', 'false');
    await expect(head).toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await expect(head).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('[ORG17] finding a person in the org chart opens the way to them', async ({ page }) => {
    await signIn(page, DEMO_ADMIN_EMAIL);
    await visit(page, '/people/org-chart');
    const tree = page.getByRole('tree', { name: 'Org chart' });
    // Kwame reports to Sofía, four levels down: not on screen at first.
    const kwame = tree.getByRole('treeitem', { name: /^Kwame Mensah/ });
    await expect(kwame).toHaveCount(0);
    await page.getByLabel('Find a person').fill('kwame');
    await page.getByRole('option', { name: /Kwame Mensah/ }).click();
    await expect(kwame).toBeFocused();
    await expect(tree.getByRole('treeitem', { name: /^Sofía Hernández/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: /Kwame Mensah/ })).toBeVisible();
  });

  test('teams: departments hold teams, names are unique, a team with people moves them on delete', async ({
    page,
  }) => {
    const department = unique('Dept');
    const [team, other] = [unique('Squad'), unique('Crew')];
    await signIn(page, DEMO_ADMIN_EMAIL);
    await visit(page, '/people/teams');

    let dialog = await openDialog(page, 'New department');
    await dialog.getByLabel('Name').fill(department);
    await dialog.getByRole('button', { name: 'Create department' }).click();
    await expect(page.getByText(department, { exact: true })).toBeVisible();

    dialog = await openDialog(page, 'New department');
    await dialog.getByLabel('Name').fill(department.toUpperCase());
    await dialog.getByRole('button', { name: 'Create department' }).click();
    await expect(
      dialog.getByText('Another team or department already has this name.'),
    ).toBeVisible();
    await page.keyboard.press('Escape');

    for (const name of [team, other]) {
      dialog = await openDialog(page, 'New team');
      await dialog.getByLabel('Name').fill(name);
      if (name === team) {
        await dialog.getByRole('button', { name: 'Create team' }).click();
        await expect(dialog.getByText('Choose the department this team belongs to.')).toBeVisible();
      }
      await dialog.getByRole('combobox', { name: /Department/ }).click();
      await page.getByRole('option', { name: department }).click();
      await dialog.getByRole('button', { name: 'Create team' }).click();
      await expect(page.getByRole('list', { name: `Teams in ${department}` })).toContainText(name);
    }

    // Someone joins the team, through the invite dialog's team choice.
    await visit(page, '/people');
    const invite = await openDialog(page, 'Invite person');
    const member = unique('Team Member');
    await invite.getByLabel('Name').fill(member);
    await invite.getByLabel('Email').fill(`${member.split(' ').pop()}@example.test`);
    await invite.getByRole('combobox', { name: /Team/ }).click();
    await page.getByRole('option', { name: team }).click();
    await invite.getByRole('button', { name: 'Create invitation' }).click();
    await expect(page.getByRole('dialog', { name: 'Invitation created' })).toBeVisible();

    await visit(page, '/people/teams');
    // A department with teams offers no Delete, and says why.
    await page.getByRole('button', { name: `Actions for ${department}` }).click();
    const blocked = page.getByRole('menuitem', { name: /Delete — has 2 teams/ });
    await expect(blocked).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: `Actions for ${team}` }).click();
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect(confirm).toBeVisible();
    await expect(confirm).toContainText(`1 person is in ${team}`);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(confirm.getByText(/1 person is still in it/)).toBeVisible();
    await confirm.getByRole('combobox', { name: /Move its people to/ }).click();
    await page.getByRole('option', { name: other }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    const teams = page.getByRole('list', { name: `Teams in ${department}` });
    await expect(teams).not.toContainText(team);
    await expect(teams.getByRole('listitem').filter({ hasText: other })).toContainText('1 person');
  });

  test('cycles: the end follows the start and only one cycle is active', async ({ page }) => {
    const name = unique('Cycle');
    await signIn(page, DEMO_ADMIN_EMAIL);
    await visit(page, '/people/cycles');
    const dialog = await openDialog(page, 'New cycle');
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Starts on').fill('2027-07-01');
    await dialog.getByLabel('Ends on').fill('2027-06-30');
    await dialog.getByRole('button', { name: 'Create cycle' }).click();
    await expect(dialog.getByText('The cycle must end after it starts.')).toBeVisible();
    await dialog.getByLabel('Ends on').fill('2027-12-31');
    await dialog.getByRole('combobox', { name: /Status/ }).click();
    await page.getByRole('option', { name: 'Active' }).click();
    await dialog.getByRole('button', { name: 'Create cycle' }).click();
    // The demo organisation already has an active cycle (ORG10).
    await expect(
      dialog.getByText(/is the active cycle: close it before activating another/),
    ).toBeVisible();
    await dialog.getByRole('combobox', { name: /Status/ }).click();
    await page.getByRole('option', { name: 'Planned' }).click();
    await dialog.getByRole('button', { name: 'Create cycle' }).click();
    await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Planned');
  });
});
