import { describe, expect, it } from 'vitest';
import { isLeader, type ReportingPlace } from './leaders.ts';

/** The head of the reporting lines, with this many direct reports. */
const head = (directReportCount: number): ReportingPlace => ({
  hasManager: false,
  managerHasManager: null,
  directReportCount,
});
/** Someone under a manager (who has a manager too, or not, or is unknown: null). */
const under = (managerHasManager: boolean | null, directReportCount: number): ReportingPlace => ({
  hasManager: true,
  managerHasManager,
  directReportCount,
});

describe('who leads', () => {
  it('[GOAL26] the head of the reporting lines leads once someone reports to them', () => {
    expect(isLeader(head(3))).toBe(true);
    expect(isLeader(head(0))).toBe(false);
  });

  it('[GOAL26] a manager reporting to the head leads; an individual reporting to the head does not', () => {
    expect(isLeader(under(false, 1))).toBe(true);
    expect(isLeader(under(false, 0))).toBe(false);
  });

  it('[GOAL26] a manager further down, or under a manager nobody knows, does not lead', () => {
    expect(isLeader(under(true, 5))).toBe(false);
    expect(isLeader(under(null, 5))).toBe(false);
  });
});
