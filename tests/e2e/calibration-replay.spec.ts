// The board's replay (CAL26, CAL46) on the demo's Engineering sessions, where Daniel and Maya made
// justified moves: the slider, by keyboard, goes back to the board as it was built (no card moved)
// and forward to the first move, with who made it; a member who takes no part is refused.
import { expect, test } from '@playwright/test';
import { DEMO_DEPARTMENT_HEAD_EMAIL, DEMO_EMPLOYEE_EMAIL } from '@threadline/db/demo';
import { expectNoAxeViolations, signIn } from './fixtures.ts';

test('[CAL26] [CAL46] the slider shows the board as it was; others are refused', async ({
  browser,
}) => {
  const leader = await browser.newContext();
  const page = await leader.newPage();
  await signIn(page, DEMO_DEPARTMENT_HEAD_EMAIL);
  await page.goto('/calibration');
  await page
    .getByRole('link', { name: /Engineering calibration/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Replay', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Replay of the board' })).toBeVisible();
  const replayUrl = page.url();

  // The latest moment: the board as it stands, with cards moved away from their proposals.
  const asOf = page.getByTestId('as-of');
  const stops = Number((await asOf.textContent())!.match(/of (\d+)\)/)![1]);
  expect(stops).toBeGreaterThanOrEqual(3);
  await expect(asOf).toContainText(`(${stops} of ${stops})`);
  const moved = page.locator('.cards li.moved');
  await expect(moved.first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Home on the slider: the board as it was built, before anyone moved a card.
  const slider = page.getByRole('slider', { name: 'Moment shown' });
  await slider.focus();
  await slider.press('Home');
  await expect(asOf).toContainText(`(1 of ${stops})`);
  await expect(page.getByTestId('no-moves')).toContainText('the board was built');
  await expect(moved).toHaveCount(0);
  const counts = await Promise.all(
    [1, 2, 3, 4, 5, 6, 7, 8, 9].map((box) => page.getByTestId(`count-${box}`).textContent()),
  );
  expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

  // One step on: the first move, who made it, from where to where and why.
  await slider.press('ArrowRight');
  await expect(asOf).toContainText(`(2 of ${stops})`);
  const move = page.getByTestId('move');
  await expect(move).toHaveCount(1);
  await expect(move).toContainText(
    /(Daniel Kowalski|Maya Okafor) moved \S[\s\S]* from \S[\s\S]* to\s/,
  );
  await expect(moved).toHaveCount(1);
  await leader.close();

  // A member who takes no part in the session may not replay it; no such session is a 404.
  const member = await browser.newContext();
  const other = await member.newPage();
  await signIn(other, DEMO_EMPLOYEE_EMAIL);
  expect((await other.goto(replayUrl))?.status()).toBe(403);
  const missing = await other.goto('/calibration/00000000-0000-4000-8000-000000000000/replay');
  expect(missing?.status()).toBe(404);
  await member.close();
});
