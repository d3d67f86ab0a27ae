// Helpers for the signals' tests: people with defaults, cards placed as given.
import type { Rated } from '../model.ts';
import { boxOf } from '../nine-box.ts';
import { FIVE_POINTS, uuid } from '../testing.ts';
import type { SignalCard, SignalConfig, SignalPerson } from './input.ts';

export const CONFIG: SignalConfig = {
  ...FIVE_POINTS,
  guideline: { 1: 10, 2: 20, 3: 40, 4: 20, 5: 10 },
};

export const person = (n: number, fields: Partial<SignalPerson> = {}): SignalPerson => ({
  personId: uuid(n),
  managerId: null,
  location: 'office',
  hireDate: '2022-01-10',
  jobLevel: 'IC2',
  goalAchievement: null,
  ...fields,
});

/** A card at `current` (null: not placed) with `original` (defaults to where it sits). */
export const card = (
  n: number,
  current: Rated | null,
  original: Rated | null = current,
): SignalCard => ({
  personId: uuid(n),
  original,
  current,
  box: current === null ? null : boxOf(current, CONFIG.bands),
});

export const peopleMap = (people: readonly SignalPerson[]) =>
  new Map(people.map((p) => [p.personId, p]));

export { uuid };
