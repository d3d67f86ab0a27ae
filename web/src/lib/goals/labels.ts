// Words the goal UI shows for the domain's values.
import type {
  Difficulty,
  Direction,
  GoalLevel,
  GoalState,
  MetricKind,
} from '@threadline/domain/goals/model';

export const STATE_LABEL: Record<GoalState, string> = {
  draft: 'Draft',
  proposed: 'Proposed',
  active: 'Active',
  done: 'Done',
  dropped: 'Dropped',
};

export const LEVEL_LABEL: Record<GoalLevel, string> = {
  company: 'Company theme',
  team: 'Team goal',
  person: 'Personal goal',
};

export const METRIC_KIND_LABEL: Record<MetricKind, string> = {
  none: 'No metric (rolls up its sub-goals)',
  number: 'Number',
  percent: 'Percent',
  currency: 'Currency',
  'yes-no': 'Yes / no',
  milestones: 'Milestones',
};

export const DIRECTION_LABEL: Record<Direction, string> = {
  increasing: 'Increase towards the target',
  decreasing: 'Decrease towards the target',
};

export const DIFFICULTY_LABEL: Record<Difficulty, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

export const UNTITLED = 'Untitled goal';
