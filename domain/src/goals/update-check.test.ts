// The server's per-update check, fed real Yjs updates as a client (honest or tampered) sends them.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readGoal } from './document.ts';
import {
  addGoal,
  addTag,
  approveGoal,
  recordProgress,
  setGoalState,
  setMilestoneDone,
  updateGoalFields,
} from './edits.ts';
import type { Actor } from './permissions.ts';
import { goalLog, goalMap, goalsRoot } from './shape.ts';
import { replicaOf } from '../ydoc/replica.ts';
import { clientUpdate, replica, updateWithoutItsPredecessor } from '../ydoc/testing.ts';
import { uuid } from './testing.ts';
import { collectTouched, goalsTouchedBy } from './touched.ts';
import { checkGoalTreeUpdate, judgeGoalTreeUpdate } from './update-check.ts';

const dev = uuid(1);
const peer = uuid(2);
const lead = uuid(3);
const team = uuid(100);
const actor = (personId: string, patch: Partial<Actor> = {}): Actor => ({
  personId,
  isAdmin: false,
  isLeader: false,
  teamIds: new Set([team]),
  reportIds: new Set(),
  directReportIds: new Set(),
  ...patch,
});
const asDev = actor(dev);
const asPeer = actor(peer);
const asLead = actor(lead, {
  reportIds: new Set([dev, peer]),
  directReportIds: new Set([dev, peer]),
});
const at = '2026-07-01T09:00:00.000Z';

/** The server's document with a team goal and dev's personal goal under it. */
function serverDoc() {
  const server = replica(100);
  const teamGoal = addGoal(
    server,
    { title: 'Team', level: 'team', ownerId: lead, teamId: team, parentId: null },
    { by: lead, at },
  );
  const devGoal = addGoal(
    server,
    {
      title: 'Mine',
      level: 'person',
      ownerId: dev,
      teamId: team,
      parentId: teamGoal,
      metric: { kind: 'number', start: 0, target: 10, milestones: [] },
    },
    { by: dev, at },
  );
  return { server, teamGoal, devGoal };
}

/** Client `clientId` renames `goalId` twice and sends only the second rename. */
function secondTitleAlone(server: Y.Doc, clientId: number, goalId: string): Uint8Array {
  return updateWithoutItsPredecessor(
    server,
    clientId,
    (client) => updateGoalFields(client, goalId, { title: 'First' }, { by: dev, at }),
    (client) => updateGoalFields(client, goalId, { title: 'Second' }, { by: dev, at }),
  );
}

describe('touched goals', () => {
  it('[GOAL4] names the goal whose title, metric, tags, milestones or check-ins changed, and a new goal', () => {
    const { server, teamGoal, devGoal } = serverDoc();
    const touched = (change: () => void) => [...collectTouched(server, change).goalIds];
    expect(
      touched(() => updateGoalFields(server, devGoal, { title: 'Mine, renamed' }, { by: dev, at })),
    ).toEqual([devGoal]);
    expect(touched(() => recordProgress(server, devGoal, 3, { by: dev, at }))).toEqual([devGoal]);
    expect(touched(() => addTag(server, teamGoal, 'Growth', { by: dev, at }))).toEqual([teamGoal]);
    const added: string[] = [];
    expect(
      touched(() =>
        added.push(
          addGoal(
            server,
            { title: 'New', level: 'person', ownerId: dev, parentId: teamGoal },
            { by: dev, at },
          ),
        ),
      ),
    ).toEqual(added);
    const milestoneGoal = addGoal(
      server,
      {
        title: 'M',
        level: 'person',
        ownerId: dev,
        parentId: null,
        metric: { kind: 'milestones', milestones: ['one'] },
      },
      { by: dev, at },
    );
    const [milestone] = readGoal(server, milestoneGoal)!.metric.milestones;
    expect(
      touched(() => setMilestoneDone(server, milestoneGoal, milestone!.id, true, { by: dev, at })),
    ).toEqual([milestoneGoal]);
  });

  it('[GOAL4] names top-level types other than `goals`', () => {
    const doc = new Y.Doc();
    let result: ReturnType<typeof goalsTouchedBy> | undefined;
    doc.on(
      'afterTransaction',
      (transaction: Y.Transaction) => (result = goalsTouchedBy(transaction)),
    );
    doc.getMap('sneaky').set('x', 1);
    expect(result!.otherRoots).toEqual(new Set(['sneaky']));
    expect(result!.goalIds.size).toBe(0);
  });
});

describe('update verdict', () => {
  it('[GOAL4] accepts an owner’s edit and leaves the live document untouched', () => {
    const { server, devGoal } = serverDoc();
    const update = clientUpdate(server, 1, (client) => {
      updateGoalFields(client, devGoal, { title: 'Mine, sharper' }, { by: dev, at });
      recordProgress(client, devGoal, 4, { by: dev, at });
    });
    const verdict = checkGoalTreeUpdate(server, update, asDev);
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.ok && [...verdict.touched.goalIds]).toEqual([devGoal]);
    expect(readGoal(server, devGoal)!.title).toBe('Mine');
  });

  it('[GOAL16] refuses a crafted update editing a colleague’s goal', () => {
    const { server, devGoal, teamGoal } = serverDoc();
    const update = clientUpdate(server, 2, (client) =>
      updateGoalFields(client, devGoal, { title: 'Hijacked' }, { by: peer, at }),
    );
    expect(checkGoalTreeUpdate(server, update, asPeer)).toMatchObject({
      ok: false,
      reason: 'forbidden',
      refusal: { rule: 'GOAL16', goalId: devGoal },
    });
    // A team goal is the team's: the same colleague may edit that one.
    const teamEdit = clientUpdate(server, 2, (client) =>
      updateGoalFields(client, teamGoal, { title: 'Ours' }, { by: peer, at }),
    );
    const verdict = checkGoalTreeUpdate(server, teamEdit, asPeer);
    expect(verdict.ok && [...verdict.touched.goalIds]).toEqual([teamGoal]);
  });

  it('[GOAL17] refuses an owner approving their own proposed goal, accepts their manager', () => {
    const { server, devGoal } = serverDoc();
    setGoalState(server, devGoal, 'proposed', { by: dev, at });
    const selfApproval = clientUpdate(server, 1, (client) =>
      approveGoal(client, devGoal, { by: dev, at }),
    );
    expect(checkGoalTreeUpdate(server, selfApproval, asDev)).toMatchObject({
      ok: false,
      refusal: { rule: 'GOAL17' },
    });
    const approval = clientUpdate(server, 3, (client) =>
      approveGoal(client, devGoal, { by: lead, at }),
    );
    expect(checkGoalTreeUpdate(server, approval, asLead)).toMatchObject({ ok: true });
  });

  it('[GOAL18] refuses a check-in recorded in someone else’s name', () => {
    const { server, devGoal } = serverDoc();
    const update = clientUpdate(server, 3, (client) =>
      recordProgress(client, devGoal, 9, { by: dev, at }),
    );
    expect(checkGoalTreeUpdate(server, update, asLead)).toMatchObject({
      ok: false,
      refusal: { rule: 'GOAL18' },
    });
  });

  it('[GOAL2] refuses an update that breaks the schema', () => {
    const { server, devGoal } = serverDoc();
    const update = clientUpdate(server, 1, (client) =>
      goalLog(goalMap(client, devGoal))!.push([{ weight: -5 }]),
    );
    const verdict = checkGoalTreeUpdate(server, update, asDev);
    expect(verdict).toMatchObject({ ok: false, reason: 'schema' });
    expect(verdict.ok === false && verdict.reason === 'schema' && verdict.issues[0]).toMatchObject({
      goalId: devGoal,
      path: expect.stringMatching(/^log\.\d+\.weight$/),
    });
    const extraRoot = clientUpdate(server, 1, (client) => client.getText('notes').insert(0, 'x'));
    expect(checkGoalTreeUpdate(server, extraRoot, asDev)).toMatchObject({
      ok: false,
      reason: 'schema',
    });
  });

  it('[GOAL3] refuses removing a goal from the document, even by an admin', () => {
    const { server, devGoal } = serverDoc();
    const update = clientUpdate(server, 1, (client) => goalsRoot(client).delete(devGoal));
    expect(checkGoalTreeUpdate(server, update, actor(dev, { isAdmin: true }))).toMatchObject({
      ok: false,
      reason: 'schema',
      issues: [{ goalId: devGoal, message: 'Goals are never removed or replaced.' }],
    });
  });

  it('[GOAL4] refuses an update that depends on changes the server does not have', () => {
    const { server, devGoal } = serverDoc();
    const second = secondTitleAlone(server, 1, devGoal);
    expect(checkGoalTreeUpdate(server, second, asDev)).toMatchObject({
      ok: false,
      reason: 'pending',
    });
  });

  it('[GOAL4] judges an update on its own when the server was already waiting for changes', () => {
    const { server, devGoal } = serverDoc();
    // Another node's edit reached the server without the edit it follows (SYNC26 fetches it).
    Y.applyUpdate(server, secondTitleAlone(server, 2, devGoal));
    expect(server.store.pendingStructs).not.toBeNull();
    const update = clientUpdate(server, 1, (client) =>
      recordProgress(client, devGoal, 4, { by: dev, at }),
    );
    expect(checkGoalTreeUpdate(server, update, asDev)).toMatchObject({ ok: true });
    expect(checkGoalTreeUpdate(server, secondTitleAlone(server, 3, devGoal), asDev)).toMatchObject({
      ok: false,
      reason: 'pending',
    });
  });

  it('[GOAL4] lets a room keep one checking replica across accepted updates', () => {
    const { server, devGoal } = serverDoc();
    const checking = replicaOf(server);
    for (const value of [1, 2, 3]) {
      const update = clientUpdate(server, 1, (client) =>
        recordProgress(client, devGoal, value, { by: dev, at }),
      );
      expect(judgeGoalTreeUpdate(server, checking, update, asDev)).toMatchObject({ ok: true });
      Y.applyUpdate(server, update);
    }
    expect(readGoal(server, devGoal)!.checkIns).toHaveLength(3);
    expect(readGoal(checking, devGoal)).toEqual(readGoal(server, devGoal));
  });
});
