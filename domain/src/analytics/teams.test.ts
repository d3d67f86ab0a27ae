import { describe, expect, it } from 'vitest';
import { NO_TEAM, teamAndBelow, teamGrouping } from './teams.ts';

const teams = [
  { id: 'eng', parentId: null, name: 'Engineering' },
  { id: 'platform', parentId: 'eng', name: 'Platform' },
  { id: 'infra', parentId: 'platform', name: 'Infra' },
  { id: 'sales', parentId: null, name: 'Sales' },
];

describe('grouping by team', () => {
  it('[ANA12] groups by department when no team is chosen', () => {
    const group = teamGrouping(teams, null);
    expect(group('infra')).toBe('Engineering');
    expect(group('eng')).toBe('Engineering');
    expect(group('sales')).toBe('Sales');
    expect(group(null)).toBe(NO_TEAM);
  });

  it('[ANA12] groups by the teams right under the one chosen; its own rows under its name', () => {
    const group = teamGrouping(teams, 'eng');
    expect(group('infra')).toBe('Platform');
    expect(group('platform')).toBe('Platform');
    expect(group('eng')).toBe('Engineering');
    expect(group('sales')).toBe(NO_TEAM);
  });

  it('[ANA6] [ANA12] a team includes everything under it', () => {
    expect(teamAndBelow(teams, 'eng')).toEqual(new Set(['eng', 'platform', 'infra']));
    expect(teamAndBelow(teams, 'infra')).toEqual(new Set(['infra']));
    expect(teamAndBelow(teams, 'nope')).toEqual(new Set());
  });
});
