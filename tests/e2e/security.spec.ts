// Security headers, a Content-Security-Policy the app actually works under, and CSRF refusals.
import { expect, test } from '@playwright/test';
import { DEMO_ADMIN_EMAIL, signIn } from './fixtures.ts';

test('pages carry a Content-Security-Policy and the other security headers', async ({
  request,
}) => {
  const response = await request.get('/login');
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toMatch(
    /script-src 'self' 'nonce-|script-src 'self' 'sha256-/,
  );
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('the app runs under its CSP: no violations while signing in and navigating', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  await signIn(page, DEMO_ADMIN_EMAIL);
  for (const path of [
    '/goals',
    '/people',
    '/people/teams',
    '/people/org-chart',
    '/people/import',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  // Client-side navigation and hydration ran: the person menu opens (it needs JavaScript).
  await page.getByRole('button', { name: /Account menu/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('a form post from another origin is refused', async ({ request, baseURL }) => {
  const response = await request.post('/login', {
    headers: {
      origin: 'https://evil.example',
      'content-type': 'application/x-www-form-urlencoded',
    },
    data: `email=${encodeURIComponent(DEMO_ADMIN_EMAIL)}&password=x`,
  });
  expect(response.status()).toBe(403);
  // The same post from our own origin reaches the sign-in action (and fails on the password).
  const own = await request.post('/login', {
    headers: { origin: baseURL!, 'content-type': 'application/x-www-form-urlencoded' },
    data: `email=nobody%40example.test&password=wrong-password`,
  });
  expect(own.status()).not.toBe(403);
});

test('a state-changing request a browser marks cross-site is refused, JSON included', async ({
  request,
  baseURL,
}) => {
  const response = await request.post('/people/import', {
    headers: {
      origin: baseURL!,
      'sec-fetch-site': 'cross-site',
      'content-type': 'application/json',
    },
    data: { rows: [] },
  });
  expect(response.status()).toBe(403);
});
