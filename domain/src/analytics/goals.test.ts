import { describe, expect, it } from 'vitest';
import { byLongestSilent, coverage, healthBucket, weeklyProgress } from './goals.ts';

const active = { state: 'active', deleted: false, health: 'green', stale: false };

describe('goals dashboard rules', () => {
  it('[ANA11] counts active goals only, stale before any colour', () => {
    expect(healthBucket(active)).toBe('green');
    expect(healthBucket({ ...active, health: 'red' })).toBe('red');
    expect(healthBucket({ ...active, health: 'red', stale: true })).toBe('stale');
    expect(healthBucket({ ...active, health: null })).toBe('unmeasured');
    expect(healthBucket({ ...active, state: 'done' })).toBeNull();
    expect(healthBucket({ ...active, state: 'proposed' })).toBeNull();
    expect(healthBucket({ ...active, deleted: true })).toBeNull();
  });

  it('[ANA13] coverage is a share, or nothing without goals', () => {
    expect(coverage(3, 4)).toBe(0.75);
    expect(coverage(0, 0)).toBeNull();
  });

  it('[ANA14] lists the longest-silent goals first', () => {
    const goals = [
      { id: 'b', lastUpdate: '2026-11-01T00:00:00Z' },
      { id: 'a', lastUpdate: '2026-10-01T00:00:00Z' },
    ];
    expect(byLongestSilent(goals).map((goal) => goal.id)).toEqual(['a', 'b']);
  });

  it('[ANA15] gives each goal’s progress as of each week’s end, from its first check-in', () => {
    const lines = weeklyProgress(
      [
        { goalId: 'g', at: '2026-11-03T10:00:00Z', progress: 0.1 },
        { goalId: 'g', at: '2026-11-05T10:00:00Z', progress: 0.2 },
        { goalId: 'g', at: '2026-11-17T10:00:00Z', progress: 0.4 },
        { goalId: 'h', at: '2026-11-10T09:00:00Z', progress: 0.5 },
      ],
      ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'],
    );
    expect(lines.get('g')).toEqual([null, 0.2, 0.2, 0.4]);
    expect(lines.get('h')).toEqual([null, null, 0.5, 0.5]);
  });
});
