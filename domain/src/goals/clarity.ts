// The clarity score, 0–100 (GOAL14): deterministic points for what makes a goal checkable, with a
// concrete suggestion for every point missing. No external service: the same goal always scores
// the same, in the browser as the user types and in the projector.
import { isNumericKind, type CycleWindow, type Goal } from './model.ts';

export type ClarityCriterion = 'metric' | 'baseline' | 'due-date' | 'owner' | 'aligned' | 'title';

/** GOAL14: the most each criterion gives; they add up to 100. */
export const CLARITY_POINTS: Readonly<Record<ClarityCriterion, number>> = {
  metric: 25,
  baseline: 15,
  'due-date': 15,
  owner: 10,
  aligned: 15,
  title: 20,
};

export type ClarityColour = 'red' | 'yellow' | 'green';

export interface ClaritySuggestion {
  criterion: ClarityCriterion;
  message: string;
}

export interface Clarity {
  score: number;
  /** Red below 50, yellow below 80, green from 80. */
  colour: ClarityColour;
  points: Record<ClarityCriterion, number>;
  /** One per criterion short of its full points, in the order of CLARITY_POINTS. */
  suggestions: ClaritySuggestion[];
}

export interface ClarityContext {
  cycle: CycleWindow | null;
  /** The parent the tree shows the goal under (null at the root). */
  parentId: string | null;
  /** Live, not dropped children: a goal without a metric is measured through them. */
  childCount: number;
}

/**
 * Words that announce a change without saying how much. A title with one of them and no number is
 * vague: "Improve code quality" says neither by how much nor by when.
 */
const VAGUE_WORDS = new Set([
  'improve',
  'improved',
  'improving',
  'better',
  'enhance',
  'optimise',
  'optimize',
  'increase',
  'decrease',
  'reduce',
  'grow',
  'boost',
  'strengthen',
  'support',
  'help',
  'focus',
  'continue',
  'maintain',
  'ensure',
  'drive',
  'more',
  'less',
  'work',
]);

type Scored = [points: number, suggestion: string | null];

/** GOAL14: score and suggestions for one goal. */
export function clarityOf(
  goal: Pick<Goal, 'title' | 'metric' | 'dueDate' | 'ownerId' | 'level'>,
  context: ClarityContext,
): Clarity {
  const scored: Record<ClarityCriterion, Scored> = {
    metric: scoreMetric(goal, context),
    baseline: scoreBaseline(goal, context),
    'due-date': scoreDueDate(goal, context),
    owner:
      goal.ownerId !== null
        ? [CLARITY_POINTS.owner, null]
        : [0, 'Name an owner: one person who answers for this goal.'],
    aligned:
      goal.level === 'company' || context.parentId !== null
        ? [CLARITY_POINTS.aligned, null]
        : [0, 'Align it to a parent goal, so its line of sight reaches a company theme.'],
    title: scoreTitle(goal, context),
  };
  const points = {} as Record<ClarityCriterion, number>;
  const suggestions: ClaritySuggestion[] = [];
  let score = 0;
  for (const criterion of Object.keys(CLARITY_POINTS) as ClarityCriterion[]) {
    const [earned, suggestion] = scored[criterion];
    points[criterion] = earned;
    score += earned;
    if (earned < CLARITY_POINTS[criterion] && suggestion !== null) {
      suggestions.push({ criterion, message: suggestion });
    }
  }
  return {
    score,
    colour: score < 50 ? 'red' : score < 80 ? 'yellow' : 'green',
    points,
    suggestions,
  };
}

function scoreMetric(goal: Pick<Goal, 'metric'>, context: ClarityContext): Scored {
  const { metric } = goal;
  const full = CLARITY_POINTS.metric;
  if (isNumericKind(metric.kind)) {
    return metric.target !== null
      ? [full, null]
      : [5, 'Set a target value: the number that means this goal is achieved.'];
  }
  switch (metric.kind) {
    case 'milestones':
      if (metric.milestones.length >= 2) return [full, null];
      return [
        metric.milestones.length === 1 ? 10 : 0,
        'Break it into at least two milestones, so progress shows before the end.',
      ];
    case 'yes-no':
      return [15, 'A yes/no metric only says whether; a number with a target says how much.'];
    default:
      return context.childCount > 0
        ? [
            15,
            'Its progress comes only from its sub-goals; a metric of its own makes it checkable.',
          ]
        : [0, 'Add a metric with a numeric target, e.g. “from 40 to 25 bugs per release”.'];
  }
}

function scoreBaseline(goal: Pick<Goal, 'metric'>, context: ClarityContext): Scored {
  const { metric } = goal;
  const full = CLARITY_POINTS.baseline;
  if (isNumericKind(metric.kind)) {
    return metric.start !== null
      ? [full, null]
      : [0, 'Record the baseline: where the number stands today, so progress can be measured.'];
  }
  // Yes/no and milestones start from nothing done; a roll-up goal takes its children's baselines.
  if (metric.kind !== 'none' || context.childCount > 0) return [full, null];
  return [0, 'Say where things stand today (a baseline) once it has a metric.'];
}

function scoreDueDate(goal: Pick<Goal, 'dueDate'>, context: ClarityContext): Scored {
  const { cycle } = context;
  const within = cycle ? ` between ${cycle.startsOn} and ${cycle.endsOn}` : '';
  if (goal.dueDate === null) return [0, `Add a due date${within}.`];
  if (cycle && (goal.dueDate < cycle.startsOn || goal.dueDate > cycle.endsOn)) {
    return [5, `The due date ${goal.dueDate} is outside the cycle: pick one${within}.`];
  }
  return [CLARITY_POINTS['due-date'], null];
}

function scoreTitle(goal: Pick<Goal, 'title' | 'dueDate'>, context: ClarityContext): Scored {
  const title = goal.title.trim();
  const words = title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const hasNumber = /\p{N}/u.test(title);
  if (words.length === 0) return [0, 'Give it a title that says what will be different.'];
  if (hasNumber) {
    return words.length >= 3
      ? [CLARITY_POINTS.title, null]
      : [15, 'Say in a few more words what the number measures.'];
  }
  const quarter = quarterOf(goal.dueDate ?? context.cycle?.endsOn ?? null);
  const by = quarter ? ` by ${quarter}` : '';
  if (words.some((word) => VAGUE_WORDS.has(word))) {
    return [
      5,
      `“${title}” does not say how much or by when. Add a number and a date, e.g. “Reduce post-deployment bugs by 15%${by}”.`,
    ];
  }
  if (words.length >= 3) {
    return [15, `Put the number in the title: how much, or how many, and${by || ' by when'}.`];
  }
  return [10, 'Say more in the title: what changes, by how much, and by when.'];
}

/** "Q3 2026" for a calendar day, or null. */
function quarterOf(day: string | null): string | null {
  const match = day?.match(/^(\d{4})-(\d{2})-\d{2}$/);
  if (!match) return null;
  return `Q${Math.ceil(Number(match[2]) / 3)} ${match[1]}`;
}
