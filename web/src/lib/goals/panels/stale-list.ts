// The staleness view (GOAL13): goals not updated for 14 days or more, grouped by owner or by team,
// the longest-silent first, so a manager sees whose goals have gone quiet and for how long.
import { isStale } from '@threadline/domain/goals/health';
import type { Goal } from '@threadline/domain/goals/model';
import { UNTITLED } from '../labels.ts';
import type { PanelContext } from './panel-context.ts';

export type StaleGrouping = 'owner' | 'team';

export interface StaleGoal {
  id: string;
  title: string;
  ownerName: string;
  teamName: string;
  /** The last check-in, or the approval or creation before any (ISO time). */
  since: string;
  days: number;
}

export interface StaleGroup {
  key: string;
  label: string;
  goals: StaleGoal[];
}

const DAY_MS = 86_400_000;

/** GOAL13: when a goal was last brought up to date. */
export function lastUpdate(goal: Goal): string {
  return goal.lastProgressAt ?? goal.approvedAt ?? goal.createdAt;
}

/** Every stale live goal, oldest first. */
export function staleGoals(context: PanelContext): StaleGoal[] {
  const { goals, tree, directory, now } = context;
  const found: StaleGoal[] = [];
  for (const id of tree.parent.keys()) {
    const goal = goals.get(id);
    if (!goal || !isStale(goal, now)) continue;
    const since = lastUpdate(goal);
    found.push({
      id,
      title: goal.title.trim() || UNTITLED,
      ownerName: directory.personName(goal.ownerId),
      teamName: directory.teamName(goal.teamId),
      since,
      days: Math.floor((now.getTime() - Date.parse(since)) / DAY_MS),
    });
  }
  return found.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
}

/** Stale goals by owner or team; the group with the longest-silent goal first. */
export function staleGroups(context: PanelContext, by: StaleGrouping): StaleGroup[] {
  const groups = new Map<string, StaleGroup>();
  for (const stale of staleGoals(context)) {
    const goal = context.goals.get(stale.id)!;
    const key = (by === 'owner' ? goal.ownerId : goal.teamId) ?? 'none';
    const label = by === 'owner' ? stale.ownerName : stale.teamName;
    const group = groups.get(key) ?? { key, label, goals: [] };
    group.goals.push(stale);
    groups.set(key, group);
  }
  // Goals arrive oldest first, so each group's first goal is its oldest and insertion order
  // already puts the group with the oldest goal first.
  return [...groups.values()];
}
