// Screenshots at phone width (390×844) for issue 19's review (docs/phone-*.png): the sign-in page,
// the people directory and the app shell's open menu, signed in as the demo's admin on a running
// app:
//
//   node tests/bench/phone-screenshots.ts http://localhost:3000
import { chromium } from '@playwright/test';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '@threadline/db/demo';
import { CHROMIUM_ARGS, resolveChromium } from '../e2e/chromium-path.ts';

const baseURL = process.argv[2] ?? 'http://localhost:3000';
const browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ baseURL, viewport: { width: 390, height: 844 } });
  await page.goto('/login');
  await page.screenshot({ path: 'docs/phone-sign-in.png' });
  await page.getByLabel('Email').fill(DEMO_ADMIN_EMAIL);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL('**/goals**');
  await page.goto('/people');
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: 'docs/phone-people-directory.png' });
  await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await page.getByRole('dialog', { name: 'Menu' }).waitFor();
  await page.screenshot({ path: 'docs/phone-menu.png' });
} finally {
  await browser.close();
}
