// Helpers for the calibration end-to-end specs: the session form's people pickers, confirmed
// actions (open proposals, start, finalize), and a person's card on the board.
import type { Page } from '@playwright/test';

/** Picks a person in one of the session form's people fields. */
export async function addPerson(page: Page, field: string, name: string) {
  await page.getByRole('combobox', { name: field }).fill(name);
  await page
    .getByRole('option', { name: new RegExp(name) })
    .first()
    .click();
}

/** Runs an action that asks to be confirmed, and confirms it. */
export async function confirm(page: Page, action: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: action }).click();
}

/** A person's card on the board. */
export const card = (page: Page, name: string) =>
  page.locator('[data-card]').filter({ hasText: name });
