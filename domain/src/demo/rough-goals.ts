// Goals written before they were pinned down (DEMO14): no due date, no baseline, a single
// milestone, a yes/no where a number would do. They score yellow on clarity (GOAL14, 50–79), so
// the demo shows the clarity coaching between the crisp goals (green) and the vague ones (red).
// Department-neutral wording: anyone in any department may have written them.
import type { DepartmentGoalTemplate, GoalTemplate } from './goals-catalogue.ts';

/** Personal goals: each scores 65 or 70 (no due date, and one more thing missing). */
export const ROUGH_PERSONAL_GOALS: readonly GoalTemplate[] = [
  { title: 'Get my professional certification', metric: { kind: 'yes-no' }, undated: true },
  {
    title: 'Write the handbook for our service',
    metric: { kind: 'milestones', milestones: ['First draft'] },
    undated: true,
  },
  {
    title: 'Share {target} write-ups of what I learned',
    metric: { kind: 'number', start: null, target: [3, 6, 1], unit: 'write-ups' },
    undated: true,
  },
  {
    title: 'Shadow {target} customer calls',
    metric: { kind: 'number', start: null, target: [4, 10, 2], unit: 'calls' },
    undated: true,
  },
  { title: 'Present our work at an all-hands', metric: { kind: 'yes-no' }, undated: true },
  {
    title: 'Document how our team plans its work',
    metric: { kind: 'milestones', milestones: ['Outline agreed'] },
    undated: true,
  },
  { title: 'Take on a stretch project outside my team', metric: { kind: 'yes-no' }, undated: true },
];

/**
 * Department goals a head wrote in a hurry, yellow on clarity: one a roll-up with a vague title
 * (its progress is its team goals', GOAL11), one a single milestone without a date.
 */
export const ROUGH_DEPARTMENT_GOALS: readonly DepartmentGoalTemplate[] = [
  {
    title: 'Improve collaboration across teams',
    metric: { kind: 'none' },
    themes: ['people', 'efficiency', 'customers'],
    tags: ['People & culture'],
    team: [
      {
        title: '{team}: run {target} joint planning sessions with our neighbour teams',
        metric: { kind: 'number', start: 0, target: [3, 6, 1], unit: 'sessions' },
      },
      {
        title: '{team}: agree working agreements with the teams we depend on',
        metric: {
          kind: 'milestones',
          milestones: ['List the teams', 'Draft the agreements', 'Signed off by both sides'],
        },
      },
    ],
    personal: ROUGH_PERSONAL_GOALS,
  },
  {
    title: 'Modernise our tools and ways of working',
    metric: { kind: 'milestones', milestones: ['Audit of the tools we use'] },
    undated: true,
    themes: ['efficiency', 'reliability'],
    tags: ['Efficiency'],
    team: [
      {
        title: '{team}: retire {target} tools nobody uses any more',
        metric: { kind: 'number', start: 0, target: [2, 5, 1], unit: 'tools' },
      },
    ],
    personal: ROUGH_PERSONAL_GOALS,
  },
];
