// What judging calibration moves costs on a large board (CAL17, CAL18, SYNC17): building the
// scratch replica, judging one move as the board's validator does, refusing a move without its
// justification (which drops the scratch replica, so the next move rebuilds it), and projecting
// the board (CAL23).
//
//   node sync-server/bench/validate-board.ts [--cards 500] [--moves 5000]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { buildBoard, moveCard } from '@threadline/domain/calibration/edits';
import type { BoardConfig } from '@threadline/domain/calibration/model';
import { cardsOf, movesOf } from '@threadline/domain/calibration/shape';
import type { BoardActor } from '@threadline/domain/calibration/update-check';
import { boardKind } from '../src/documents/calibration/kinds.ts';
import { boardProjector } from '../src/documents/calibration/projectors.ts';
import { UpdateChecker } from '../src/documents/update-checker.ts';

const { values } = parseArgs({
  options: {
    cards: { type: 'string', default: '500' },
    moves: { type: 'string', default: '5000' },
  },
});
const CARDS = Number(values.cards);
const MOVES = Number(values.moves);
const config: BoardConfig = {
  scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) })),
  bands: { low: [1, 2], medium: [3], high: [4, 5] },
};
const leader = '00000000-0000-4000-8000-000000000001';
const uuid = (n: number) => `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;
const ms = (since: number) => `${(performance.now() - since).toFixed(1)} ms`;

const live = new Y.Doc();
buildBoard(
  live,
  Array.from({ length: CARDS }, (_, i) => ({
    personId: uuid(i),
    original: {
      rating: 1 + (i % 5),
      potential: (['low', 'medium', 'high'] as const)[i % 3]!,
      rationale: 'A steady year with a few highlights worth talking about.',
      proposedBy: leader,
    },
  })),
);
const client = new Y.Doc();
Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
let n = 0;
const move = (justification = 'Calibrated against peers at the same level') => {
  const before = Y.encodeStateVector(client);
  n += 1;
  const result = moveCard(
    client,
    {
      moveId: randomUUID(),
      personId: uuid((n * 7) % CARDS),
      to: { rating: 1 + ((n * 3) % 5), potential: (['low', 'medium', 'high'] as const)[n % 3]! },
      justification,
    },
    config,
    { by: leader },
  );
  if (!result.ok && result.reason === 'not-moved') return move(justification);
  return Y.encodeStateAsUpdate(client, before);
};
// The moves a long session has already made.
for (let i = 0; i < MOVES; i++) Y.applyUpdate(live, move());
const size = Y.encodeStateAsUpdate(live).byteLength;
console.log(`${CARDS} cards, ${movesOf(live).size} moves, ${(size / 1e3).toFixed(0)} KB`);

const checker = new UpdateChecker(live, boardKind);
const actor: BoardActor = { personId: leader, participant: true, scale: new Set([1, 2, 3, 4, 5]) };
let started = performance.now();
const first = move();
if (!checker.judge(first, actor).ok) throw new Error('refused');
Y.applyUpdate(live, first);
console.log(`first move (builds the scratch replica): ${ms(started)}`);

const times: number[] = [];
for (let i = 0; i < 1000; i++) {
  const update = move();
  const start = performance.now();
  if (!checker.judge(update, actor).ok) throw new Error('refused');
  times.push(performance.now() - start);
  Y.applyUpdate(live, update);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.floor(q * (times.length - 1))]!.toFixed(3);
console.log(`judging a move: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`);

// A tampered client's move without a justification, away from the original.
const tampered = (() => {
  // On a replica of its own: the client that sent it would drop its replica and sync a fresh one.
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
  const before = Y.encodeStateVector(client);
  const personId = uuid(1);
  const moveId = randomUUID();
  client.transact(() => {
    movesOf(client).set(moveId, {
      personId,
      from: null,
      to: { rating: 1, potential: 'high' },
      justification: '',
      by: leader,
      at: new Date().toISOString(),
    });
    cardsOf(client).get(personId)!.set('placement', { rating: 1, potential: 'high', moveId });
  });
  return Y.encodeStateAsUpdate(client, before);
})();
started = performance.now();
const verdict = checker.judge(tampered, actor);
if (verdict.ok) throw new Error('accepted a move without a justification');
console.log(`refusing a move without a justification: ${ms(started)}`);
started = performance.now();
const after = move();
if (!checker.judge(after, actor).ok) throw new Error('refused');
console.log(`the next move (rebuilds the scratch replica): ${ms(started)}`);

const key = { organisationId: leader, name: 'calibration/bench' };
const followed = boardProjector.follow(live, key);
started = performance.now();
const rows = [...followed.rows(config, true)].flat();
console.log(`projecting ${rows.length} rows: ${ms(started)}`);
Y.applyUpdate(live, move());
started = performance.now();
const touched = [...followed.rows(config, false)].flat();
console.log(`projecting after a move (${touched.length} rows): ${ms(started)}`);
followed.stop();
