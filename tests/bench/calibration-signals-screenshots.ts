// Screenshots of the calibration board's signals panel (issue 17): the demo's session in session
// at a laptop's 1440×900, signed in as its facilitator (the admin), with the distribution, then
// the skew; and the signals sheet at a phone's width. On a running app:
//
//   node tests/bench/calibration-signals-screenshots.ts http://localhost:3000 docs
import type { Page } from '@playwright/test';
import { openBrowser, signInAsAdmin } from './screenshot-browser.ts';

const baseURL = process.argv[2] ?? 'http://localhost:3000';
const dir = process.argv[3] ?? 'docs';

async function openBoard(page: Page) {
  await page.goto('/calibration');
  await page.getByRole('link', { name: 'Engineering calibration, 2026 H2' }).click();
  await page.getByRole('link', { name: 'Open the board' }).click();
  await page.locator('[data-card]').first().waitFor();
  // Goal achievement is projected once the goal tree has been opened: wait for the flags.
  for (let i = 0; i < 30; i++) {
    if ((await page.getByTestId('conflict-flag').count()) > 0) break;
    await page.waitForTimeout(1_000);
    await page.reload();
    await page.locator('[data-card]').first().waitFor();
  }
}

const browser = await openBrowser();
try {
  const page = await browser.newPage({ baseURL, viewport: { width: 1440, height: 900 } });
  await signInAsAdmin(page);
  await openBoard(page);
  await page.screenshot({ path: `${dir}/calibration-signals.png` });
  await page.getByRole('tab', { name: 'Skew' }).click();
  await page.screenshot({ path: `${dir}/calibration-signals-skew.png` });
  await page.getByRole('tab', { name: /Flags/ }).click();
  await page.screenshot({ path: `${dir}/calibration-signals-flags.png` });
  await page.getByRole('tab', { name: 'Groups' }).click();
  await page.screenshot({ path: `${dir}/calibration-signals-groups.png`, fullPage: true });

  const phone = await browser.newPage({ baseURL, viewport: { width: 390, height: 844 } });
  await signInAsAdmin(phone);
  await openBoard(phone);
  await phone.getByRole('button', { name: /^Signals/ }).click();
  await phone.getByRole('dialog').waitFor();
  await phone.screenshot({ path: `${dir}/calibration-signals-phone.png` });
} finally {
  await browser.close();
}
