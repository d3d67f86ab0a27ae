// Screenshots of the people directory and the org chart for the README (docs/*.png), at a laptop's
// 1440×900, signed in as the demo's admin on a running app:
//
//   node tests/bench/people-screenshots.ts http://localhost:3000
import { chromium } from '@playwright/test';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '@threadline/db/demo';
import { CHROMIUM_ARGS, resolveChromium } from '../e2e/chromium-path.ts';

const baseURL = process.argv[2] ?? 'http://localhost:3000';
const browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ baseURL, viewport: { width: 1440, height: 900 } });
  await page.goto('/login');
  await page.getByLabel('Email').fill(DEMO_ADMIN_EMAIL);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL('**/goals**');
  await page.goto('/people');
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: 'docs/people-directory.png' });
  await page.goto('/people/org-chart');
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: 'docs/org-chart.png' });
} finally {
  await browser.close();
}
