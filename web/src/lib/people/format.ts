// Dates as the admin pages show them (in the viewer's locale when rendered in the browser).
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

export function formatDateTime(value: Date | string): string {
  return dateTime.format(new Date(value));
}

/** A calendar day stored as 'YYYY-MM-DD' (no time zone shift). */
export function formatDay(value: string): string {
  return day.format(new Date(`${value}T00:00:00Z`));
}

const pluralRules = new Intl.PluralRules('en');

/** "1 person", "0 people", "5,000 people": the count and the noun its plural category asks for. */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${pluralRules.select(count) === 'one' ? one : many}`;
}
