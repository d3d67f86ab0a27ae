import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replica, syncBoth } from '../ydoc/testing.ts';
import {
  boardCards,
  boxCounts,
  movesInOrder,
  needsJustification,
  standingMoveInstead,
} from './board.ts';
import { moveCard, setProposal } from './edits.ts';
import { projectCards, projectMoves, projectProposals } from './projector.ts';
import { replicaAsOf, timelineOf } from './replay.ts';
import { ratingsToPublish } from './published.ts';
import { proposalsOf } from './shape.ts';
import { boardWith, FIVE_POINTS, uuid } from './testing.ts';

const kwame = uuid(1);
const ana = uuid(2);
const noProposal = uuid(3);
const daniel = uuid(10);
const maya = uuid(11);

const board = () =>
  boardWith({
    [kwame]: { rating: 3, potential: 'medium' },
    [ana]: { rating: 5, potential: 'high' },
    [noProposal]: null,
  });

const move = (
  doc: Y.Doc,
  moveId: string,
  personId: string,
  to: { rating: number; potential: 'low' | 'medium' | 'high' },
  justification: string,
  by = daniel,
  at = '2026-12-07T10:00:00.000Z',
) => moveCard(doc, { moveId, personId, to, justification }, FIVE_POINTS, { by, at });

describe('the board', () => {
  it('[CAL20] shows each card at its original until moved; a card without a proposal is unplaced', () => {
    const cards = boardCards(board(), FIVE_POINTS);
    expect(cards.get(kwame)).toMatchObject({ current: { rating: 3, potential: 'medium' }, box: 5 });
    expect(cards.get(ana)?.box).toBe(9);
    expect(cards.get(noProposal)).toMatchObject({ original: null, current: null, box: null });
    expect(boxCounts(cards.values())).toEqual({
      boxes: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 1, 6: 0, 7: 0, 8: 0, 9: 1 },
      unplaced: 1,
    });
  });

  it('[CAL17] asks for a justification away from the original, none back to it, always without a proposal', () => {
    const doc = board();
    expect(
      needsJustification({ rating: 3, potential: 'medium' }, { rating: 3, potential: 'high' }),
    ).toBe(true);
    expect(needsJustification(null, { rating: 3, potential: 'high' })).toBe(true);
    expect(move(doc, uuid(100), kwame, { rating: 4, potential: 'medium' }, '  ')).toEqual({
      ok: false,
      reason: 'justification-needed',
    });
    expect(movesInOrder(doc)).toEqual([]);
    expect(
      move(doc, uuid(100), kwame, { rating: 4, potential: 'medium' }, 'Led the migration'),
    ).toEqual({ ok: true });
    expect(move(doc, uuid(101), kwame, { rating: 3, potential: 'medium' }, '')).toEqual({
      ok: true,
    });
    expect(move(doc, uuid(102), noProposal, { rating: 3, potential: 'low' }, '')).toMatchObject({
      ok: false,
    });
    expect(move(doc, uuid(103), kwame, { rating: 3, potential: 'medium' }, 'x')).toEqual({
      ok: false,
      reason: 'not-moved',
    });
  });

  it('[CAL21] keeps every move with who, when, from, to and why, oldest first', () => {
    const doc = board();
    move(
      doc,
      uuid(201),
      kwame,
      { rating: 4, potential: 'medium' },
      'Led the migration',
      daniel,
      '2026-12-07T10:00:00.000Z',
    );
    move(
      doc,
      uuid(200),
      kwame,
      { rating: 4, potential: 'high' },
      'Mentors two juniors',
      maya,
      '2026-12-07T10:05:00.000Z',
    );
    const moves = movesInOrder(doc, kwame);
    expect(moves.map((m) => [m.by, m.from, m.to, m.justification])).toEqual([
      [
        daniel,
        { rating: 3, potential: 'medium' },
        { rating: 4, potential: 'medium' },
        'Led the migration',
      ],
      [
        maya,
        { rating: 4, potential: 'medium' },
        { rating: 4, potential: 'high' },
        'Mentors two juniors',
      ],
    ]);
    expect(boardCards(doc, FIVE_POINTS).get(kwame)?.box).toBe(9);
  });

  it('[CAL19] converges two concurrent moves of one card to one box everywhere, keeping both moves', () => {
    const server = board();
    const a = replica(20);
    const b = replica(30);
    syncBoth(server, a);
    syncBoth(server, b);
    move(a, uuid(301), kwame, { rating: 2, potential: 'low' }, 'Missed targets', daniel);
    move(b, uuid(302), kwame, { rating: 5, potential: 'high' }, 'Carried the launch', maya);
    syncBoth(a, server);
    syncBoth(b, server);
    syncBoth(a, server);
    const boxes = [a, b, server].map((doc) => boardCards(doc, FIVE_POINTS).get(kwame)?.box);
    expect(new Set(boxes).size).toBe(1);
    expect(movesInOrder(server, kwame)).toHaveLength(2);
    const lost = [uuid(301), uuid(302)].filter((id) => standingMoveInstead(server, id) !== null);
    expect(lost).toHaveLength(1);
    const standing = standingMoveInstead(a, lost[0]!);
    expect(standing?.id).not.toBe(lost[0]);
    expect(boardCards(a, FIVE_POINTS).get(kwame)?.current).toEqual(standing?.to);
  });

  it('[CAL22] [CAL23] projects proposals, cards and moves', () => {
    const proposals = replica(5);
    setProposal(proposals, kwame, { rating: 3, potential: 'medium', rationale: 'Solid' });
    setProposal(proposals, kwame, { rating: 4, potential: 'medium', rationale: 'Solid' });
    expect(projectProposals(proposals)).toEqual([
      { personId: kwame, rating: 4, potential: 'medium', rationale: 'Solid' },
    ]);
    expect(proposalsOf(proposals).get(kwame)?.size).toBe(3);
    const doc = board();
    move(doc, uuid(400), kwame, { rating: 4, potential: 'high' }, 'Grew a lot');
    const cards = projectCards(doc, FIVE_POINTS);
    expect(cards.find((row) => row.personId === kwame)).toEqual({
      personId: kwame,
      originalRating: 3,
      originalPotential: 'medium',
      originalBox: 5,
      currentRating: 4,
      currentPotential: 'high',
      currentBox: 9,
      moves: 1,
    });
    expect(cards.find((row) => row.personId === noProposal)).toMatchObject({
      currentBox: null,
      moves: 0,
    });
    expect(projectMoves(doc)).toEqual([
      {
        moveId: uuid(400),
        personId: kwame,
        fromRating: 3,
        fromPotential: 'medium',
        toRating: 4,
        toPotential: 'high',
        justification: 'Grew a lot',
        movedBy: daniel,
        movedAt: '2026-12-07T10:00:00.000Z',
      },
    ]);
  });

  it('[CAL24] publishes every card’s current place, and refuses while a card is unplaced', () => {
    const doc = board();
    expect(ratingsToPublish(boardCards(doc, FIVE_POINTS).values(), FIVE_POINTS)).toEqual({
      ok: false,
      unplaced: [noProposal],
    });
    move(doc, uuid(500), noProposal, { rating: 2, potential: 'low' }, 'New joiner, ramping up');
    const result = ratingsToPublish(boardCards(doc, FIVE_POINTS).values(), FIVE_POINTS);
    expect(result).toEqual({
      ok: true,
      ratings: [
        {
          personId: kwame,
          rating: 3,
          ratingLabel: 'Meets expectations',
          performance: 'medium',
          potential: 'medium',
          box: 5,
        },
        {
          personId: ana,
          rating: 5,
          ratingLabel: 'Outstanding',
          performance: 'high',
          potential: 'high',
          box: 9,
        },
        {
          personId: noProposal,
          rating: 2,
          ratingLabel: 'Partly meets',
          performance: 'low',
          potential: 'low',
          box: 1,
        },
      ].sort((x, y) => x.personId.localeCompare(y.personId)),
    });
  });

  it('[CAL26] replays the board as of any moment of its log', () => {
    const doc = board();
    const log = [
      { receivedAt: new Date('2026-12-07T09:00:00Z'), update: Y.encodeStateAsUpdate(doc) },
    ];
    const before = Y.encodeStateVector(doc);
    move(doc, uuid(600), kwame, { rating: 5, potential: 'high' }, 'Outstanding delivery');
    log.push({
      receivedAt: new Date('2026-12-07T10:00:00Z'),
      update: Y.encodeStateAsUpdate(doc, before),
    });
    expect(timelineOf(log)).toEqual([log[0]!.receivedAt, log[1]!.receivedAt]);
    const at = (iso: string) =>
      boardCards(replicaAsOf(log, new Date(iso)), FIVE_POINTS).get(kwame)?.box;
    expect(at('2026-12-07T08:00:00Z')).toBeUndefined();
    expect(at('2026-12-07T09:30:00Z')).toBe(5);
    expect(at('2026-12-07T10:00:00Z')).toBe(9);
  });
});
