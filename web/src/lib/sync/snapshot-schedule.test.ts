import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SnapshotSchedule, WRITE_EVERY_MS } from './snapshot-schedule.ts';

/** Node has no requestIdleCallback: whenIdle (scheduling.ts) waits this long instead. */
const IDLE_FALLBACK_MS = 2_000;

let schedule: SnapshotSchedule | undefined;
let writes = 0;
let canWrite = true;

function newSchedule() {
  schedule = new SnapshotSchedule({ write: () => writes++, canWrite: () => canWrite });
  return schedule;
}

beforeEach(() => {
  vi.useFakeTimers();
  writes = 0;
  canWrite = true;
});

afterEach(() => {
  schedule?.stop();
  schedule = undefined;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A page whose visibility the test sets, as a browser's `document` tells it. */
function page() {
  const target = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
  target.visibilityState = 'visible';
  vi.stubGlobal('document', target);
  return {
    hide() {
      target.visibilityState = 'hidden';
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

describe('when a cached view is written again', () => {
  it('[SC10] writes once, when idle, 30 s after a change, however many changes follow', () => {
    const plan = newSchedule();
    plan.changed();
    vi.advanceTimersByTime(WRITE_EVERY_MS / 2);
    plan.changed(); // does not push the write back
    vi.advanceTimersByTime(WRITE_EVERY_MS / 2 - 1);
    expect(writes).toBe(0);
    vi.advanceTimersByTime(1 + IDLE_FALLBACK_MS);
    expect(writes).toBe(1);
    expect(plan.due).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('[SC10] brings a planned write forward when one is wanted sooner (after a sync)', () => {
    const plan = newSchedule();
    plan.changed();
    plan.soon(0);
    vi.advanceTimersByTime(IDLE_FALLBACK_MS);
    expect(writes).toBe(1);
    // The 30 s timer went with it: nothing else is planned.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('[SC10] writes nothing that is not due, nor while the document is not in', () => {
    const plan = newSchedule();
    plan.writeIfDue();
    expect(writes).toBe(0);

    canWrite = false; // still showing a snapshot: nothing to write the view from
    plan.soon(0);
    vi.advanceTimersByTime(IDLE_FALLBACK_MS);
    expect(writes).toBe(0);
    expect(plan.due).toBe(true);

    canWrite = true;
    plan.setDue(false); // e.g. the view shown was read from this device and nothing changed
    plan.writeIfDue();
    expect(writes).toBe(0);
  });

  it('[SC10] writes at once when the page is hidden, if a write is due', () => {
    const { hide } = page();
    const plan = newSchedule();
    hide();
    expect(writes).toBe(0);
    plan.changed();
    hide();
    expect(writes).toBe(1);
    // The planned write finds nothing due any more.
    vi.advanceTimersByTime(WRITE_EVERY_MS + IDLE_FALLBACK_MS);
    expect(writes).toBe(1);
  });

  it('leaves no timer and no page listener behind once stopped', () => {
    const { hide } = page();
    const plan = newSchedule();
    plan.changed();
    plan.stop();
    expect(vi.getTimerCount()).toBe(0);
    hide();
    plan.soon(0);
    vi.advanceTimersByTime(WRITE_EVERY_MS + IDLE_FALLBACK_MS);
    expect(writes).toBe(0);
  });
});
