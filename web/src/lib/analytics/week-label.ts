// How the dashboards' charts name a week on their axes and in their tooltips: by its first day,
// as the pages write a day without its year (formatShortDay, in the page's locale, ORG19), the
// same on the weekly columns and on the lines over weeks. Tables and CSVs keep YYYY-MM-DD.
import { formatShortDay } from '$lib/format/dates';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A week's first day (a Date at UTC midnight, or 'YYYY-MM-DD'); any other label as it is. */
export function weekLabel(value: unknown): string {
  if (value instanceof Date) return formatShortDay(value);
  const text = String(value);
  return DAY.test(text) ? formatShortDay(text) : text;
}
