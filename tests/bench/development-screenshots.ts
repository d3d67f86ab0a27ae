// Screenshots of development plans on a running app (the demo): Sofía's 1:1 with Kwame, its
// Achieve section with the meeting's development items and the 70/20/10 proposals open, and
// Kwame's plan on his page.
//
//   node tests/bench/development-screenshots.ts http://localhost:3000 [out-dir]
import { DEMO_EMPLOYEE_EMAIL, DEMO_MANAGER_EMAIL } from '@threadline/db/demo';
import { openBrowser, signInAs } from './screenshot-browser.ts';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = process.argv[3] ?? 'docs';
const browser = await openBrowser();
const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await signInAs(page, DEMO_MANAGER_EMAIL);
await page.goto('/one-on-ones');
await page
  .getByRole('link', { name: /Kwame Mensah/ })
  .first()
  .click();
await page.getByText('All changes saved').waitFor();
const achieve = page.getByRole('region', { name: 'Achieve' });
await achieve.getByRole('button', { name: 'Flag a skill gap' }).click();
await page.getByLabel('Skill', { exact: true }).fill('Stakeholder management');
await page.getByLabel('Note', { exact: true }).fill('Roadmap trade-offs with Sales');
await page.getByRole('button', { name: 'Propose development items' }).click();
await page.locator('[data-proposal]').nth(1).getByRole('checkbox').check();
await achieve.scrollIntoViewIfNeeded();
await achieve.screenshot({ path: `${out}/development-achieve.png` });

const kwame = await (
  await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } })
).newPage();
await signInAs(kwame, DEMO_EMPLOYEE_EMAIL);
await kwame.goto('/people?q=Kwame');
await kwame.getByRole('row').filter({ hasText: 'Kwame Mensah' }).getByRole('link').first().click();
const plan = kwame.getByTestId('development-plan');
await plan.locator('[data-item-id]').first().waitFor();
await plan.screenshot({ path: `${out}/development-plan.png` });
await kwame.setViewportSize({ width: 390, height: 844 });
await plan.screenshot({ path: `${out}/development-plan-phone.png` });
await browser.close();
