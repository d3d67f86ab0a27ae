// Helpers for the goal-tree end-to-end specs: open the tree as someone, find goals by title, add
// goals through the UI, and talk to the sync server the way a tampered client would.
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { decodeMessage, encodeMessage } from '@threadline/domain/protocol/messages';
import { expectSaved, signedIn } from './fixtures.ts';

export { expectSaved };

/**
 * A fresh word per test run, so goals a test adds are found among the demo's and other tests'.
 * Letters only: a digit in a title counts for its clarity (GOAL14).
 */
export function uniqueTag(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from({ length: 8 }, () => letters[Math.floor(Math.random() * 26)]).join('');
}

/** A signed-in page of its own browser context (another person, another device). */
export async function personOnGoals(browser: Browser, email: string) {
  const person = await signedIn(browser, email);
  await openGoals(person.page);
  return person;
}

/**
 * The whole tree, whoever looks (GOAL30): the specs find the goals they add by searching, and
 * another person's goals are outside one's own "My goals".
 */
export const EVERYTHING = '/goals?show=everything';

export async function openGoals(page: Page) {
  await page.goto(EVERYTHING);
  await expectSaved(page);
}

/**
 * The page's last open drew its first rows from a snapshot (SC10), its first screen's and then
 * the whole (GOAL29), each once and in that order, before the document was in and the tree live:
 * `measure` names where they came from (the page's User Timing measures, one per part).
 *
 * Rows can be on screen (from the snapshot) before the page has gone live, and the first rows'
 * mark is set on the frame after they were drawn: the check waits for both marks to be set —
 * the page's own signals that it has opened — and then compares when each happened.
 */
export async function expectRowsFromSnapshot(
  page: Page,
  measure: 'goal-tree:snapshot-read' | 'goal-tree:snapshot-fetched',
) {
  // Polled on a timer: a page in the background gets no animation frames to poll on.
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('goal-tree:live').length > 0 &&
      performance.getEntriesByName('goal-tree:first-rows').length > 0,
    undefined,
    { polling: 100 },
  );
  const open = await page.evaluate((name) => {
    const starts = (part: string) =>
      performance.getEntriesByName(`${name}:${part}`).map((entry) => entry.startTime);
    return {
      firstScreen: starts('first-screen'),
      whole: starts('whole'),
      firstRows: performance.getEntriesByName('goal-tree:first-rows')[0]!.startTime,
      live: performance.getEntriesByName('goal-tree:live')[0]!.startTime,
    };
  }, measure);
  expect(open.firstScreen).toHaveLength(1);
  expect(open.whole).toHaveLength(1);
  expect(open.firstScreen[0]!).toBeLessThanOrEqual(open.whole[0]!);
  expect(open.firstRows).toBeLessThan(open.live);
}

export function tree(page: Page): Locator {
  return page.getByRole('treegrid');
}

/** The row of the goal whose title is exactly `title`. */
export function row(page: Page, title: string): Locator {
  return tree(page)
    .getByRole('row')
    .filter({ has: page.locator('.title').getByText(title, { exact: true }) });
}

/** Narrows the tree to goals whose title contains `text` (and their ancestors). */
export async function search(page: Page, text: string) {
  await page.getByLabel('Search titles').fill(text);
}

export function titleField(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Goal details' }).getByLabel('Title', {
    exact: true,
  });
}

/** The add dialog (GOAL31). */
export function addDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: /^Add a/ });
}

/** Names the goal in the open add dialog and adds it; it opens in the details pane. */
async function confirmAdd(page: Page, title: string) {
  const dialog = addDialog(page);
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('button', { name: 'Add goal' }).click();
  await expect(dialog).toBeHidden();
  await expect(titleField(page)).toHaveValue(title);
  await expect(row(page, title)).toBeVisible();
}

/** Adds a company theme (leaders and admins) and names it. */
export async function addTheme(page: Page, title: string) {
  await page.getByRole('button', { name: 'Add company theme' }).click();
  await confirmAdd(page, title);
}

/** Adds a goal under the goal titled `parent` (selected first, so the dialog suggests it). */
export async function addSubGoal(page: Page, parent: string, title: string) {
  await row(page, parent).click();
  await page.getByRole('button', { name: 'Add goal' }).click();
  await confirmAdd(page, title);
}

/** [title, aria-level] of every row shown, top to bottom. */
export async function shownTree(page: Page): Promise<[string, number][]> {
  const rows = tree(page).locator('[data-goal-id]');
  const count = await rows.count();
  const shown: [string, number, number][] = [];
  for (let i = 0; i < count; i++) {
    const item = rows.nth(i);
    shown.push([
      (await item.locator('.title').innerText()).trim(),
      Number(await item.getAttribute('aria-level')),
      Number(await item.getAttribute('aria-rowindex')),
    ]);
  }
  // Rows are placed absolutely: the DOM order is not the screen order, aria-rowindex is.
  return shown.sort((a, b) => a[2] - b[2]).map(([title, level]) => [title, level]);
}

interface RawSocket {
  /** The whole document as the server has it (its answer to an empty sync step 1). */
  state: number[];
  documentName: string;
}

/**
 * Opens a second, raw websocket from the page to the goal document (the browser sends the
 * session cookie, as for the real client) and returns the server's state. The socket stays open
 * on `window.rawGoalSocket` for sendRawUpdate.
 */
export async function openRawSocket(page: Page): Promise<RawSocket> {
  const toolbar = page.locator('[data-document]');
  const documentName = (await toolbar.getAttribute('data-document'))!;
  const syncUrl = (await toolbar.getAttribute('data-sync-url'))!;
  const step1 = [
    ...encodeMessage({ type: 'sync-step-1', stateVector: Y.encodeStateVector(new Y.Doc()) }),
  ];
  const frames = await page.evaluate(
    async ({ url, step1 }) => {
      const socket = new WebSocket(url);
      socket.binaryType = 'arraybuffer';
      const received: number[][] = [];
      (window as unknown as { rawGoalSocket: unknown }).rawGoalSocket = { socket, received };
      socket.addEventListener('message', (event) =>
        received.push([...new Uint8Array(event.data as ArrayBuffer)]),
      );
      await new Promise((resolve, reject) => {
        socket.addEventListener('open', resolve);
        socket.addEventListener('error', reject);
      });
      socket.send(new Uint8Array(step1));
      // The server answers with its own step 1 and, for ours, a step 2 holding the document
      // (after any updates it lacks).
      for (let waited = 0; waited < 5000 && !received.some((f) => f[0] === 0 && f[1] === 1);) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        waited += 50;
      }
      return received;
    },
    { url: `${syncUrl.replace(/\/+$/, '')}/sync/${documentName}`, step1 },
  );
  // Sync step 2 may come after updates it lacks (SYNC4): the document is all of them together.
  const updates: Uint8Array[] = [];
  let stepTwo = false;
  for (const frame of frames) {
    const message = decodeMessage(new Uint8Array(frame));
    if (message.type === 'sync-update' || message.type === 'sync-step-2') {
      updates.push(message.update);
      stepTwo ||= message.type === 'sync-step-2';
    }
  }
  if (!stepTwo) throw new Error('the server sent no sync step 2');
  return { state: [...Y.mergeUpdates(updates)], documentName };
}

/** Sends a crafted update on the raw socket and returns the server's refusal reason, if any. */
export async function sendRawUpdate(page: Page, update: Uint8Array): Promise<string | null> {
  const frame = [...encodeMessage({ type: 'sync-update', update })];
  const frames = await page.evaluate(async (frame) => {
    const raw = (
      window as unknown as { rawGoalSocket: { socket: WebSocket; received: number[][] } }
    ).rawGoalSocket;
    const before = raw.received.length;
    raw.socket.send(new Uint8Array(frame));
    // A refusal (or an acknowledgement) comes back within a commit or two.
    for (let waited = 0; waited < 5000; waited += 50) {
      if (raw.received.slice(before).some((f) => f[0] === 101 || f[0] === 100)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return raw.received.slice(before);
  }, frame);
  for (const raw of frames) {
    const message = decodeMessage(new Uint8Array(raw));
    if (message.type === 'refused') return message.reason;
  }
  return null;
}
