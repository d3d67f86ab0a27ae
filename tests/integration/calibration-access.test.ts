// Who may open the calibration documents and write to them, through a real sync server on a real
// PostgreSQL (CAL11, CAL12, CAL15–CAL18, CAL22–CAL24), and what a tampered client gets for trying
// more: refused, closed with 4409, nothing saved and nothing relayed.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { finalizeSession, startSession } from '@threadline/db/calibration-board';
import { boardCards } from '@threadline/domain/calibration/board';
import { moveCard, setProposal } from '@threadline/domain/calibration/edits';
import { cardsOf, movesOf } from '@threadline/domain/calibration/shape';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import {
  createCalibrationSession,
  createOrganisation,
  FIVE_POINT_SESSION,
} from '../support/factories.ts';
import { useSyncServer } from '../support/sync-server.ts';
import { eventually, openRaw, signInWith } from './sync-support.ts';

const sync = useSyncServer();
const config = FIVE_POINT_SESSION;
const at = '2026-12-07T10:00:00.000Z';

/** A session taking proposals: two managers with a report each, two leaders, a facilitator, an
 *  admin who takes no part, and a member who takes none either. */
async function session() {
  const db = sync.db.pool;
  const organisationId = (await createOrganisation(db)).id;
  const facilitator = await signInWith(db, organisationId, { role: 'admin' });
  const daniel = await signInWith(db, organisationId);
  const maya = await signInWith(db, organisationId);
  const sofia = await signInWith(db, organisationId, { managerId: daniel.personId });
  const other = await signInWith(db, organisationId, { managerId: daniel.personId });
  const kwame = await signInWith(db, organisationId, { managerId: sofia.personId });
  const ana = await signInWith(db, organisationId, { managerId: other.personId });
  const admin = await signInWith(db, organisationId, { role: 'admin' });
  const bystander = await signInWith(db, organisationId);
  const s = await createCalibrationSession(db, organisationId, {
    status: 'proposals',
    participants: [
      { personId: facilitator.personId, role: 'facilitator' },
      { personId: daniel.personId, role: 'leader' },
      { personId: maya.personId, role: 'leader' },
    ],
    population: [kwame.personId, ana.personId],
  });
  const change = { organisationId, sessionId: s.id, personId: facilitator.personId };
  return {
    organisationId,
    facilitator,
    daniel,
    maya,
    sofia,
    other,
    kwame,
    ana,
    admin,
    bystander,
    sessionId: s.id,
    board: `calibration/${s.id}`,
    proposalsOf: (manager: { personId: string }) =>
      `calibration-proposals/${s.id}/${manager.personId}`,
    start: () => startSession(db, change),
    finalize: () => finalizeSession(db, change),
  };
}

type Socket = Awaited<ReturnType<typeof openRaw>>;

async function open(name: string, cookie: string): Promise<Socket> {
  const socket = await openRaw(sync.port, name, cookie);
  await Promise.race([
    socket.until(() => socket.received.some((m) => m.type === 'access')),
    socket.closed,
  ]);
  return socket;
}

const modeOf = (socket: Socket) => socket.received.filter((m) => m.type === 'access').at(-1)?.mode;

/** The socket's replica: everything the server sent it. */
async function replicaOf(socket: Socket): Promise<Y.Doc> {
  if (!socket.received.some((m) => m.type === 'sync-step-2')) {
    socket.send({ type: 'sync-step-1', stateVector: Y.encodeStateVector(new Y.Doc()) });
  }
  await socket.until(() => socket.received.some((m) => m.type === 'sync-step-2'));
  const doc = new Y.Doc();
  for (const m of socket.received) {
    if (m.type === 'sync-step-2' || m.type === 'sync-update') Y.applyUpdate(doc, m.update);
  }
  return doc;
}

/** What the socket's client sends for `change` made on its replica. */
async function updateFrom(socket: Socket, change: (doc: Y.Doc) => void): Promise<Uint8Array> {
  const doc = await replicaOf(socket);
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

async function logged(name: string): Promise<number> {
  const { rows } = await sync.db.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM document_updates WHERE document_name = $1',
    [name],
  );
  return rows[0]!.n;
}

const updatesRelayed = (socket: Socket) =>
  socket.received.filter((m) => m.type === 'sync-update').length;

describe('calibration proposals', () => {
  it('[CAL11] [CAL22] the manager writes proposals for their report; the server projects them', async () => {
    const s = await session();
    const sofia = await open(s.proposalsOf(s.sofia), s.sofia.cookie);
    expect(modeOf(sofia)).toBe('read-write');
    sofia.sendUpdate(
      await updateFrom(sofia, (doc) =>
        setProposal(doc, s.kwame.personId, { rating: 4, potential: 'high', rationale: 'Led it' }),
      ),
    );
    await sofia.until(() => sofia.acks().length > 1);
    await eventually(async () => {
      const { rows } = await sync.db.pool.query(
        `SELECT person_id, manager_id, rating, potential, rationale FROM calibration_proposals
          WHERE session_id = $1`,
        [s.sessionId],
      );
      return rows.length === 1 && rows[0].rating === 4 && rows[0].manager_id === s.sofia.personId;
    }, 8000);
  });

  it('[CAL11] refuses a proposal for someone who is not the manager’s report, saving nothing', async () => {
    const s = await session();
    const name = s.proposalsOf(s.sofia);
    const sofia = await open(name, s.sofia.cookie);
    sofia.sendUpdate(
      await updateFrom(sofia, (doc) =>
        setProposal(doc, s.ana.personId, { rating: 1, potential: 'low', rationale: '' }),
      ),
    );
    expect(await sofia.closed).toBe(CloseCode.ChangeRefused);
    expect(sofia.received).toContainEqual({ type: 'refused', reason: 'forbidden' });
    expect(await logged(name)).toBe(0);
  });

  it('[CAL12] keeps other managers, employees, non-participant admins and leaders (before the start) out', async () => {
    const s = await session();
    const name = s.proposalsOf(s.sofia);
    for (const who of [s.other, s.kwame, s.admin, s.daniel, s.facilitator, s.bystander]) {
      expect(await (await open(name, who.cookie)).closed).toBe(CloseCode.Forbidden);
    }
    // Nor does a manager of nobody in the population have proposals to open.
    expect(await (await open(s.proposalsOf(s.daniel), s.daniel.cookie)).closed).toBe(
      CloseCode.Forbidden,
    );
  });

  it('[CAL12] [CAL15] once the session starts: the manager’s open connection turns read-only, participants read', async () => {
    const s = await session();
    const name = s.proposalsOf(s.sofia);
    const sofia = await open(name, s.sofia.cookie);
    expect(modeOf(sofia)).toBe('read-write');
    expect(await s.start()).toMatchObject({ ok: true });
    await eventually(() => modeOf(sofia) === 'read-only');
    sofia.sendUpdate(
      await updateFrom(sofia, (doc) =>
        setProposal(doc, s.kwame.personId, { rating: 5, potential: 'high', rationale: 'Late' }),
      ),
    );
    expect(await sofia.closed).toBe(CloseCode.ChangeRefused);
    expect(sofia.received).toContainEqual({ type: 'refused', reason: 'read-only' });
    expect(modeOf(await open(name, s.daniel.cookie))).toBe('read-only');
    expect(modeOf(await open(name, s.facilitator.cookie))).toBe('read-only');
    for (const who of [s.other, s.kwame, s.admin]) {
      expect(await (await open(name, who.cookie)).closed).toBe(CloseCode.Forbidden);
    }
  });
});

describe('the calibration board', () => {
  it('[CAL15] does not open before the session starts, for anyone', async () => {
    const s = await session();
    for (const who of [s.daniel, s.facilitator, s.admin]) {
      expect(await (await open(s.board, who.cookie)).closed).toBe(CloseCode.Forbidden);
    }
  });

  it('[CAL15] in session: participants write, admins read, employees and other members are closed', async () => {
    const s = await session();
    await s.start();
    expect(modeOf(await open(s.board, s.daniel.cookie))).toBe('read-write');
    expect(modeOf(await open(s.board, s.facilitator.cookie))).toBe('read-write');
    expect(modeOf(await open(s.board, s.admin.cookie))).toBe('read-only');
    for (const who of [s.kwame, s.sofia, s.bystander]) {
      expect(await (await open(s.board, who.cookie)).closed).toBe(CloseCode.Forbidden);
    }
  });

  it('[CAL18] [CAL23] relays a justified move to the other participants and projects it', async () => {
    const s = await session();
    await s.start();
    const daniel = await open(s.board, s.daniel.cookie);
    const maya = await open(s.board, s.maya.cookie);
    await replicaOf(maya);
    const before = updatesRelayed(maya);
    daniel.sendUpdate(
      await updateFrom(daniel, (doc) => {
        const result = moveCard(
          doc,
          {
            moveId: '00000000-0000-4000-8000-0000000000b1',
            personId: s.kwame.personId,
            to: { rating: 4, potential: 'high' },
            justification: 'Led the migration',
          },
          config,
          { by: s.daniel.personId, at },
        );
        expect(result).toEqual({ ok: true });
      }),
    );
    await daniel.until(() => daniel.acks().length > 1);
    await maya.until(() => updatesRelayed(maya) > before);
    expect(boardCards(await replicaOf(maya), config).get(s.kwame.personId)?.box).toBe(9);
    await eventually(async () => {
      const { rows } = await sync.db.pool.query(
        `SELECT c.current_box, c.moves, m.justification, m.moved_by
           FROM calibration_cards c JOIN calibration_moves m USING (session_id, person_id)
          WHERE c.session_id = $1 AND c.person_id = $2`,
        [s.sessionId, s.kwame.personId],
      );
      return (
        rows[0]?.current_box === 9 &&
        rows[0]?.justification === 'Led the migration' &&
        rows[0]?.moved_by === s.daniel.personId
      );
    }, 8000);
  });

  it('[CAL19] two leaders move one card at once: both moves kept, one box everywhere', async () => {
    const s = await session();
    await s.start();
    const daniel = await open(s.board, s.daniel.cookie);
    const maya = await open(s.board, s.maya.cookie);
    const danielDoc = await replicaOf(daniel);
    const mayaDoc = await replicaOf(maya);
    const moveOn = (doc: Y.Doc, moveId: string, by: string, rating: number) => {
      const before = Y.encodeStateVector(doc);
      const result = moveCard(
        doc,
        {
          moveId,
          personId: s.ana.personId,
          to: { rating, potential: 'high' },
          justification: `Seen by ${by}`,
        },
        config,
        { by, at },
      );
      expect(result).toEqual({ ok: true });
      return Y.encodeStateAsUpdate(doc, before);
    };
    // Both made from the same board, before either hears of the other's.
    const fromDaniel = moveOn(
      danielDoc,
      '00000000-0000-4000-8000-0000000000e1',
      s.daniel.personId,
      5,
    );
    const fromMaya = moveOn(mayaDoc, '00000000-0000-4000-8000-0000000000e2', s.maya.personId, 2);
    daniel.sendUpdate(fromDaniel);
    maya.sendUpdate(fromMaya);
    await daniel.until(() => daniel.acks().length > 1);
    await maya.until(() => maya.acks().length > 1);
    await daniel.until(() => updatesRelayed(daniel) > 0);
    await maya.until(() => updatesRelayed(maya) > 0);
    expect([daniel.closeCode, maya.closeCode]).toEqual([undefined, undefined]);
    // Each replica: its own move, then what the server relayed (the other's).
    for (const [socket, doc] of [
      [daniel, danielDoc],
      [maya, mayaDoc],
    ] as const) {
      for (const m of socket.received) if (m.type === 'sync-update') Y.applyUpdate(doc, m.update);
    }
    const boards = [danielDoc, mayaDoc, await replicaOf(await open(s.board, s.facilitator.cookie))];
    const boxes = boards.map((doc) => boardCards(doc, config).get(s.ana.personId)?.box);
    expect(new Set(boxes).size).toBe(1);
    for (const doc of boards) expect(movesOf(doc).size).toBe(2);
  });

  it('[CAL17] refuses a tampered client’s move without a justification: 4409, nothing saved or relayed', async () => {
    const s = await session();
    await s.start();
    const daniel = await open(s.board, s.daniel.cookie);
    const maya = await open(s.board, s.maya.cookie);
    await replicaOf(maya);
    const relayed = updatesRelayed(maya);
    const rows = await logged(s.board);
    daniel.sendUpdate(
      await updateFrom(daniel, (doc) =>
        doc.transact(() => {
          const moveId = '00000000-0000-4000-8000-0000000000b2';
          movesOf(doc).set(moveId, {
            personId: s.kwame.personId,
            from: null,
            to: { rating: 1, potential: 'low' },
            justification: ' ',
            by: s.daniel.personId,
            at,
          });
          cardsOf(doc)
            .get(s.kwame.personId)!
            .set('placement', { rating: 1, potential: 'low', moveId });
        }),
      ),
    );
    expect(await daniel.closed).toBe(CloseCode.ChangeRefused);
    expect(daniel.received).toContainEqual({ type: 'refused', reason: 'forbidden' });
    expect(await logged(s.board)).toBe(rows);
    // Maya's connection stays open and never hears of it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(updatesRelayed(maya)).toBe(relayed);
    expect(maya.closeCode).toBeUndefined();
    const fresh = await replicaOf(await open(s.board, s.maya.cookie));
    expect(movesOf(fresh).size).toBe(0);
  });

  it('[CAL15] [CAL24] finalizing turns every open connection read-only at once; a write after it is refused', async () => {
    const s = await session();
    await s.start();
    const daniel = await open(s.board, s.daniel.cookie);
    const maya = await open(s.board, s.maya.cookie);
    // Both cards need a box: Maya places them (neither had a proposal, so both are justified).
    const mayaReplica = await replicaOf(maya);
    const before = Y.encodeStateVector(mayaReplica);
    for (const [i, person] of [s.kwame, s.ana].entries()) {
      moveCard(
        mayaReplica,
        {
          moveId: `00000000-0000-4000-8000-0000000000c${i}`,
          personId: person.personId,
          to: { rating: 3, potential: 'medium' },
          justification: 'Meets the bar',
        },
        config,
        { by: s.maya.personId, at },
      );
    }
    maya.sendUpdate(Y.encodeStateAsUpdate(mayaReplica, before));
    await maya.until(() => maya.acks().length > 1);
    expect(await s.finalize()).toEqual({ ok: true, value: { published: 2 } });
    await eventually(() => modeOf(daniel) === 'read-only' && modeOf(maya) === 'read-only');
    daniel.sendUpdate(
      await updateFrom(daniel, (doc) =>
        moveCard(
          doc,
          {
            moveId: '00000000-0000-4000-8000-0000000000d1',
            personId: s.kwame.personId,
            to: { rating: 5, potential: 'high' },
            justification: 'Too late',
          },
          config,
          { by: s.daniel.personId, at },
        ),
      ),
    );
    expect(await daniel.closed).toBe(CloseCode.ChangeRefused);
    expect(daniel.received).toContainEqual({ type: 'refused', reason: 'read-only' });
    expect(modeOf(await open(s.board, s.daniel.cookie))).toBe('read-only');
    const { rows } = await sync.db.pool.query(
      'SELECT rating, box FROM published_ratings WHERE session_id = $1 AND person_id = $2',
      [s.sessionId, s.kwame.personId],
    );
    expect(rows).toEqual([{ rating: 3, box: 5 }]);
  });
});
