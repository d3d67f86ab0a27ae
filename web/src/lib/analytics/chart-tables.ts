// Every chart's numbers as a table (ANA10): the page's table view under each chart and the CSV
// download write the same rows, so the two never differ. Pure: the page and the server share it.
import { HEALTH_BUCKET_LABELS, HEALTH_BUCKETS } from '@threadline/domain/analytics/goals';
import {
  DEVELOPMENT_STATUS_LABELS,
  DEVELOPMENT_TYPE_LABELS,
  type DevelopmentStatus,
  type DevelopmentType,
} from '@threadline/domain/analytics/growth';
import { percent, type NumbersTable } from '@threadline/domain/analytics/table';
import { CONFLICT_WORDS, skewSays } from '../calibration/signal-words.ts';
import { SECTION_NAMES, type DashboardSections, type SectionName } from './dashboards';

const share = (part: number, total: number) => percent(total === 0 ? null : part / total);

/** A mean to two decimals; null for none (NaN: nobody else placed). */
const rounded = (value: number | null) =>
  value === null || !Number.isFinite(value) ? null : Math.round(value * 100) / 100;

const healthTable = (rows: DashboardSections['goals']['byTeam'], first: string): NumbersTable => ({
  columns: [first, ...HEALTH_BUCKETS.map((bucket) => HEALTH_BUCKET_LABELS[bucket]), 'Total'],
  rows: rows.map((row) => [
    row.label,
    ...HEALTH_BUCKETS.map((bucket) => row.counts[bucket]),
    HEALTH_BUCKETS.reduce((sum, bucket) => sum + row.counts[bucket], 0),
  ]),
});

const cadenceTable = (
  rows: DashboardSections['oneOnOnes']['byTeam'],
  first: string,
): NumbersTable => ({
  columns: [first, 'Series keeping cadence', 'Series', 'Kept (%)'],
  rows: rows.map((row) => [row.group, row.kept, row.total, share(row.kept, row.total)]),
});

/** Each section's charts' tables, by chart id: a chart's table reads its own section only. */
const BUILDERS: {
  [K in SectionName]: Record<string, (data: DashboardSections[K]) => NumbersTable>;
} = {
  goals: {
    'goals-health-team': (goals) => healthTable(goals.byTeam, 'Team'),
    'goals-health-cycle': (goals) => healthTable(goals.byCycle, 'Cycle'),
    'goals-coverage': (goals) => ({
      columns: ['Team', 'Aligned to a theme', 'Goals', 'Coverage (%)'],
      rows: goals.coverage.map((row) => [
        row.group,
        row.aligned,
        row.total,
        share(row.aligned, row.total),
      ]),
    }),
    'goals-stale': (goals) => ({
      columns: ['Goal', 'Owner', 'Last update'],
      rows: goals.stale.goals.map((goal) => [
        goal.title,
        goal.ownerName,
        goal.lastUpdate?.slice(0, 10) ?? null,
      ]),
    }),
    'goals-progress': (goals) => ({
      columns: ['Week', ...goals.progress.lines.map((line) => `${line.title} (%)`)],
      rows: goals.progress.weeks.map((week, i) => [
        week,
        ...goals.progress.lines.map((line) => percent(line.values[i] ?? null)),
      ]),
    }),
    'goals-mine': (goals) => ({
      columns: ['Goal', 'State', 'Progress (%)', 'Health'],
      rows: (goals.mine ?? []).map((goal) => [
        goal.title,
        goal.state,
        percent(goal.progress),
        goal.bucket === null ? null : HEALTH_BUCKET_LABELS[goal.bucket],
      ]),
    }),
  },
  oneOnOnes: {
    'one-on-ones-cadence-team': (oneOnOnes) => cadenceTable(oneOnOnes.byTeam, 'Team'),
    'one-on-ones-cadence-manager': (oneOnOnes) => cadenceTable(oneOnOnes.byManager, 'Manager'),
    'one-on-ones-meetings': (oneOnOnes) => ({
      columns: ['Week', 'Meetings held'],
      rows: oneOnOnes.meetingsPerWeek.map((row) => [row.week, row.count]),
    }),
    'one-on-ones-actions': (oneOnOnes) => ({
      columns: ['Week', 'Opened', 'Done'],
      rows: oneOnOnes.actions.weeks.map((row) => [row.week, row.opened, row.done]),
    }),
    'one-on-ones-mood': (oneOnOnes) => ({
      columns: ['Week', 'Group', 'People', 'Median mood (1–5)'],
      rows: oneOnOnes.mood.map((row) => [row.week, row.group, row.people, row.median]),
    }),
    'one-on-ones-mine': (oneOnOnes) => ({
      columns: ['With', 'Cadence', 'Last held', 'Keeping cadence', 'Meetings in range'],
      rows: (oneOnOnes.mine ?? []).map((series) => [
        series.managerName,
        series.cadence,
        series.lastHeld,
        series.kept ? 'yes' : 'no',
        series.meetings,
      ]),
    }),
  },
  calibration: {
    'calibration-cycles': (calibration) => ({
      columns: ['Cycle', 'Rating', 'Label', 'People', 'Share (%)'],
      rows: (calibration.overCycles?.cycles ?? []).flatMap((cycle) => {
        const total = cycle.counts.reduce((sum, count) => sum + count.people, 0);
        return cycle.counts.map((count) => [
          cycle.cycleName,
          count.rating,
          count.label,
          count.people,
          share(count.people, total),
        ]);
      }),
    }),
    'calibration-mine': (calibration) => ({
      columns: ['Cycle', 'Rating', 'Label', 'Potential', 'Box'],
      rows: (calibration.mine ?? []).map((r) => [
        r.cycleName,
        r.rating,
        r.ratingLabel,
        r.potential,
        r.box,
      ]),
    }),
  },
  growth: {
    'growth-gaps': (growth) => ({
      columns: ['Skill', 'People'],
      rows: growth.skillGaps.map((gap) => [gap.skill, gap.people]),
    }),
    'growth-items': (growth) => ({
      columns: ['Type', 'Status', 'Items'],
      rows: growth.items.map((item) => [
        DEVELOPMENT_TYPE_LABELS[item.type as DevelopmentType] ?? item.type,
        DEVELOPMENT_STATUS_LABELS[item.status as DevelopmentStatus] ?? item.status,
        item.count,
      ]),
    }),
  },
};

const PER_SESSION: Record<
  string,
  (session: NonNullable<DashboardSections['calibration']['shown']>) => NumbersTable
> = {
  distribution: (s) => ({
    columns: [
      'Rating',
      'Label',
      'Guideline (%)',
      'Proposed',
      'Proposed (%)',
      'Calibrated',
      'Calibrated (%)',
    ],
    rows: s.distribution.ratings.map((row) => [
      row.rating,
      row.label,
      row.guidelinePercent,
      row.original,
      percent(row.originalShare),
      row.calibrated,
      percent(row.calibratedShare),
    ]),
  }),
  matrix: (s) => ({
    columns: ['Proposed \\ Calibrated', ...s.scale.map((point) => String(point.value))],
    rows: s.matrix.map((row, i) => [String(s.scale[i]!.value), ...row]),
  }),
  // CAL54, CAL55: the board's Skew tab, as its table.
  skew: (s) => ({
    columns: ['Manager', 'People', 'Mean', '95 % low', '95 % high', 'Everyone else', 'Says'],
    rows: s.skew.map((row) => [
      row.managerName,
      row.n,
      rounded(row.mean),
      rounded(row.interval?.low ?? null),
      rounded(row.interval?.high ?? null),
      rounded(row.restMean),
      skewSays(row),
    ]),
  }),
  conflicts: (s) => ({
    columns: ['Person', 'Rating now', 'Goal achievement (%)', 'Flag'],
    rows: s.conflicts.map((row) => [
      row.name,
      row.rating,
      percent(row.achievement),
      CONFLICT_WORDS[row.kind],
    ]),
  }),
};

const SESSION_CHART = /^calibration-(distribution|matrix|skew|conflicts)-([0-9a-f-]{36})$/;

/** The section a chart id is of, or null for an id no section has. */
export function sectionOfChart(chartId: string): SectionName | null {
  if (SESSION_CHART.test(chartId)) return 'calibration';
  return SECTION_NAMES.find((name) => Object.hasOwn(BUILDERS[name], chartId)) ?? null;
}

/** The chart's table, or null for an id the data has no chart for (or whose section `d` lacks). */
export function chartTable(d: Partial<DashboardSections>, chartId: string): NumbersTable | null {
  const name = sectionOfChart(chartId);
  if (name === null || d[name] === undefined) return null;
  // One section's builders, read through the type they share.
  const build = (BUILDERS[name] as Record<string, ((data: unknown) => NumbersTable) | undefined>)[
    chartId
  ];
  if (build) return build(d[name]);
  const match = SESSION_CHART.exec(chartId);
  const session = d.calibration?.shown ?? null;
  if (!match || session === null || session.id !== match[2]) return null;
  return PER_SESSION[match[1]!]!(session);
}

/** The calibration session a chart id is of (ANA32: the data holds that one's charts), or null. */
export function sessionOfChart(chartId: string): string | null {
  return SESSION_CHART.exec(chartId)?.[2] ?? null;
}

export function sessionChartId(
  kind: 'distribution' | 'matrix' | 'skew' | 'conflicts',
  sessionId: string,
): string {
  return `calibration-${kind}-${sessionId}`;
}
