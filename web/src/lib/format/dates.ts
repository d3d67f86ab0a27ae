// Dates as every page shows them: one locale for all of them, so a goal's due date, its history,
// a person's hire date and a 1:1's meetings read alike (ORG19). The locale is the page's
// (locale.ts: the organisation's, else the reader's browser language); `locale` lets a test choose.
import { pageLocale } from './locale.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

/** One Intl.DateTimeFormat per locale and options, kept: building one costs more than using it. */
export function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions) {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formats.set(key, found);
  }
  return found;
}

/** A calendar day stored as 'YYYY-MM-DD', shown as that day wherever the reader is. */
export function formatDay(day: string, locale = pageLocale()): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(time)) return day;
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(time);
}

/**
 * A calendar day without its year, as charts name weeks on their axes and in their tooltips: the
 * day and the month in the page's locale, like the 1:1 pages' days ("8 Dec" in en-GB, "Dec 8" in
 * en-US). A Date is read as the calendar day of its UTC midnight, as the charts build them.
 */
export function formatShortDay(day: string | Date, locale = pageLocale()): string {
  const time = typeof day === 'string' ? Date.parse(`${day}T00:00:00Z`) : day.getTime();
  if (Number.isNaN(time)) return String(day);
  return dateFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(time);
}

/** A moment, in the reader's time zone, with its time of day. */
export function formatDateTime(value: Date | string, locale = pageLocale()): string {
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return String(value);
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}
