// Dates on the admin pages: the one format every page uses (lib/format/dates.ts).
export { formatDateTime, formatDay } from '$lib/format/dates';

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
