// The calibration board (`/calibration/<id>/board`) with 500 cards, in Chromium, on this machine:
// the board shown on a first visit (cold: nothing on the device, the document from the sync
// server) and on a second one (from IndexedDB, network off), and the frames while the facilitator
// drags a card across the 9-box as 10 other participants move cards. The 10 are protocol-level
// clients (light-client.ts), each signed in as a leader of the session, sending real moves made
// with the domain's moveCard (board-docs.ts), which the server judges with the board's validator.
// Issue 15's targets: from IndexedDB under 500 ms, cold under 1.5 s, frames under 16 ms p95.
//
//   pnpm build && node tests/bench/calibration-board-ui.ts [--cards 500] [--runs 5]
//     [--others 10] [--moves-per-second 1]   (each other participant's rate)
//
// Writes tests/bench/calibration-board-ui.results.md and prints the same table.
// CALIBRATION_UI_PROFILE=cold|warm|drag prints a CPU profile's top self times of that step (the
// second run's); CALIBRATION_UI_MARKS=1 prints each open's User Timing marks.
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { chromium, type Page } from '@playwright/test';
import {
  createPool,
  createSession,
  generateSessionToken,
  SESSION_COOKIE_NAME,
} from '@threadline/db';
import { findFreePort } from '@threadline/db/free-port';
import { createScratchDatabase } from '@threadline/db/scratch-database';
import { startServices } from '../../scripts/lib/services.ts';
import { waitForHttp } from '../../scripts/lib/wait-for-http.ts';
import { CHROMIUM_ARGS, resolveChromium } from '../e2e/chromium-path.ts';
import { median, ms, percentile, startProfile } from './lib/browser-measure.ts';
import { moveRandomCard, newCalibrationBoards } from './lib/board-docs.ts';
import { LightClient } from './lib/light-client.ts';
import type { Endpoint } from './lib/wire.ts';

const { values } = parseArgs({
  options: {
    cards: { type: 'string' },
    runs: { type: 'string' },
    others: { type: 'string' },
    'moves-per-second': { type: 'string' },
  },
});
const cardCount = Number(values.cards ?? 500);
const runs = Number(values.runs ?? 5);
const otherCount = Number(values.others ?? 10);
const movesPerSecond = Number(values['moves-per-second'] ?? 1);
const profileStep = process.env.CALIBRATION_UI_PROFILE;
const log = (line: string) => console.log(`[calibration-board-ui] ${line}`);
const loadAtStart = loadavg();

// ---- the organisation: a facilitator (the browser), 10 leaders (the Node clients), 500 cards ----
const database = await createScratchDatabase('threadline_calibration_ui');
const pool = createPool(database.url, 2, { statementMs: 0 });
const { rows: orgs } = await pool.query<{ id: string }>(
  `INSERT INTO organisations (name, slug) VALUES ('Calibration bench', 'calibration-bench')
   RETURNING id`,
);
const organisationId = orgs[0]!.id;
const { rows: leaders } = await pool.query<{ id: string }>(
  `INSERT INTO people (organisation_id, name, email, role, status, password_hash)
   SELECT $1, CASE n WHEN 0 THEN 'Fiona Facilitator' ELSE 'Leader ' || n END,
          'person-' || n || '@bench.example', CASE n WHEN 0 THEN 'admin' ELSE 'member' END,
          'active', 'x'
     FROM generate_series(0, $2::int) n ORDER BY n RETURNING id`,
  [organisationId, otherCount],
);
const facilitatorId = leaders[0]!.id;
const otherIds = leaders.slice(1).map((row) => row.id);
log(`building a ${cardCount}-card board (the session started as the product starts it)…`);
const boards = await newCalibrationBoards(pool, organisationId, facilitatorId, 1, cardCount, true);
const DRAGGED = boards.cardIds[0]!;
const othersCards = boards.cardIds.slice(1);
const sessionId = boards.names[0]!.slice('calibration/'.length);
// Cards that read like people's: a title and a manager (one of the leaders) each.
await pool.query(
  `UPDATE people p SET title = 'Engineer ' || (1 + c.n % 4),
          manager_id = ($3::uuid[])[1 + c.n % array_length($3::uuid[], 1)]
     FROM unnest($2::uuid[]) WITH ORDINALITY AS c(id, n)
    WHERE p.organisation_id = $1 AND p.id = c.id`,
  [organisationId, boards.cardIds, otherIds],
);
await pool.query(
  `INSERT INTO calibration_participants (organisation_id, session_id, person_id, role)
   SELECT $1, $2, unnest($3::uuid[]), 'leader'`,
  [organisationId, sessionId, otherIds],
);
const tokens = new Map<string, string>();
for (const id of [facilitatorId, ...otherIds]) {
  const token = generateSessionToken();
  await createSession(pool, token, { id, organisationId });
  tokens.set(id, token);
}
const { rows: size } = await pool.query<{ entries: string; bytes: string }>(
  `SELECT count(*)::text AS entries, coalesce(sum(length(update)), 0)::text AS bytes
     FROM document_updates WHERE organisation_id = $1 AND document_name = $2`,
  [organisationId, boards.names[0]],
);
log(`board ${sessionId}: ${size[0]!.entries} log entries, ${size[0]!.bytes} bytes`);

const webPort = await findFreePort();
const syncPort = await findFreePort();
const origin = `http://localhost:${webPort}`;
const services = startServices({
  databaseUrl: database.url,
  webPort,
  syncPort,
  origin,
  host: '127.0.0.1',
  env: { LOG_LEVEL: 'warn' },
});
const browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS });
const boardPath = `/calibration/${sessionId}/board`;
const CARD_SHOWN = '.grid [data-card]';
const others: Mover[] = [];

try {
  await Promise.all([
    waitForHttp(`http://127.0.0.1:${webPort}/login`),
    waitForHttp(`http://127.0.0.1:${syncPort}/healthz`),
  ]);
  for (const id of otherIds) others.push(await connectMover(syncPort, tokens.get(id)!, id));
  log(`${others.length} other participants connected`);

  const cold: number[] = [];
  const warm: number[] = [];
  const frames: DragFrames[] = [];
  const alone: DragFrames[] = [];
  let movesDuringDrags = 0;
  let dragSeconds = 0;
  for (let run = 0; run < runs; run++) {
    // A fresh context: no IndexedDB replica, no service worker, no cache.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([
      { name: SESSION_COOKIE_NAME, value: tokens.get(facilitatorId)!, url: origin },
    ]);
    // The first frame that shows a card on the grid, as a mark (milliseconds since navigation).
    await context.addInitScript(boardShownMark, CARD_SHOWN);
    const page = await context.newPage();
    // Land on a page that opens no document first, as signing in does.
    await page.goto(`${origin}/account/password`);
    const profiled = run === Math.min(1, runs - 1);
    let profiler = profileStep === 'cold' && profiled ? await startProfile(page, log) : null;
    await page.goto(`${origin}${boardPath}`);
    cold.push(await boardShownAt(page));
    await profiler?.stop();
    if (process.env.CALIBRATION_UI_MARKS) log(`cold: ${await page.evaluate(userTimings)}`);
    await savedStatus(page);
    // The worker serves the offline reload; the replica's last write lands in IndexedDB.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForTimeout(1_000);
    await page.reload();
    await savedStatus(page);
    await page.waitForTimeout(500);
    await context.setOffline(true);
    profiler = profileStep === 'warm' && profiled ? await startProfile(page, log) : null;
    await page.reload();
    warm.push(await boardShownAt(page));
    await profiler?.stop();
    if (process.env.CALIBRATION_UI_MARKS)
      log(`from IndexedDB: ${await page.evaluate(userTimings)}`);
    await context.setOffline(false);
    await savedStatus(page);

    // The same drag with nobody else moving cards: what the drag itself costs.
    alone.push(await dragAround(page));
    // Drag a card around the grid for a few seconds while the others move cards.
    const before = others.reduce((sum, other) => sum + other.moves, 0);
    const timers = others.map((other) => other.start(movesPerSecond));
    await page.waitForTimeout(1_000);
    profiler = profileStep === 'drag' && profiled ? await startProfile(page, log) : null;
    const started = performance.now();
    frames.push(await dragAround(page));
    dragSeconds += (performance.now() - started) / 1000;
    await profiler?.stop();
    for (const stop of timers) stop();
    movesDuringDrags += others.reduce((sum, other) => sum + other.moves, 0) - before;
    const moveCount = await page
      .getByRole('status')
      .filter({ hasText: /moves?$/ })
      .textContent();
    log(
      `run ${run + 1}: cold ${ms(cold.at(-1)!)}, from IndexedDB ${ms(warm.at(-1)!)}, drag p95 ${ms(percentile(frames.at(-1)!.latency, 95))}; ${moveCount?.trim()}`,
    );
    await context.close();
  }
  const loadAtEnd = loadavg();
  const refusals = others.reduce((sum, other) => sum + other.client.refusals, 0);
  const latency = frames.flatMap((f) => f.latency);
  const aloneLatency = alone.flatMap((f) => f.latency);
  const aloneIntervals = alone.flatMap((f) => f.intervals);
  const handlers = frames.flatMap((f) => f.handlers);
  const intervals = frames.flatMap((f) => f.intervals);
  const longFrames = frames.flatMap((f) => f.longFrames);
  const overBudget = intervals.filter((interval) => interval > 16.7 * 1.5).length;
  // The first cold open also loads the document on the sync server (from its log): the target is
  // for a board its server has loaded, as it has while any participant has it open.
  const loadedCold = cold.length > 1 ? cold.slice(1) : cold;
  const load = (l: number[]) => l.map((v) => v.toFixed(1)).join(' / ');
  const report = [
    `# Calibration board UI, ${cardCount} cards, Chromium`,
    '',
    `One session in session with ${cardCount} people on the board (each with a proposal, a title and a manager), opened by its facilitator in a fresh browser context each run; the board's log ${size[0]!.entries} entries, ${(Number(size[0]!.bytes) / 1024).toFixed(1)} KB when built, growing as the ${otherCount} other participants (Node clients signed in as leaders, moving random cards with the domain's moveCard, ${movesPerSecond}/s each, ${movesDuringDrags} moves during the drags, ${refusals} refused) work. Median of ${runs} runs; the drag measured over ${latency.length} pointer moves (${dragSeconds.toFixed(0)} s of dragging).`,
    '',
    `Machine: ${availableParallelism()} cores, load average ${load(loadAtStart)} (1/5/15 min) at the start, ${load(loadAtEnd)} at the end (above the core count, other work was competing and the figures are pessimistic).`,
    '',
    '| measure | median | p95 / max | target |',
    '|---|---|---|---|',
    `| open cold (navigation → first frame showing the cards; the document loaded on the server) | ${ms(median(loadedCold))} | max ${ms(Math.max(...loadedCold))} | 1,500 ms |`,
    `| … the first run's, which also waited for the server to load the document from its log | ${ms(cold[0]!)} | | |`,
    `| open from IndexedDB, network off (reload → first frame showing the cards) | ${ms(median(warm))} | max ${ms(Math.max(...warm))} | 500 ms |`,
    `| drag: pointer move → the next frame drawn (handlers, style, layout, paint), with ${otherCount} others moving cards | ${ms(median(latency))} | p95 ${ms(percentile(latency, 95))}, max ${ms(Math.max(...latency))} | 16 ms p95 |`,
    `| … the same drag with nobody else moving cards | ${ms(median(aloneLatency))} | p95 ${ms(percentile(aloneLatency, 95))}, max ${ms(Math.max(...aloneLatency))} | |`,
    `| … its interval between frames | ${ms(median(aloneIntervals))} | p95 ${ms(percentile(aloneIntervals, 95))} | |`,
    `| … of which the page's pointermove handlers | ${ms(median(handlers))} | p95 ${ms(percentile(handlers, 95))} | |`,
    `| drag: interval between frames (60 Hz: 16.7 ms when none is dropped) | ${ms(median(intervals))} | p95 ${ms(percentile(intervals, 95))}, max ${ms(Math.max(...intervals))} | |`,
    `| … frames longer than 1.5 intervals (a dropped frame) | ${overBudget} of ${intervals.length} (${((100 * overBudget) / Math.max(1, intervals.length)).toFixed(1)} %) | | |`,
    `| … long animation frames (> 50 ms) during the drags | ${longFrames.length} | ${longFrames.length ? `max ${ms(Math.max(...longFrames))}` : ''} | |`,
    '',
    `Runs: cold ${cold.map(Math.round).join(', ')} ms; from IndexedDB ${warm.map(Math.round).join(', ')} ms; drag p95 ${frames.map((f) => Math.round(percentile(f.latency, 95))).join(', ')} ms (alone ${alone.map((f) => Math.round(percentile(f.latency, 95))).join(', ')} ms).`,
    '',
  ].join('\n');
  console.log(report);
  await writeFile(new URL('./calibration-board-ui.results.md', import.meta.url), report);
} finally {
  for (const other of others) other.client.close();
  await browser.close();
  await services.stop();
  await pool.end();
  await database.drop();
}

/** Another participant: a protocol-level client with its own replica, moving random cards. */
interface Mover {
  client: LightClient;
  moves: number;
  /** Moves a card every 1/rate seconds (the first after a random part of that) until stopped. */
  start(rate: number): () => void;
}

async function connectMover(port: number, token: string, personId: string): Promise<Mover> {
  const endpoint: Endpoint = {
    protocol: 'ours',
    port,
    token,
    cookie: `${SESSION_COOKIE_NAME}=${token}`,
  };
  const doc = new Y.Doc();
  const client = new LightClient(endpoint, boards.names[0]!, { doc, applyLive: true });
  await client.connect();
  const mover: Mover = {
    client,
    moves: 0,
    start(rate) {
      const every = 1000 / rate;
      let timer: NodeJS.Timeout | undefined;
      const tick = () => {
        move();
        timer = setTimeout(tick, every);
      };
      timer = setTimeout(tick, Math.random() * every);
      return () => clearTimeout(timer);
    },
  };
  // One move, one Yjs update, as a leader's drop makes it; the server judges it.
  function move() {
    let update: Uint8Array | undefined;
    const capture = (u: Uint8Array) => (update = u);
    doc.on('update', capture);
    moveRandomCard(doc, othersCards, personId, `Calibrated ${randomUUID()}`);
    doc.off('update', capture);
    client.sendUpdate(update!);
    mover.moves++;
  }
  return mover;
}

async function savedStatus(page: Page) {
  await page
    .getByRole('status')
    .filter({ hasText: 'All changes saved' })
    .waitFor({ timeout: 30_000 });
}

interface DragFrames {
  /** Each pointer move: from the event to the end of the next frame's rendering. */
  latency: number[];
  /** Each pointer move: the page's handlers (all pointermove listeners). */
  handlers: number[];
  /** Between consecutive animation frames while dragging. */
  intervals: number[];
  /** Long animation frames' durations. */
  longFrames: number[];
}

/**
 * Presses on the browser's card (box 1), drags it in loops across the grid's visible part for about
 * four seconds (a pointer move every ~16 ms, as a mouse sends them), then releases it where it
 * started (no move, so no justification dialog).
 */
async function dragAround(page: Page): Promise<DragFrames> {
  // The browser's own card: the others never move it, so it stays put under the pointer.
  const card = page.locator(`[data-card="${DRAGGED}"]`);
  await card.scrollIntoViewIfNeeded();
  const from = (await card.boundingBox())!;
  const grid = (await page.locator('.grid').boundingBox())!;
  const top = Math.max(grid.y, 0) + 20;
  const bottom = Math.min(grid.y + grid.height, 900) - 20;
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  await page.evaluate(() => {
    const w = window as unknown as { benchDrag: DragFramesInPage };
    const state: DragFramesInPage = {
      latency: [],
      handlers: [],
      intervals: [],
      longFrames: [],
      last: 0,
      running: true,
      stop: () => {},
    };
    // Each drag's listeners go with it (the next drag installs its own).
    const listening = new AbortController();
    w.benchDrag = state;
    // Capture phase on window: the first listener; the bubbling one on window runs last.
    let handlerStart = 0;
    window.addEventListener(
      'pointermove',
      (event) => {
        handlerStart = performance.now();
        const at = event.timeStamp;
        // After the next frame's rendering: a task posted from its animation frame callback.
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => state.latency.push(performance.now() - at);
          channel.port2.postMessage(null);
        });
      },
      { capture: true, signal: listening.signal },
    );
    window.addEventListener(
      'pointermove',
      () => {
        // Bubbling on window after the page's own window listener (added earlier) has run.
        queueMicrotask(() => state.handlers.push(performance.now() - handlerStart));
      },
      { signal: listening.signal },
    );
    const frame = (now: number) => {
      if (state.last) state.intervals.push(now - state.last);
      state.last = now;
      if (state.running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const longFrames = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longFrames.push(entry.duration);
    });
    longFrames.observe({ type: 'long-animation-frame', buffered: false });
    state.stop = () => {
      state.running = false;
      listening.abort();
      longFrames.disconnect();
    };
  });
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const steps = 150;
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const x = grid.x + grid.width * (0.5 + 0.42 * Math.sin(2 * Math.PI * 2 * t));
    const y = top + (bottom - top) * (0.5 + 0.45 * Math.sin(2 * Math.PI * 3 * t));
    await page.mouse.move(x, y);
    await page.waitForTimeout(16);
  }
  await page.mouse.move(start.x, start.y, { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const state = (window as unknown as { benchDrag: DragFramesInPage }).benchDrag;
    state.stop();
    return {
      latency: state.latency,
      handlers: state.handlers,
      intervals: state.intervals,
      longFrames: state.longFrames,
    };
  });
}

interface DragFramesInPage extends DragFrames {
  last: number;
  running: boolean;
  stop: () => void;
}

/** Runs in the page before its scripts: marks the first frame in which `selector` is drawn. */
function boardShownMark(selector: string) {
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    requestAnimationFrame(() => performance.mark('bench:board-shown'));
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function boardShownAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => performance.getEntriesByName('bench:board-shown')[0]?.startTime ?? false,
    undefined,
    { timeout: 30_000, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

/** CALIBRATION_UI_MARKS=1: the page's User Timing marks and measures, `name @start +duration`. */
function userTimings(): string {
  return performance
    .getEntries()
    .filter((entry) => entry.entryType === 'mark' || entry.entryType === 'measure')
    .map((e) => `${e.name} @${Math.round(e.startTime)} +${Math.round(e.duration)}`)
    .join(', ');
}
