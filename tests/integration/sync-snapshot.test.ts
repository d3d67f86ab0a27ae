// SYNC27: a client with no copy of a goal tree fetches its snapshot over HTTP, with its session
// cookie, under the admission of the document's websocket; the page draws its first rows from it.
import { describe, expect, it } from 'vitest';
import { addGoal } from '@threadline/domain/goals/edits';
import { readSnapshot } from '@threadline/domain/goals/snapshot';
import { useSyncServer } from '../support/sync-server.ts';
import { eventually, goalTree, openProvider, signIn } from './sync-support.ts';

const sync = useSyncServer();
/** Told the web app's origin, as the launcher tells it (ORIGIN). */
const configured = useSyncServer({ webOrigin: 'http://127.0.0.1:3000' }, sync);

function snapshotOf(documentName: string, headers: Record<string, string>, from = sync) {
  return fetch(`http://127.0.0.1:${from.port}/snapshot/${documentName}`, { headers });
}

describe('the snapshot of a goal tree over HTTP', () => {
  it('[SYNC27] [GOAL28] answers a signed-in member with the tree as its document holds it', async () => {
    const tree = await goalTree(sync.db.pool);
    const client = openProvider(sync.port, tree.documentName, tree.cookie);
    await client.synced();
    const theme = addGoal(
      client.doc,
      { title: 'Grow revenue', level: 'person', ownerId: tree.personId, parentId: null },
      { by: tree.personId },
    );
    const goal = addGoal(
      client.doc,
      { title: 'Sell more', level: 'person', ownerId: tree.personId, parentId: theme },
      { by: tree.personId },
    );
    await eventually(() => client.isSaved());

    const response = await snapshotOf(tree.documentName, {
      cookie: tree.cookie,
      origin: 'http://127.0.0.1:3000',
    });
    expect(response.status).toBe(200);
    // The web app on another port of the same host reads it with its credentials.
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    const snapshot = readSnapshot(await response.text());
    expect(snapshot?.tree.roots).toEqual([theme]);
    expect(snapshot?.tree.children.get(theme)).toEqual([goal]);
    expect(snapshot?.goals.get(goal)?.title).toBe('Sell more');
  });

  it('[SYNC27] [GOAL29] answers `?part=first-screen` with the signed-in person’s first screen', async () => {
    const tree = await goalTree(sync.db.pool);
    const colleague = await signIn(sync.db.pool, tree.organisationId);
    const client = openProvider(sync.port, tree.documentName, tree.cookie);
    await client.synced();
    // A theme, and three goals down the way to this person's own goal.
    const add = (title: string, parentId: string | null) =>
      addGoal(
        client.doc,
        { title, level: 'person', ownerId: tree.personId, parentId },
        { by: tree.personId },
      );
    const theme = add('Grow revenue', null);
    const team = add('Sell more', theme);
    const sub = add('Open Spain', team);
    const own = add('Hire a lead', sub);
    await eventually(() => client.isSaved());

    const firstScreenOf = async (cookie: string) => {
      const response = await fetch(
        `http://127.0.0.1:${sync.port}/snapshot/${tree.documentName}?part=first-screen`,
        { headers: { cookie } },
      );
      expect(response.status).toBe(200);
      return readSnapshot(await response.text())!;
    };
    const mine = await firstScreenOf(tree.cookie);
    expect(mine).toMatchObject({ complete: false, liveCount: 4 });
    expect([...mine.goals.keys()].sort()).toEqual([theme, team, sub, own].sort());
    // The colleague's way down stops at the theme: rows theme and team (which has one child).
    const theirs = await firstScreenOf(colleague.cookie);
    expect([...theirs.goals.keys()].sort()).toEqual([theme, team].sort());
    expect(theirs.tree.children.get(team)).toEqual([sub]);

    const unknownPart = await fetch(
      `http://127.0.0.1:${sync.port}/snapshot/${tree.documentName}?part=rest`,
      { headers: { cookie: tree.cookie } },
    );
    expect(unknownPart.status).toBe(400);
  });

  it('[SYNC27] does not let a page of another host read it', async () => {
    const tree = await goalTree(sync.db.pool);
    const response = await snapshotOf(tree.documentName, {
      cookie: tree.cookie,
      origin: 'http://elsewhere.test',
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('[SYNC27] told the web app’s origin, lets that origin alone read it', async () => {
    const tree = await goalTree(sync.db.pool);
    const allowedFrom = async (origin: string) =>
      (
        await snapshotOf(tree.documentName, { cookie: tree.cookie, origin }, configured)
      ).headers.get('access-control-allow-origin');
    expect(await allowedFrom('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
    expect(await allowedFrom('http://127.0.0.1:4000')).toBeNull();
    expect(await allowedFrom('https://127.0.0.1:3000')).toBeNull();
  });

  it('[SYNC27] refuses as the websocket would: no session 401, another organisation 404', async () => {
    const tree = await goalTree(sync.db.pool);
    expect((await snapshotOf(tree.documentName, {})).status).toBe(401);
    const stranger = await signIn(sync.db.pool);
    const response = await snapshotOf(tree.documentName, { cookie: stranger.cookie });
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('goals');
  });
});
