// The alignment-gaps panel's rows (GOAL15): the domain's gaps, grouped by kind, with the words and
// names a person needs to act on each.
import { alignmentGaps, type AlignmentGap } from '@threadline/domain/goals/alignment';
import { UNTITLED } from '../labels.ts';
import type { PanelContext } from './panel-context.ts';

export type GapKind = AlignmentGap['kind'];

export interface GapRow {
  /** Unique within the list. */
  key: string;
  /** The goal to open; null for a team without a goal. */
  goalId: string | null;
  title: string;
  /** Owner (goals) or department (teams). */
  context: string;
}

export interface GapGroup {
  kind: GapKind;
  label: string;
  /** What to do about it. */
  hint: string;
  rows: GapRow[];
}

export const GAP_TEXT: Record<GapKind, { label: string; hint: string }> = {
  'no-parent': {
    label: 'Not aligned to anything',
    hint: 'Team and personal goals with no parent goal: attach each to the goal it serves.',
  },
  'not-cascaded': {
    label: 'Not cascaded',
    hint: 'Company and team goals nobody has set a goal under yet.',
  },
  'owner-left': {
    label: 'Owner left',
    hint: 'Open goals whose owner is no longer active: hand them to someone.',
  },
  'team-without-goal': {
    label: 'Teams without a goal',
    hint: 'Teams with no open goal of their own under a company theme.',
  },
};

const ORDER: readonly GapKind[] = ['no-parent', 'not-cascaded', 'owner-left', 'team-without-goal'];

/** GOAL15 over the organisation: active people and every team (departments are not expected). */
export function gapGroups(context: PanelContext): GapGroup[] {
  const { goals, tree, directory } = context;
  const gaps = alignmentGaps(goals, tree, {
    activePersonIds: new Set(directory.activePeople().map((person) => person.id)),
    teamIds: directory.teams.filter((team) => team.kind === 'team').map((team) => team.id),
  });
  const groups = new Map<GapKind, GapRow[]>(ORDER.map((kind) => [kind, []]));
  for (const gap of gaps) {
    groups.get(gap.kind)!.push(rowOf(context, gap));
  }
  return ORDER.map((kind) => ({ kind, ...GAP_TEXT[kind], rows: groups.get(kind)! })).filter(
    (group) => group.rows.length > 0,
  );
}

function rowOf(context: PanelContext, gap: AlignmentGap): GapRow {
  const { goals, directory } = context;
  if (gap.kind === 'team-without-goal') {
    const team = directory.team(gap.teamId);
    return {
      key: `team:${gap.teamId}`,
      goalId: null,
      title: directory.teamName(gap.teamId),
      context: team?.parentId ? directory.teamName(team.parentId) : '',
    };
  }
  const goal = goals.get(gap.goalId);
  return {
    key: `${gap.kind}:${gap.goalId}`,
    goalId: gap.goalId,
    title: goal?.title.trim() || UNTITLED,
    context: directory.personName(goal?.ownerId ?? null),
  };
}
