import { describe, expect, it } from 'vitest';
import { boardCards } from '../calibration/board.ts';
import { defaultMatrix } from '../calibration/merit/matrix.ts';
import { parsePay, rangeBandOf, rangePosition } from '../calibration/merit/pay.ts';
import { meritSummary } from '../calibration/merit/recommend.ts';
import { replicaFromUpdates } from '../calibration/replay.ts';
import {
  DEMO_CALIBRATION_CONFIG,
  generateDemoCalibration,
  writeDemoCalibrationLogs,
} from './calibration.ts';
import { generateOrganisation } from './generate.ts';
import { demoBudgetPercent, demoPay } from './pay.ts';
import { readableIds } from './testing.ts';

const TODAY = '2026-12-07';
const HEAD = 'head@example.test';
const CEO = 'ceo@example.test';
const ADMIN = 'admin@example.test';
const org = generateOrganisation({
  people: 150,
  seed: 11,
  domain: 'example.test',
  today: TODAY,
  featured: [
    { slot: { kind: 'ceo' }, email: CEO },
    { slot: { kind: 'department-head', department: 0 }, email: HEAD },
    { slot: { kind: 'department-head', department: 3 }, email: ADMIN },
  ],
});

describe('the demo’s pay', () => {
  it('[DEMO30] pays everyone in euros inside rules CAL70 allows, across every position in range', () => {
    const bands = new Set<string>();
    for (const person of org.people) {
      const pay = demoPay(person);
      const typed = {
        salary: String(pay.salary / 100),
        currency: pay.currency,
        rangeMin: String(pay.rangeMin / 100),
        rangeMid: String(pay.rangeMid / 100),
        rangeMax: String(pay.rangeMax / 100),
      };
      expect(parsePay(typed)).toEqual({ ok: true, value: pay });
      expect(pay.salary % 100).toBe(0);
      expect(rangePosition(pay)).toBe(person.payRangePosition);
      bands.add(rangeBandOf(pay));
    }
    expect([...bands].sort()).toEqual(['above', 'below', 'within']);
  });

  it('[DEMO31] sets the in-session board’s budget just above what it recommends', () => {
    const [, current] = generateDemoCalibration(org, {
      seed: 3,
      today: TODAY,
      leaderEmails: [HEAD, CEO],
      facilitatorEmail: ADMIN,
    });
    const id = readableIds.person;
    const logs = writeDemoCalibrationLogs(current!, id);
    const cards = boardCards(
      replicaFromUpdates(logs.board.map((entry) => entry.update)),
      DEMO_CALIBRATION_CONFIG,
    );
    const byKey = new Map(org.people.map((p) => [p.key, p]));
    const inputs = current!.populationKeys.map((key) => ({
      personId: id(key),
      rating: cards.get(id(key))?.current?.rating ?? null,
      pay: demoPay(byKey.get(key)!),
    }));
    const matrix = defaultMatrix(DEMO_CALIBRATION_CONFIG.scale);
    const first = meritSummary(inputs, matrix, 3).pools[0]!;
    const percent = demoBudgetPercent(first);
    const pool = meritSummary(inputs, matrix, percent).pools[0]!;
    expect(pool.overBudget).toBe(false);
    expect(pool.recommended / pool.budget).toBeGreaterThan(0.97);
    expect(demoBudgetPercent({ recommended: 0, payroll: 0 })).toBe(3);
  });
});
