import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGoals, moveGoal } from '@threadline/domain/goals/edits';
import type { ProjectedRow } from '../../projection/document-projector.ts';
import { goalTreeProjector } from './projector.ts';

const by = randomUUID();
const key = { organisationId: randomUUID(), name: `goals/${randomUUID()}` };
const context = { cycleId: randomUUID(), cycle: null };
const goal = (title: string, parentId: string | null) => ({
  title,
  level: 'team' as const,
  ownerId: null,
  parentId,
});

describe('goal tree projector', () => {
  it('[GOAL27] a run of many batches reads the tree as it found it; the next run projects what changed meanwhile', () => {
    const doc = new Y.Doc();
    const [root, other] = addGoals(doc, [goal('Root', null), goal('Other', null)], { by });
    const children = addGoals(
      doc,
      Array.from({ length: 1200 }, (_, i) => goal(`Goal ${i}`, root!)),
      { by },
    );
    const followed = goalTreeProjector.follow(doc, key);
    const batches = followed.rows(context, true)[Symbol.iterator]();
    const first: readonly ProjectedRow[] = batches.next().value ?? [];
    const inFirst = new Set(first.map((row) => row.id));
    // A goal of a later batch moves while the rooms are served between batches.
    const moved = children.find((id) => !inFirst.has(id))!;
    expect(moveGoal(doc, moved, { parentId: other! }, { by }).ok).toBe(true);
    const rest: ProjectedRow[] = [];
    for (let next = batches.next(); !next.done; next = batches.next()) rest.push(...next.value);
    const rowOf = (rows: readonly ProjectedRow[], id: string) =>
      rows.find((row) => row.table === 'goal_analytics' && row.id === id)?.values as
        { parentId: string | null; depth: number | null } | undefined;
    expect(rowOf(rest, moved)).toMatchObject({ parentId: root, depth: 1 });

    const next = [...followed.rows(context, false)].flat();
    expect(rowOf(next, moved)).toMatchObject({ parentId: other, depth: 1 });
    followed.stop();
  });
});
