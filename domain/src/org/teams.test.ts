import { describe, expect, it } from 'vitest';
import {
  buildTeamTree,
  checkDeletion,
  checkPlacement,
  checkTeamName,
  findNameClash,
  normaliseTeamName,
  type TeamNode,
} from './teams.ts';

const engineering: TeamNode = { id: 'd1', name: 'Engineering', kind: 'department', parentId: null };
const sales: TeamNode = { id: 'd2', name: 'Sales', kind: 'department', parentId: null };
const platform: TeamNode = { id: 't1', name: 'Platform', kind: 'team', parentId: 'd1' };
const stray: TeamNode = { id: 't2', name: 'Imported', kind: 'team', parentId: null };

describe('teams', () => {
  it('[ORG6] a department has no parent', () => {
    expect(checkPlacement('department', null, undefined)).toBeNull();
    expect(checkPlacement('department', 'd2', sales)).toMatchObject({ rule: 'ORG6' });
  });

  it('[ORG6] a team needs a department as its parent', () => {
    expect(checkPlacement('team', 'd1', engineering)).toBeNull();
    expect(checkPlacement('team', null, undefined)).toMatchObject({
      rule: 'ORG6',
      field: 'parentId',
    });
    expect(checkPlacement('team', 't1', platform)).toMatchObject({ rule: 'ORG6' });
  });

  it('[ORG6] refuses a parent that is not a team of the organisation', () => {
    expect(checkPlacement('team', 'other-org-team', undefined)).toMatchObject({ rule: 'ORG6' });
  });

  it('[ORG7] refuses deleting a team that still has people unless they move', () => {
    const team = { id: 't1', peopleCount: 3, childTeamCount: 0 };
    expect(checkDeletion(team, null)?.message).toMatch(/3 people are still in it/);
    expect(checkDeletion(team, 't3')).toBeNull();
    expect(checkDeletion(team, 't1')).toMatchObject({ rule: 'ORG7' });
  });

  it('[ORG7] refuses deleting a department that still has teams', () => {
    expect(checkDeletion({ id: 'd1', peopleCount: 0, childTeamCount: 1 }, null)).toMatchObject({
      rule: 'ORG7',
    });
    expect(checkDeletion({ id: 'd1', peopleCount: 0, childTeamCount: 0 }, null)).toBeNull();
  });

  it('[ORG8] names ignore case and extra whitespace when compared', () => {
    expect(normaliseTeamName('  Data   Platform ')).toBe('Data Platform');
    expect(findNameClash([engineering, platform], ' platform')).toBe(platform);
    expect(findNameClash([engineering, platform], 'PLATFORM', 't1')).toBeUndefined();
    expect(checkTeamName('   ')).toMatchObject({ rule: 'ORG8', field: 'name' });
  });

  it('[ORG6] builds a department → team tree and keeps teams without a department apart', () => {
    const tree = buildTeamTree([platform, sales, stray, engineering]);
    expect(tree.departments.map((node) => node.team.name)).toEqual(['Engineering', 'Sales']);
    expect(tree.departments[0]!.children.map((node) => node.team.id)).toEqual(['t1']);
    expect(tree.orphans).toEqual([stray]);
  });
});
