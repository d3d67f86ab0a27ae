import { describe, expect, it } from 'vitest';
import { chartTable, sectionOfChart, sessionChartId, sessionOfChart } from './chart-tables.ts';
import type { Dashboards } from './dashboards.ts';

const SESSION = 'c0000000-0000-4000-8000-000000000001';

/** A dashboard showing one session: what the session's tables read of it. */
function withSession(
  session: Partial<NonNullable<Dashboards['calibration']['shown']>>,
): Dashboards {
  return {
    calibration: {
      sessions: [{ id: SESSION, name: 'A session', status: 'in_session', cycleName: 'H2' }],
      shown: { id: SESSION, scale: [], ...session },
      overCycles: null,
      mine: null,
    },
  } as unknown as Dashboards;
}

describe('calibration chart tables', () => {
  it('[ANA32] a session’s charts have tables only for the session the data shows', () => {
    const d = withSession({ conflicts: [] });
    expect(chartTable(d, sessionChartId('conflicts', SESSION))?.rows).toEqual([]);
    const other = 'c0000000-0000-4000-8000-000000000002';
    expect(chartTable(d, sessionChartId('conflicts', other))).toBeNull();
    expect(sessionOfChart(sessionChartId('skew', other))).toBe(other);
    expect(sessionOfChart('goals-stale')).toBeNull();
  });

  it('[ANA10] [ANA41] manager skew as the board says it, a missing mean empty', () => {
    const d = withSession({
      skew: [
        {
          managerId: 'm1',
          managerName: 'Ana',
          n: 6,
          mean: 2.1666,
          interval: { low: 1.5, high: 2.8333 },
          restN: 20,
          restMean: 3.2,
          difference: -1.03,
          verdict: 'strict',
        },
        {
          managerId: 'm2',
          managerName: 'Ben',
          n: 1,
          mean: 4,
          interval: null,
          restN: 0,
          restMean: Number.NaN,
          difference: Number.NaN,
          verdict: null,
        },
      ],
    });
    expect(chartTable(d, sessionChartId('skew', SESSION))).toEqual({
      columns: ['Manager', 'People', 'Mean', '95 % low', '95 % high', 'Everyone else', 'Says'],
      rows: [
        ['Ana', 6, 2.17, 1.5, 2.83, 3.2, 'Strict grader'],
        ['Ben', 1, 4, null, null, null, 'Too few to tell'],
      ],
    });
  });

  it('[ANA10] [ANA23] flags with the board’s words and the achievement as a percentage', () => {
    const d = withSession({
      conflicts: [
        {
          personId: 'p1',
          name: 'Cleo',
          kind: 'high-rating-low-achievement',
          rating: 5,
          achievement: 0.304,
          distance: 0.296,
        },
      ],
    });
    expect(chartTable(d, sessionChartId('conflicts', SESSION))?.rows).toEqual([
      ['Cleo', 5, 30.4, 'Top rating, under 60 % goal achievement'],
    ]);
  });
});

describe('the section a chart is of', () => {
  it('[ANA10] a chart’s CSV reads its own section: every chart id names one, other ids none', () => {
    expect(sectionOfChart('goals-health-team')).toBe('goals');
    expect(sectionOfChart('one-on-ones-mood')).toBe('oneOnOnes');
    expect(sectionOfChart('calibration-cycles')).toBe('calibration');
    expect(sectionOfChart(sessionChartId('skew', SESSION))).toBe('calibration');
    expect(sectionOfChart('growth-items')).toBe('growth');
    expect(sectionOfChart('goals-nothing')).toBeNull();
    expect(sectionOfChart('toString')).toBeNull();
    // A table needs its section's data: another section's does not stand in.
    expect(chartTable(withSession({ conflicts: [] }), 'goals-stale')).toBeNull();
  });
});
