import { describe, expect, it } from 'vitest';
import { readTree } from '@threadline/domain/goals/document';
import type { Actor } from '@threadline/domain/goals/permissions';
import { treeDoc, uuid } from '@threadline/domain/goals/testing';
import { levelUnder, newGoalFrom, parentChoices, suggestedParent } from './new-goal.ts';

const kwame = uuid(7);
const { goals, tree } = readTree(
  treeDoc([
    [1, null, 'Grow revenue'],
    [2, null, 'Be a great place to work'],
    [3, 1, 'Ship the billing revamp', { level: 'team', teamId: 'eng' }],
    [4, 3, 'Cut invoice bugs by half', { teamId: 'eng', ownerId: kwame }],
  ]),
);
const employee: Actor = {
  personId: kwame,
  isAdmin: false,
  isLeader: false,
  teamIds: new Set(['eng']),
  reportIds: new Set(),
  directReportIds: new Set(),
};

describe('adding a goal (GOAL31)', () => {
  it('[GOAL31] suggests the selected goal, else the person’s team goal, else their own, else none', () => {
    expect(suggestedParent(goals, tree, { id: kwame, teamId: 'eng' }, uuid(2))).toBe(uuid(2));
    expect(suggestedParent(goals, tree, { id: kwame, teamId: 'eng' }, null)).toBe(uuid(3));
    expect(suggestedParent(goals, tree, { id: kwame, teamId: null }, null)).toBe(uuid(4));
    expect(suggestedParent(goals, tree, { id: uuid(99), teamId: null }, null)).toBeNull();
  });

  it('[GOAL31] offers the suggested parent’s way to its theme, one’s own and team’s goals, then the themes', () => {
    const choices = parentChoices(goals, tree, { id: kwame, teamId: 'eng' }, uuid(4));
    expect(choices).toEqual([uuid(4), uuid(3), uuid(1), uuid(2)]);
  });

  it('suggests one level below the parent', () => {
    expect(levelUnder(null, 'eng')).toBe('company');
    expect(levelUnder(goals.get(uuid(1))!, 'eng')).toBe('team');
    expect(levelUnder(goals.get(uuid(1))!, null)).toBe('person');
    expect(levelUnder(goals.get(uuid(3))!, 'eng')).toBe('person');
  });

  it('[GOAL31] refuses an untitled goal, and one the person could not write', () => {
    const teamOf = () => 'eng';
    const choice = { title: '  ', parentId: uuid(3), level: 'person' as const, ownerId: kwame };
    expect(newGoalFrom(choice, employee, teamOf)).toEqual({ ok: false, reason: 'untitled' });
    expect(newGoalFrom({ ...choice, title: 'Theme', level: 'company' }, employee, teamOf)).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(newGoalFrom({ ...choice, title: ' Fix the flaky tests ' }, employee, teamOf)).toEqual({
      ok: true,
      goal: {
        title: 'Fix the flaky tests',
        level: 'person',
        ownerId: kwame,
        teamId: 'eng',
        parentId: uuid(3),
      },
    });
  });
});
