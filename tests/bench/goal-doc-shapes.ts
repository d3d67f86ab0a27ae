// What the goal-tree document's shape costs to open, on the 5,000-person demo organisation's tree
// (about 21,600 goals with their check-ins, approvals, retargets and closes). Decoding the Y.Doc
// was most of the time the goal tree page took to open (issue 4), and decoding costs per Yjs
// item, so the shape decides it (GOAL1).
//
// The same demo story (domain/demo: the same events, grouped into the same transactions) is
// written three ways:
//   - "a Y.Map key per field" (the shape before GOAL1 took a log): a Y.Map per goal, every field
//     its own key, a nested metric map, milestones as Y.Maps in a Y.Array, check-ins and moves in
//     Y.Arrays, tags as a Y.Map; every key is an item and every overwrite leaves one behind;
//   - "as shipped" (GOAL1): a Y.Map per goal with its two Y.Texts and an append-only log of
//     entries, written by the seed's own code (writeDemoGoalLog) and read by readGoals;
//   - "document log": one append-only Y.Array of {goal, field: value, …} for the whole document,
//     and one Y.Map of the goals' texts (the next step, were it ever needed).
// Entries one client appends in one transaction merge into a single Yjs item.
//
//   node tests/bench/goal-doc-shapes.ts [--people 5000] [--runs 5] [--today 2026-12-01]
//
// Writes tests/bench/goal-doc-shapes.results.md and prints the same table.
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { generateOrganisation } from '@threadline/domain/demo/generate';
import { generateDemoGoals, type DemoGoal } from '@threadline/domain/demo/goals';
import { demoGoalEvents, writeDemoGoalLog } from '@threadline/domain/demo/goals-log';
import { readGoals } from '@threadline/domain/goals/document';
import { median } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '5' },
    /** The day the demo story stops: late in the active cycle, so goals carry months of check-ins. */
    today: { type: 'string', default: '2026-12-01' },
  },
});
const PEOPLE = Number(values.people);
const RUNS = Number(values.runs);
const TODAY = values.today!;

type Assignment = Record<string, unknown>;
type ShapeWriter = (entries: Map<string, Assignment[]>, texts: Map<string, string>) => void;

interface Shape {
  label: string;
  update: Uint8Array;
  /** Reads every goal into plain objects (what the page's index does first). */
  read(doc: Y.Doc): number;
}

const organisation = generateOrganisation({
  people: PEOPLE,
  seed: 1,
  domain: 'x.test',
  today: TODAY,
});
const plan = generateDemoGoals(organisation, { seed: 1, today: TODAY });
const uuids = new Map<string, string>();
const idOf = (key: string) => uuids.get(key) ?? (uuids.set(key, randomUUID()), uuids.get(key)!);
const ids = { person: idOf, team: (key: string) => idOf(`team:${key}`) };

const shipped = writeDemoGoalLog(plan, ids).doc;
const shapes: Shape[] = [
  {
    label: 'a Y.Map key per field (before)',
    update: writeStory((doc) => keyPerFieldWriter(doc)),
    read: (doc) => {
      let count = 0;
      for (const goal of doc.getMap<Y.Map<unknown>>('goals').values()) {
        goal.toJSON();
        count++;
      }
      return count;
    },
  },
  {
    label: 'as shipped (texts + a log per goal)',
    update: Y.encodeStateAsUpdate(shipped),
    read: (doc) => readGoals(doc).size,
  },
  {
    label: 'document log (one Y.Array + a Y.Map of texts)',
    update: writeStory((doc) => (entries, texts) => {
      const textMap = doc.getMap<Y.Text>('texts');
      for (const [key, text] of texts) textMap.set(key, new Y.Text(text));
      const log = doc.getArray<Assignment>('log');
      log.push([...entries].flatMap(([goal, list]) => list.map((a) => ({ goal, ...a }))));
    }),
    read: (doc) => {
      const byGoal = new Map<string, Assignment[]>();
      for (const entry of doc.getArray<Assignment>('log').toArray()) {
        const goal = entry.goal as string;
        const list = byGoal.get(goal) ?? [];
        list.push(entry);
        byGoal.set(goal, list);
      }
      for (const list of byGoal.values()) foldAssignments(list);
      for (const text of doc.getMap<Y.Text>('texts').values()) text.toString();
      return byGoal.size;
    },
  },
];

const times = shapes.map(() => ({ decode: [] as number[], read: [] as number[], items: 0 }));
for (let run = 0; run < RUNS; run++) {
  // Interleaved, so the machine's noise meets every shape alike.
  shapes.forEach((shape, i) => {
    const doc = new Y.Doc();
    let started = performance.now();
    Y.applyUpdate(doc, shape.update);
    times[i]!.decode.push(performance.now() - started);
    started = performance.now();
    const goals = shape.read(doc);
    times[i]!.read.push(performance.now() - started);
    if (goals !== plan.goals.length) throw new Error(`${shape.label}: read ${goals} goals`);
    times[i]!.items = countItems(doc);
    doc.destroy();
  });
}

const table = [
  `# Goal-tree document shapes, ${PEOPLE} people (${plan.goals.length} goals, the demo story to ${TODAY})`,
  '',
  `Node ${process.version}, median of ${RUNS} interleaved runs on this machine.`,
  '',
  '| shape | encoded | Yjs items | decode (Y.applyUpdate) | read every goal |',
  '|---|---|---|---|---|',
  ...shapes.map((shape, i) => {
    const t = times[i]!;
    return `| ${shape.label} | ${(shape.update.byteLength / 1e6).toFixed(1)} MB | ${t.items.toLocaleString('en')} | ${Math.round(median(t.decode))} ms | ${Math.round(median(t.read))} ms |`;
  }),
  '',
].join('\n');
console.log(table);
await writeFile(new URL('./goal-doc-shapes.results.md', import.meta.url), table);

/**
 * Replays the demo story as field assignments, one transaction per calendar month (as the
 * shipped seed groups its system entries), through the shape's writer.
 */
function writeStory(shapeWriter: (doc: Y.Doc) => ShapeWriter): Uint8Array {
  const doc = new Y.Doc();
  const write = shapeWriter(doc);
  let month = -1;
  let entries = new Map<string, Assignment[]>();
  let texts = new Map<string, string>();
  const flush = () => {
    if (entries.size === 0 && texts.size === 0) return;
    doc.transact(() => write(entries, texts));
    entries = new Map();
    texts = new Map();
  };
  for (const event of demoGoalEvents(plan)) {
    const date = new Date(event.at);
    const eventMonth = date.getUTCFullYear() * 12 + date.getUTCMonth();
    if (eventMonth !== month) flush();
    month = eventMonth;
    const goal = event.goal;
    const by = ids.person(event.byKey);
    const at = date.toISOString();
    const assign = (assignment: Assignment) => {
      const list = entries.get(goal.id) ?? [];
      list.push(assignment);
      entries.set(goal.id, list);
    };
    switch (event.kind) {
      case 'create':
        texts.set(`${goal.id}:title`, goal.title);
        if (goal.description) texts.set(`${goal.id}:description`, goal.description);
        assign(creation(goal, by, at));
        break;
      case 'approve':
        assign({ state: 'active', approvedBy: by, approvedAt: at });
        break;
      case 'check-in': {
        const value = event.checkIn!.value;
        // As GOAL2 has it: the check-in alone, which assigns current and lastProgressAt.
        assign({
          checkIn: { id: randomBytes(9).toString('base64url'), value, progress: 0.5, at, by },
        });
        break;
      }
      case 'retarget':
        assign({ metric: { target: goal.retarget!.target } });
        break;
      case 'close':
        assign({ state: goal.state });
        break;
    }
  }
  flush();
  return Y.encodeStateAsUpdate(doc);
}

function creation(goal: DemoGoal, by: string, at: string): Assignment {
  return {
    level: goal.level,
    state: goal.approval ? 'proposed' : goal.state,
    ownerId: ids.person(goal.ownerKey),
    teamId: goal.teamKey === null ? null : ids.team(goal.teamKey),
    move: { parentId: goal.parentId, clock: 0 },
    order: 'a0',
    startDate: goal.startDate,
    dueDate: goal.dueDate,
    metric: goal.metric,
    weight: goal.weight,
    difficulty: goal.difficulty,
    tags: goal.tags,
    createdBy: by,
    createdAt: at,
  };
}

/**
 * The shape before: every assignment sets its keys on the goal's map (metric fields on the
 * nested metric map), check-ins and moves push onto their arrays, milestones are maps in an
 * array, tags a map.
 */
function keyPerFieldWriter(doc: Y.Doc): ShapeWriter {
  const goals = doc.getMap<Y.Map<unknown>>('goals');
  return (entries, texts) => {
    for (const [key, text] of texts) {
      const [goalId, field] = key.split(':') as [string, string];
      let goal = goals.get(goalId);
      if (!goal) {
        goal = new Y.Map<unknown>();
        goals.set(goalId, goal);
        goal.set('metric', new Y.Map<unknown>());
        goal.set('tags', new Y.Map<unknown>());
        goal.set('checkIns', new Y.Array<unknown>());
        goal.set('moves', new Y.Array<unknown>());
        (goal.get('metric') as Y.Map<unknown>).set('milestones', new Y.Array<unknown>());
      }
      goal.set(field, new Y.Text(text));
    }
    for (const [goalId, assignments] of entries) {
      const goal = goals.get(goalId)!;
      for (const { checkIn, move, metric, tags, ...fields } of assignments) {
        for (const [field, value] of Object.entries(fields)) goal.set(field, value);
        if (checkIn) (goal.get('checkIns') as Y.Array<unknown>).push([checkIn]);
        if (move) (goal.get('moves') as Y.Array<unknown>).push([move]);
        const metricMap = goal.get('metric') as Y.Map<unknown>;
        const { milestones, ...metricFields } = (metric ?? {}) as { milestones?: string[] };
        for (const [field, value] of Object.entries(metricFields)) metricMap.set(field, value);
        for (const title of milestones ?? []) {
          const milestone = new Y.Map<unknown>();
          milestone.set('id', randomUUID());
          milestone.set('title', title);
          milestone.set('done', false);
          (metricMap.get('milestones') as Y.Array<unknown>).push([milestone]);
        }
        for (const tag of (tags as string[] | undefined) ?? []) {
          (goal.get('tags') as Y.Map<unknown>).set(tag, true);
        }
      }
    }
  };
}

/** Last assignment wins per field; check-ins accumulate. */
function foldAssignments(assignments: readonly Assignment[]): Assignment {
  const goal: Assignment = {};
  const checkIns: unknown[] = [];
  for (const assignment of assignments) {
    for (const [field, value] of Object.entries(assignment)) {
      if (field === 'checkIn') checkIns.push(value);
      else goal[field] = value;
    }
  }
  goal.checkIns = checkIns;
  return goal;
}

/** Structs in the document's store (items, tombstones included). */
function countItems(doc: Y.Doc): number {
  let count = 0;
  for (const structs of doc.store.clients.values()) count += structs.length;
  return count;
}
