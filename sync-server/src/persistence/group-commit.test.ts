import { afterEach, describe, expect, it, vi } from 'vitest';
import { GroupCommit } from './group-commit.ts';

afterEach(() => {
  if (vi.isFakeTimers()) expect(vi.getTimerCount()).toBe(0); // no timer left behind
  vi.useRealTimers();
});

function recorder(fail: (items: number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const write = async (items: number[]) => {
    await Promise.resolve();
    if (fail(items)) throw new Error('write failed');
    batches.push(items);
  };
  return { batches, write };
}

describe('group commit', () => {
  it('[SYNC7] writes items submitted within the delay in one batch, settling each after it', async () => {
    vi.useFakeTimers();
    const { batches, write } = recorder();
    const commits = new GroupCommit(write, { maxDelayMs: 10, maxBatch: 100 });
    const settled: number[] = [];
    const pending = [1, 2, 3].map((n) => commits.submit(n).then(() => settled.push(n)));
    await vi.advanceTimersByTimeAsync(9);
    expect(batches).toEqual([]);
    expect(settled).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(pending);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(settled).toEqual([1, 2, 3]);
  });

  it('[SYNC7] writes a full batch at once, without waiting for the delay', async () => {
    vi.useFakeTimers();
    const { batches, write } = recorder();
    const commits = new GroupCommit(write, { maxDelayMs: 1000, maxBatch: 2 });
    await Promise.all([commits.submit(1), commits.submit(2)]);
    expect(batches).toEqual([[1, 2]]);
  });

  it('[SYNC15] once hurried (shutdown), writes at once what waits and whatever comes after', async () => {
    vi.useFakeTimers();
    const { batches, write } = recorder();
    const commits = new GroupCommit(write, { maxDelayMs: 60_000, maxBatch: 100 });
    const waiting = commits.submit(1);
    commits.hurry();
    await waiting;
    await commits.submit(2);
    expect(batches).toEqual([[1], [2]]);
  });

  it('[SYNC7] writes one batch at a time; what arrives meanwhile forms the next', async () => {
    let release!: () => void;
    const batches: number[][] = [];
    const commits = new GroupCommit(
      async (items: number[]) => {
        batches.push(items);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      },
      { maxDelayMs: 0, maxBatch: 100 },
    );
    const first = commits.submit(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = [commits.submit(2), commits.submit(3)];
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(batches).toEqual([[1]]);
    release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('[SYNC7] fails only the bad item of a failed batch: the others are retried alone', async () => {
    const { batches, write } = recorder((items) => items.includes(2));
    const commits = new GroupCommit(write, { maxDelayMs: 1, maxBatch: 100 });
    const results = await Promise.allSettled([1, 2, 3].map((n) => commits.submit(n)));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(batches).toEqual([[1], [3]]);
  });

  it('[SYNC15] drains everything submitted before it resolves', async () => {
    const { batches, write } = recorder();
    const commits = new GroupCommit(write, { maxDelayMs: 50, maxBatch: 100 });
    void commits.submit(1);
    void commits.submit(2);
    await commits.drain();
    expect(batches.flat()).toEqual([1, 2]);
  });
});
