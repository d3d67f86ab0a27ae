import { describe, expect, it } from 'vitest';
import { levelForTitle, type JobLevel, type Position } from './levels.ts';

describe('levelForTitle', () => {
  const cases: [title: string, position: Position, level: JobLevel][] = [
    ['Associate Software Engineer', 'individual', 'IC1'],
    ['Account Executive', 'individual', 'IC2'],
    ['Senior Software Engineer', 'individual', 'IC3'],
    ['Staff Frontend Engineer', 'individual', 'IC4'],
    ['Lead Account Executive', 'individual', 'IC4'],
    ['Revenue Operations Lead', 'individual', 'IC4'],
    ['Principal Engineer', 'individual', 'IC5'],
    ['Senior Principal Recruiter', 'individual', 'IC6'],
    ['Distinguished Data Engineer', 'individual', 'IC6'],
    ['Engineering Manager', 'team-manager', 'M1'],
    ['Senior Sales Manager', 'team-manager', 'M2'],
    ['Director of Engineering', 'director', 'M3'],
    ['Senior Director of Sales', 'director', 'M4'],
    ['Chief Revenue Officer', 'department-head', 'M5'],
    ['Chief Executive Officer', 'ceo', 'M6'],
  ];
  it.each(cases)('[DEMO12] reads %s (%s) as %s', (title, position, level) => {
    expect(levelForTitle(title, position)).toBe(level);
  });
});
