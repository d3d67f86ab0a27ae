// Dates on the admin pages: the one format every page uses (lib/format/dates.ts).
export { formatDateTime, formatDay } from '$lib/format/dates';

const pluralRules = new Intl.PluralRules('en');

/** "1 person", "0 people", "5,000 people": the count and the noun its plural category asks for. */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${pluralRules.select(count) === 'one' ? one : many}`;
}
