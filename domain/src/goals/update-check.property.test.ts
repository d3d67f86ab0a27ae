// GOAL4 from the honest side: clients editing concurrently through the edit helpers, syncing with a
// server in random orders, never have an update refused, and the server's document stays valid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { effectiveTree, readGoals } from './document.ts';
import {
  addGoal,
  addTag,
  approveGoal,
  deleteGoal,
  moveGoal,
  recordProgress,
  restoreGoal,
  setGoalState,
  updateGoalFields,
  updateMetric,
} from './edits.ts';
import type { Actor } from './permissions.ts';
import { validateGoalTree } from './schema.ts';
import { replica, syncOneWay } from '../ydoc/testing.ts';
import { canonicalTree, uuid } from './testing.ts';
import { checkGoalTreeUpdate } from './update-check.ts';

const CLIENTS = 3;
const person = (client: number) => uuid(500 + client);
/** Admins, so every honest edit is allowed and any refusal is a false one. */
const actor = (client: number): Actor => ({
  personId: person(client),
  isAdmin: true,
  isLeader: true,
  teamIds: new Set(),
  reportIds: new Set(),
  directReportIds: new Set(),
});

type Step =
  | { kind: 'edit'; client: number; op: number; goal: number; other: number; value: number }
  | { kind: 'send'; client: number }
  | { kind: 'receive'; client: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      client: fc.nat({ max: CLIENTS - 1 }),
      op: fc.nat({ max: 9 }),
      goal: fc.nat({ max: 50 }),
      other: fc.nat({ max: 50 }),
      value: fc.integer({ min: -50, max: 150 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      client: fc.nat({ max: CLIENTS - 1 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('receive' as const),
      client: fc.nat({ max: CLIENTS - 1 }),
    }),
  },
);

function edit(doc: Y.Doc, client: number, { op, goal, other, value }: Step & { kind: 'edit' }) {
  const goals = [...readGoals(doc).values()];
  const live = goals.filter((g) => !g.deleted);
  const context = {
    by: person(client),
    at: `2026-07-${String((value & 15) + 1).padStart(2, '0')}T09:00:00.000Z`,
  };
  const pick = live[goal % Math.max(1, live.length)];
  const parent = other % 3 === 0 ? null : (live[other % Math.max(1, live.length)]?.id ?? null);
  if (op === 0 || !pick) {
    addGoal(
      doc,
      {
        title: `g${value}`,
        level: 'team',
        ownerId: person(client),
        parentId: parent,
        metric: { kind: 'number', start: 0, target: 100 },
      },
      context,
    );
    return;
  }
  const id = pick.id;
  switch (op) {
    case 1:
      updateGoalFields(doc, id, { title: `${pick.title}${value}`, dueDate: '2026-10-01' }, context);
      break;
    case 2:
      recordProgress(doc, id, value, context);
      break;
    case 3:
      moveGoal(doc, id, { parentId: parent, index: value }, context);
      break;
    case 4:
      setGoalState(doc, id, 'proposed', context);
      break;
    case 5:
      approveGoal(doc, id, context);
      break;
    case 6:
      addTag(doc, id, `tag ${value % 3}`, context);
      break;
    case 7:
      updateMetric(doc, id, { target: value }, context);
      break;
    case 8:
      deleteGoal(doc, id, context);
      break;
    default: {
      const deleted = goals.filter((g) => g.deleted);
      if (deleted.length > 0) restoreGoal(doc, deleted[(value & 7) % deleted.length]!.id, context);
    }
  }
}

describe('honest clients through the server check (property)', () => {
  it('[GOAL4] never refuses an update written by the edit helpers, whatever the interleaving', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), (steps) => {
        const server = replica(1000);
        const clients = Array.from({ length: CLIENTS }, (_, i) => replica(i + 1));
        for (const s of steps) {
          const client = clients[s.client]!;
          if (s.kind === 'edit') edit(client, s.client, s);
          if (s.kind === 'receive') syncOneWay(server, client);
          if (s.kind === 'send') {
            const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
            const verdict = checkGoalTreeUpdate(server, update, actor(s.client));
            expect(verdict).toMatchObject({ ok: true });
            Y.applyUpdate(server, update);
          }
        }
        // Everyone sends and receives: all converge on a valid document.
        clients.forEach((client, i) => {
          const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
          expect(checkGoalTreeUpdate(server, update, actor(i))).toMatchObject({ ok: true });
          Y.applyUpdate(server, update);
        });
        for (const client of clients) syncOneWay(server, client);
        expect(validateGoalTree(server)).toEqual([]);
        const expected = canonicalTree(effectiveTree(server));
        for (const client of clients) expect(canonicalTree(effectiveTree(client))).toBe(expected);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
