import { describe, expect, it } from 'vitest';
import { alignmentGaps } from './alignment.ts';
import { readTree } from './document.ts';
import { addGoal, deleteGoal, setGoalState } from './edits.ts';
import { replica } from '../ydoc/testing.ts';
import { uuid } from './testing.ts';

const by = { by: uuid(900), at: '2026-07-01T09:00:00.000Z' };
const alice = uuid(501);
const bob = uuid(502);
const teamA = uuid(601);
const teamB = uuid(602);
const teamC = uuid(603);

describe('alignment gaps', () => {
  it('[GOAL15] flags goals without a parent, parents nobody cascaded to, owners who left and teams with no goal under a company theme', () => {
    const doc = replica(1);
    const theme = addGoal(
      doc,
      { title: 'Revenue', level: 'company', ownerId: alice, parentId: null },
      by,
    );
    const lonelyTheme = addGoal(
      doc,
      { title: 'Culture', level: 'company', ownerId: alice, parentId: null },
      by,
    );
    const teamGoal = addGoal(
      doc,
      { title: 'Pipeline', level: 'team', ownerId: alice, teamId: teamA, parentId: theme },
      by,
    );
    addGoal(
      doc,
      { title: 'Calls', level: 'person', ownerId: bob, teamId: teamA, parentId: teamGoal },
      by,
    );
    const orphan = addGoal(
      doc,
      { title: 'Side project', level: 'person', ownerId: alice, teamId: teamB, parentId: null },
      by,
    );
    const { goals, tree } = readTree(doc);

    const gaps = alignmentGaps(goals, tree, {
      activePersonIds: new Set([alice]),
      teamIds: [teamA, teamB, teamC],
    });
    expect(gaps).toEqual([
      { kind: 'no-parent', goalId: orphan },
      { kind: 'not-cascaded', goalId: lonelyTheme },
      {
        kind: 'owner-left',
        goalId: [...goals.values()].find((g) => g.title === 'Calls')!.id,
        ownerId: bob,
      },
      { kind: 'team-without-goal', teamId: teamB },
      { kind: 'team-without-goal', teamId: teamC },
    ]);
  });

  it('[GOAL15] counts only live, open goals: dropped children do not cascade, done or deleted goals are not gaps', () => {
    const doc = replica(1);
    const theme = addGoal(
      doc,
      { title: 'Revenue', level: 'company', ownerId: alice, parentId: null },
      by,
    );
    const child = addGoal(
      doc,
      { title: 'Pipeline', level: 'team', ownerId: alice, teamId: teamA, parentId: theme },
      by,
    );
    setGoalState(doc, child, 'dropped', by);
    const finished = addGoal(
      doc,
      { title: 'Old', level: 'person', ownerId: bob, parentId: null },
      by,
    );
    setGoalState(doc, finished, 'done', by);
    const gone = addGoal(doc, { title: 'Gone', level: 'person', ownerId: bob, parentId: null }, by);
    deleteGoal(doc, gone, by);
    const { goals, tree } = readTree(doc);
    expect(alignmentGaps(goals, tree, { activePersonIds: new Set([alice]), teamIds: [] })).toEqual([
      { kind: 'not-cascaded', goalId: theme },
    ]);
  });

  it('[GOAL15] does not count a team goal that hangs under no company theme as covering its team', () => {
    const doc = replica(1);
    const teamRoot = addGoal(
      doc,
      { title: 'Team thing', level: 'team', ownerId: alice, teamId: teamA, parentId: null },
      by,
    );
    addGoal(
      doc,
      { title: 'Mine', level: 'person', ownerId: alice, teamId: teamA, parentId: teamRoot },
      by,
    );
    const { goals, tree } = readTree(doc);
    expect(
      alignmentGaps(goals, tree, { activePersonIds: new Set([alice]), teamIds: [teamA] }),
    ).toEqual([
      { kind: 'no-parent', goalId: teamRoot },
      { kind: 'team-without-goal', teamId: teamA },
    ]);
  });
});
