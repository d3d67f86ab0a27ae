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
  it('[GOAL26] reads who leads from the directory: the head and the managers reporting to the head', () => {
    expect(actorFor(directory, uuid(1), 'member').isLeader).toBe(true);
    expect(actorFor(directory, uuid(2), 'member').isLeader).toBe(true);
    expect(actorFor(directory, uuid(3), 'member').isLeader).toBe(false);
    // Reporting to the head without reports of one's own is not leading.
    expect(actorFor(directory, uuid(5), 'member').isLeader).toBe(false);
  });

  it('[GOAL26] nobody leads from outside the directory, nor under a manager it lacks', () => {
    // 7 is missing; 6 reports to them and 8 to 6.
    const partial = directoryOf([
      [6, 7, null],
      [8, 6, null],
    ]);
    expect(actorFor(partial, uuid(6), 'member').isLeader).toBe(false);
    expect(actorFor(partial, uuid(7), 'member').isLeader).toBe(false);
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
