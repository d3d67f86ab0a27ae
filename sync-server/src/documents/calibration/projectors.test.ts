import { describe, expect, it } from 'vitest';
import { moveCard } from '@threadline/domain/calibration/edits';
import { boardWith, FIVE_POINTS, uuid } from '@threadline/domain/calibration/testing';
import { boardProjector } from './projectors.ts';

const key = { organisationId: uuid(99), name: `calibration/${uuid(98)}` };

describe('the board projector', () => {
  it('[CAL23] after a move, projects that card and that move only, as a full run would', () => {
    const doc = boardWith({
      [uuid(1)]: { rating: 3, potential: 'medium' },
      [uuid(2)]: { rating: 4, potential: 'high' },
      [uuid(3)]: null,
    });
    const followed = boardProjector.follow(doc, key);
    const all = [...followed.rows(FIVE_POINTS, true)].flat();
    expect(all.map((row) => `${row.table}:${row.id}`).sort()).toEqual(
      [1, 2, 3].map((n) => `calibration_cards:${uuid(n)}`),
    );
    moveCard(
      doc,
      {
        moveId: uuid(50),
        personId: uuid(2),
        to: { rating: 3, potential: 'low' },
        justification: 'Scope was smaller',
      },
      FIVE_POINTS,
      { by: uuid(10), at: '2026-12-07T10:00:00.000Z' },
    );
    const touched = [...followed.rows(FIVE_POINTS, false)].flat();
    expect(touched.map((row) => `${row.table}:${row.id}`)).toEqual([
      `calibration_cards:${uuid(2)}`,
      `calibration_moves:${uuid(50)}`,
    ]);
    const full = [...followed.rows(FIVE_POINTS, true)].flat();
    for (const row of touched) {
      expect(full.find((r) => r.table === row.table && r.id === row.id)).toEqual(row);
    }
    expect(touched[0]!.values).toMatchObject({ currentBox: 4, moves: 1 });
    // Nothing changed since: nothing to project.
    expect([...followed.rows(FIVE_POINTS, false)].flat()).toEqual([]);
    followed.stop();
  });
});
