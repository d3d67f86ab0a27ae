// Screenshots of the 1:1 pages for the README (docs/*.png), at a laptop's 1440×900 on a running
// app: Sofía's series with Kwame (he is in it too), its agenda's history, and the admin's
// organisation settings.
//
//   node tests/bench/one-on-one-screenshots.ts http://localhost:3000 [folder]
import { DEMO_EMPLOYEE_EMAIL, DEMO_MANAGER_EMAIL } from '@threadline/db/demo';
import { openBrowser, signInAs, signInAsAdmin } from './screenshot-browser.ts';

const baseURL = process.argv[2] ?? 'http://localhost:3000';
const folder = process.argv[3] ?? 'docs';
const browser = await openBrowser();
try {
  const page = await browser.newPage({ baseURL, viewport: { width: 1440, height: 900 } });
  await signInAs(page, DEMO_MANAGER_EMAIL);
  await page.goto('/one-on-ones');
  await page
    .getByRole('link', { name: /Kwame Mensah/ })
    .first()
    .click();
  await page.waitForURL(/\/one-on-ones\/[0-9a-f-]{36}$/);
  const series = new URL(page.url()).pathname;
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  // Kwame on the same series, in the meeting too: his avatar and where he is editing show.
  const kwame = await browser.newPage({ baseURL, viewport: { width: 1440, height: 900 } });
  await signInAs(kwame, DEMO_EMPLOYEE_EMAIL);
  await kwame.goto(series);
  await kwame.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  await kwame.getByLabel('Talking point', { exact: true }).first().focus();
  await page.getByText('Kwame Mensah is editing').waitFor();
  await page.mouse.move(1, 899); // no hover left from the clicks
  await page.screenshot({ path: `${folder}/one-on-one.png` });
  await page.goto(`${series}/history`);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${folder}/one-on-one-history.png` });

  const admin = await browser.newPage({ baseURL, viewport: { width: 1440, height: 900 } });
  await signInAsAdmin(admin);
  await admin.goto('/people/settings');
  await admin.waitForLoadState('networkidle');
  await admin.screenshot({ path: `${folder}/organisation-settings.png` });
} finally {
  await browser.close();
}
