// What recomputing every calibration signal costs after one move (CAL61): a 500-card board, one
// move applied, then the board read from the replica (board.ts) and every signal computed
// (conflicts, distribution, manager skew, group gaps) — what the board's page does on each change.
//
//   node tests/bench/calibration-signals.ts [--cards 500] [--moves 1000]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { boardCards } from '@threadline/domain/calibration/board';
import { buildBoard, moveCard } from '@threadline/domain/calibration/edits';
import type { Potential } from '@threadline/domain/calibration/model';
import { boardSignals, type SignalPerson } from '@threadline/domain/calibration/signals/index';

const { values } = parseArgs({
  options: {
    cards: { type: 'string', default: '500' },
    moves: { type: 'string', default: '1000' },
  },
});
const CARDS = Number(values.cards);
const MOVES = Number(values.moves);
const config = {
  scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) })),
  bands: { low: [1, 2], medium: [3], high: [4, 5] },
  guideline: { 1: 10, 2: 20, 3: 40, 4: 20, 5: 10 },
};
const POTENTIALS: Potential[] = ['low', 'medium', 'high'];
const LOCATIONS = ['office', 'hybrid', 'remote'] as const;
const LEVELS = ['IC1', 'IC2', 'IC3', 'IC4', 'IC5', 'M1', 'M2'];
const leader = '00000000-0000-4000-8000-000000000001';
const uuid = (n: number) => `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;

const doc = new Y.Doc();
buildBoard(
  doc,
  Array.from({ length: CARDS }, (_, i) => ({
    personId: uuid(i),
    original:
      i % 50 === 49
        ? null
        : {
            rating: 1 + (i % 5),
            potential: POTENTIALS[i % 3]!,
            rationale: 'A steady year with a few highlights worth talking about.',
            proposedBy: leader,
          },
  })),
);
// 500 people under about 70 managers, in three locations, hired over ten years, seven levels.
const people = new Map<string, SignalPerson>(
  Array.from({ length: CARDS }, (_, i) => [
    uuid(i),
    {
      personId: uuid(i),
      managerId: uuid(10_000 + Math.floor(i / 7)),
      location: LOCATIONS[i % 3]!,
      hireDate: `${2016 + (i % 10)}-0${1 + (i % 9)}-15`,
      jobLevel: LEVELS[i % LEVELS.length]!,
      goalAchievement: i % 11 === 0 ? null : ((i * 37) % 101) / 100,
    },
  ]),
);

let n = 0;
function oneMove() {
  n += 1;
  const result = moveCard(
    doc,
    {
      moveId: randomUUID(),
      personId: uuid((n * 7) % CARDS),
      to: { rating: 1 + ((n * 3) % 5), potential: POTENTIALS[n % 3]! },
      justification: 'Calibrated against peers at the same level',
    },
    config,
    { by: leader },
  );
  if (!result.ok) oneMove();
}

const recompute = () =>
  boardSignals({
    cards: boardCards(doc, config).values(),
    people,
    config,
    today: '2026-12-07',
  });

// Warm up the JIT as a page that has been open a while has.
for (let i = 0; i < 200; i++) {
  oneMove();
  recompute();
}
const times: number[] = [];
const signalsOnly: number[] = [];
// CPU time too: on a shared machine the wall clock also counts the time spent waiting for a core.
const cpu: number[] = [];
let flagged = 0;
for (let i = 0; i < MOVES; i++) {
  oneMove();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const cards = [...boardCards(doc, config).values()];
  const read = performance.now();
  const signals = boardSignals({ cards, people, config, today: '2026-12-07' });
  const end = performance.now();
  const used = process.cpuUsage(cpuStart);
  cpu.push((used.user + used.system) / 1000);
  times.push(end - start);
  signalsOnly.push(end - read);
  flagged = signals.conflicts.length;
}
const at = (list: number[], q: number) =>
  [...list].sort((a, b) => a - b)[Math.floor(q * (list.length - 1))]!.toFixed(3);
console.log(`${CARDS} cards, ${MOVES} moves measured, ${flagged} flagged at the end`);
console.log(
  `read the board + every signal: p50 ${at(times, 0.5)} ms, p95 ${at(times, 0.95)} ms, max ${at(times, 1)} ms`,
);
console.log(
  `… its CPU time (this process's, excluding waits for a core): p50 ${at(cpu, 0.5)} ms, p95 ${at(cpu, 0.95)} ms`,
);
console.log(
  `the signals alone (cards already read): p50 ${at(signalsOnly, 0.5)} ms, p95 ${at(signalsOnly, 0.95)} ms`,
);
