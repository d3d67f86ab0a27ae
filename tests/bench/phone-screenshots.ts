// Screenshots at phone width (390×844) for the README (docs/phone-*.png): the sign-in page, the
// people directory and the app shell's open menu, signed in as the demo's admin on a running app:
//
//   node tests/bench/phone-screenshots.ts http://localhost:3000
import { openBrowser, signInAsAdmin } from './screenshot-browser.ts';

const baseURL = process.argv[2] ?? 'http://localhost:3000';
const browser = await openBrowser();
try {
  const page = await browser.newPage({ baseURL, viewport: { width: 390, height: 844 } });
  await page.goto('/login');
  await page.screenshot({ path: 'docs/phone-sign-in.png' });
  await signInAsAdmin(page);
  await page.goto('/people');
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: 'docs/phone-people-directory.png' });
  await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await page.getByRole('dialog', { name: 'Menu' }).waitFor();
  await page.screenshot({ path: 'docs/phone-menu.png' });
} finally {
  await browser.close();
}
