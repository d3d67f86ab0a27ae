// The session's printable report (CAL81): the distribution of ratings, as the proposals put them
// (original) and where the cards sit now (calibrated), against the guideline, and the 9-box
// counts. Pure: the report page reads the board and asks for these numbers.
import { boxCounts, type Card } from './board.ts';
import type { ScalePoint } from './model.ts';

export interface ReportRow {
  rating: number;
  label: string;
  /** The guideline's percent (CAL3). */
  guideline: number;
  original: number;
  calibrated: number;
  /** Percent of the cards with an original / placed now, to one decimal; 0 when none. */
  originalPercent: number;
  calibratedPercent: number;
}

export interface ReportDistribution {
  rows: ReportRow[];
  withOriginal: number;
  placed: number;
  boxes: ReturnType<typeof boxCounts>;
}

const percentOf = (count: number, total: number) =>
  total === 0 ? 0 : Math.round((count / total) * 1_000) / 10;

/** CAL81: per rating of the scale, lowest first. */
export function reportDistribution(
  cards: Iterable<Card>,
  scale: readonly ScalePoint[],
  guideline: Readonly<Record<string, number>>,
): ReportDistribution {
  const list = [...cards];
  const original = new Map<number, number>();
  const calibrated = new Map<number, number>();
  for (const card of list) {
    if (card.original)
      original.set(card.original.rating, (original.get(card.original.rating) ?? 0) + 1);
    if (card.current)
      calibrated.set(card.current.rating, (calibrated.get(card.current.rating) ?? 0) + 1);
  }
  const withOriginal = list.filter((card) => card.original !== null).length;
  const placed = list.filter((card) => card.current !== null).length;
  return {
    rows: scale.map((point) => {
      const o = original.get(point.value) ?? 0;
      const c = calibrated.get(point.value) ?? 0;
      return {
        rating: point.value,
        label: point.label,
        guideline: guideline[String(point.value)] ?? 0,
        original: o,
        calibrated: c,
        originalPercent: percentOf(o, withOriginal),
        calibratedPercent: percentOf(c, placed),
      };
    }),
    withOriginal,
    placed,
    boxes: boxCounts(list),
  };
}
