// Line of sight (PRODUCT §1): from a goal up to the company theme it serves, and everything
// aligned beneath it, with counts and progress, so anyone can see why a goal matters and what
// rests on it.
import type { Health } from '@threadline/domain/goals/health';
import { isStale } from '@threadline/domain/goals/health';
import type { GoalLevel, GoalState } from '@threadline/domain/goals/model';
import { descendantsOf, pathToRoot } from '@threadline/domain/goals/tree';
import { UNTITLED } from '../labels.ts';
import { healthIn, type PanelContext } from './panel-context.ts';

export interface SightGoal {
  id: string;
  title: string;
  level: GoalLevel;
  state: GoalState;
  ownerName: string;
  progress: number | null;
  health: Health | null;
}

export interface Beneath {
  /** The goals aligned directly beneath, in tree order. */
  children: SightGoal[];
  /** Every live goal below, at any depth. */
  total: number;
  byLevel: Record<GoalLevel, number>;
  byHealth: Record<Health | 'none', number>;
  stale: number;
  /** Unweighted mean progress of the goals below that have any. */
  meanProgress: number | null;
}

export interface LineOfSight {
  /** From the root theme down to the goal itself (last). */
  path: SightGoal[];
  beneath: Beneath;
}

export function sightGoal(context: PanelContext, id: string): SightGoal | null {
  const goal = context.goals.get(id);
  if (!goal) return null;
  return {
    id,
    title: goal.title.trim() || UNTITLED,
    level: goal.level,
    state: goal.state,
    ownerName: context.directory.personName(goal.ownerId),
    progress: context.progressOf(id),
    health: healthIn(context, goal),
  };
}

/** The line of sight of a live goal; null for a goal the tree does not show (deleted, unknown). */
export function lineOfSight(context: PanelContext, goalId: string): LineOfSight | null {
  const { tree, goals } = context;
  if (!tree.parent.has(goalId)) return null;
  const path = pathToRoot(tree, goalId)
    .reverse()
    .map((id) => sightGoal(context, id))
    .filter((goal): goal is SightGoal => goal !== null);
  const below = descendantsOf(tree, goalId);
  const byLevel: Beneath['byLevel'] = { company: 0, team: 0, person: 0 };
  const byHealth: Beneath['byHealth'] = { green: 0, yellow: 0, red: 0, none: 0 };
  let stale = 0;
  let sum = 0;
  let measured = 0;
  for (const id of below) {
    const goal = goals.get(id);
    if (!goal) continue;
    byLevel[goal.level] += 1;
    byHealth[healthIn(context, goal) ?? 'none'] += 1;
    if (isStale(goal, context.now)) stale += 1;
    const progress = context.progressOf(id);
    if (progress !== null) {
      sum += progress;
      measured += 1;
    }
  }
  const children = (tree.children.get(goalId) ?? [])
    .map((id) => sightGoal(context, id))
    .filter((goal): goal is SightGoal => goal !== null);
  return {
    path,
    beneath: {
      children,
      total: below.length,
      byLevel,
      byHealth,
      stale,
      meanProgress: measured === 0 ? null : sum / measured,
    },
  };
}
