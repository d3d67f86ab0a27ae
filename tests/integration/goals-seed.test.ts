// The seeded demo goal tree as the sync server sees it (GOAL21, GOAL22): its Postgres storage
// loads it, the history functions replay it, and the projector turns it into analytics rows that
// match what readTree and the domain rules say of the same document (GOAL19, GOAL20).
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSession, generateSessionToken, SESSION_COOKIE_NAME } from '@threadline/db';
import { DEMO_ADMIN_EMAIL } from '@threadline/db/demo';
import { seedDemoOrganisation } from '@threadline/db/seed';
import { clarityOf } from '@threadline/domain/goals/clarity';
import { readTree, type GoalTreeSnapshot } from '@threadline/domain/goals/document';
import { goalHealth, isStale } from '@threadline/domain/goals/health';
import { treeProgress } from '@threadline/domain/goals/progress';
import { canonicalTree } from '@threadline/domain/goals/testing';
import { depthOf } from '@threadline/domain/goals/tree';
import { PostgresDocumentStorage } from '@threadline/sync-server/persistence/postgres-storage';
import { useSyncServer } from '../support/sync-server.ts';
import { eventually, openProvider } from './sync-support.ts';

const sync = useSyncServer({
  config: {
    projection: {
      delayMs: 10,
      maxDelayMs: 50,
      allEveryMs: 3_600_000,
      retry: { initialMs: 100, maxMs: 1000 },
    },
  },
});
let organisationId: string;
let key: { organisationId: string; name: string };
const CYCLE = { startsOn: '2026-07-01', endsOn: '2026-12-31' };

beforeAll(async () => {
  ({ organisationId } = await seedDemoOrganisation(sync.db.pool));
  const { rows } = await sync.db.pool.query<{ id: string }>(
    `SELECT id FROM cycles WHERE organisation_id = $1 AND status = 'active'`,
    [organisationId],
  );
  key = { organisationId, name: `goals/${rows[0]!.id}` };
});

function replay(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

async function seeded(): Promise<GoalTreeSnapshot> {
  const changes = await new PostgresDocumentStorage(sync.db.pool).changesOf(key);
  return readTree(replay(changes.map((change) => change.update)));
}

describe('the seeded demo goal tree on the sync server', () => {
  it('[GOAL22] loads through the server’s storage with every goal in the tree', async () => {
    const loaded = await new PostgresDocumentStorage(sync.db.pool).load(key);
    const { goals, tree } = readTree(replay(loaded.updates));
    expect(goals.size).toBeGreaterThan(500);
    expect(tree.parent.size).toBe(goals.size);
    const fromLog = await seeded();
    expect(canonicalTree(tree)).toBe(canonicalTree(fromLog.tree));
  });

  it('[GOAL22] has a past: the tree two months ago holds fewer check-ins, and none before it began', async () => {
    const storage = new PostgresDocumentStorage(sync.db.pool);
    const changes = await storage.changesOf(key);
    const first = changes[0]!.receivedAt;
    expect(await storage.documentAt(key, new Date(first.getTime() - 1))).toBeNull();
    const checkIns = (snapshot: GoalTreeSnapshot) =>
      [...snapshot.goals.values()].reduce((sum, goal) => sum + goal.checkIns.length, 0);
    const then = readTree(
      replay([(await storage.documentAt(key, new Date(Date.now() - 60 * 86_400_000)))!]),
    );
    const now = await seeded();
    expect(then.goals.size).toBeGreaterThan(0);
    expect(checkIns(then)).toBeLessThan(checkIns(now));
  });

  it('[GOAL19] [GOAL20] the projector’s rows in Postgres match readTree and the domain rules', async () => {
    const { rows: admins } = await sync.db.pool.query<{ id: string }>(
      'SELECT id FROM people WHERE email = $1',
      [DEMO_ADMIN_EMAIL],
    );
    const token = generateSessionToken();
    await createSession(sync.db.pool, token, { id: admins[0]!.id, organisationId });
    // Opening the tree loads it into a room, which projects what it loaded.
    const client = openProvider(sync.port, key.name, `${SESSION_COOKIE_NAME}=${token}`);
    await client.synced();
    const { goals, tree } = await seeded();
    await eventually(async () => {
      const { rows } = await sync.db.pool.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM goal_analytics WHERE organisation_id = $1',
        [organisationId],
      );
      return rows[0]!.count === goals.size;
    }, 15_000);

    const { rows } = await sync.db.pool.query(
      `SELECT goal_id, parent_id, depth, title, level, state, owner_id, team_id, metric_kind,
              metric_start, metric_target, metric_current, progress, health, stale, clarity,
              clarity_colour, deleted, projected_at
         FROM goal_analytics WHERE organisation_id = $1`,
      [organisationId],
    );
    const progress = treeProgress(goals, tree);
    for (const row of rows) {
      const goal = goals.get(row.goal_id)!;
      // Judged at the moment of projection, as the projector did.
      const now = new Date(row.projected_at);
      const own = progress.get(goal.id) ?? null;
      const children = (tree.children.get(goal.id) ?? []).filter(
        (id) => goals.get(id)?.state !== 'dropped',
      );
      const clarity = clarityOf(goal, {
        cycle: CYCLE,
        parentId: tree.parent.get(goal.id) ?? null,
        childCount: children.length,
      });
      expect({
        ...row,
        projected_at: undefined,
        progress: row.progress === null ? null : Number(row.progress.toFixed(9)),
      }).toEqual({
        goal_id: goal.id,
        parent_id: tree.parent.get(goal.id) ?? null,
        depth: depthOf(tree, goal.id),
        title: goal.title,
        level: goal.level,
        state: goal.state,
        owner_id: goal.ownerId,
        team_id: goal.teamId,
        metric_kind: goal.metric.kind,
        metric_start: goal.metric.start,
        metric_target: goal.metric.target,
        metric_current:
          goal.metric.kind === 'milestones'
            ? goal.metric.milestones.filter((m) => m.done).length
            : goal.metric.current,
        progress: own === null ? null : Number(own.toFixed(9)),
        health: goalHealth(goal, own, CYCLE, now),
        stale: isStale(goal, now),
        clarity: clarity.score,
        clarity_colour: clarity.colour,
        deleted: false,
        projected_at: undefined,
      });
    }
    // What the demo is for: every colour, stale goals and unclear ones are there to be seen.
    const count = (pick: (row: (typeof rows)[number]) => unknown, value: unknown) =>
      rows.filter((row) => pick(row) === value).length;
    expect(count((r) => r.health, 'green')).toBeGreaterThan(count((r) => r.health, 'red'));
    expect(count((r) => r.health, 'yellow')).toBeGreaterThan(0);
    expect(count((r) => r.stale, true)).toBeGreaterThan(0);
    expect(count((r) => r.clarity_colour, 'red')).toBeGreaterThan(0);

    const { rows: events } = await sync.db.pool.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM goal_progress_events WHERE organisation_id = $1',
      [organisationId],
    );
    const checkIns = [...goals.values()].reduce((sum, goal) => sum + goal.checkIns.length, 0);
    expect(events[0]!.count).toBe(checkIns);
  });
});
