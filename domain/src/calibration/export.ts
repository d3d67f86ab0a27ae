// The finalized session's exports (CAL79, CAL80): the final ratings and the full move history as
// rows of text, each cell made safe for spreadsheets. Pure: the web server reads the board, asks
// for these rows and streams them through a CSV writer, which quotes; this file decides what the
// cells say.
import { defuseFormula } from '../csv-safe.ts';
import type { Card, Move } from './board.ts';
import type { BoardConfig, Rated } from './model.ts';
import type { Recommendation } from './merit/recommend.ts';
import { amountText } from './merit/pay.ts';

/**
 * CAL80: a cell a spreadsheet would read as a formula — starting with =, +, -, @, a tab or a
 * carriage return — gets a leading apostrophe, which spreadsheets show as text; anything else is
 * left as it is.
 */
export function safeCell(value: string): string {
  return defuseFormula(value);
}

export interface ExportPerson {
  name: string;
  title: string;
  managerName: string | null;
}

const labelOf = (config: BoardConfig, rated: Rated | null) =>
  rated === null
    ? ''
    : (config.scale.find((point) => point.value === rated.rating)?.label ?? String(rated.rating));

export const RATINGS_HEADER = [
  'Name',
  'Title',
  'Manager',
  'Original rating',
  'Original potential',
  'Calibrated rating',
  'Calibrated potential',
  'Box',
  'Last move’s justification',
] as const;
export const RATINGS_PAY_HEADER = [
  'Range position',
  'Recommended increase (%)',
  'Recommended increase',
  'Currency',
] as const;

/**
 * CAL79: one row per card, by name: original and calibrated rating (label) and potential, the
 * box, and the justification of the card's last move; with `recommendations` (only for readers
 * who receive pay, CAL76) the position in range, the increase's percent, amount and currency.
 */
export function ratingsRows(input: {
  config: BoardConfig;
  cards: Iterable<Card>;
  moves: readonly Move[];
  people: ReadonlyMap<string, ExportPerson>;
  recommendations?: ReadonlyMap<string, Recommendation>;
}): string[][] {
  const { config, people, recommendations } = input;
  const lastMove = new Map<string, Move>();
  for (const move of input.moves) lastMove.set(move.personId, move);
  const header: string[] = [...RATINGS_HEADER, ...(recommendations ? RATINGS_PAY_HEADER : [])];
  const rows = [...input.cards].map((card) => {
    const person = people.get(card.personId);
    const row = [
      person?.name ?? card.personId,
      person?.title ?? '',
      person?.managerName ?? '',
      labelOf(config, card.original),
      card.original?.potential ?? '',
      labelOf(config, card.current),
      card.current?.potential ?? '',
      card.box === null ? '' : String(card.box),
      lastMove.get(card.personId)?.justification ?? '',
    ];
    if (recommendations) {
      const recommendation = recommendations.get(card.personId);
      row.push(
        ...(recommendation?.kind === 'recommended'
          ? [
              recommendation.band,
              String(recommendation.percent),
              amountText(recommendation.amount),
              recommendation.currency,
            ]
          : ['', '', '', recommendation?.kind === 'not-rated' ? recommendation.currency : '']),
      );
    }
    return row;
  });
  rows.sort((a, b) => a[0]!.localeCompare(b[0]!));
  return [header, ...rows].map((row) => row.map(safeCell));
}

export const MOVES_HEADER = [
  'When',
  'Name',
  'Moved by',
  'From rating',
  'From potential',
  'To rating',
  'To potential',
  'Justification',
] as const;

/** CAL79: every move, oldest first (CAL21), with who moved whom, from where to where and why. */
export function movesRows(input: {
  config: BoardConfig;
  moves: readonly Move[];
  names: ReadonlyMap<string, string>;
}): string[][] {
  const { config, names } = input;
  const rows = input.moves.map((move) => [
    move.at,
    names.get(move.personId) ?? move.personId,
    names.get(move.by) ?? move.by,
    labelOf(config, move.from),
    move.from?.potential ?? '',
    labelOf(config, move.to),
    move.to.potential,
    move.justification,
  ]);
  return [[...MOVES_HEADER], ...rows].map((row) => row.map(safeCell));
}
