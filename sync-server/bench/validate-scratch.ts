// What validating goal-tree updates costs on a large tree (SYNC17): building the scratch replica
// (once per loaded room, and again after a refusal), judging one keystroke, and projecting the
// whole tree (SYNC24).
//
//   node sync-server/bench/validate-scratch.ts [--goals 20000]
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { addGoals, goalText } from '@threadline/domain/goals/edits';
import type { Actor } from '@threadline/domain/goals/permissions';
import { goalTreeProjector } from '../src/documents/goals/projector.ts';
import { goalTreeKind } from '../src/documents/goals/kind.ts';
import { UpdateChecker } from '../src/documents/update-checker.ts';

const { values } = parseArgs({ options: { goals: { type: 'string', default: '20000' } } });
const GOALS = Number(values.goals);
const owner = '00000000-0000-4000-8000-000000000001';
const ms = (since: number) => `${(performance.now() - since).toFixed(0)} ms`;

const live = new Y.Doc();
const ids = addGoals(
  live,
  Array.from({ length: GOALS }, (_, i) => ({
    title: `Goal number ${i} with a longer title`,
    level: 'person' as const,
    ownerId: owner,
    parentId: null,
  })),
  { by: owner },
);
const encoded = Y.encodeStateAsUpdate(live);
let started = performance.now();
Y.applyUpdate(new Y.Doc(), encoded);
console.log(`${GOALS} goals, ${(encoded.byteLength / 1e6).toFixed(1)} MB; loading: ${ms(started)}`);

const checker = new UpdateChecker(live, goalTreeKind);
const actor: Actor = {
  personId: owner,
  isAdmin: false,
  isLeader: false,
  teamIds: new Set(),
  reportIds: new Set(),
  directReportIds: new Set(),
};
const client = new Y.Doc();
Y.applyUpdate(client, encoded);
const updates: Uint8Array[] = [];
client.on('update', (update: Uint8Array) => updates.push(update));
const keystroke = (goalId: string) => {
  updates.length = 0;
  goalText(client, goalId, 'title')!.insert(1, 'b');
  return updates[0]!;
};

started = performance.now();
const first = keystroke(ids[0]!);
if (!checker.judge(first, actor).ok) throw new Error('refused');
Y.applyUpdate(live, first);
console.log(`first update (builds the scratch replica): ${ms(started)}`);

const times: number[] = [];
for (let i = 1; i <= 500; i++) {
  const update = keystroke(ids[(i * 7) % ids.length]!);
  const start = performance.now();
  if (!checker.judge(update, actor).ok) throw new Error('refused');
  times.push(performance.now() - start);
  Y.applyUpdate(live, update);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.floor(q * (times.length - 1))]!.toFixed(2);
console.log(`judging a keystroke: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`);

const followed = goalTreeProjector.follow(live, { organisationId: owner, name: 'goals/bench' });
const context = { cycleId: owner, cycle: { startsOn: '2026-01-01', endsOn: '2026-06-30' } };
started = performance.now();
const rows = [...followed.rows(context, true)].flat();
console.log(`projecting ${rows.length} rows: ${ms(started)}`);
Y.applyUpdate(live, keystroke(ids[0]!));
started = performance.now();
const touched = [...followed.rows(context, false)].flat();
console.log(`projecting after a keystroke (${touched.length} rows): ${ms(started)}`);
followed.stop();
