// The seeded demo calibration sessions as the sync server serves them (DEMO21–DEMO24): Daniel and
// Maya open Engineering's board to work on at once, with every card; a move of theirs is
// accepted; last cycle's board is read-only; employees are kept out; the board is projected.
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSession, generateSessionToken, SESSION_COOKIE_NAME } from '@threadline/db';
import {
  DEMO_CEO_EMAIL,
  DEMO_DEPARTMENT_HEAD_EMAIL,
  DEMO_EMPLOYEE_EMAIL,
} from '@threadline/db/demo';
import { seedDemoOrganisation } from '@threadline/db/seed';
import { boardCards } from '@threadline/domain/calibration/board';
import { moveCard } from '@threadline/domain/calibration/edits';
import { DEMO_CALIBRATION_CONFIG } from '@threadline/domain/demo/calibration';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { useSyncServer } from '../support/sync-server.ts';
import { eventually, openRaw } from './sync-support.ts';

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
let current: { id: string; population: number };
let previous: { id: string };

beforeAll(async () => {
  ({ organisationId } = await seedDemoOrganisation(sync.db.pool));
  const { rows } = await sync.db.pool.query<{ id: string; status: string; population: number }>(
    `SELECT s.id, s.status,
            (SELECT count(*)::int FROM calibration_population p WHERE p.session_id = s.id)
              AS population
       FROM calibration_sessions s WHERE s.organisation_id = $1`,
    [organisationId],
  );
  current = rows.find((row) => row.status === 'in_session')!;
  previous = rows.find((row) => row.status === 'finalized')!;
}, 120_000);

async function signedIn(email: string) {
  const { rows } = await sync.db.pool.query<{ id: string }>(
    'SELECT id FROM people WHERE organisation_id = $1 AND email = $2',
    [organisationId, email],
  );
  const token = generateSessionToken();
  await createSession(sync.db.pool, token, { id: rows[0]!.id, organisationId });
  return { personId: rows[0]!.id, cookie: `${SESSION_COOKIE_NAME}=${token}` };
}

async function open(name: string, cookie: string) {
  const socket = await openRaw(sync.port, name, cookie);
  await Promise.race([
    socket.until(() => socket.received.some((m) => m.type === 'access')),
    socket.closed,
  ]);
  return socket;
}

async function synced(socket: Awaited<ReturnType<typeof open>>) {
  socket.send({ type: 'sync-step-1', stateVector: Y.encodeStateVector(new Y.Doc()) });
  await socket.until(() => socket.received.some((m) => m.type === 'sync-step-2'));
  const doc = new Y.Doc();
  for (const m of socket.received) {
    if (m.type === 'sync-step-2' || m.type === 'sync-update') Y.applyUpdate(doc, m.update);
  }
  return doc;
}

const modeOf = (socket: Awaited<ReturnType<typeof open>>) =>
  socket.received.filter((m) => m.type === 'access').at(-1)?.mode;

describe('the seeded calibration sessions on the sync server', () => {
  it('[DEMO21] [DEMO23] Daniel and Maya open Engineering’s board to work on, every card there; a move is accepted', async () => {
    const daniel = await signedIn(DEMO_DEPARTMENT_HEAD_EMAIL);
    const maya = await signedIn(DEMO_CEO_EMAIL);
    const board = `calibration/${current.id}`;
    const danielSocket = await open(board, daniel.cookie);
    expect(modeOf(danielSocket)).toBe('read-write');
    expect(modeOf(await open(board, maya.cookie))).toBe('read-write');
    const doc = await synced(danielSocket);
    const cards = boardCards(doc, DEMO_CALIBRATION_CONFIG);
    expect(cards.size).toBe(current.population);
    const placed = [...cards.values()].find((card) => card.box !== null && card.box !== 9)!;
    const before = Y.encodeStateVector(doc);
    const result = moveCard(
      doc,
      {
        moveId: '00000000-0000-4000-8000-0000000000f1',
        personId: placed.personId,
        to: { rating: 5, potential: 'high' },
        justification: 'Led the platform rewrite',
      },
      DEMO_CALIBRATION_CONFIG,
      { by: daniel.personId },
    );
    expect(result).toEqual({ ok: true });
    danielSocket.sendUpdate(Y.encodeStateAsUpdate(doc, before));
    await danielSocket.until(() => danielSocket.acks().length > 1);
    expect(danielSocket.received.filter((m) => m.type === 'refused')).toEqual([]);
    await eventually(async () => {
      const { rows } = await sync.db.pool.query<{ current_box: number; cards: number }>(
        `SELECT (SELECT current_box FROM calibration_cards
                  WHERE session_id = $1 AND person_id = $2) AS current_box,
                (SELECT count(*)::int FROM calibration_cards WHERE session_id = $1) AS cards`,
        [current.id, placed.personId],
      );
      return rows[0]?.current_box === 9 && rows[0]?.cards === current.population;
    }, 15_000);
  });

  it('[DEMO24] [CAL15] last cycle’s board is read-only; an employee opens neither', async () => {
    const daniel = await signedIn(DEMO_DEPARTMENT_HEAD_EMAIL);
    const kwame = await signedIn(DEMO_EMPLOYEE_EMAIL);
    expect(modeOf(await open(`calibration/${previous.id}`, daniel.cookie))).toBe('read-only');
    for (const id of [current.id, previous.id]) {
      expect(await (await open(`calibration/${id}`, kwame.cookie)).closed).toBe(
        CloseCode.Forbidden,
      );
    }
  });
});
