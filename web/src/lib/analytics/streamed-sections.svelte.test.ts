import { describe, expect, it } from 'vitest';
import type { DashboardSections } from './dashboards.ts';
import { StreamedSections } from './streamed-sections.svelte.ts';

type Pending = { [K in keyof DashboardSections]: Promise<DashboardSections[K]> };

/** A section's answer: any object stands for one here (the class never reads inside). */
const answer = <K extends keyof DashboardSections>(label: string) =>
  ({ label }) as unknown as DashboardSections[K];

/** Four answers the test settles by hand. */
function pending() {
  const settle = {} as Record<keyof DashboardSections, { ok(v: unknown): void; fail(): void }>;
  const make = (name: keyof DashboardSections) =>
    new Promise((ok, fail) => (settle[name] = { ok, fail: () => fail(new Error('500')) }));
  const promises = {
    goals: make('goals'),
    oneOnOnes: make('oneOnOnes'),
    calibration: make('calibration'),
    growth: make('growth'),
  } as Pending;
  return { promises, settle };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('StreamedSections (ANA30)', () => {
  it('[ANA30] shows the sections in the page’s order: one never answered holds back those below', async () => {
    const sections = new StreamedSections();
    const first = pending();
    sections.follow(first.promises);
    // Growth, at the bottom, is answered first: it waits for the sections above it.
    const growth = answer<'growth'>('growth');
    first.settle.growth.ok(growth);
    first.settle.calibration.ok(answer<'calibration'>('calibration'));
    await settled();
    expect(sections.growth.value).toBeUndefined();
    expect(sections.calibration.value).toBeUndefined();
    const goals = answer<'goals'>('goals');
    first.settle.goals.ok(goals);
    await settled();
    expect(sections.goals.value).toBe(goals);
    expect(sections.goals.failed).toBe(false);
    expect(sections.calibration.value).toBeUndefined();
    first.settle.oneOnOnes.ok(answer<'oneOnOnes'>('1:1s'));
    await settled();
    expect(sections.oneOnOnes.value).toEqual({ label: '1:1s' });
    expect(sections.calibration.value).toEqual({ label: 'calibration' });
    expect(sections.growth.value).toBe(growth);
  });

  it('[ANA30] keeps a section on screen until its next answer is whole, and ignores a late older one', async () => {
    const sections = new StreamedSections();
    const first = pending();
    sections.follow(first.promises);
    const shown = answer<'goals'>('first');
    first.settle.goals.ok(shown);
    first.settle.oneOnOnes.ok(answer<'oneOnOnes'>('1:1s'));
    await settled();
    // The page asks again (ANA28): the section stays as it is while the answer is on its way.
    const second = pending();
    sections.follow(second.promises);
    await settled();
    expect(sections.goals.value).toBe(shown);
    const next = answer<'goals'>('second');
    second.settle.goals.ok(next);
    await settled();
    expect(sections.goals.value).toBe(next);
    // An answer to an earlier request that comes after a newer one is not shown.
    const third = pending();
    const fourth = pending();
    sections.follow(third.promises);
    sections.follow(fourth.promises);
    fourth.settle.calibration.ok(answer<'calibration'>('newer'));
    third.settle.calibration.ok(answer<'calibration'>('older'));
    await settled();
    expect(sections.calibration.value).toEqual({ label: 'newer' });
  });

  it('[ANA30] says a section failed only when it has nothing to show', async () => {
    const sections = new StreamedSections();
    const first = pending();
    sections.follow(first.promises);
    first.settle.oneOnOnes.fail();
    first.settle.goals.ok(answer<'goals'>('goals'));
    await settled();
    expect(sections.oneOnOnes.failed).toBe(true);
    // A failed refresh of a section on screen keeps what it shows.
    const second = pending();
    sections.follow(second.promises);
    second.settle.goals.fail();
    second.settle.oneOnOnes.ok(answer<'oneOnOnes'>('back'));
    await settled();
    expect(sections.goals.value).toEqual({ label: 'goals' });
    expect(sections.goals.failed).toBe(false);
    expect(sections.oneOnOnes).toMatchObject({ value: { label: 'back' }, failed: false });
  });

  it('[ANA30] shows nothing more once the page has gone', async () => {
    const sections = new StreamedSections();
    const first = pending();
    sections.follow(first.promises);
    sections.stop();
    first.settle.goals.ok(answer<'goals'>('late'));
    await settled();
    expect(sections.goals.value).toBeUndefined();
  });
});
