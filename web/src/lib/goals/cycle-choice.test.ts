import { describe, expect, it } from 'vitest';
import { chooseCycle } from './cycle-choice.ts';

const cycles = [
  { id: 'h2', status: 'planned' as const },
  { id: 'h1', status: 'active' as const },
  { id: 'old', status: 'closed' as const },
];

describe('which cycle the goal page opens', () => {
  it('opens the cycle asked for when it is one of the organisation’s', () => {
    expect(chooseCycle(cycles, 'old')?.id).toBe('old');
  });

  it('falls back to the active cycle for an unknown or missing choice', () => {
    expect(chooseCycle(cycles, 'someone-elses')?.id).toBe('h1');
    expect(chooseCycle(cycles, null)?.id).toBe('h1');
  });

  it('opens the most recent cycle when none is active, and none without cycles', () => {
    expect(
      chooseCycle(
        cycles.filter((c) => c.status !== 'active'),
        null,
      )?.id,
    ).toBe('h2');
    expect(chooseCycle([], null)).toBeNull();
  });
});
