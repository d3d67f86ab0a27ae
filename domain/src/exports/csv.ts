// The personal export as CSV tables (EXP10), for spreadsheets: one table per section, every cell
// guarded against formula injection. The JSON (personal.ts) is the complete, re-importable
// shape; these tables are a reading of it.
import { defuseFormula } from '../csv-safe.ts';
import type { PersonalExport } from './personal.ts';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * EXP10: one cell as text. Text that a spreadsheet would run as a formula (starting with `=`,
 * `+`, `-`, `@`, a tab or a carriage return, or their full-width forms) is prefixed with `'`,
 * which spreadsheets show as text; numbers and booleans are written as they are.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return defuseFormula(value);
}

export interface CsvTable {
  /** File name part: `goals`, `action-items`, … */
  name: string;
  header: string[];
  rows: string[][];
}

function table(name: string, header: string[], rows: CsvValue[][]): CsvTable {
  return { name, header, rows: rows.map((row) => row.map(csvCell)) };
}

const joined = (values: readonly string[]) => values.join('\n');

/** EXP10: the export's sections as tables, in a fixed order; a section with no rows still has
 *  its header, except development items on a server without them. */
export function personalExportTables(data: PersonalExport): CsvTable[] {
  const cycleName = new Map(data.cycles.map((cycle) => [cycle.id, cycle.name]));
  const tables: CsvTable[] = [
    table(
      'goals',
      [
        'goal_id',
        'cycle',
        'parent_id',
        'title',
        'description',
        'level',
        'state',
        'metric_kind',
        'start',
        'target',
        'current',
        'unit',
        'progress',
        'health',
        'start_date',
        'due_date',
        'tags',
        'created_at',
      ],
      data.goals.map((goal) => [
        goal.id,
        cycleName.get(goal.cycleId) ?? goal.cycleId,
        goal.parentId,
        goal.title,
        goal.description,
        goal.level,
        goal.state,
        goal.metric.kind,
        goal.metric.start,
        goal.metric.target,
        goal.metric.current,
        goal.metric.unit,
        goal.progress,
        goal.health,
        goal.startDate,
        goal.dueDate,
        goal.tags.join('; '),
        goal.createdAt,
      ]),
    ),
    table(
      'goal-check-ins',
      ['goal_id', 'goal', 'at', 'value', 'progress', 'by'],
      data.goals.flatMap((goal) =>
        goal.checkIns.map((c) => [goal.id, goal.title, c.at, c.value, c.progress, c.by]),
      ),
    ),
    table(
      'goal-history',
      ['goal_id', 'goal', 'at', 'by', 'field', 'from', 'to', 'detail'],
      data.goals.flatMap((goal) =>
        goal.history.map((h) => [
          goal.id,
          goal.title,
          h.at,
          h.by?.name ?? 'system',
          h.field,
          h.from === null ? null : String(h.from),
          h.to === null ? null : String(h.to),
          h.detail,
        ]),
      ),
    ),
    table(
      'meetings',
      ['series_id', 'manager', 'employee', 'meeting_id', 'date', 'cancelled', 'shared_notes'],
      data.oneOnOnes.flatMap((series) =>
        series.meetings.map((m) => [
          series.id,
          series.manager.name,
          series.employee.name,
          m.id,
          m.date,
          m.cancelled,
          m.sharedNotes ? joined(m.sharedNotes.blocks) : null,
        ]),
      ),
    ),
    table(
      'talking-points',
      ['series_id', 'meeting_id', 'date', 'section', 'text', 'done', 'author_id', 'created_at'],
      data.oneOnOnes.flatMap((series) =>
        series.meetings.flatMap((m) =>
          m.points.map((p) => [
            series.id,
            m.id,
            m.date,
            p.section,
            p.text,
            p.done,
            p.authorId,
            p.createdAt,
          ]),
        ),
      ),
    ),
    table(
      'action-items',
      ['series_id', 'action_id', 'title', 'owner_id', 'due_date', 'raised_in', 'done', 'done_at'],
      data.oneOnOnes.flatMap((series) =>
        series.actionItems.map((a) => [
          series.id,
          a.id,
          a.title,
          a.ownerId,
          a.dueDate,
          a.raisedIn,
          a.done,
          a.doneAt,
        ]),
      ),
    ),
    table(
      'private-notes',
      ['series_id', 'meeting_id', 'date', 'notes'],
      data.oneOnOnes.flatMap((series) =>
        series.meetings.flatMap((m) =>
          m.privateNotes ? [[series.id, m.id, m.date, joined(m.privateNotes.blocks)]] : [],
        ),
      ),
    ),
    table(
      'moods',
      ['series_id', 'meeting_id', 'date', 'mood', 'at'],
      data.oneOnOnes.flatMap((series) =>
        series.meetings.flatMap((m) =>
          m.mood ? [[series.id, m.id, m.date, m.mood.value, m.mood.at]] : [],
        ),
      ),
    ),
    table(
      'ratings',
      ['cycle', 'rating', 'label', 'performance', 'potential', 'box', 'published_at'],
      data.ratings.map((r) => [
        r.cycle.name,
        r.rating,
        r.ratingLabel,
        r.performance,
        r.potential,
        r.box,
        r.publishedAt,
      ]),
    ),
  ];
  if (data.developmentItems !== null) {
    tables.push(recordsTable('development-items', data.developmentItems));
  }
  if (data.skillGaps !== null) tables.push(recordsTable('skill-gaps', data.skillGaps));
  return tables;
}

/** Development items and skill gaps keep their own fields as columns, in first-seen order. */
function recordsTable(name: string, items: readonly Record<string, unknown>[]): CsvTable {
  const header: string[] = [];
  for (const item of items)
    for (const key of Object.keys(item)) {
      if (!header.includes(key)) header.push(key);
    }
  const cell = (value: unknown): CsvValue =>
    value === null || value === undefined || typeof value !== 'object'
      ? (value as CsvValue)
      : JSON.stringify(value);
  return table(
    name,
    header,
    items.map((item) => header.map((key) => cell(item[key]))),
  );
}
