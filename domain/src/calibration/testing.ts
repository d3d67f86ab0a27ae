// Helpers for the calibration tests: a five-point session, a board built as the server builds it.
import * as Y from 'yjs';
import { uuid } from '../goals/testing.ts';
import { replica } from '../ydoc/testing.ts';
import { buildBoard } from './edits.ts';
import type { BoardConfig, Rated } from './model.ts';
import type { OriginalValue } from './shape.ts';

/** The default session: five points, 1–2 low, 3 medium, 4–5 high. */
export const FIVE_POINTS: BoardConfig = {
  scale: [
    { value: 1, label: 'Below expectations' },
    { value: 2, label: 'Partly meets' },
    { value: 3, label: 'Meets expectations' },
    { value: 4, label: 'Exceeds' },
    { value: 5, label: 'Outstanding' },
  ],
  bands: { low: [1, 2], medium: [3], high: [4, 5] },
};

export const SCALE = new Set(FIVE_POINTS.scale.map((point) => point.value));

export const original = (rated: Rated, proposedBy = uuid(900)): OriginalValue => ({
  ...rated,
  rationale: 'Steady year',
  proposedBy,
});

/** The server's board (client id 1) with one card per entry; `null`: no proposal. */
export function boardWith(cards: Record<string, Rated | null>): Y.Doc {
  const doc = replica(1);
  buildBoard(
    doc,
    Object.entries(cards).map(([personId, rated]) => ({
      personId,
      original: rated === null ? null : original(rated),
    })),
  );
  return doc;
}

export { uuid };
