// The calibration documents into their tables (CAL22, CAL23, SYNC24): rows from the domain's pure
// projectors, upserted here. A board follows its changes, so a run after a move projects that
// card and that move, not a long session's thousands of moves (a proposals document is small and
// projected whole); the projection writes only rows that changed. Rows travel as one JSON parameter unpacked
// by jsonb_to_recordset: one statement per table whatever their number.
import type { Queryable } from '@threadline/db';
import type { BoardConfig } from '@threadline/domain/calibration/model';
import {
  moveCounts,
  projectCards,
  projectMoves,
  projectProposals,
} from '@threadline/domain/calibration/projector';
import { cardsOf, movesOf, type MoveValue } from '@threadline/domain/calibration/shape';
import { parseDocumentName } from '@threadline/domain/documents/names';
import type * as Y from 'yjs';
import type { DocumentKey } from '../../persistence/document-storage.ts';
import type { DocumentProjector, ProjectedRow } from '../../projection/document-projector.ts';

const PROPOSALS = 'calibration_proposals';
const CARDS = 'calibration_cards';
const MOVES = 'calibration_moves';

function nameOf(key: DocumentKey) {
  const name = parseDocumentName(key.name);
  if (name?.kind !== 'calibration' && name?.kind !== 'calibration-proposals') {
    throw new Error(`not a calibration document: ${key.name}`);
  }
  return name;
}

const rowsOf = (table: string, rows: readonly object[], id: (row: never) => string) =>
  rows.map((row): ProjectedRow => ({ table, id: id(row as never), values: { ...row } }));

const valuesOf = (rows: readonly ProjectedRow[], table: string) =>
  JSON.stringify(rows.filter((row) => row.table === table).map((row) => row.values));

export const proposalsProjector: DocumentProjector<null> = {
  context: async () => null,
  follow: (doc) => ({
    *rows() {
      yield rowsOf(PROPOSALS, projectProposals(doc), (row: { personId: string }) => row.personId);
    },
    stop: () => {},
  }),
  async write(db, key, rows) {
    const name = nameOf(key);
    if (name.kind !== 'calibration-proposals' || rows.length === 0) return;
    await db.query(
      `INSERT INTO calibration_proposals
         (organisation_id, session_id, person_id, manager_id, rating, potential, rationale,
          updated_at)
       SELECT $1, $2, r."personId", $3, r."rating", r."potential", r."rationale", now()
         FROM jsonb_to_recordset($4::jsonb) AS r("personId" uuid, "rating" smallint,
                                                 "potential" text, "rationale" text)
       ON CONFLICT (session_id, person_id) DO UPDATE SET
         manager_id = EXCLUDED.manager_id, rating = EXCLUDED.rating,
         potential = EXCLUDED.potential, rationale = EXCLUDED.rationale,
         updated_at = EXCLUDED.updated_at`,
      [key.organisationId, name.sessionId, name.managerId, valuesOf(rows, PROPOSALS)],
    );
  },
};

/** The board's rows need the session's bands (a card's box); null when the session is gone. */
export const boardProjector: DocumentProjector<BoardConfig | null> = {
  async context(db, key) {
    const { rows } = await db.query<{ scale: BoardConfig['scale']; bands: BoardConfig['bands'] }>(
      `SELECT scale, performance_bands AS bands FROM calibration_sessions
        WHERE organisation_id = $1 AND id = $2`,
      [key.organisationId, nameOf(key).sessionId],
    );
    return rows[0] ?? null;
  },
  follow(doc) {
    // The people and moves changed since the last run: a move adds itself and places its card.
    const people = new Set<string>();
    const moves = new Set<string>();
    const movesMap = movesOf(doc);
    const cardsMap = cardsOf(doc);
    // Moves per card, counted once and then kept up to date (a move is never removed).
    const counts = moveCounts(doc);
    const onMoves = (event: Y.YMapEvent<MoveValue>) => {
      for (const [id, change] of event.changes.keys) {
        moves.add(id);
        const move = movesMap.get(id);
        if (!move) continue;
        people.add(move.personId);
        if (change.action === 'add')
          counts.set(move.personId, (counts.get(move.personId) ?? 0) + 1);
      }
    };
    const onCards = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const event of events) {
        if (event.target === cardsMap) for (const key of event.changes.keys.keys()) people.add(key);
        else {
          const key = event.path[0];
          if (typeof key === 'string') people.add(key);
        }
      }
    };
    movesMap.observe(onMoves);
    cardsMap.observeDeep(onCards);
    return {
      *rows(config, all) {
        if (config === null) return;
        const cards = all ? undefined : new Set(people);
        const added = all ? undefined : new Set(moves);
        people.clear();
        moves.clear();
        yield [
          ...rowsOf(
            CARDS,
            projectCards(doc, config, cards, counts),
            (row: { personId: string }) => row.personId,
          ),
          ...rowsOf(MOVES, projectMoves(doc, added), (row: { moveId: string }) => row.moveId),
        ];
      },
      stop() {
        movesMap.unobserve(onMoves);
        cardsMap.unobserveDeep(onCards);
      },
    };
  },
  async write(db, key, rows) {
    const { sessionId } = nameOf(key);
    if (rows.some((row) => row.table === CARDS)) await writeCards(db, key, sessionId, rows);
    if (rows.some((row) => row.table === MOVES)) await writeMoves(db, key, sessionId, rows);
  },
};

async function writeCards(
  db: Queryable,
  key: DocumentKey,
  sessionId: string,
  rows: readonly ProjectedRow[],
) {
  await db.query(
    `INSERT INTO calibration_cards
       (organisation_id, session_id, person_id, original_rating, original_potential, original_box,
        current_rating, current_potential, current_box, moves, projected_at)
     SELECT $1, $2, r."personId", r."originalRating", r."originalPotential", r."originalBox",
            r."currentRating", r."currentPotential", r."currentBox", r."moves", now()
       FROM jsonb_to_recordset($3::jsonb) AS r("personId" uuid, "originalRating" smallint,
              "originalPotential" text, "originalBox" smallint, "currentRating" smallint,
              "currentPotential" text, "currentBox" smallint, "moves" integer)
     ON CONFLICT (session_id, person_id) DO UPDATE SET
       original_rating = EXCLUDED.original_rating,
       original_potential = EXCLUDED.original_potential, original_box = EXCLUDED.original_box,
       current_rating = EXCLUDED.current_rating, current_potential = EXCLUDED.current_potential,
       current_box = EXCLUDED.current_box, moves = EXCLUDED.moves,
       projected_at = EXCLUDED.projected_at`,
    [key.organisationId, sessionId, valuesOf(rows, CARDS)],
  );
}

async function writeMoves(
  db: Queryable,
  key: DocumentKey,
  sessionId: string,
  rows: readonly ProjectedRow[],
) {
  // A move never changes (CAL18): one already written is left as it is.
  await db.query(
    `INSERT INTO calibration_moves
       (organisation_id, session_id, move_id, person_id, from_rating, from_potential, to_rating,
        to_potential, justification, moved_by, moved_at, projected_at)
     SELECT $1, $2, r."moveId", r."personId", r."fromRating", r."fromPotential", r."toRating",
            r."toPotential", r."justification", r."movedBy", r."movedAt", now()
       FROM jsonb_to_recordset($3::jsonb) AS r("moveId" uuid, "personId" uuid,
              "fromRating" smallint, "fromPotential" text, "toRating" smallint,
              "toPotential" text, "justification" text, "movedBy" uuid, "movedAt" timestamptz)
     ON CONFLICT (session_id, move_id) DO NOTHING`,
    [key.organisationId, sessionId, valuesOf(rows, MOVES)],
  );
}
