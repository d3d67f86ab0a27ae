// Screenshots of the goals page for the README (docs/goal-tree.png at a laptop's 1440×900, and
// docs/phone-goals*.png at phone width, 390×844) on a running app:
//
//   node tests/bench/goals-screenshots.ts http://localhost:3000
//
// On the laptop, Daniel (a department head) has one of his goals open in the details pane while
// Maya, the CEO, renames a theme in another browser: her avatar is on the row. On the phone,
// Kwame (an employee) sees his own goals, the Filters sheet and one goal's details sheet.
import type { Page } from '@playwright/test';
import {
  DEMO_CEO_EMAIL,
  DEMO_DEPARTMENT_HEAD_EMAIL,
  DEMO_EMPLOYEE_EMAIL,
} from '@threadline/db/demo';
import { openBrowser, signInAs } from './screenshot-browser.ts';

const baseURL = process.argv[2] ?? 'http://localhost:3000';
const browser = await openBrowser();

async function goalsOpen(page: Page, path = '/goals'): Promise<void> {
  await page.goto(path);
  await page.getByText('All changes saved').waitFor();
  await page.locator('[data-goal-id]').first().waitFor();
}

try {
  const maya = await browser.newPage({ baseURL, viewport: { width: 1440, height: 900 } });
  const daniel = await browser.newPage({ baseURL, viewport: { width: 1440, height: 900 } });
  await signInAs(maya, DEMO_CEO_EMAIL);
  await signInAs(daniel, DEMO_DEPARTMENT_HEAD_EMAIL);
  await goalsOpen(maya, '/goals?show=everything');
  await goalsOpen(daniel, '/goals?show=everything');
  // Maya starts renaming the first theme (F2): the others see her avatar on its row.
  await maya.locator('[data-goal-id]').first().focus();
  await maya.keyboard.press('F2');
  await daniel.getByText('2 here').waitFor();
  // Daniel opens a goal of his own.
  await daniel
    .locator('[data-goal-id]:has(.col-owner:text-is("Daniel Kowalski")) .title')
    .first()
    .click();
  await daniel.getByRole('complementary', { name: 'Goal details' }).waitFor();
  await daniel.locator('[data-goal-id] .avatar').first().waitFor();
  await daniel.waitForTimeout(300);
  await daniel.screenshot({ path: 'docs/goal-tree.png' });

  const kwame = await browser.newPage({ baseURL, viewport: { width: 390, height: 844 } });
  await signInAs(kwame, DEMO_EMPLOYEE_EMAIL);
  await goalsOpen(kwame);
  await kwame.screenshot({ path: 'docs/phone-goals.png' });
  await kwame.getByRole('button', { name: /^Filters/ }).click();
  await kwame.getByRole('dialog', { name: 'Filters' }).waitFor();
  await kwame.waitForTimeout(300);
  await kwame.screenshot({ path: 'docs/phone-goals-filters.png' });
  await kwame.getByRole('button', { name: 'Done' }).click();
  await kwame.locator('[data-goal-id]:not(.context) .title').first().click();
  await kwame.getByRole('dialog', { name: 'Goal details' }).waitFor();
  await kwame.waitForTimeout(300);
  await kwame.screenshot({ path: 'docs/phone-goals-details.png' });
} finally {
  await browser.close();
}
