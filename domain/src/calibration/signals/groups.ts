// Group gaps (CAL56–CAL58): the mean rating now of each location, tenure band and job level,
// with its number of people and a 95 % interval (CAL53), against the mean of everyone else
// placed. A group of fewer than five people is not shown on its own: its people are counted
// together under "Not shown (fewer than 5)", with no mean, so nobody reads noise as bias or
// picks one person out of a chart.
import type { SignalCard, SignalPerson } from './input.ts';
import { placedRatings } from './input.ts';
import { mean, meanInterval, outside, sampleSd, type Interval } from './stats.ts';
import { MIN_GROUP_SIZE } from '../../analytics/privacy.ts';

/** CAL57: the smallest group shown on its own — the product's one threshold (ANA7). */
export { MIN_GROUP_SIZE };

export type GroupDimension = 'location' | 'tenure' | 'level';

export const DIMENSION_LABELS: Record<GroupDimension, string> = {
  location: 'Location',
  tenure: 'Tenure',
  level: 'Job level',
};

export interface GroupGap {
  key: string;
  label: string;
  n: number;
  mean: number;
  interval: Interval | null;
  restN: number;
  restMean: number;
  /** Mean minus the rest's mean. */
  gap: number;
  /** CAL58: only when the interval excludes the rest's mean. */
  verdict: 'below' | 'above' | null;
}

export interface GroupBreakdown {
  dimension: GroupDimension;
  /** Groups of five people or more, in the dimension's order. */
  groups: GroupGap[];
  /** CAL57: the groups under five people, counted together, with no mean. */
  notShown: { groups: number; people: number };
}

const LOCATIONS = [
  ['office', 'Office'],
  ['hybrid', 'Hybrid'],
  ['remote', 'Remote'],
] as const;

export const TENURE_BANDS = [
  ['under-1', 'Under 1 year'],
  ['1-3', '1–3 years'],
  ['3-5', '3–5 years'],
  ['5-plus', '5 years or more'],
  ['unknown', 'Hire date unknown'],
] as const;

/** CAL56: whole months from a hire date (YYYY-MM-DD) to `today`. */
export function monthsBetween(from: string, today: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** CAL56: the tenure band of a hire date on `today`. */
export function tenureBand(hireDate: string | null, today: string): string {
  if (hireDate === null) return 'unknown';
  const months = monthsBetween(hireDate, today);
  if (months < 12) return 'under-1';
  if (months < 36) return '1-3';
  if (months < 60) return '3-5';
  return '5-plus';
}

const NO_LEVEL = '';

/** Each person's band as of a day, kept with the person's object: the board recomputes the
 *  signals on every move with the same people, and reading 500 dates each time is most of it. */
const bands = new WeakMap<SignalPerson, { today: string; hireDate: string | null; band: string }>();

function tenureOf(person: SignalPerson, today: string): string {
  const known = bands.get(person);
  if (known && known.today === today && known.hireDate === person.hireDate) return known.band;
  const band = tenureBand(person.hireDate, today);
  bands.set(person, { today, hireDate: person.hireDate, band });
  return band;
}

function keyOf(dimension: GroupDimension, person: SignalPerson, today: string): string {
  switch (dimension) {
    case 'location':
      return person.location;
    case 'tenure':
      return tenureOf(person, today);
    case 'level':
      return person.jobLevel.trim() || NO_LEVEL;
  }
}

function orderOf(dimension: GroupDimension, keys: Iterable<string>): [string, string][] {
  const present = new Set(keys);
  switch (dimension) {
    case 'location':
      return LOCATIONS.filter(([key]) => present.has(key)).map(([k, l]): [string, string] => [
        k,
        l,
      ]);
    case 'tenure':
      return TENURE_BANDS.filter(([key]) => present.has(key)).map(([k, l]): [string, string] => [
        k,
        l,
      ]);
    case 'level':
      return [...present]
        .sort((a, b) =>
          a === NO_LEVEL ? 1 : b === NO_LEVEL ? -1 : a.localeCompare(b, 'en', { numeric: true }),
        )
        .map((key): [string, string] => [key, key === NO_LEVEL ? 'No level' : key]);
  }
}

/** CAL56–CAL58 for one dimension. */
export function groupGapsOf(
  dimension: GroupDimension,
  cards: Iterable<SignalCard>,
  people: ReadonlyMap<string, SignalPerson>,
  today: string,
): GroupBreakdown {
  const placed = placedRatings(cards, people);
  const all: number[] = [];
  const byKey = new Map<string, number[]>();
  for (const { rating, person } of placed) {
    if (!person) continue;
    all.push(rating);
    const key = keyOf(dimension, person, today);
    const list = byKey.get(key);
    if (list) list.push(rating);
    else byKey.set(key, [rating]);
  }
  const boardSd = sampleSd(all);
  let total = 0;
  for (const rating of all) total += rating;
  const groups: GroupGap[] = [];
  const notShown = { groups: 0, people: 0 };
  for (const [key, label] of orderOf(dimension, byKey.keys())) {
    const ratings = byKey.get(key)!;
    if (ratings.length < MIN_GROUP_SIZE) {
      notShown.groups += 1;
      notShown.people += ratings.length;
      continue;
    }
    const m = mean(ratings);
    const restN = all.length - ratings.length;
    let own = 0;
    for (const rating of ratings) own += rating;
    const restMean = restN === 0 ? Number.NaN : (total - own) / restN;
    const interval = meanInterval(ratings, boardSd);
    groups.push({
      key,
      label,
      n: ratings.length,
      mean: m,
      interval,
      restN,
      restMean,
      gap: m - restMean,
      verdict: outside(interval, restMean),
    });
  }
  return { dimension, groups, notShown };
}

export const GROUP_DIMENSIONS: readonly GroupDimension[] = ['location', 'tenure', 'level'];
