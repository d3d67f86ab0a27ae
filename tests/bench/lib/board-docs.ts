// Calibration boards for the calibration workload (CAL14–CAL18): real board documents, built the
// way the product builds them, and moves made with the domain's own edit, so ours judges every
// one with the board's validator exactly as it judges a browser's.
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { startSession } from '@threadline/db/calibration-board';
import { appendToDocumentLog } from '@threadline/db/document-log';
import type { Pool } from '@threadline/db';
import { readCard } from '@threadline/domain/calibration/board';
import {
  initialBoardUpdate,
  moveCard,
  proposalsUpdate,
} from '@threadline/domain/calibration/edits';
import { formatDocumentName } from '@threadline/domain/documents/names';
import type { BoardConfig, Potential } from '@threadline/domain/calibration/model';
import { dropInBox, type BoxNumber } from '@threadline/domain/calibration/nine-box';
import { cardsOf } from '@threadline/domain/calibration/shape';

export const BENCH_BOARD_CONFIG: BoardConfig = {
  scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: `Rating ${value}` })),
  bands: { low: [1, 2], medium: [3], high: [4, 5] },
};

const POTENTIALS: readonly Potential[] = ['low', 'medium', 'high'];

export interface BenchBoards {
  names: string[];
  /** The board's first update, for servers that do not build it themselves (all but ours). */
  initial: Uint8Array;
  cardIds: string[];
}

/**
 * `count` sessions in session, each calibrating the same `cards` people with a proposal for
 * each, and `personId` (the bench's admin) facilitating every one. With `build`, each board is
 * built as starting a session builds it (ours: the server-authored update in the log);
 * otherwise the caller seeds `initial` through a client.
 */
export async function newCalibrationBoards(
  pool: Pool,
  organisationId: string,
  personId: string,
  count: number,
  cards: number,
  build: boolean,
): Promise<BenchBoards> {
  const { rows: people } = await pool.query<{ id: string }>(
    `INSERT INTO people (organisation_id, name, email, role, status)
     SELECT $1, 'Card ' || n, 'card-' || n || '-' || $3 || '@bench.example', 'member', 'active'
       FROM generate_series(1, $2::int) n RETURNING id`,
    [organisationId, cards, randomUUID().slice(0, 8)],
  );
  const cardIds = people.map((row) => row.id);
  const proposals = cardIds.map((id, i) => ({
    personId: id,
    rating: 1 + (i % 5),
    potential: POTENTIALS[i % 3]!,
    rationale: 'Bench proposal',
    proposedBy: personId,
  }));
  const { rows: cycles } = await pool.query<{ id: string }>(
    `INSERT INTO cycles (organisation_id, name, starts_on, ends_on)
     VALUES ($1, 'Calibration ' || gen_random_uuid(), '2026-07-01', '2026-12-31') RETURNING id`,
    [organisationId],
  );
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO calibration_sessions (organisation_id, cycle_id, name, status, scale,
                                         performance_bands, guideline)
       VALUES ($1, $2, 'Bench ' || $3, 'proposals', $4, $5, '{"3":100}') RETURNING id`,
      [
        organisationId,
        cycles[0]!.id,
        i,
        JSON.stringify(BENCH_BOARD_CONFIG.scale),
        JSON.stringify(BENCH_BOARD_CONFIG.bands),
      ],
    );
    const sessionId = rows[0]!.id;
    await pool.query(
      `INSERT INTO calibration_participants (organisation_id, session_id, person_id, role)
       VALUES ($1, $2, $3, 'facilitator')`,
      [organisationId, sessionId, personId],
    );
    await pool.query(
      `INSERT INTO calibration_population (organisation_id, session_id, person_id)
       SELECT $1, $2, unnest($3::uuid[])`,
      [organisationId, sessionId, cardIds],
    );
    await pool.query(
      `INSERT INTO calibration_proposals (organisation_id, session_id, person_id, manager_id,
                                          rating, potential, rationale)
       SELECT $1, $2, r."personId", $4, r."rating", r."potential", r."rationale"
         FROM jsonb_to_recordset($3::jsonb) AS r("personId" uuid, "rating" smallint,
                                                 "potential" text, "rationale" text)`,
      [organisationId, sessionId, JSON.stringify(proposals), personId],
    );
    // The proposals document itself: starting a session reads the proposals from it (CAL16).
    await appendToDocumentLog(pool, [
      {
        organisationId,
        documentName: formatDocumentName({
          kind: 'calibration-proposals',
          sessionId,
          managerId: personId,
        }),
        personId,
        receivedAt: new Date(),
        update: proposalsUpdate(
          proposals.map(({ personId: id, rating, potential, rationale }) => ({
            personId: id,
            rating,
            potential,
            rationale,
          })),
        ),
      },
    ]);
    if (build) {
      const started = await startSession(pool, { organisationId, sessionId, personId });
      if (!started.ok) throw new Error(`bench board: ${JSON.stringify(started.errors)}`);
    } else {
      await pool.query(`UPDATE calibration_sessions SET status = 'in_session' WHERE id = $1`, [
        sessionId,
      ]);
    }
    names.push(`calibration/${sessionId}`);
  }
  const initial = initialBoardUpdate(
    proposals.map(({ personId: id, ...original }) => ({ personId: id, original })),
  );
  return { names, initial, cardIds };
}

/**
 * Moves a random card to a random other box, justified with `justification` (which carries the
 * edit's marker): one move, one Yjs update, as a leader dragging a card makes it.
 */
export function moveRandomCard(
  doc: Y.Doc,
  cardIds: readonly string[],
  by: string,
  justification: string,
): void {
  const personId = cardIds[Math.floor(Math.random() * cardIds.length)]!;
  const card = cardsOf(doc).get(personId);
  if (!card) throw new Error(`no card ${personId} on the bench board`);
  const { current } = readCard(personId, card, BENCH_BOARD_CONFIG);
  for (;;) {
    const box = (1 + Math.floor(Math.random() * 9)) as BoxNumber;
    const to = dropInBox(box, current?.rating ?? null, BENCH_BOARD_CONFIG.bands);
    const result = moveCard(
      doc,
      { moveId: randomUUID(), personId, to, justification },
      BENCH_BOARD_CONFIG,
      { by },
    );
    if (result.ok) return;
    if (result.reason !== 'not-moved') throw new Error(`bench move refused: ${result.reason}`);
  }
}
