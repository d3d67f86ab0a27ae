import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { developmentItems, skillGaps } from '../development/plan.ts';
import { judgeDevelopmentPlanUpdate } from '../development/update-check.ts';
import { replicaOf } from '../ydoc/replica.ts';
import { generateDemoDevelopment, type DemoPlanInput } from './development.ts';

const id = (n: number) => `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const today = '2026-12-07';

function series(count: number): DemoPlanInput[] {
  return Array.from({ length: count }, (_, i) => ({
    employeeId: id(i + 1),
    managerId: id(1000 + (i % 7)),
    startsOn: '2026-09-01',
    cadence: i % 5 === 0 ? 'biweekly' : 'weekly',
    featured: i === 0,
  }));
}

describe('demo development plans', () => {
  const development = generateDemoDevelopment(series(60), { seed: 7, today });

  it('[DEMO45] gives about two in five people a plan, and a skill list of twelve', () => {
    expect(development.skills).toHaveLength(12);
    expect(development.plans.length).toBeGreaterThan(15);
    expect(development.plans.length).toBeLessThan(40);
    for (const plan of development.plans) {
      const gaps = skillGaps(plan.doc);
      expect(gaps.length).toBeGreaterThanOrEqual(1);
      for (const gap of gaps) expect(gap.raisedOn < today).toBe(true);
      expect(developmentItems(plan.doc).some((item) => item.type === 'experience')).toBe(true);
    }
  });

  it('[DEMO46] writes every entry in its author’s name, passing the server’s checks', () => {
    const inputs = new Map(series(60).map((s) => [s.employeeId, s]));
    for (const plan of development.plans) {
      const input = inputs.get(plan.personId)!;
      const live = new Y.Doc();
      let last = '';
      for (const entry of plan.entries) {
        const at = entry.receivedAt.toISOString();
        expect(at >= last).toBe(true);
        expect(at.slice(0, 10) < today).toBe(true);
        last = at;
        const verdict = judgeDevelopmentPlanUpdate(live, replicaOf(live), entry.update, {
          personId: entry.personId!,
          employeeId: input.employeeId,
          managerId: input.managerId,
        });
        expect(verdict).toEqual({ ok: true });
        Y.applyUpdate(live, entry.update);
      }
      expect(developmentItems(live)).toEqual(developmentItems(plan.doc));
    }
  });

  it('[DEMO46] is deterministic', () => {
    const again = generateDemoDevelopment(series(60), { seed: 7, today });
    expect(again.skills).toEqual(development.skills);
    expect(again.plans.map((p) => developmentItems(p.doc))).toEqual(
      development.plans.map((p) => developmentItems(p.doc)),
    );
  });

  it('[DEMO47] gives the well-known employee a plan with every status', () => {
    const plan = development.plans.find((p) => p.personId === id(1))!;
    expect(skillGaps(plan.doc).map((g) => g.skillName)).toEqual([
      'Public speaking',
      'System design',
    ]);
    const statuses = developmentItems(plan.doc).map((item) => [item.type, item.status]);
    expect(statuses).toEqual([
      ['experience', 'in-progress'],
      ['social', 'done'],
      ['formal', 'not-started'],
      ['experience', 'not-started'],
    ]);
  });
});
