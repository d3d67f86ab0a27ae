// Words for the history panel: what changed ("Target"), and old and new values as a person reads
// them ("€1.2M", "Active", "31 Dec 2026", "ticked").
import { formatDateTime, formatDay } from '$lib/format/dates';
import type { Goal, GoalLevel, GoalState, MetricKind } from '@threadline/domain/goals/model';
import { DIFFICULTY_LABEL, LEVEL_LABEL, METRIC_KIND_LABEL, STATE_LABEL } from '../labels.ts';
import type { HistoryEntry, HistoryField, HistoryValue } from './goal-history.ts';

export const FIELD_LABEL: Record<HistoryField, string> = {
  created: 'Created',
  title: 'Title',
  description: 'Description',
  level: 'Level',
  state: 'State',
  approval: 'Approved',
  owner: 'Owner',
  team: 'Team',
  parent: 'Aligned to',
  'start-date': 'Start date',
  'due-date': 'Due date',
  'metric-kind': 'Metric',
  start: 'Baseline',
  target: 'Target',
  current: 'Progress update',
  unit: 'Unit',
  direction: 'Direction',
  milestone: 'Milestone',
  weight: 'Weight',
  difficulty: 'Difficulty',
  tag: 'Tag',
  deleted: 'Deleted',
};

// A calendar day, YYYY-MM-DD, and an ISO time: as every page shows dates.
export { formatDay, formatDateTime as formatTime };

/** A metric value with its unit: "€1,200", "42%", "12 ms". */
export function formatMetric(value: number, metric: Pick<Goal['metric'], 'kind' | 'unit'>): string {
  const number = value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  if (metric.kind === 'currency') {
    const code = metric.unit ?? 'EUR';
    try {
      return value.toLocaleString('en-GB', {
        style: 'currency',
        currency: code,
        // Whole amounts without cents ("€1,200,000"), cents when there are any ("€14.50").
        minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
        maximumFractionDigits: 2,
      });
    } catch {
      return `${number} ${code}`;
    }
  }
  if (metric.kind === 'percent') return `${number}%`;
  if (metric.kind === 'yes-no') return value === 1 ? 'Yes' : 'No';
  return metric.unit ? `${number} ${metric.unit}` : number;
}

/**
 * One value of a field as text; null and empty read as "—". `metric` gives numbers their unit (the
 * goal's metric as it is now: a changed unit would otherwise need its own history per value).
 */
export function formatValue(
  field: HistoryField,
  value: HistoryValue,
  metric: Pick<Goal['metric'], 'kind' | 'unit'>,
): string {
  if (value === null || value === '') return '—';
  switch (field) {
    case 'state':
      return STATE_LABEL[value as GoalState] ?? String(value);
    case 'level':
      return LEVEL_LABEL[value as GoalLevel] ?? String(value);
    case 'metric-kind':
      return METRIC_KIND_LABEL[value as MetricKind] ?? String(value);
    case 'difficulty':
      return DIFFICULTY_LABEL[value as keyof typeof DIFFICULTY_LABEL] ?? String(value);
    case 'start-date':
    case 'due-date':
      return formatDay(String(value));
    case 'start':
    case 'target':
    case 'current':
      return typeof value === 'number' ? formatMetric(value, metric) : String(value);
    case 'direction':
      return value === 'decreasing' ? 'Decrease' : 'Increase';
    case 'milestone':
    case 'deleted':
      if (typeof value === 'boolean') {
        if (field === 'deleted') return value ? 'Deleted' : 'Restored';
        return value ? 'Done' : 'Open';
      }
      return String(value);
    default:
      return String(value);
  }
}

/** How one entry reads: a verb phrase, and old → new values when the change has both. */
export interface EntryText {
  action: string;
  from: string | null;
  to: string | null;
}

export function describeEntry(
  entry: Pick<HistoryEntry, 'field' | 'from' | 'to' | 'detail'>,
  metric: Pick<Goal['metric'], 'kind' | 'unit'>,
): EntryText {
  const value = (v: HistoryValue) => formatValue(entry.field, v, metric);
  const quoted = (v: HistoryValue) => `“${String(v)}”`;
  switch (entry.field) {
    case 'created':
      return {
        action: entry.to ? `created the goal ${quoted(entry.to)}` : 'created the goal',
        from: null,
        to: null,
      };
    case 'approval':
      return { action: 'approved it: now active', from: null, to: null };
    case 'current':
      return { action: 'recorded progress', from: value(entry.from), to: value(entry.to) };
    case 'milestone':
      if (typeof entry.to === 'boolean') {
        const verb = entry.to ? 'ticked off' : 'reopened';
        return {
          action: `${verb} the milestone ${quoted(entry.detail ?? '')}`,
          from: null,
          to: null,
        };
      }
      if (entry.from === null) {
        return { action: `added the milestone ${quoted(entry.to)}`, from: null, to: null };
      }
      if (entry.to === null) {
        return { action: `removed the milestone ${quoted(entry.from)}`, from: null, to: null };
      }
      return { action: 'renamed a milestone', from: value(entry.from), to: value(entry.to) };
    case 'tag':
      return entry.to === null
        ? { action: `removed the tag ${quoted(entry.from)}`, from: null, to: null }
        : { action: `added the tag ${quoted(entry.to)}`, from: null, to: null };
    case 'deleted':
      return { action: entry.to ? 'deleted the goal' : 'restored the goal', from: null, to: null };
    default:
      return {
        action: `changed ${FIELD_LABEL[entry.field].toLowerCase()}`,
        from: value(entry.from),
        to: value(entry.to),
      };
  }
}
