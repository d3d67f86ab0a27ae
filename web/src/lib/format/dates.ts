// Dates as every page shows them: one locale for all of them, so a goal's due date, its history
// and a person's hire date read alike. There is no organisation locale setting yet, so the locale
// is the runtime's: the browser's (as its native date inputs use), and on the server the process's
// (`locale` lets a test, or a later organisation setting, choose).
const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string | undefined, options: Intl.DateTimeFormatOptions) {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formats.set(key, found);
  }
  return found;
}

/** A calendar day stored as 'YYYY-MM-DD', shown as that day wherever the reader is. */
export function formatDay(day: string, locale?: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(time)) return day;
  return format(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(time);
}

/** A moment, in the reader's time zone, with its time of day. */
export function formatDateTime(value: Date | string, locale?: string): string {
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return String(value);
  return format(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}
