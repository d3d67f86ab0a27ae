// Screenshots of the calibration pages (list, the new-session form with its errors, a session),
// at a laptop's 1440×900, signed in as the demo's admin on a running app:
//
//   node tests/bench/calibration-screenshots.ts http://localhost:3000 docs
import { openBrowser, signInAsAdmin } from './screenshot-browser.ts';

const baseURL = process.argv[2] ?? 'http://localhost:3000';
const dir = process.argv[3] ?? 'docs';
const browser = await openBrowser();
try {
  const page = await browser.newPage({ baseURL, viewport: { width: 1440, height: 900 } });
  await signInAsAdmin(page);
  await page.goto('/calibration');
  await page.screenshot({ path: `${dir}/calibration-list.png` });
  await page.getByRole('link', { name: 'New session' }).first().click();
  await page.getByLabel('Name', { exact: true }).waitFor();
  await page.screenshot({ path: `${dir}/calibration-new.png`, fullPage: true });
  await page.getByLabel('Guideline for rating 5, percent').fill('20');
  await page.getByRole('button', { name: 'Create session' }).click();
  await page.getByText('Nothing was saved').waitFor();
  await page.screenshot({ path: `${dir}/calibration-new-errors.png`, fullPage: true });
  await page.getByLabel('Name', { exact: true }).fill('Engineering, 2026 H2');
  await page
    .getByLabel('Department or team', { exact: true })
    .selectOption({ label: 'Engineering' });
  for (const name of ['Maya', 'Daniel']) {
    await page.getByRole('combobox', { name: 'Add a participant' }).fill(name);
    await page
      .getByRole('option', { name: new RegExp(name) })
      .first()
      .click();
  }
  await page.getByLabel('Guideline for rating 5, percent').fill('10');
  await page.screenshot({ path: `${dir}/calibration-new-filled.png`, fullPage: true });
  await page.getByRole('button', { name: 'Create session' }).click();
  await page.waitForURL(/\/calibration\/[0-9a-f-]{36}$/);
  await page.screenshot({ path: `${dir}/calibration-session.png`, fullPage: true });
  // The demo's session in session (DEMO21): its board, with a player card open.
  await page.goto('/calibration');
  await page.getByRole('link', { name: 'Engineering calibration, 2026 H2' }).click();
  await page.getByRole('link', { name: 'Open the board' }).click();
  await page.locator('[data-card]').first().waitFor();
  await page.screenshot({ path: `${dir}/calibration-board.png` });
  await page.locator('[data-box="9"] [data-card]').first().click();
  await page.screenshot({ path: `${dir}/calibration-board-panel.png` });
} finally {
  await browser.close();
}
