// Screenshots of /analytics at a laptop's 1440×900, on a running app (the demo seeded and
// projected): the HR admin's organisation view — its calibration and growth sections
// (docs/analytics.png) and its top, goals and filters (docs/analytics-goals.png), the README's —,
// the whole page, and the employee's personal page.
//
//   node tests/bench/analytics-screenshots.ts http://localhost:3000 docs
import { DEMO_EMPLOYEE_EMAIL } from '@threadline/db/demo';
import { openBrowser, signInAs, signInAsAdmin } from './screenshot-browser.ts';

const baseURL = process.argv[2] ?? 'http://localhost:3000';
const dir = process.argv[3] ?? 'docs';
const browser = await openBrowser();
try {
  const admin = await browser.newPage({ baseURL, viewport: { width: 1440, height: 900 } });
  await signInAsAdmin(admin);
  await admin.goto('/analytics');
  await admin.locator('[data-chart="goals-health-team"] svg').first().waitFor();
  await admin.locator('[data-chart="growth-gaps"] svg').first().waitFor();
  await admin.waitForTimeout(500);
  await admin.screenshot({ path: `${dir}/analytics-goals.png` });
  // From the calibration section's heading to the end of growth's, the page's width.
  const top = await admin.locator('#calibration-heading').boundingBox();
  const growth = await admin.locator('section[aria-labelledby="growth-heading"]').boundingBox();
  const scrollTop = await admin.evaluate(() => window.scrollY);
  const y = top!.y + scrollTop - 16;
  await admin.screenshot({
    path: `${dir}/analytics.png`,
    fullPage: true,
    clip: { x: 0, y, width: 1440, height: growth!.y + scrollTop + growth!.height + 16 - y },
  });
  await admin.screenshot({ path: `${dir}/analytics-full.png`, fullPage: true });
  const employee = await browser.newPage({ baseURL, viewport: { width: 1440, height: 900 } });
  await signInAs(employee, DEMO_EMPLOYEE_EMAIL);
  await employee.goto('/analytics');
  await employee.waitForTimeout(1000);
  await employee.screenshot({ path: `${dir}/analytics-personal.png`, fullPage: true });
} finally {
  await browser.close();
}
