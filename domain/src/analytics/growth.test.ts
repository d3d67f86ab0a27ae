import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_TYPES, topSkillGaps } from './growth.ts';

describe('growth dashboard rules', () => {
  it('[ANA25] types development items by 70/20/10', () => {
    expect(DEVELOPMENT_TYPES).toEqual(['experience', 'social', 'formal']);
  });

  it('[ANA26] lists the most flagged skill gaps first, then by name, up to a limit', () => {
    const gaps = [
      { skill: 'SQL', people: 3 },
      { skill: 'Coaching', people: 7 },
      { skill: 'Budgeting', people: 3 },
    ];
    expect(topSkillGaps(gaps, 2).map((gap) => gap.skill)).toEqual(['Coaching', 'Budgeting']);
  });
});
