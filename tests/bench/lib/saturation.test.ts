import { describe, expect, it } from 'vitest';
import {
  coreShare,
  discardReason,
  isSaturated,
  keepUndisturbed,
  SATURATION_THRESHOLD,
} from './saturation.ts';

describe('saturation of the load generator', () => {
  it('computes the share of one core from CPU microseconds and wall milliseconds', () => {
    expect(coreShare(500_000, 1000)).toBe(0.5);
    expect(coreShare(2_000_000, 1000)).toBe(2);
    expect(coreShare(1, 0)).toBeNaN();
  });

  it('counts a run at or above 90% of the core as saturated', () => {
    expect(SATURATION_THRESHOLD).toBe(0.9);
    expect(isSaturated(0.89)).toBe(false);
    expect(isSaturated(0.9)).toBe(true);
    expect(isSaturated(1.2)).toBe(true);
  });

  const run = (generatorShare: number, serverWaitShare = 0, generatorWaitShare = 0) => ({
    generatorShare,
    serverWaitShare,
    generatorWaitShare,
    result: `${generatorShare}/${serverWaitShare}/${generatorWaitShare}`,
  });

  it('discards a run where the server or the generator waited for a core over a quarter of it', () => {
    expect(discardReason(run(0.5, 0.25, 0.25))).toBeUndefined();
    expect(discardReason(run(0.5, 0.3, 0))).toBe('disturbed');
    expect(discardReason(run(0.5, 0, 0.3))).toBe('disturbed');
    expect(discardReason(run(0.95, 0.3, 0))).toBe('generator-saturated');
  });

  it('keeps clean runs in order and counts each kind of discarded run', () => {
    const { kept, saturated, disturbed } = keepUndisturbed([
      run(0.4),
      run(0.95),
      run(0.7),
      run(0.2, 0.6),
    ]);
    expect(kept.map((r) => r.result)).toEqual(['0.4/0/0', '0.7/0/0']);
    expect(saturated).toBe(1);
    expect(disturbed).toBe(1);
  });
});
