// What the demo goal trees say (domain/src/demo/goals.ts picks from here): company themes, and per
// department the goals its head sets, each with the team goals that cascade from it and the
// personal goals people attach below those. Titles name their numbers through placeholders filled
// from the metric ({start}, {target}, {team}, {quarter}), so a title never disagrees with its
// metric. Plain data; the numbers are realistic for a company of a few hundred to a few thousand.
import type { Direction, MetricKind } from '../goals/model.ts';

/** A value drawn from min..max in steps of `step`, or a fixed value. */
export type ValueRange = number | readonly [min: number, max: number, step: number];

export interface MetricTemplate {
  kind: MetricKind;
  /** Null: no baseline was recorded (numeric kinds start from 0 then, GOAL10). */
  start?: ValueRange | null;
  target?: ValueRange;
  unit?: string;
  direction?: Direction;
  milestones?: readonly string[];
}

export interface GoalTemplate {
  title: string;
  metric: MetricTemplate;
  tags?: readonly string[];
  description?: string;
  /** Written without a due date (low clarity, GOAL14); the cycle's end then applies (GOAL12). */
  undated?: boolean;
}

export type ThemeKey = 'revenue' | 'reliability' | 'customers' | 'people' | 'efficiency';

export interface ThemeTemplate extends GoalTemplate {
  key: ThemeKey;
}

export interface DepartmentGoalTemplate extends GoalTemplate {
  /** The themes it serves, best first; the first one the organisation has is its parent. */
  themes: readonly ThemeKey[];
  /** Team goals that cascade from it ({team} is the team's name). */
  team: readonly GoalTemplate[];
  /** Personal goals people attach below those team goals (or below it, outside teams). */
  personal: readonly GoalTemplate[];
}

const num = (start: ValueRange, target: ValueRange, unit: string | null = null) =>
  ({ kind: 'number', start, target, ...(unit ? { unit } : {}) }) as const;
const down = (start: ValueRange, target: ValueRange, unit: string | null = null) =>
  ({ ...num(start, target, unit), direction: 'decreasing' }) as const;
const pct = (start: ValueRange, target: ValueRange) =>
  ({ kind: 'percent', start, target, unit: '%' }) as const;
const pctDown = (start: ValueRange, target: ValueRange) =>
  ({ ...pct(start, target), direction: 'decreasing' }) as const;
const eur = (start: ValueRange, target: ValueRange) =>
  ({ kind: 'currency', start, target, unit: 'EUR' }) as const;
const eurDown = (start: ValueRange, target: ValueRange) =>
  ({ ...eur(start, target), direction: 'decreasing' }) as const;
const steps = (...milestones: string[]) => ({ kind: 'milestones', milestones }) as const;
const yesNo = { kind: 'yes-no' } as const;
const rollUp = { kind: 'none' } as const;

/** The order themes are taken in: the first three are always there, then one or two more. */
export const THEMES: readonly ThemeTemplate[] = [
  {
    key: 'revenue',
    title: 'Grow annual recurring revenue 30% to {target} by end of 2026',
    metric: eur(40_000_000, 52_000_000),
    tags: ['Revenue growth'],
    description:
      'Our headline number for the half. New business, expansion and lower churn all count.',
  },
  {
    key: 'reliability',
    title: 'World-class reliability: {target}% uptime on every customer-facing service',
    metric: pct(99.8, 99.95),
    tags: ['Reliability'],
    description: 'Customers trust us with their daily work; outages cost renewals.',
  },
  {
    key: 'customers',
    title: 'Delight customers: raise NPS from {start} to {target} by December',
    metric: num(31, 45),
    tags: ['Customer experience'],
    description: 'Measured by the quarterly relationship survey across all paying accounts.',
  },
  {
    key: 'people',
    title: 'A great place to work: engagement score from {start} to {target}',
    metric: num(72, 80),
    tags: ['People & culture'],
    description: 'From the twice-yearly engagement survey.',
  },
  {
    key: 'efficiency',
    title: 'Operate efficiently: cut cost to serve per customer from {start} to {target}',
    metric: eurDown(41, 35),
    tags: ['Efficiency'],
    description: 'Infrastructure, support and tooling cost per paying customer per month.',
  },
];

/** Development goals anyone may set for themselves, next to their work goals. */
export const DEVELOPMENT_GOALS: readonly GoalTemplate[] = [
  {
    title: 'Complete the cloud architecture certification by {quarter}',
    metric: yesNo,
    tags: ['Growth'],
  },
  {
    title: 'Mentor two newer colleagues through their first 90 days',
    metric: steps('Pair up with the first mentee', 'First mentee at 90 days', 'Second mentee'),
    tags: ['Growth'],
  },
  {
    title: 'Give {target} internal talks on what my team learned',
    metric: num(0, [2, 4, 1]),
    tags: ['Growth'],
  },
  {
    title: 'Finish the people-leadership course before {quarter}',
    metric: steps('Module 1: feedback', 'Module 2: coaching', 'Module 3: hard conversations'),
    tags: ['Growth'],
  },
  { title: 'Run {target} customer interviews this half', metric: num(0, [4, 8, 2]) },
];

/** Titles people write before they know what they will measure: red clarity (GOAL14, DEMO14). */
export const VAGUE_TITLES: readonly string[] = [
  'Improve code quality',
  'Be more proactive',
  'Better documentation',
  'Improve communication with stakeholders',
  'Grow as a leader',
  'Increase customer engagement',
  'Support the team more',
  'Improve processes',
  'Boost productivity',
  'Better onboarding',
  'Reduce tech debt',
  'Enhance collaboration',
];

const ENGINEERING: readonly DepartmentGoalTemplate[] = [
  {
    title: 'Cut p95 API latency from {start} ms to {target} ms',
    metric: down([780, 900, 20], [350, 450, 10], 'ms'),
    themes: ['reliability', 'customers'],
    tags: ['Reliability'],
    team: [
      {
        title: '{team}: cut p95 latency of our endpoints from {start} ms to {target} ms',
        metric: down([600, 1200, 50], [250, 450, 50], 'ms'),
      },
      {
        title: '{team}: move our slowest queries to the read replicas',
        metric: steps('Inventory slow queries', 'Replica routing', 'Top 10 queries moved'),
      },
    ],
    personal: [
      {
        title: 'Profile and fix the {target} slowest endpoints of our service',
        metric: num(0, [3, 6, 1]),
      },
      {
        title: 'Add caching to the account lookup path, cutting its p95 to {target} ms',
        metric: down([300, 500, 20], [80, 150, 10], 'ms'),
      },
      {
        title: 'Ship load tests for our service running nightly in CI',
        metric: steps('Scenario design', 'Runner in CI', 'Alerting on regressions'),
      },
    ],
  },
  {
    title: 'Reduce sev-1 incidents from {start} to {target} per quarter',
    metric: down([8, 11, 1], [2, 4, 1], 'incidents'),
    themes: ['reliability'],
    tags: ['Reliability'],
    team: [
      {
        title: '{team}: raise on-call alerts with a runbook from {start}% to {target}%',
        metric: pct([30, 55, 5], [90, 100, 5]),
      },
      {
        title: '{team}: cut change failure rate from {start}% to {target}%',
        metric: pctDown([14, 22, 1], [5, 8, 1]),
      },
    ],
    personal: [
      {
        title: 'Write runbooks for the {target} alerts I own',
        metric: num(0, [4, 12, 1], 'runbooks'),
      },
      {
        title: 'Raise test coverage of the billing module from {start}% to {target}%',
        metric: pct([45, 60, 1], [75, 85, 5]),
      },
      {
        title: 'Automate database failover drills, one each quarter',
        metric: steps('Drill script', 'Q3 drill', 'Q4 drill'),
      },
      {
        title: 'Close {target} reliability tickets from the incident backlog',
        metric: num(0, [8, 20, 2], 'tickets'),
      },
    ],
  },
  {
    title: 'Ship self-serve checkout to every market by {quarter}',
    metric: steps(
      'Design review',
      'Beta with 50 customers',
      'General availability in the EU',
      'General availability in the US',
    ),
    themes: ['revenue'],
    tags: ['Revenue growth'],
    team: [
      { title: '{team}: deliver our part of self-serve checkout', metric: rollUp },
      {
        title: '{team}: cut checkout drop-off from {start}% to {target}%',
        metric: pctDown([38, 46, 1], [22, 28, 1]),
      },
    ],
    personal: [
      {
        title: 'Build the tax calculation service for {target} countries',
        metric: num(0, [6, 14, 2], 'countries'),
      },
      {
        title: 'Ship the payment-method picker behind a flag by {quarter}',
        metric: steps('API contract', 'UI behind a flag', 'Rolled out to all'),
      },
      {
        title: 'Cut checkout page load from {start} s to {target} s',
        metric: down([3.2, 4.4, 0.2], [1.4, 2, 0.2], 's'),
      },
    ],
  },
  {
    title: 'Raise deployment frequency from {start} to {target} deploys per week',
    metric: num([6, 10, 1], [25, 40, 5], 'deploys'),
    themes: ['efficiency', 'reliability'],
    tags: ['Efficiency'],
    team: [
      {
        title: '{team}: cut CI pipeline time from {start} min to {target} min',
        metric: down([24, 38, 2], [8, 12, 1], 'min'),
      },
      { title: '{team}: deploy every service on its own, without release trains', metric: yesNo },
    ],
    personal: [
      {
        title: 'Split the monolith build so our service builds in {target} min',
        metric: down([20, 30, 2], [5, 9, 1], 'min'),
      },
      {
        title: 'Remove {target} flaky tests from the main pipeline',
        metric: num(0, [15, 40, 5], 'tests'),
      },
      { title: 'Move our service to trunk-based development by {quarter}', metric: yesNo },
    ],
  },
];

const PRODUCT: readonly DepartmentGoalTemplate[] = [
  {
    title: 'Raise weekly active teams from {start} to {target}',
    metric: num([1700, 1900, 50], [2500, 2800, 50], 'teams'),
    themes: ['revenue', 'customers'],
    tags: ['Revenue growth'],
    team: [
      {
        title: '{team}: lift activation in the first week from {start}% to {target}%',
        metric: pct([28, 36, 1], [42, 50, 1]),
      },
      {
        title: '{team}: ship the {target} most requested features of the half',
        metric: num(0, [3, 5, 1], 'features'),
      },
    ],
    personal: [
      {
        title: 'Run {target} discovery interviews with churned teams',
        metric: num(0, [8, 15, 1], 'interviews'),
      },
      {
        title: 'Ship the team templates gallery by {quarter}',
        metric: steps('Problem brief', 'Prototype tested with 5 teams', 'Launched'),
      },
      {
        title: 'Lift weekly return rate of new users from {start}% to {target}%',
        metric: pct([30, 38, 1], [42, 48, 1]),
      },
    ],
  },
  {
    title: 'Lift onboarding completion from {start}% to {target}%',
    metric: pct([50, 58, 1], [72, 78, 1]),
    themes: ['customers'],
    tags: ['Customer experience'],
    team: [
      {
        title: '{team}: cut time to first value from {start} days to {target}',
        metric: down([6, 9, 1], [2, 3, 1], 'days'),
      },
      {
        title: '{team}: redesign the setup checklist and test it with customers',
        metric: steps(
          'Research synthesis',
          'Prototype',
          'Usability test with 8 customers',
          'Shipped',
        ),
      },
    ],
    personal: [
      {
        title: 'Run {target} usability sessions on the new setup flow',
        metric: num(0, [6, 10, 1], 'sessions'),
      },
      {
        title: 'Cut setup steps from {start} to {target}',
        metric: down([12, 16, 1], [5, 7, 1], 'steps'),
      },
      { title: 'Publish the onboarding design guidelines by {quarter}', metric: yesNo },
    ],
  },
  {
    title: 'Launch the redesigned mobile app by {quarter}',
    metric: steps('Design system for mobile', 'Private beta', 'Public beta', 'Store launch'),
    themes: ['customers', 'revenue'],
    tags: ['Customer experience'],
    team: [
      { title: '{team}: deliver our part of the mobile relaunch', metric: rollUp },
      {
        title: '{team}: raise the app store rating from {start} to {target}',
        metric: num([3.6, 3.9, 0.1], [4.4, 4.6, 0.1], 'stars'),
      },
    ],
    personal: [
      {
        title: 'Design the offline mode screens and test them with {target} users',
        metric: num(0, [5, 8, 1], 'users'),
      },
      {
        title: 'Cut app cold start from {start} s to {target} s',
        metric: down([3.5, 4.5, 0.1], [1.5, 2, 0.1], 's'),
      },
    ],
  },
];

const SALES: readonly DepartmentGoalTemplate[] = [
  {
    title: 'Close {target} of new business bookings this half',
    metric: eur(0, [5_000_000, 7_000_000, 500_000]),
    themes: ['revenue'],
    tags: ['Revenue growth'],
    team: [
      {
        title: '{team}: close {target} of new bookings',
        metric: eur(0, [600_000, 1_200_000, 100_000]),
      },
      {
        title: '{team}: raise win rate from {start}% to {target}%',
        metric: pct([18, 23, 1], [26, 30, 1]),
      },
    ],
    personal: [
      { title: 'Close {target} of new business', metric: eur(0, [120_000, 300_000, 20_000]) },
      {
        title: 'Book {target} qualified demos with enterprise prospects',
        metric: num(0, [20, 45, 5], 'demos'),
      },
      {
        title: 'Raise my win rate from {start}% to {target}%',
        metric: pct([15, 22, 1], [25, 30, 1]),
      },
    ],
  },
  {
    title: 'Grow qualified pipeline from {start} to {target}',
    metric: eur([8_000_000, 10_000_000, 500_000], [16_000_000, 20_000_000, 1_000_000]),
    themes: ['revenue'],
    tags: ['Revenue growth'],
    team: [
      {
        title: '{team}: build {target} of qualified pipeline',
        metric: eur(0, [1_500_000, 3_000_000, 250_000]),
      },
      {
        title: '{team}: launch the partner referral programme',
        metric: steps('Terms agreed', 'First 5 partners signed', 'First referred deal closed'),
      },
    ],
    personal: [
      {
        title: 'Source {target} of pipeline from outbound',
        metric: eur(0, [300_000, 700_000, 50_000]),
      },
      {
        title: 'Run {target} account plans for my top accounts',
        metric: num(0, [5, 10, 1], 'plans'),
      },
      {
        title: 'Publish {target} customer case studies',
        metric: num(0, [2, 4, 1], 'case studies'),
      },
    ],
  },
  {
    title: 'Raise net revenue retention from {start}% to {target}%',
    metric: pct([101, 104, 1], [110, 114, 1]),
    themes: ['revenue', 'customers'],
    tags: ['Revenue growth'],
    team: [
      {
        title: '{team}: expand {target} accounts to a higher plan',
        metric: num(0, [10, 25, 5], 'accounts'),
      },
    ],
    personal: [
      {
        title: 'Hold quarterly business reviews with all {target} of my accounts',
        metric: num(0, [8, 15, 1], 'reviews'),
      },
      { title: 'Close {target} of expansion revenue', metric: eur(0, [80_000, 200_000, 20_000]) },
    ],
  },
];

const PEOPLE_OPS: readonly DepartmentGoalTemplate[] = [
  {
    title: 'Raise engagement score from {start} to {target}',
    metric: num([70, 73, 1], [78, 81, 1]),
    themes: ['people'],
    tags: ['People & culture'],
    team: [
      {
        title: '{team}: raise manager check-in regularity from {start}% to {target}%',
        metric: pct([55, 65, 1], [85, 92, 1]),
      },
      {
        title: '{team}: roll out the new career ladders to every department',
        metric: steps('Engineering', 'Product & Design', 'Sales & Marketing', 'Everyone else'),
      },
    ],
    personal: [
      {
        title: 'Train {target} managers in giving feedback',
        metric: num(0, [20, 40, 5], 'managers'),
      },
      {
        title: 'Ship the pulse survey with a response rate above {target}%',
        metric: pct(0, [75, 85, 5]),
      },
      { title: 'Publish the hybrid work guidelines by {quarter}', metric: yesNo },
    ],
  },
  {
    title: 'Fill {target} open roles by December',
    metric: num(0, [30, 60, 5], 'hires'),
    themes: ['revenue', 'people'],
    tags: ['Hiring'],
    team: [
      {
        title: '{team}: cut time to hire from {start} days to {target}',
        metric: down([48, 60, 2], [30, 36, 2], 'days'),
      },
      {
        title: '{team}: raise offer acceptance from {start}% to {target}%',
        metric: pct([70, 78, 1], [85, 90, 1]),
      },
    ],
    personal: [
      { title: 'Close {target} engineering hires', metric: num(0, [6, 12, 1], 'hires') },
      {
        title: 'Run {target} hiring-manager trainings',
        metric: num(0, [4, 8, 1], 'trainings'),
      },
      {
        title: 'Build a candidate pipeline of {target} for sales roles',
        metric: num(0, [40, 80, 10], 'candidates'),
      },
    ],
  },
  {
    title: 'Cut regretted attrition from {start}% to {target}%',
    metric: pctDown([8, 10, 0.5], [5, 6, 0.5]),
    themes: ['people'],
    tags: ['People & culture'],
    team: [
      {
        title: '{team}: hold stay interviews with all {target} high performers',
        metric: num(0, [20, 40, 5], 'interviews'),
      },
    ],
    personal: [
      {
        title: 'Run exit-interview analysis and present {target} findings',
        metric: num(0, [3, 5, 1], 'findings'),
      },
      { title: 'Launch the internal mobility board by {quarter}', metric: yesNo },
    ],
  },
];

const CUSTOMER_EXPERIENCE: readonly DepartmentGoalTemplate[] = [
  {
    title: 'Cut first response time from {start} h to {target} h',
    metric: down([10, 14, 1], [3, 5, 1], 'h'),
    themes: ['customers'],
    tags: ['Customer experience'],
    team: [
      {
        title: '{team}: answer {target}% of tickets within 4 hours',
        metric: pct([60, 70, 1], [88, 95, 1]),
      },
      {
        title: '{team}: deflect {target}% of tickets with help articles',
        metric: pct([8, 12, 1], [20, 28, 1]),
      },
    ],
    personal: [
      {
        title: 'Write {target} help articles for the most asked questions',
        metric: num(0, [10, 25, 5], 'articles'),
      },
      {
        title: 'Keep my median first response under {target} h',
        metric: down([6, 9, 1], [2, 4, 1], 'h'),
      },
    ],
  },
  {
    title: 'Raise CSAT from {start}% to {target}%',
    metric: pct([84, 87, 1], [91, 94, 1]),
    themes: ['customers'],
    tags: ['Customer experience'],
    team: [
      {
        title: '{team}: raise CSAT of our queue from {start}% to {target}%',
        metric: pct([80, 86, 1], [90, 94, 1]),
      },
    ],
    personal: [
      {
        title: 'Raise my CSAT from {start}% to {target}%',
        metric: pct([82, 88, 1], [92, 96, 1]),
      },
      {
        title: 'Review {target} low-score tickets with the product team',
        metric: num(0, [10, 20, 2], 'tickets'),
      },
    ],
  },
  {
    title: 'Cut gross churn from {start}% to {target}% a month',
    metric: pctDown([2.2, 2.6, 0.1], [1.4, 1.7, 0.1]),
    themes: ['revenue', 'customers'],
    tags: ['Revenue growth'],
    team: [
      {
        title: '{team}: run health checks with {target} at-risk accounts',
        metric: num(0, [20, 40, 5], 'accounts'),
      },
    ],
    personal: [
      {
        title: 'Save {target} at-risk accounts from churning',
        metric: num(0, [4, 10, 1], 'accounts'),
      },
      {
        title: 'Onboard {target} new enterprise accounts',
        metric: num(0, [3, 8, 1], 'accounts'),
      },
    ],
  },
];

const DATA: readonly DepartmentGoalTemplate[] = [
  {
    title: 'Deliver the customer 360 dataset by {quarter}',
    metric: steps(
      'Source inventory',
      'Identity resolution',
      'Dataset in the warehouse',
      'Adopted by three teams',
    ),
    themes: ['customers', 'revenue'],
    tags: ['Data'],
    team: [
      { title: '{team}: deliver our part of customer 360', metric: rollUp },
      {
        title: '{team}: raise data tests on core tables from {start}% to {target}%',
        metric: pct([20, 35, 5], [80, 90, 5]),
      },
    ],
    personal: [
      {
        title: 'Model the account hierarchy for {target} source systems',
        metric: num(0, [3, 6, 1], 'systems'),
      },
      {
        title: 'Add data tests to {target} core tables',
        metric: num(0, [15, 30, 5], 'tables'),
      },
    ],
  },
  {
    title: 'Meet the dashboard freshness SLA {target}% of days',
    metric: pct([78, 84, 1], [96, 99, 1]),
    themes: ['reliability', 'efficiency'],
    tags: ['Data'],
    team: [
      {
        title: '{team}: cut nightly pipeline runtime from {start} min to {target}',
        metric: down([150, 210, 10], [60, 90, 10], 'min'),
      },
    ],
    personal: [
      {
        title: 'Move {target} pipelines to incremental loads',
        metric: num(0, [5, 12, 1], 'pipelines'),
      },
      { title: 'Add freshness alerts to every executive dashboard by {quarter}', metric: yesNo },
    ],
  },
];

const SECURITY: readonly DepartmentGoalTemplate[] = [
  {
    title: 'Achieve SOC 2 Type II certification by {quarter}',
    metric: yesNo,
    themes: ['revenue', 'reliability'],
    tags: ['Security'],
    team: [
      {
        title: '{team}: close the {target} open audit findings',
        metric: num(0, [12, 24, 2], 'findings'),
      },
    ],
    personal: [
      {
        title: 'Document {target} controls for the auditors',
        metric: num(0, [10, 20, 2], 'controls'),
      },
      { title: 'Run the access review for every production system by {quarter}', metric: yesNo },
    ],
  },
  {
    title: 'Cut mean time to patch critical vulnerabilities from {start} to {target} days',
    metric: down([18, 24, 1], [5, 8, 1], 'days'),
    themes: ['reliability'],
    tags: ['Security'],
    team: [
      {
        title: '{team}: scan {target}% of container images on every build',
        metric: pct([40, 60, 5], [95, 100, 5]),
      },
    ],
    personal: [
      {
        title: 'Automate patching for {target} base images',
        metric: num(0, [4, 10, 1], 'images'),
      },
      {
        title: 'Cut open critical findings from {start} to {target}',
        metric: down([25, 40, 5], [0, 5, 1], 'findings'),
      },
    ],
  },
  {
    title: 'Cut cloud spend per customer from {start} to {target} a month',
    metric: eurDown([13, 15, 1], [10, 11, 1]),
    themes: ['efficiency'],
    tags: ['Efficiency'],
    team: [
      {
        title: '{team}: move {target}% of compute to reserved capacity',
        metric: pct([20, 35, 5], [60, 75, 5]),
      },
    ],
    personal: [
      {
        title: 'Right-size {target} over-provisioned clusters',
        metric: num(0, [4, 10, 1], 'clusters'),
      },
    ],
  },
];

const FINANCE: readonly DepartmentGoalTemplate[] = [
  {
    title: 'Close the books in {target} working days',
    metric: down([9, 11, 1], [4, 5, 1], 'days'),
    themes: ['efficiency'],
    tags: ['Efficiency'],
    team: [
      {
        title: '{team}: automate {target}% of account reconciliations',
        metric: pct([20, 35, 5], [70, 85, 5]),
      },
    ],
    personal: [
      {
        title: 'Automate the {target} largest manual journal entries',
        metric: num(0, [5, 10, 1], 'entries'),
      },
      { title: 'Move revenue recognition to the new ERP by {quarter}', metric: yesNo },
    ],
  },
  {
    title: 'Cut contract turnaround from {start} to {target} days',
    metric: down([10, 14, 1], [4, 6, 1], 'days'),
    themes: ['revenue'],
    tags: ['Revenue growth'],
    team: [
      {
        title: '{team}: sign {target}% of deals on standard terms',
        metric: pct([45, 55, 5], [70, 80, 5]),
      },
    ],
    personal: [
      { title: 'Publish the contract playbook for sales by {quarter}', metric: yesNo },
      {
        title: 'Review {target} supplier contracts for renewal savings',
        metric: num(0, [15, 30, 5], 'contracts'),
      },
    ],
  },
];

const MARKETING: readonly DepartmentGoalTemplate[] = [
  {
    title: 'Generate {target} marketing-qualified leads',
    metric: num(0, [3500, 5000, 250], 'leads'),
    themes: ['revenue'],
    tags: ['Revenue growth'],
    team: [
      {
        title: '{team}: generate {target} leads from our channel',
        metric: num(0, [400, 900, 50], 'leads'),
      },
    ],
    personal: [
      {
        title: 'Publish {target} long-form guides that rank on page one',
        metric: num(0, [4, 8, 1], 'guides'),
      },
      {
        title: 'Run {target} webinars with customers as speakers',
        metric: num(0, [3, 6, 1], 'webinars'),
      },
    ],
  },
  {
    title: 'Lift website conversion from {start}% to {target}%',
    metric: pct([1.6, 2, 0.1], [2.5, 2.9, 0.1]),
    themes: ['revenue', 'customers'],
    tags: ['Revenue growth'],
    team: [
      {
        title: '{team}: run {target} pricing page experiments',
        metric: num(0, [6, 12, 1], 'experiments'),
      },
    ],
    personal: [
      {
        title: 'Cut landing page load from {start} s to {target} s',
        metric: down([2.8, 3.6, 0.2], [1.2, 1.6, 0.2], 's'),
      },
      {
        title: 'Redesign the signup form and lift its completion to {target}%',
        metric: pct([48, 55, 1], [62, 70, 1]),
      },
    ],
  },
];

/** By department name (departments.ts); a department not listed borrows Engineering's goals. */
export const DEPARTMENT_GOALS: Readonly<Record<string, readonly DepartmentGoalTemplate[]>> = {
  Engineering: ENGINEERING,
  'Product & Design': PRODUCT,
  'Sales & Marketing': SALES,
  'People & Operations': PEOPLE_OPS,
  'Customer Experience': CUSTOMER_EXPERIENCE,
  'Data & Analytics': DATA,
  'Security & Infrastructure': SECURITY,
  'Finance & Legal': FINANCE,
  Marketing: MARKETING,
};
