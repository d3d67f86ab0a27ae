// The goal tree page (issue 4 UI): several people in one tree at once, live, online and offline.
// Each test adds the goals it needs through the UI, tagged with a fresh word, and narrows the tree
// to them with the search box, so the demo's own goals and other tests' never get in the way.
import { expect, test } from '@playwright/test';
import * as Y from 'yjs';
import {
  DEMO_CEO_EMAIL,
  DEMO_DEPARTMENT_HEAD_EMAIL,
  DEMO_EMPLOYEE_EMAIL,
  DEMO_MANAGER_EMAIL,
} from '@threadline/db/demo';
import { readGoals } from '@threadline/domain/goals/document';
import { updateGoalFields } from '@threadline/domain/goals/edits';
import { expectNoAxeViolations, reloadUnderServiceWorker, signIn } from './fixtures.ts';
import {
  addSubGoal,
  addTheme,
  expectRowsFromSnapshot,
  expectSaved,
  openRawSocket,
  personOnGoals,
  row,
  search,
  sendRawUpdate,
  shownTree,
  titleField,
  tree,
  uniqueTag,
  EVERYTHING,
} from './goals-support.ts';

test('requires authentication', async ({ page }) => {
  await page.goto('/goals');
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fgoals/);
});

test('A adds a goal under a team goal and B sees it appear live, with A there and editing it', async ({
  browser,
}) => {
  const tag = uniqueTag();
  const a = await personOnGoals(browser, DEMO_DEPARTMENT_HEAD_EMAIL);
  const b = await personOnGoals(browser, DEMO_CEO_EMAIL);
  await search(a.page, tag);
  await search(b.page, tag);

  await addTheme(a.page, `Win the mid-market ${tag}`);
  await addSubGoal(a.page, `Win the mid-market ${tag}`, `Engineering ships self-serve ${tag}`);
  await expect(row(b.page, `Engineering ships self-serve ${tag}`)).toBeVisible();
  await addSubGoal(a.page, `Engineering ships self-serve ${tag}`, `Cut sign-up steps to 3 ${tag}`);

  const added = row(b.page, `Cut sign-up steps to 3 ${tag}`);
  await expect(added).toBeVisible();
  await expect(added).toHaveAttribute('aria-level', '3');
  // A is in the tree, and is editing the goal A just added (A's details pane is open on it).
  await expect(b.page.getByRole('group', { name: 'People in this tree' })).toContainText(
    'Daniel Kowalski',
  );
  await expect(added).toContainText('Daniel Kowalski is editing');
  await expectSaved(a.page);
  await a.context.close();
  await b.context.close();
});

test('concurrent re-parenting into a would-be cycle ends in the same acyclic tree for both', async ({
  browser,
}) => {
  // Two sign-ins, two searches and two moves each: past 60 s beside another worker on a loaded
  // machine, so three times the timeout.
  test.slow();
  const tag = uniqueTag();
  const a = await personOnGoals(browser, DEMO_DEPARTMENT_HEAD_EMAIL);
  const b = await personOnGoals(browser, DEMO_CEO_EMAIL);
  await search(a.page, tag);
  await search(b.page, tag);
  const x = `Theme X ${tag}`;
  const y = `Theme Y ${tag}`;
  await addTheme(a.page, x);
  await addTheme(a.page, y);
  await expect(row(b.page, y)).toBeVisible();
  await expectSaved(a.page);

  // Both offline, so neither sees the other's move before making their own.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  // A puts Y into X with the keyboard (Alt+→: into the goal above).
  await row(a.page, y).click();
  await row(a.page, y).press('Alt+ArrowRight');
  await expect(row(a.page, y)).toHaveAttribute('aria-level', '2');
  // B drags X onto the middle of Y: X into Y.
  await row(b.page, x).dragTo(row(b.page, y));
  await expect(row(b.page, x)).toHaveAttribute('aria-level', '2');

  await a.context.setOffline(false);
  await b.context.setOffline(false);
  await expectSaved(a.page);
  await expectSaved(b.page);
  // One move wins on every replica: one theme at the top, the other under it, the same for both.
  // Both pages are read afresh on every poll (rows re-render as the merge lands).
  await expect
    .poll(async () => {
      const [onA, onB] = [await shownTree(a.page), await shownTree(b.page)];
      return JSON.stringify(onA) === JSON.stringify(onB) ? onA.map(([, level]) => level) : 'differ';
    })
    .toEqual([1, 2]);
  const shown = await shownTree(a.page);
  expect(shown.map(([title]) => title).sort()).toEqual([x, y]);
  await a.context.close();
  await b.context.close();
});

test('A edits offline, reloads, reconnects, and A and B converge on both sides’ edits', async ({
  browser,
}) => {
  // Two sign-ins, a service worker taking control, an offline reload and a resync: 19–30 s beside
  // another worker on a loaded machine, so three times the timeout.
  test.slow();
  const tag = uniqueTag();
  const a = await personOnGoals(browser, DEMO_CEO_EMAIL);
  const b = await personOnGoals(browser, DEMO_DEPARTMENT_HEAD_EMAIL);
  // The service worker keeps pages opened while it controls them: open the tree once more under it.
  await reloadUnderServiceWorker(a.page);
  await expectSaved(a.page);
  await search(a.page, tag);
  await search(b.page, tag);
  await addTheme(a.page, `Offline theme ${tag}`);
  await expect(row(b.page, `Offline theme ${tag}`)).toBeVisible();
  await expectSaved(a.page);

  await a.context.setOffline(true);
  await expect(a.page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await titleField(a.page).fill(`Offline theme ${tag} renamed`);
  await expect(row(a.page, `Offline theme ${tag} renamed`)).toBeVisible();
  // B, online, adds a goal under the same theme meanwhile.
  await addSubGoal(b.page, `Offline theme ${tag}`, `Online sub-goal ${tag}`);
  await expectSaved(b.page);

  // Reloaded with the network off: the page comes from the service worker, the tree from IndexedDB.
  await a.page.reload();
  await search(a.page, tag);
  await expect(row(a.page, `Offline theme ${tag} renamed`)).toBeVisible();
  // SC10: the first rows came from the snapshot cached on the last visit, before the document
  // itself was loaded and the tree became editable.
  await expectRowsFromSnapshot(a.page, 'goal-tree:snapshot-read');
  await row(a.page, `Offline theme ${tag} renamed`).click();
  await a.page.getByLabel('Description').fill(`Written offline after a reload ${tag}`);

  await a.context.setOffline(false);
  await expectSaved(a.page);
  await expect(row(b.page, `Offline theme ${tag} renamed`)).toBeVisible();
  await row(b.page, `Offline theme ${tag} renamed`).click();
  await expect(b.page.getByLabel('Description')).toHaveValue(
    `Written offline after a reload ${tag}`,
  );
  await expect(row(a.page, `Online sub-goal ${tag}`)).toBeVisible();
  await a.context.close();
  await b.context.close();
});

test('an employee cannot edit a colleague’s goal: read-only in the UI, refused by the server', async ({
  browser,
}) => {
  // Three people sign in (each an argon2 check) and open the tree: allowed three times as long.
  test.slow();
  const tag = uniqueTag();
  const manager = await personOnGoals(browser, DEMO_MANAGER_EMAIL);
  const leader = await personOnGoals(browser, DEMO_CEO_EMAIL);
  await search(leader.page, tag);
  const title = `Hire two senior engineers ${tag}`;
  await addTheme(leader.page, `Scale the team ${tag}`);
  await expectSaved(leader.page);
  await search(manager.page, tag);
  // The manager's own personal goal, under the theme.
  await addSubGoal(manager.page, `Scale the team ${tag}`, title);
  await manager.page.locator('#goal-level').click();
  await manager.page.getByRole('option', { name: 'Personal goal' }).click();
  await expectSaved(manager.page);

  const employee = await personOnGoals(browser, DEMO_EMPLOYEE_EMAIL);
  await search(employee.page, tag);
  await expect(row(employee.page, title)).toContainText('read-only');
  await row(employee.page, title).click();
  await expect(titleField(employee.page)).toHaveAttribute('readonly', '');
  await expect(employee.page.getByText('You can read this goal but not edit it')).toBeVisible();

  // A crafted update through the employee's own session: the server refuses it.
  const { state } = await openRawSocket(employee.page);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(state));
  const goal = [...readGoals(doc).values()].find((g) => g.title === title)!;
  const before = Y.encodeStateVector(doc);
  updateGoalFields(doc, goal.id, { title: 'Hijacked' }, { by: 'nobody' });
  const refusal = await sendRawUpdate(employee.page, Y.encodeStateAsUpdate(doc, before));
  expect(refusal).toMatch(/forbidden/i);
  await expect(row(manager.page, title)).toBeVisible();
  await expect(row(manager.page, 'Hijacked')).toHaveCount(0);
  for (const person of [manager, leader, employee]) await person.context.close();
});

test('the clarity score and its suggestions follow typing', async ({ page }) => {
  const tag = uniqueTag();
  await signIn(page, DEMO_CEO_EMAIL);
  await page.goto(EVERYTHING);
  await expectSaved(page);
  await search(page, tag);
  await addTheme(page, `Improve code quality ${tag}`);
  const score = page.getByTestId('clarity-score');
  const suggestions = page.getByRole('list', { name: 'Suggestions to make this goal clearer' });
  await expect(suggestions).toContainText('does not say how much or by when');
  const vague = Number((await score.innerText()).match(/\d+/)![0]);

  await titleField(page).fill(`Reduce post-deployment bugs by 15% ${tag}`);
  await expect(suggestions).not.toContainText('does not say how much or by when');
  await expect
    .poll(async () => Number((await score.innerText()).match(/\d+/)![0]))
    .toBeGreaterThan(vague);
  await page.getByLabel('Due date').fill('2026-09-30');
  await page.getByLabel('Due date').blur();
  await expect(suggestions).not.toContainText('Add a due date');
});

test('keyboard: arrows move the focus, Alt+arrows move goals, and a move into a sub-goal is refused', async ({
  page,
}) => {
  const tag = uniqueTag();
  await signIn(page, DEMO_CEO_EMAIL);
  await page.goto(EVERYTHING);
  await expectSaved(page);
  await search(page, tag);
  await addTheme(page, `Keys parent ${tag}`);
  await addSubGoal(page, `Keys parent ${tag}`, `Keys child ${tag}`);
  await page.getByRole('button', { name: 'Close' }).click();

  await row(page, `Keys child ${tag}`).focus();
  await page.keyboard.press('ArrowUp');
  await expect(row(page, `Keys parent ${tag}`)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(row(page, `Keys parent ${tag}`)).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowRight');
  await expect(row(page, `Keys parent ${tag}`)).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(row(page, `Keys child ${tag}`)).toBeFocused();
  // Out to the top, then back into the goal above it.
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(row(page, `Keys child ${tag}`)).toHaveAttribute('aria-level', '1');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(row(page, `Keys child ${tag}`)).toHaveAttribute('aria-level', '2');
  // Dragging the parent onto its own sub-goal would be a cycle: refused, with a message.
  await row(page, `Keys parent ${tag}`).dragTo(row(page, `Keys child ${tag}`));
  await expect(page.getByText('A goal cannot go under itself')).toBeVisible();
  await expect(row(page, `Keys parent ${tag}`)).toHaveAttribute('aria-level', '1');
  await row(page, `Keys parent ${tag}`).press('Enter');
  await expect(page.getByRole('complementary', { name: 'Goal details' })).toBeVisible();
});

test('the goal page has no accessibility violations, with the details pane open too', async ({
  page,
}) => {
  const tag = uniqueTag();
  await signIn(page, DEMO_CEO_EMAIL);
  await page.goto(EVERYTHING);
  await expectSaved(page);
  await expectNoAxeViolations(page);
  await search(page, tag);
  await addTheme(page, `Accessible theme ${tag}`);
  await expect(tree(page)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the metric editor per kind: numbers with a recorded value, milestones ticked off', async ({
  page,
}) => {
  const tag = uniqueTag();
  await signIn(page, DEMO_CEO_EMAIL);
  await page.goto(EVERYTHING);
  await expectSaved(page);
  await search(page, tag);
  await addTheme(page, `Metric theme ${tag}`);
  const details = page.getByRole('complementary', { name: 'Goal details' });

  await page.locator('#goal-metric-kind').click();
  await page.getByRole('option', { name: 'Number' }).click();
  await details.getByLabel('Start (baseline)', { exact: true }).fill('40');
  await details.getByLabel('Start (baseline)', { exact: true }).blur();
  await details.getByLabel('Target', { exact: true }).fill('20');
  await details.getByLabel('Target', { exact: true }).blur();
  await page.locator('#goal-metric-direction').click();
  await page.getByRole('option', { name: 'Decrease towards the target' }).click();
  await details.getByLabel('New value', { exact: true }).fill('30');
  await details.getByRole('button', { name: 'Record' }).click();
  // From 40 down to 20, now 30: half way.
  await expect(row(page, `Metric theme ${tag}`)).toContainText('50%');

  await page.locator('#goal-metric-kind').click();
  await page.getByRole('option', { name: 'Milestones' }).click();
  for (const milestone of ['Draft the plan', 'Pilot it', 'Roll it out', 'Review']) {
    await details.getByLabel('New milestone').fill(milestone);
    await details.getByRole('button', { name: 'Add milestone' }).click();
  }
  await details.getByLabel('Done: Draft the plan').check();
  await expect(row(page, `Metric theme ${tag}`)).toContainText('25%');
  await details.getByRole('button', { name: 'Remove milestone Review' }).click();
  await expect(row(page, `Metric theme ${tag}`)).toContainText('33%');
  await expectSaved(page);
});

test('[GOAL17] a proposed goal shows Approve to the owner’s manager; the owner can delete it', async ({
  browser,
}) => {
  // Three people sign in (each an argon2 check) and open the tree: allowed three times as long.
  test.slow();
  const tag = uniqueTag();
  const leader = await personOnGoals(browser, DEMO_CEO_EMAIL);
  await search(leader.page, tag);
  await addTheme(leader.page, `Ship faster ${tag}`);
  await expectSaved(leader.page);
  await leader.context.close();

  const employee = await personOnGoals(browser, DEMO_EMPLOYEE_EMAIL);
  const manager = await personOnGoals(browser, DEMO_MANAGER_EMAIL);
  await search(employee.page, tag);
  await search(manager.page, tag);
  const title = `Halve review turnaround to one day ${tag}`;
  await addSubGoal(employee.page, `Ship faster ${tag}`, title);
  // The owner cannot make it active (no Approve, no "Active" choice): only propose it.
  await employee.page.locator('#goal-state').click();
  await expect(employee.page.getByRole('option', { name: 'Active' })).toHaveCount(0);
  await employee.page.getByRole('option', { name: 'Proposed' }).click();
  await expect(row(employee.page, title)).toContainText('Proposed');

  await row(manager.page, title).click();
  await expect(manager.page.getByText('Kwame Mensah proposed this goal.')).toBeVisible();
  await manager.page.getByRole('button', { name: 'Approve' }).click();
  await expect(row(employee.page, title)).toContainText('Active');
  await expectSaved(manager.page);

  await employee.page.getByRole('button', { name: 'Delete goal' }).click();
  await employee.page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(row(manager.page, title)).toHaveCount(0);
  await expect(row(employee.page, title)).toHaveCount(0);
  await expectSaved(employee.page);
  await employee.context.close();
  await manager.context.close();
});

test('[SC10] [SYNC27] a first visit draws its rows from the server’s snapshot, then syncs and edits', async ({
  page,
}) => {
  await signIn(page, DEMO_CEO_EMAIL);
  await page.goto(EVERYTHING);
  await expectSaved(page);
  await expectRowsFromSnapshot(page, 'goal-tree:snapshot-fetched');
  // The first screen's request was the page head's preload, which the page's fetch took over:
  // one request for it, not two.
  const firstScreenRequests = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter(
        (entry) => entry.name.includes('/snapshot/') && entry.name.endsWith('?part=first-screen'),
      )
      .map((entry) => (entry as PerformanceResourceTiming).initiatorType),
  );
  expect(firstScreenRequests).toEqual(['link']);
  // Live now: the tree is the document's, and editable.
  const tag = uniqueTag();
  await search(page, tag);
  await addTheme(page, `First visit ${tag}`);
  await expect(row(page, `First visit ${tag}`)).toBeVisible();
  await expectSaved(page);
});
