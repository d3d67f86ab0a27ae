// Authentication end to end: every app route requires a session; sign in (form and demo
// buttons), wrong passwords, throttling, password change and sign out, plus axe on the pages.
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  DEMO_EMPLOYEE_EMAIL,
  DEMO_MANAGER_EMAIL,
  DEMO_THROTTLE_TEST_EMAIL,
} from '@threadline/db/demo';
import { DEMO_PASSWORD, expectNoAxeViolations, signIn } from './fixtures.ts';

const APP_ROUTES = [
  '/goals',
  '/one-on-ones',
  '/calibration',
  '/analytics',
  '/people',
  '/account/password',
];

/** Submits the sign-in form and returns the response to its POST, once it has arrived. */
async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  const [response] = await Promise.all([
    page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().includes('/login'),
    ),
    page.getByRole('button', { name: 'Sign in', exact: true }).click(),
  ]);
  return response;
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

test.describe('every app route requires authentication', () => {
  for (const path of APP_ROUTES) {
    test(`GET ${path} without a session redirects to sign-in and back`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(303);
      expect(response.headers()['location']).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    });
  }

  test('signing in from a redirect returns to the page asked for', async ({ page }) => {
    await page.goto('/analytics?view=teams');
    await expect(page).toHaveURL('/login?redirectTo=%2Fanalytics%3Fview%3Dteams');
    await fillSignIn(page, DEMO_EMPLOYEE_EMAIL, DEMO_PASSWORD);
    await expect(page).toHaveURL('/analytics?view=teams');
  });

  test('a redirectTo pointing at another site is ignored', async ({ page }) => {
    await page.goto('/login?redirectTo=%2F%2Fevil.example%2Fgoals');
    await fillSignIn(page, DEMO_EMPLOYEE_EMAIL, DEMO_PASSWORD);
    await expect(page).toHaveURL('/goals');
  });
});

test.describe('sign in', () => {
  test('the sign-in page has labelled fields and passes axe', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveAttribute('autocomplete', 'username');
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute(
      'autocomplete',
      'current-password',
    );
    await expectNoAxeViolations(page);
  });

  test('the sign-in page says what Threadline is and shows every demo account on a laptop screen', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/login');
    await expect(page.getByText('Threadline', { exact: true })).toBeVisible();
    await expect(page.getByText(/Goals, 1:1s and calibration/)).toBeVisible();
    const buttons = page
      .getByRole('region', { name: 'Demo accounts' })
      .getByRole('button', { name: /^Sign in as / });
    await expect(buttons).toHaveCount(5);
    for (const button of await buttons.all()) await expect(button).toBeInViewport({ ratio: 1 });
  });

  test('the demo organisation lists its people to sign in as', async ({ page }) => {
    await page.goto('/login');
    const demo = page.getByRole('region', { name: 'Demo accounts' });
    await expect(demo).toContainText(DEMO_PASSWORD);
    await expect(demo).toContainText(DEMO_MANAGER_EMAIL);
    // Accounts reserved for tests are never offered.
    await expect(demo).not.toContainText(DEMO_THROTTLE_TEST_EMAIL);
    await demo
      .getByRole('listitem')
      .filter({ hasText: DEMO_MANAGER_EMAIL })
      .getByRole('button', { name: /^Sign in as / })
      .click();
    await expect(page).toHaveURL('/goals');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });

  test('a demo account signs in with the form and sees the navigation', async ({ page }) => {
    await signIn(page, DEMO_EMPLOYEE_EMAIL);
    await expect(page).toHaveURL('/goals');
    await expect(page.getByRole('link', { name: 'Goals', exact: true })).toBeVisible();
  });

  test('a signed-in person visiting the sign-in page goes to their goals', async ({ page }) => {
    await signIn(page, DEMO_EMPLOYEE_EMAIL);
    await page.goto('/login');
    await expect(page).toHaveURL('/goals');
  });

  test('a wrong password shows one generic error and focuses the password', async ({ page }) => {
    await page.goto('/login');
    await fillSignIn(page, DEMO_EMPLOYEE_EMAIL, 'not the password');
    await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.');
    await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
    await expect(page.getByLabel('Email')).toHaveValue(DEMO_EMPLOYEE_EMAIL);
    await expectNoAxeViolations(page);
  });

  test('an unknown email gets the very same error', async ({ page }) => {
    await page.goto('/login');
    await fillSignIn(page, 'nobody@demo.threadline.test', DEMO_PASSWORD);
    await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.');
  });
});

// One reserved account (DEMO_THROTTLE_TEST_EMAIL) serves both tests, in this order: the password
// change first, then the lock-out, which leaves the account blocked for the rest of the run.
test.describe.serial('the reserved account', () => {
  const newPassword = 'a fresh passphrase for e2e';

  test('changing the password signs out other devices and the new one works', async ({
    page,
    browser,
    baseURL,
  }) => {
    const otherDevice = await signedInElsewhere(browser, baseURL!, DEMO_THROTTLE_TEST_EMAIL);

    await signIn(page, DEMO_THROTTLE_TEST_EMAIL);
    await page.goto('/account/password');
    await expect(page.getByRole('heading', { level: 1, name: 'Change password' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm new password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Your current password is not correct.')).toBeVisible();
    await expect(page.getByLabel('Current password')).toBeFocused();

    await page.getByLabel('Current password').fill(DEMO_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('too short');
    await page.getByLabel('Confirm new password').fill('too short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Use at least 10 characters.')).toBeVisible();

    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm new password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Password changed', { exact: true })).toBeVisible();

    // The other device's session ended; this one stayed signed in.
    await otherDevice.goto('/goals');
    await expect(otherDevice).toHaveURL(/\/login\?redirectTo=%2Fgoals$/);
    await otherDevice.context().close();
    await page.goto('/goals');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

    await signOut(page);
    await fillSignIn(page, DEMO_THROTTLE_TEST_EMAIL, DEMO_PASSWORD);
    await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.');
    await signIn(page, DEMO_THROTTLE_TEST_EMAIL, newPassword);
  });

  test('5 failed sign-ins lock the account with a 429 and the minutes to wait', async ({
    page,
    baseURL,
  }) => {
    // The previous test's one wrong attempt was cleared by its successful sign-in.
    await page.goto('/login');
    // The enhanced form gets SvelteKit's action JSON, which carries the failure's status.
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await fillSignIn(page, DEMO_THROTTLE_TEST_EMAIL, `wrong ${attempt}`);
      expect(await response.json()).toMatchObject({ type: 'failure', status: 400 });
      await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.');
    }
    // Even the right password is refused now: the throttle answers before checking it.
    const refusal = await fillSignIn(page, DEMO_THROTTLE_TEST_EMAIL, newPassword);
    expect(await refusal.json()).toMatchObject({ type: 'failure', status: 429 });
    await expect(page.getByRole('alert')).toHaveText(
      'Too many failed sign-in attempts for this account. Try again in 15 minutes.',
    );
    await expect(page).toHaveURL('/login');

    // A plain form post (no JavaScript) gets the HTTP status itself, with Retry-After.
    const plain = await page.request.post('/login', {
      headers: { origin: baseURL!, accept: 'text/html' },
      form: { email: DEMO_THROTTLE_TEST_EMAIL.toUpperCase(), password: newPassword },
    });
    expect(plain.status()).toBe(429);
    expect(Number(plain.headers()['retry-after'])).toBeGreaterThan(800);
    expect(await plain.text()).toContain('Too many failed sign-in attempts for this account.');
  });
});

test('signing out returns to sign-in and the app asks to sign in again', async ({ page }) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await signOut(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.goto('/goals');
  await expect(page).toHaveURL('/login?redirectTo=%2Fgoals');
});

test('sign-out is POST only: a link cannot sign anyone out', async ({ page }) => {
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  const response = await page.request.get('/logout');
  expect(response.status()).toBe(405);
  await page.goto('/goals');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('an unknown invitation link says so and where to turn', async ({ page }) => {
  const response = await page.goto('/invite/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Link not found' })).toBeVisible();
  await expect(page.getByText(/Ask your admin for a new link/)).toBeVisible();
  await expectNoAxeViolations(page);
});

/** A second browser with its own cookies: another device of the same person. */
async function signedInElsewhere(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}
