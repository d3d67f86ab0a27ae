// The goals page asks for nothing it does not use (issue 19, "a newcomer's terminal"): no aborted
// snapshot request, no preload left unused, on a device's first visit and on its next.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_EMPLOYEE_EMAIL } from '@threadline/db/demo';
import { signIn } from './fixtures.ts';
import { expectSaved } from './goals-support.ts';

/** What the browser says about snapshot requests: console warnings and errors, failed requests. */
function listen(page: Page) {
  const complaints: string[] = [];
  const aboutSnapshots = (text: string) => /\/snapshot\/|preload/i.test(text);
  page.on('console', (message) => {
    const text = `console ${message.type()}: ${message.text()}`;
    if ((message.type() === 'error' || message.type() === 'warning') && aboutSnapshots(text)) {
      complaints.push(text);
    }
  });
  // Only the snapshot's: leaving a page while its own scripts or icon still load cancels them,
  // which is the browser's doing, not a request the page made and did not use.
  page.on('requestfailed', (request) => {
    if (!aboutSnapshots(request.url())) return;
    complaints.push(`failed ${request.url()}: ${request.failure()?.errorText ?? ''}`);
  });
  return complaints;
}

test('[SYNC27] the goals page neither aborts a snapshot request nor leaves a preload unused, first visit or repeat', async ({
  page,
}) => {
  const complaints = listen(page);
  // Signing in lands on the goals page: the device's first visit.
  await signIn(page, DEMO_EMPLOYEE_EMAIL);
  await expect(page).toHaveURL(/\/goals$/);
  await expectSaved(page);
  // Chromium warns about an unused preload a few seconds after the load event.
  await page.waitForTimeout(4_000);
  expect(complaints, 'first visit').toEqual([]);

  // The device keeps the tree's view when the page is hidden or left (SC10): leave, come back.
  await page.goto('/account');
  await page.goto('/goals');
  await expectSaved(page);
  await page.waitForTimeout(4_000);
  await page.reload();
  await expectSaved(page);
  await page.waitForTimeout(4_000);
  expect(complaints, 'repeat visits').toEqual([]);
});
