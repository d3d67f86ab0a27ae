// Starting, finalizing and reopening a calibration session on a real PostgreSQL (CAL16, CAL24,
// CAL25): the board is built in the log with the state change, published from the log.
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardCards } from '@threadline/domain/calibration/board';
import { moveCard, proposalsUpdate } from '@threadline/domain/calibration/edits';
import { replicaFromUpdates } from '@threadline/domain/calibration/replay';
import {
  createCalibrationSession,
  createOrganisation,
  createPerson,
  createProposal,
  FIVE_POINT_SESSION,
} from '../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import { finalizeSession, reopenSession, startSession } from './calibration-board.ts';
import { appendToDocumentLog } from './document-log.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

const config = FIVE_POINT_SESSION;

async function session(status: 'proposals' | 'in_session' = 'proposals') {
  const org = (await createOrganisation(db.pool)).id;
  const facilitator = await createPerson(db.pool, org, { role: 'admin' });
  const leader = await createPerson(db.pool, org);
  const manager = await createPerson(db.pool, org);
  const kwame = await createPerson(db.pool, org, { managerId: manager.id, name: 'Kwame' });
  const ana = await createPerson(db.pool, org, { managerId: manager.id, name: 'Ana' });
  const s = await createCalibrationSession(db.pool, org, {
    status,
    participants: [
      { personId: facilitator.id, role: 'facilitator' },
      { personId: leader.id, role: 'leader' },
    ],
    population: [kwame.id, ana.id],
  });
  const change = { organisationId: org, sessionId: s.id, personId: facilitator.id };
  return { org, s, change, facilitator, leader, manager, kwame, ana };
}

async function boardLog(org: string, sessionId: string) {
  const { rows } = await db.pool.query<{ update: Buffer; person_id: string | null }>(
    `SELECT update, person_id FROM document_updates
      WHERE organisation_id = $1 AND document_name = $2 ORDER BY seq`,
    [org, `calibration/${sessionId}`],
  );
  return rows;
}

async function status(sessionId: string) {
  const { rows } = await db.pool.query<{ status: string }>(
    'SELECT status FROM calibration_sessions WHERE id = $1',
    [sessionId],
  );
  return rows[0]?.status;
}

async function trace(sessionId: string) {
  const { rows } = await db.pool.query(
    `SELECT from_status, to_status, changed_by, reason FROM calibration_status_changes
      WHERE session_id = $1 ORDER BY id`,
    [sessionId],
  );
  return rows;
}

/** A move as the sync server would have logged it after accepting it. */
async function logMove(org: string, sessionId: string, personId: string, by: string) {
  const rows = await boardLog(org, sessionId);
  const doc = replicaFromUpdates(rows.map((row) => new Uint8Array(row.update)));
  const before = Y.encodeStateVector(doc);
  const result = moveCard(
    doc,
    {
      moveId: '00000000-0000-4000-8000-00000000aaaa',
      personId,
      to: { rating: 5, potential: 'high' },
      justification: 'Carried the launch',
    },
    config,
    { by },
  );
  expect(result).toEqual({ ok: true });
  await appendToDocumentLog(db.pool, [
    {
      organisationId: org,
      documentName: `calibration/${sessionId}`,
      personId: by,
      receivedAt: new Date(),
      update: Y.encodeStateAsUpdate(doc, before),
    },
  ]);
}

describe('starting a session', () => {
  it('[CAL16] builds the board from the proposals in one server-authored update, with the state change', async () => {
    const t = await session();
    await createProposal(db.pool, t.org, t.s.id, {
      personId: t.kwame.id,
      managerId: t.manager.id,
      rating: 4,
      potential: 'medium',
    });
    expect(await startSession(db.pool, t.change)).toEqual({ ok: true, value: { cards: 2 } });
    const log = await boardLog(t.org, t.s.id);
    expect(log).toHaveLength(1);
    expect(log[0]!.person_id).toBeNull();
    const cards = boardCards(replicaFromUpdates([new Uint8Array(log[0]!.update)]), config);
    expect(cards.get(t.kwame.id)).toMatchObject({
      original: { rating: 4, potential: 'medium', rationale: 'Proposed', proposedBy: t.manager.id },
      box: 8,
    });
    expect(cards.get(t.ana.id)).toMatchObject({ original: null, box: null });
    expect(await status(t.s.id)).toBe('in_session');
    expect(await trace(t.s.id)).toEqual([
      {
        from_status: 'proposals',
        to_status: 'in_session',
        changed_by: t.facilitator.id,
        reason: '',
      },
    ]);
  });

  it("[CAL16] reads the proposals from the managers' documents, not from their projection", async () => {
    const t = await session();
    const formerManager = await createPerson(db.pool, t.org);
    const proposal = (personId: string, managerId: string, rating: number) => ({
      organisationId: t.org,
      documentName: `calibration-proposals/${t.s.id}/${managerId}`,
      personId: managerId,
      receivedAt: new Date(),
      update: proposalsUpdate([{ personId, rating, potential: 'high', rationale: 'Just saved' }]),
    });
    // Saved a moment before the start: in the log, not yet projected into calibration_proposals.
    // Ana was also proposed for by a manager she no longer reports to: her current one counts.
    await appendToDocumentLog(db.pool, [
      proposal(t.kwame.id, t.manager.id, 5),
      proposal(t.ana.id, formerManager.id, 1),
      proposal(t.ana.id, t.manager.id, 2),
    ]);
    expect(await startSession(db.pool, t.change)).toEqual({ ok: true, value: { cards: 2 } });
    const log = await boardLog(t.org, t.s.id);
    const cards = boardCards(replicaFromUpdates([new Uint8Array(log[0]!.update)]), config);
    expect(cards.get(t.kwame.id)?.original).toMatchObject({
      rating: 5,
      rationale: 'Just saved',
      proposedBy: t.manager.id,
    });
    expect(cards.get(t.ana.id)?.original).toMatchObject({ rating: 2, proposedBy: t.manager.id });
  });

  it('[CAL16] is a facilitator’s, from proposals only', async () => {
    const t = await session();
    expect(await startSession(db.pool, { ...t.change, personId: t.leader.id })).toMatchObject({
      ok: false,
    });
    expect(await boardLog(t.org, t.s.id)).toHaveLength(0);
    const started = await session('in_session');
    expect(await startSession(db.pool, started.change)).toEqual({
      ok: false,
      errors: { form: 'The session is in session.' },
    });
  });
});

describe('finalizing and reopening', () => {
  it('[CAL24] refuses while a card has no box, naming the people', async () => {
    const t = await session();
    await startSession(db.pool, t.change);
    const result = await finalizeSession(db.pool, t.change);
    expect(result).toEqual({
      ok: false,
      errors: { form: 'Place every card before finalizing: Ana, Kwame have no box yet.' },
    });
    expect(await status(t.s.id)).toBe('in_session');
  });

  it('[CAL24] [CAL25] publishes the board as the log holds it; reopening keeps a trace and the ratings', async () => {
    const t = await session();
    for (const person of [t.kwame, t.ana]) {
      await createProposal(db.pool, t.org, t.s.id, {
        personId: person.id,
        managerId: t.manager.id,
        rating: 3,
        potential: 'medium',
      });
    }
    await startSession(db.pool, t.change);
    await logMove(t.org, t.s.id, t.kwame.id, t.leader.id);
    expect(await finalizeSession(db.pool, { ...t.change, personId: t.leader.id })).toMatchObject({
      ok: false,
    });
    expect(await finalizeSession(db.pool, t.change)).toEqual({ ok: true, value: { published: 2 } });
    const { rows } = await db.pool.query(
      `SELECT person_id, cycle_id, rating, rating_label, performance, potential, box
         FROM published_ratings WHERE session_id = $1 ORDER BY rating`,
      [t.s.id],
    );
    expect(rows).toEqual([
      {
        person_id: t.ana.id,
        cycle_id: t.s.cycleId,
        rating: 3,
        rating_label: 'Rating 3',
        performance: 'medium',
        potential: 'medium',
        box: 5,
      },
      {
        person_id: t.kwame.id,
        cycle_id: t.s.cycleId,
        rating: 5,
        rating_label: 'Rating 5',
        performance: 'high',
        potential: 'high',
        box: 9,
      },
    ]);
    expect(await status(t.s.id)).toBe('finalized');

    expect(await reopenSession(db.pool, { ...t.change, reason: '  ' })).toEqual({
      ok: false,
      errors: { reason: 'Say why the session is reopened.' },
    });
    expect(
      await reopenSession(db.pool, { ...t.change, personId: t.leader.id, reason: 'Missed one' }),
    ).toMatchObject({ ok: false });
    expect(
      await reopenSession(db.pool, { ...t.change, reason: 'Ana’s promotion was missed' }),
    ).toEqual({
      ok: true,
      value: null,
    });
    expect(await status(t.s.id)).toBe('in_session');
    expect((await trace(t.s.id)).at(-1)).toEqual({
      from_status: 'finalized',
      to_status: 'in_session',
      changed_by: t.facilitator.id,
      reason: 'Ana’s promotion was missed',
    });
    const kept = await db.pool.query(
      'SELECT count(*)::int AS n FROM published_ratings WHERE session_id = $1',
      [t.s.id],
    );
    expect(kept.rows[0].n).toBe(2);
    // Reopening does not rebuild the board.
    expect(await boardLog(t.org, t.s.id)).toHaveLength(2);
  });
});
