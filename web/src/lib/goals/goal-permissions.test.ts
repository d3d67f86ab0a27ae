import { describe, expect, it } from 'vitest';
import { readGoal } from '@threadline/domain/goals/document';
import { treeDoc, uuid } from '@threadline/domain/goals/testing';
import { actorFor } from './actor.ts';
import { mayAddTheme, mayApprove, stateChoices } from './goal-permissions.ts';
import { directoryOf } from './test-fixtures.ts';

// 1 CEO → 2 VP → 3 manager → 4 employee (team-a).
const directory = directoryOf([
  [1, null, null],
  [2, 1, 'dept'],
  [3, 2, 'team-a'],
  [4, 3, 'team-a'],
]);
const ceo = actorFor(directory, uuid(1), 'member');
const manager = actorFor(directory, uuid(3), 'member');
const employee = actorFor(directory, uuid(4), 'member');

const doc = treeDoc([
  [10, null, 'Theme', { ownerId: uuid(1) }],
  [11, 10, 'Team goal', { level: 'team', teamId: 'team-a', ownerId: uuid(3) }],
  [12, 11, 'Proposed tactic', { ownerId: uuid(4), state: 'proposed' }],
]);
const teamGoal = readGoal(doc, uuid(11))!;
const proposed = readGoal(doc, uuid(12))!;

describe('what the goal UI offers', () => {
  it('[GOAL17] Approve shows to the owner’s manager on a proposed goal, not to the owner', () => {
    expect(mayApprove(manager, proposed)).toBe(true);
    expect(mayApprove(employee, proposed)).toBe(false);
    expect(mayApprove(manager, teamGoal)).toBe(false);
  });

  it('[GOAL17] the owner may not make a goal active by choosing the state', () => {
    expect(stateChoices(employee, proposed)).not.toContain('active');
    expect(stateChoices(manager, proposed)).toContain('active');
  });

  it('[GOAL16] only leaders and admins add company themes', () => {
    expect(mayAddTheme(ceo)).toBe(true);
    expect(mayAddTheme(employee)).toBe(false);
  });
});
