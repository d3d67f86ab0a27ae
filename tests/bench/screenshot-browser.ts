// What the README's screenshot scripts share: a browser page of a given size, signed in as one of
// the demo's people (the admin unless told) on a running app.
import { chromium, type Browser, type Page } from '@playwright/test';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '@threadline/db/demo';
import { CHROMIUM_ARGS, resolveChromium } from '../e2e/chromium-path.ts';

export async function openBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS });
}

/** Signs in through the form and waits for the goals page. */
export async function signInAsAdmin(page: Page): Promise<void> {
  await signInAs(page, DEMO_ADMIN_EMAIL);
}

/** Signs in as a demo person through the form and waits for the goals page. */
export async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL('**/goals**');
}
