// Group aggregates that never show an individual (ANA7–ANA9, PRODUCT "Privacy rules").

/** ANA7: no aggregate of people's moods (or any other per-person value) is shown for fewer than
 *  five distinct people. */
export const MIN_GROUP_SIZE = 5;

/** The median of some values (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface PersonValue {
  personId: string;
  value: number;
}

export type GroupAggregate =
  | { shown: true; people: number; median: number }
  /** ANA8: fewer than five people: nothing of the group but that it is too small. */
  | { shown: false; people: number };

/**
 * ANA7, ANA8: a group's median over its people's values, where a person with several values
 * (two meetings in one week) counts once, by their own median, so one person cannot stand in for
 * several. Below MIN_GROUP_SIZE distinct people, nothing but the count is returned.
 */
export function groupMedian(values: readonly PersonValue[]): GroupAggregate {
  const byPerson = new Map<string, number[]>();
  for (const { personId, value } of values) {
    const list = byPerson.get(personId) ?? [];
    list.push(value);
    byPerson.set(personId, list);
  }
  const people = byPerson.size;
  if (people < MIN_GROUP_SIZE) return { shown: false, people };
  const perPerson = [...byPerson.values()].map((list) => median(list)!);
  return { shown: true, people, median: median(perPerson)! };
}

/** ANA9: moods are read only as weekly group medians: the week a mood falls in is the Monday
 *  (UTC) that starts it, written YYYY-MM-DD. Every weekly series (meetings, actions) uses it. */
export function weekOf(day: string | Date): string {
  const date = typeof day === 'string' ? new Date(`${day.slice(0, 10)}T00:00:00Z`) : new Date(day);
  const fromMonday = (date.getUTCDay() + 6) % 7;
  const monday = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - fromMonday),
  );
  return monday.toISOString().slice(0, 10);
}
