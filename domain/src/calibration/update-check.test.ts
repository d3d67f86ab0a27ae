import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replicaOf } from '../ydoc/replica.ts';
import { clientUpdate, replica } from '../ydoc/testing.ts';
import { moveCard, setProposal } from './edits.ts';
import { CALIBRATION_LIMITS, validateBoardDocument } from './schema.ts';
import { cardsOf, movesOf, proposalsOf } from './shape.ts';
import { boardWith, FIVE_POINTS, SCALE, uuid } from './testing.ts';
import {
  judgeBoardUpdate,
  judgeProposalsUpdate,
  type BoardActor,
  type CalibrationVerdict,
  type ProposalsActor,
} from './update-check.ts';

const kwame = uuid(1);
const ana = uuid(2);
const outsider = uuid(3);
const daniel = uuid(10);
const sofia = uuid(20);
const otherManager = uuid(21);

const leader: BoardActor = { personId: daniel, participant: true, scale: SCALE };
const at = '2026-12-07T10:00:00.000Z';

function judgeBoard(
  live: Y.Doc,
  change: (doc: Y.Doc) => void,
  actor: BoardActor = leader,
): CalibrationVerdict {
  const update = clientUpdate(live, 50, change);
  return judgeBoardUpdate(live, replicaOf(live), update, actor);
}

const rule = (verdict: CalibrationVerdict) =>
  verdict.ok ? 'ok' : verdict.reason === 'schema' ? 'schema' : verdict.refusal.rule;

const live = () => boardWith({ [kwame]: { rating: 3, potential: 'medium' }, [ana]: null });

const justifiedMove = (doc: Y.Doc, justification = 'Led the migration', by = daniel) =>
  moveCard(
    doc,
    { moveId: uuid(100), personId: kwame, to: { rating: 4, potential: 'high' }, justification },
    FIVE_POINTS,
    { by, at },
  );

describe('what the server accepts on the board', () => {
  it('[CAL17] [CAL18] accepts a justified move and a move back to the original without one', () => {
    const doc = live();
    expect(judgeBoard(doc, (c) => justifiedMove(c))).toEqual({ ok: true });
    justifiedMove(doc);
    const back = judgeBoard(doc, (c) =>
      moveCard(
        c,
        {
          moveId: uuid(101),
          personId: kwame,
          to: { rating: 3, potential: 'medium' },
          justification: '',
        },
        FIVE_POINTS,
        { by: daniel, at },
      ),
    );
    expect(back).toEqual({ ok: true });
  });

  it('[CAL17] refuses a move away from the original without a justification (a tampered client)', () => {
    const verdict = judgeBoard(live(), (c) => {
      c.transact(() => {
        movesOf(c).set(uuid(100), {
          personId: kwame,
          from: { rating: 3, potential: 'medium' },
          to: { rating: 1, potential: 'low' },
          justification: '   ',
          by: daniel,
          at,
        });
        cardsOf(c)
          .get(kwame)!
          .set('placement', { rating: 1, potential: 'low', moveId: uuid(100) });
      });
    });
    expect(rule(verdict)).toBe('CAL17');
    // A card without a proposal has no original to go back to.
    const unproposed = judgeBoard(live(), (c) =>
      movesOf(c).set(uuid(100), {
        personId: ana,
        from: null,
        to: { rating: 3, potential: 'low' },
        justification: '',
        by: daniel,
        at,
      }),
    );
    expect(rule(unproposed)).toBe('CAL17');
  });

  it('[CAL18] refuses a placement without its move, or naming another card’s move', () => {
    expect(
      rule(
        judgeBoard(live(), (c) =>
          cardsOf(c)
            .get(kwame)!
            .set('placement', { rating: 5, potential: 'high', moveId: uuid(100) }),
        ),
      ),
    ).toBe('CAL18');
    const doc = live();
    justifiedMove(doc);
    // Pointing at an old move is no move either.
    expect(
      rule(
        judgeBoard(doc, (c) =>
          cardsOf(c)
            .get(kwame)!
            .set('placement', { rating: 4, potential: 'low', moveId: uuid(100) }),
        ),
      ),
    ).toBe('CAL18');
    expect(rule(judgeBoard(doc, (c) => cardsOf(c).get(kwame)!.set('placement', null)))).toBe(
      'CAL18',
    );
  });

  it('[CAL18] refuses a move in someone else’s name, of someone not on the board, or off the scale', () => {
    const doc = live();
    expect(rule(judgeBoard(doc, (c) => justifiedMove(c, 'Why not', sofia)))).toBe('CAL18');
    expect(
      rule(
        judgeBoard(doc, (c) =>
          movesOf(c).set(uuid(100), {
            personId: outsider,
            from: null,
            to: { rating: 3, potential: 'low' },
            justification: 'x',
            by: daniel,
            at,
          }),
        ),
      ),
    ).toBe('CAL18');
    expect(
      rule(
        judgeBoard(doc, (c) =>
          movesOf(c).set(uuid(100), {
            personId: kwame,
            from: null,
            to: { rating: 9, potential: 'low' },
            justification: 'x',
            by: daniel,
            at,
          }),
        ),
      ),
    ).toBe('CAL18');
  });

  it('[CAL18] refuses changing or removing a move, and adding, removing, replacing or re-proposing a card', () => {
    const doc = live();
    justifiedMove(doc);
    const move = movesOf(doc).get(uuid(100))!;
    expect(
      rule(judgeBoard(doc, (c) => movesOf(c).set(uuid(100), { ...move, justification: 'Edited' }))),
    ).toBe('CAL18');
    expect(rule(judgeBoard(doc, (c) => movesOf(c).delete(uuid(100))))).toBe('CAL18');
    expect(rule(judgeBoard(doc, (c) => cardsOf(c).delete(kwame)))).toBe('CAL18');
    const card = () => {
      const map = new Y.Map<unknown>();
      map.set('original', null);
      map.set('placement', null);
      return map;
    };
    expect(rule(judgeBoard(doc, (c) => cardsOf(c).set(outsider, card())))).toBe('CAL18');
    expect(rule(judgeBoard(doc, (c) => cardsOf(c).set(ana, card())))).toBe('CAL18');
    expect(
      rule(
        judgeBoard(doc, (c) =>
          cardsOf(c)
            .get(ana)!
            .set('original', { rating: 5, potential: 'high', rationale: '', proposedBy: daniel }),
        ),
      ),
    ).toBe('CAL18');
  });

  it('[CAL18] refuses every write from someone who takes no part, and [CAL14] what breaks the shape', () => {
    expect(
      rule(judgeBoard(live(), (c) => justifiedMove(c), { ...leader, participant: false })),
    ).toBe('CAL18');
    expect(rule(judgeBoard(live(), (c) => c.getMap('extra').set('x', 1)))).toBe('schema');
    expect(rule(judgeBoard(live(), (c) => cardsOf(c).get(kwame)!.set('colour', 'red')))).toBe(
      'schema',
    );
    expect(
      rule(judgeBoard(live(), (c) => movesOf(c).set(uuid(100), { personId: kwame } as never))),
    ).toBe('schema');
  });

  it('[CAL19] accepts the losing one of two concurrent moves: both stay in the log', () => {
    const doc = live();
    const first = clientUpdate(doc, 60, (c) => justifiedMove(c));
    const second = clientUpdate(doc, 70, (c) =>
      moveCard(
        c,
        {
          moveId: uuid(200),
          personId: kwame,
          to: { rating: 2, potential: 'low' },
          justification: 'Missed goals',
        },
        FIVE_POINTS,
        { by: daniel, at },
      ),
    );
    expect(judgeBoardUpdate(doc, replicaOf(doc), first, leader)).toEqual({ ok: true });
    Y.applyUpdate(doc, first);
    expect(judgeBoardUpdate(doc, replicaOf(doc), second, leader)).toEqual({ ok: true });
    Y.applyUpdate(doc, second);
    expect(movesOf(doc).size).toBe(2);
  });
});

describe('what the server accepts in a manager’s proposals', () => {
  const manager: ProposalsActor = {
    personId: sofia,
    managerId: sofia,
    reports: new Set([kwame, ana]),
    scale: SCALE,
  };
  const judge = (change: (doc: Y.Doc) => void, actor = manager, base = replica(1)) =>
    rule(judgeProposalsUpdate(base, replicaOf(base), clientUpdate(base, 50, change), actor));

  it('[CAL11] accepts the manager’s proposals for their reports, on the scale', () => {
    expect(
      judge((c) =>
        setProposal(c, kwame, { rating: 4, potential: 'high', rationale: 'Great year' }),
      ),
    ).toBe('ok');
  });

  it('[CAL11] refuses anyone else writing, people who are not their reports, ratings off the scale, removal', () => {
    const proposal = { rating: 4, potential: 'high' as const, rationale: '' };
    expect(
      judge((c) => setProposal(c, kwame, proposal), { ...manager, personId: otherManager }),
    ).toBe('CAL11');
    expect(judge((c) => setProposal(c, outsider, proposal))).toBe('CAL11');
    expect(judge((c) => setProposal(c, kwame, { ...proposal, rating: 6 }))).toBe('CAL11');
    const base = replica(1);
    setProposal(base, kwame, proposal);
    expect(judge((c) => proposalsOf(c).delete(kwame), manager, base)).toBe('CAL11');
  });

  it('[CAL10] refuses what breaks the proposals’ shape', () => {
    expect(judge((c) => c.getMap('cards').set(kwame, 1))).toBe('schema');
    expect(
      judge((c) =>
        setProposal(c, kwame, { rating: 3, potential: 'great' as never, rationale: '' }),
      ),
    ).toBe('schema');
    expect(
      judge((c) =>
        setProposal(c, kwame, { rating: 3, potential: 'low', rationale: 'x'.repeat(2001) }),
      ),
    ).toBe('schema');
  });
});

describe('the board’s limits', () => {
  it('[CAL14] refuses a board past 5,000 cards', () => {
    const cards = Object.fromEntries(
      Array.from({ length: CALIBRATION_LIMITS.cards + 1 }, (_, i) => [uuid(1000 + i), null]),
    );
    const doc = boardWith(cards);
    expect(validateBoardDocument(doc)).toContainEqual({
      path: 'cards',
      message: 'At most 5000 entries.',
    });
    expect(validateBoardDocument(boardWith({ [kwame]: null }))).toEqual([]);
  });
});
