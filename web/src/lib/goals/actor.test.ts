import { describe, expect, it } from 'vitest';
import { uuid } from '@threadline/domain/goals/testing';
import { actorFor } from './actor.ts';
import { directoryOf } from './test-fixtures.ts';

// 1 CEO → 2 VP → 3 manager → 4 employee; 5 an individual reporting to the CEO.
const directory = directoryOf([
  [1, null, null],
  [2, 1, 'dept'],
  [3, 2, 'team-a'],
  [4, 3, 'team-a'],
  [5, 1, 'dept'],
]);

describe('the signed-in person as the goal rules see them', () => {
  it('[GOAL16] the head of the reporting lines and the managers reporting to the head lead', () => {
    expect(actorFor(directory, uuid(1), 'member').isLeader).toBe(true);
    expect(actorFor(directory, uuid(2), 'member').isLeader).toBe(true);
    expect(actorFor(directory, uuid(3), 'member').isLeader).toBe(false);
    // Reporting to the head without reports of one's own is not leading.
    expect(actorFor(directory, uuid(5), 'member').isLeader).toBe(false);
  });

  it('[GOAL16] reports at any depth, direct reports apart, and the own team', () => {
    const vp = actorFor(directory, uuid(2), 'member');
    expect([...vp.reportIds].sort()).toEqual([uuid(3), uuid(4)]);
    expect([...vp.directReportIds]).toEqual([uuid(3)]);
    expect([...vp.teamIds]).toEqual(['dept']);
  });

  it('[GOAL16] admins are admins whatever their place', () => {
    const admin = actorFor(directory, uuid(4), 'admin');
    expect(admin.isAdmin).toBe(true);
    expect(admin.isLeader).toBe(false);
    expect(actorFor(directory, uuid(4), 'member').isAdmin).toBe(false);
  });
});
