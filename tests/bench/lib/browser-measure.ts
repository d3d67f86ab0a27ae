// Measuring pages in Chromium for the UI benchmarks: signing in, the browser's own Event Timing of
// keystrokes, and a CPU profile's top self times.
import type { Locator, Page } from '@playwright/test';
import { DEMO_PASSWORD } from '@threadline/db/demo';

/** Signs in through the form, landing on a page that opens no document (so the measured
 *  navigation that follows starts with nothing loading). */
export async function signIn(page: Page, origin: string, email: string) {
  await page.goto(`${origin}/login?redirectTo=${encodeURIComponent('/account/password')}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

export interface Keystroke {
  /** Event Timing's duration: from the key press to the next paint (rounded to 8 ms); null for a
   *  keystroke under 16 ms, as Event Timing reports no event shorter than that. */
  duration: number | null;
  /** Time in the page's handlers for the keydown and the events it caused, unrounded (null when
   *  Event Timing reported none of them). */
  handlers: number | null;
}

/** The nearest-rank percentile of keystrokes' durations; null when it falls among those under
 *  16 ms (which Event Timing does not report). */
export function durationPercentile(keys: readonly Keystroke[], p: number): number | null {
  const sorted = keys.map((key) => key.duration ?? -Infinity).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const value = sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return value === -Infinity ? null : value;
}

/** The keystrokes Event Timing reported, and one with a null duration for each other keystroke
 *  typed: Event Timing reports no event under 16 ms, so those took less. */
export function withUnreported(reported: Keystroke[], typed: number): Keystroke[] {
  const under16 = Math.max(0, typed - reported.length);
  return [
    ...reported,
    ...Array.from({ length: under16 }, () => ({ duration: null, handlers: null })),
  ];
}

/** A keystroke duration for a report: "< 16 ms" for those Event Timing does not report. */
export const keystrokeMs = (value: number | null) => (value === null ? '< 16 ms' : ms(value));

const TEXT = ' and then we agreed to pair on the rollout next week, with notes. ';

/** Types `count` characters at the end of `target`, 30 ms apart, and reads each keystroke from
 *  the browser's Event Timing entries: input delay + handlers + rendering up to the next frame.
 *  Event Timing reports only events of 16 ms or more (its lowest `durationThreshold`), so every
 *  keystroke typed without an entry took less: one is returned per keystroke typed, those with a
 *  null duration. (Counting only the reported ones made every figure 16 ms or more.) */
export async function keystrokeTimes(
  page: Page,
  target: Locator,
  count: number,
): Promise<Keystroke[]> {
  await target.click();
  await page.keyboard.press('Control+End');
  await page.evaluate(() => {
    const seen: { name: string; start: number; duration: number; handlers: number }[] = [];
    (window as unknown as { benchEvents: typeof seen }).benchEvents = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        const handlers = entry.processingEnd - entry.processingStart;
        seen.push({ name: entry.name, start: entry.startTime, duration: entry.duration, handlers });
      }
    }).observe({ type: 'event', durationThreshold: 0, buffered: false } as PerformanceObserverInit);
  });
  for (let i = 0; i < count; i++) {
    await page.keyboard.type(TEXT[i % TEXT.length]!);
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(500);
  const events = await page.evaluate(
    () =>
      (
        window as unknown as {
          benchEvents: { name: string; start: number; duration: number; handlers: number }[];
        }
      ).benchEvents,
  );
  // Each keystroke: its keydown, and the handlers of every event it caused before the next one.
  const keydowns = events.filter((event) => event.name === 'keydown');
  const reported: Keystroke[] = keydowns.map((keydown, i) => {
    const next = keydowns[i + 1]?.start ?? Infinity;
    const caused = events.filter(
      (event) =>
        ['keydown', 'keypress', 'beforeinput', 'input', 'keyup'].includes(event.name) &&
        event.start >= keydown.start &&
        event.start < next,
    );
    return {
      duration: keydown.duration,
      handlers: caused.reduce((sum, event) => sum + event.handlers, 0),
    };
  });
  return withUnreported(reported, count);
}

/** A CPU profile of the page's main thread; `stop` logs its top self times. */
export async function startProfile(page: Page, log: (line: string) => void) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      const self = new Map<string, number>();
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      const deltas = profile.timeDeltas ?? [];
      (profile.samples ?? []).forEach((id, i) => {
        const frame = byId.get(id)!.callFrame;
        const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}:${frame.columnNumber}`;
        self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
      });
      const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
      for (const [name, time] of top) log(`${time.toFixed(0).padStart(6)} ms  ${name}`);
    },
  };
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** The nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const ms = (value: number) => `${Math.round(value)} ms`;
