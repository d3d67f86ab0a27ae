// What a development plan costs as a document (ONE42–ONE46): its size and load time with years of
// 1:1s behind it, judging one status change as the validator does, projecting it, and the 1:1
// page's read of the items a meeting shows. ARCHITECTURE.md ("Development plans") quotes it.
//
//   node sync-server/bench/development-plan.ts [--gaps 100] [--items 300] [--changes 2000]
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import {
  addDevelopmentItem,
  flagSkillGap,
  setItemStatus,
} from '@threadline/domain/development/edits';
import { itemsShownOn } from '@threadline/domain/development/plan';
import { DEVELOPMENT_TYPES } from '@threadline/domain/development/model';
import { judgeDevelopmentPlanUpdate } from '@threadline/domain/development/update-check';
import { replicaOf } from '@threadline/domain/ydoc/replica';
import { developmentPlanProjector } from '../src/documents/development-plans/kind.ts';

const { values } = parseArgs({
  options: {
    gaps: { type: 'string', default: '100' },
    items: { type: 'string', default: '300' },
    changes: { type: 'string', default: '2000' },
  },
});
const GAPS = Number(values.gaps);
const ITEMS = Number(values.items);
const CHANGES = Number(values.changes);
const employee = '00000000-0000-4000-8000-000000000001';
const manager = '00000000-0000-4000-8000-000000000002';
const uuid = (n: number) => `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;
const day = (n: number) =>
  new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

const live = new Y.Doc();
for (let g = 0; g < GAPS; g++) {
  flagSkillGap(
    live,
    uuid(g),
    {
      skillId: uuid(100_000 + (g % 12)),
      skillName: `Skill ${g % 12}`,
      note: 'A short note about it.',
      raisedOn: day(g * 7),
    },
    { by: g % 3 === 0 ? employee : manager },
  );
}
for (let i = 0; i < ITEMS; i++) {
  const gap = i % GAPS;
  addDevelopmentItem(
    live,
    uuid(10_000 + i),
    {
      gapId: uuid(gap),
      skillId: uuid(100_000 + (gap % 12)),
      skillName: `Skill ${gap % 12}`,
      type: DEVELOPMENT_TYPES[i % 3]!,
      title: `Development item number ${i} with a realistic title`,
      ownerId: i % 4 === 0 ? manager : employee,
      dueDate: day(gap * 7 + 60),
      raisedOn: day(gap * 7),
    },
    { by: manager },
  );
  if (i % 2 === 0) setItemStatus(live, uuid(10_000 + i), 'in-progress', { by: employee });
  if (i % 4 === 0) setItemStatus(live, uuid(10_000 + i), 'done', { by: employee });
}

const state = Y.encodeStateAsUpdate(live);
/** Loading the plan as a room or a browser does (the best of five: the first warms the JIT). */
let loadMs = Infinity;
let started: number;
for (let run = 0; run < 5; run++) {
  started = performance.now();
  Y.applyUpdate(new Y.Doc(), state);
  loadMs = Math.min(loadMs, performance.now() - started);
}

const actor = { personId: employee, employeeId: employee, managerId: manager };
const times: number[] = [];
let scratch = replicaOf(live);
for (let c = 0; c < CHANGES; c++) {
  const client = replicaOf(live);
  const vector = Y.encodeStateVector(client);
  const status = c % 2 === 0 ? 'in-progress' : 'not-started';
  setItemStatus(client, uuid(10_000 + ((c * 7) % ITEMS) + 1 - 1), status, { by: employee });
  const update = Y.encodeStateAsUpdate(client, vector);
  started = performance.now();
  const verdict = judgeDevelopmentPlanUpdate(live, scratch, update, actor);
  times.push(performance.now() - started);
  if (!verdict.ok) throw new Error(JSON.stringify(verdict));
  Y.applyUpdate(live, update);
  if (c % 200 === 0) scratch = replicaOf(live);
}
times.sort((a, b) => a - b);

started = performance.now();
const followed = developmentPlanProjector.follow(live, {
  organisationId: uuid(1),
  name: `development-plan/${employee}`,
});
const rows = [...followed.rows(null, true)].flat();
const projectMs = performance.now() - started;

started = performance.now();
const shown = itemsShownOn(live, day(GAPS * 7));
const shownMs = performance.now() - started;

const f = (n: number) => n.toFixed(2);
console.log(
  `plan: ${GAPS} gaps, ${ITEMS} items; state ${(state.length / 1024).toFixed(1)} KiB; load ${f(loadMs)} ms`,
);
console.log(
  `judge a status change (${CHANGES}): median ${f(times[Math.floor(times.length / 2)]!)} ms, p95 ${f(times[Math.floor(times.length * 0.95)]!)} ms`,
);
console.log(
  `project ${rows.length} rows: ${f(projectMs)} ms; items a meeting shows (${shown.length}): ${f(shownMs)} ms`,
);
