// The distribution against the guideline (CAL50–CAL52): per rating, how many people the proposals
// put there (original) and how many sit there now (calibrated), each as a share of its own placed
// cards, beside the guideline's percent; the 9-box counts of both; and the share on the 9-box's
// diagonal (low/low, medium/medium, high/high), pointed out above 80 %.
import type { BoxNumber } from '../nine-box.ts';
import { boxOf } from '../nine-box.ts';
import type { SignalCard, SignalConfig } from './input.ts';

/** CAL52: more than this share of the placed cards on the diagonal is pointed out. */
export const DIAGONAL_SHARE_ABOVE = 0.8;
/** CAL52: the boxes where performance and potential are the same level. */
export const DIAGONAL_BOXES: readonly BoxNumber[] = [1, 5, 9];

export interface RatingRow {
  rating: number;
  label: string;
  /** The guideline's percent for this rating (CAL3); 0 when the guideline names none. */
  guidelinePercent: number;
  original: number;
  calibrated: number;
  /** Shares (0–1) of the placed cards: originals among the cards with one, calibrated among the
   *  placed. 0 when there are none. */
  originalShare: number;
  calibratedShare: number;
}

export interface DiagonalShare {
  count: number;
  placed: number;
  share: number;
  /** CAL52: more than 80 % of the placed cards are on the diagonal. */
  flagged: boolean;
}

export interface Distribution {
  ratings: RatingRow[];
  /** Cards with an original (a proposal), and cards placed now. */
  originalPlaced: number;
  calibratedPlaced: number;
  /** CAL51: the 9-box counts, of the originals and of where the cards sit now. */
  boxes: { original: Record<BoxNumber, number>; calibrated: Record<BoxNumber, number> };
  diagonal: { original: DiagonalShare; calibrated: DiagonalShare };
}

const emptyBoxes = () =>
  ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0 }) as Record<BoxNumber, number>;

function diagonalOf(boxes: Record<BoxNumber, number>): DiagonalShare {
  let placed = 0;
  for (const box of [1, 2, 3, 4, 5, 6, 7, 8, 9] as const) placed += boxes[box];
  const count = DIAGONAL_BOXES.reduce((sum, box) => sum + boxes[box], 0);
  const share = placed === 0 ? 0 : count / placed;
  return { count, placed, share, flagged: share > DIAGONAL_SHARE_ABOVE };
}

/** CAL50–CAL52 in one pass over the cards. */
export function distributionOf(cards: Iterable<SignalCard>, config: SignalConfig): Distribution {
  const original = new Map<number, number>();
  const calibrated = new Map<number, number>();
  const boxes = { original: emptyBoxes(), calibrated: emptyBoxes() };
  let originalPlaced = 0;
  let calibratedPlaced = 0;
  for (const card of cards) {
    if (card.original !== null) {
      originalPlaced += 1;
      original.set(card.original.rating, (original.get(card.original.rating) ?? 0) + 1);
      const box = boxOf(card.original, config.bands);
      if (box !== null) boxes.original[box] += 1;
    }
    if (card.current !== null) {
      calibratedPlaced += 1;
      calibrated.set(card.current.rating, (calibrated.get(card.current.rating) ?? 0) + 1);
      if (card.box !== null) boxes.calibrated[card.box] += 1;
    }
  }
  const share = (count: number, of: number) => (of === 0 ? 0 : count / of);
  const ratings = config.scale.map((point): RatingRow => {
    const o = original.get(point.value) ?? 0;
    const c = calibrated.get(point.value) ?? 0;
    return {
      rating: point.value,
      label: point.label,
      guidelinePercent: config.guideline[String(point.value)] ?? 0,
      original: o,
      calibrated: c,
      originalShare: share(o, originalPlaced),
      calibratedShare: share(c, calibratedPlaced),
    };
  });
  return {
    ratings,
    originalPlaced,
    calibratedPlaced,
    boxes,
    diagonal: { original: diagonalOf(boxes.original), calibrated: diagonalOf(boxes.calibrated) },
  };
}
