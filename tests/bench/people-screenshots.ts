// Screenshots of the people directory and the org chart for the README (docs/*.png), at a laptop's
// 1440×900, signed in as the demo's admin on a running app:
//
//   node tests/bench/people-screenshots.ts http://localhost:3000
import { openBrowser, signInAsAdmin } from './screenshot-browser.ts';

const baseURL = process.argv[2] ?? 'http://localhost:3000';
const browser = await openBrowser();
try {
  const page = await browser.newPage({ baseURL, viewport: { width: 1440, height: 900 } });
  await signInAsAdmin(page);
  await page.goto('/people');
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: 'docs/people-directory.png' });
  await page.goto('/people/org-chart');
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: 'docs/org-chart.png' });
} finally {
  await browser.close();
}
