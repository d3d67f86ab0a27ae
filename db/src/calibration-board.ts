// A calibration session's board changes of state (CAL16, CAL24, CAL25): starting builds the board
// from the managers' proposals, finalizing publishes it, reopening puts it back in session. Each
// runs in one transaction with the state change and its trace; every statement is scoped by
// organisation_id. The board itself is written only through the document log's one writer.
import { boardCards } from '@threadline/domain/calibration/board';
import { initialBoardUpdate } from '@threadline/domain/calibration/edits';
import type { BoardConfig, SessionStatus } from '@threadline/domain/calibration/model';
import { ratingsToPublish } from '@threadline/domain/calibration/published';
import { projectProposals, type ProposalRow } from '@threadline/domain/calibration/projector';
import { replicaFromUpdates } from '@threadline/domain/calibration/replay';
import type { OriginalValue } from '@threadline/domain/calibration/shape';
import { formatDocumentName, parseDocumentName } from '@threadline/domain/documents/names';
import { fieldError, type Outcome } from '@threadline/domain/org/violation';
import { inTransaction, type Pool, type Queryable } from './connection.ts';
import { appendToDocumentLog, readDocumentLocked } from './document-log.ts';

export interface SessionChange {
  organisationId: string;
  sessionId: string;
  /** Who asks: a facilitator of the session. */
  personId: string;
}

interface LockedSession {
  status: SessionStatus;
  cycleId: string;
  config: BoardConfig;
  isFacilitator: boolean;
}

const boardName = (sessionId: string) => formatDocumentName({ kind: 'calibration', sessionId });

/** The session's row, locked until the transaction ends, and whether `personId` facilitates it. */
async function lockSession(db: Queryable, change: SessionChange): Promise<LockedSession | null> {
  const { rows } = await db.query<{
    status: SessionStatus;
    cycle_id: string;
    scale: BoardConfig['scale'];
    performance_bands: BoardConfig['bands'];
    facilitator: boolean;
  }>(
    `SELECT s.status, s.cycle_id, s.scale, s.performance_bands,
            EXISTS (SELECT 1 FROM calibration_participants p
                     WHERE p.session_id = s.id AND p.person_id = $3
                       AND p.role = 'facilitator') AS facilitator
       FROM calibration_sessions s
      WHERE s.organisation_id = $1 AND s.id = $2
        FOR UPDATE OF s`,
    [change.organisationId, change.sessionId, change.personId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    status: row.status,
    cycleId: row.cycle_id,
    config: { scale: row.scale, bands: row.performance_bands },
    isFacilitator: row.facilitator,
  };
}

async function changeStatus(
  db: Queryable,
  change: SessionChange,
  from: SessionStatus,
  to: SessionStatus,
  reason = '',
) {
  await db.query(
    `UPDATE calibration_sessions SET status = $3, updated_at = now()
      WHERE organisation_id = $1 AND id = $2`,
    [change.organisationId, change.sessionId, to],
  );
  await db.query(
    `INSERT INTO calibration_status_changes
       (organisation_id, session_id, from_status, to_status, changed_by, reason)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [change.organisationId, change.sessionId, from, to, change.personId, reason],
  );
}

/** The state and facilitator checks every change shares; null when they pass. */
function refusal(session: LockedSession | null, from: SessionStatus, what: string) {
  if (!session) return fieldError('form', 'No such calibration session.');
  if (!session.isFacilitator) return fieldError('form', `Only a facilitator ${what}.`);
  if (session.status !== from) {
    return fieldError('form', `The session is ${session.status.replace('_', ' ')}.`);
  }
  return null;
}

/**
 * Each person of the population with their proposal, or none (CAL16). The proposals are read from
 * the managers' documents' logs, not from their projection (CAL22), which may be up to a second
 * behind the last edit: a proposal saved just before the start is on the board. Each document is
 * read under its lock until the state change commits, so none is accepted in between. A person
 * proposed for in two documents (their manager changed while proposals were open) gets their
 * current manager's proposal.
 */
async function originals(db: Queryable, change: SessionChange) {
  const { rows: population } = await db.query<{ person_id: string; manager_id: string | null }>(
    `SELECT c.person_id, p.manager_id
       FROM calibration_population c
       JOIN people p ON p.organisation_id = c.organisation_id AND p.id = c.person_id
      WHERE c.organisation_id = $1 AND c.session_id = $2
      ORDER BY c.person_id`,
    [change.organisationId, change.sessionId],
  );
  const { rows: documents } = await db.query<{ document_name: string }>(
    `SELECT document_name FROM document_updates
      WHERE organisation_id = $1 AND document_name LIKE $2
     UNION
     SELECT document_name FROM document_snapshots
      WHERE organisation_id = $1 AND document_name LIKE $2
     ORDER BY document_name`,
    [change.organisationId, `calibration-proposals/${change.sessionId}/%`],
  );
  // person → manager → proposal
  const proposed = new Map<string, Map<string, ProposalRow>>();
  for (const { document_name: name } of documents) {
    const parsed = parseDocumentName(name);
    if (parsed?.kind !== 'calibration-proposals') continue;
    const doc = replicaFromUpdates(await readDocumentLocked(db, change.organisationId, name));
    for (const row of projectProposals(doc)) {
      let byManager = proposed.get(row.personId);
      if (!byManager) proposed.set(row.personId, (byManager = new Map()));
      byManager.set(parsed.managerId, row);
    }
  }
  return population.map(({ person_id: personId, manager_id: managerId }) => {
    const byManager = proposed.get(personId);
    const fromCurrent = managerId === null ? undefined : byManager?.get(managerId);
    const [proposedBy, proposal] = fromCurrent
      ? [managerId!, fromCurrent]
      : ([...(byManager ?? [])][0] ?? [null, undefined]);
    return {
      personId,
      original:
        proposal === undefined || proposedBy === null
          ? null
          : ({
              rating: proposal.rating,
              potential: proposal.potential,
              rationale: proposal.rationale,
              proposedBy,
            } satisfies OriginalValue),
    };
  });
}

/**
 * CAL16: proposals → in session. Builds the board (a card per person of the population, the
 * proposal as its original) as one update by the server, appended to the log in the same
 * transaction as the state change: nobody could open the board before, so no replica misses it.
 */
export async function startSession(
  pool: Pool,
  change: SessionChange,
  now: Date = new Date(),
): Promise<Outcome<{ cards: number }>> {
  return inTransaction(pool, async (db) => {
    const session = await lockSession(db, change);
    const refused = refusal(session, 'proposals', 'starts the session');
    if (refused) return refused;
    const cards = await originals(db, change);
    if (cards.length === 0) return fieldError('form', 'The session calibrates nobody.');
    const name = boardName(change.sessionId);
    const { rows } = await db.query(
      `SELECT 1 FROM document_updates WHERE organisation_id = $1 AND document_name = $2 LIMIT 1`,
      [change.organisationId, name],
    );
    // Built once: a board that exists (a session started before) is never built again.
    if (rows.length === 0) {
      await appendToDocumentLog(db, [
        {
          organisationId: change.organisationId,
          documentName: name,
          personId: null,
          receivedAt: now,
          update: initialBoardUpdate(cards),
        },
      ]);
    }
    await changeStatus(db, change, 'proposals', 'in_session');
    return { ok: true, value: { cards: cards.length } };
  });
}

/** The board as its log holds it, with no accepted move in flight (readDocumentLocked). */
export async function readBoard(db: Queryable, organisationId: string, sessionId: string) {
  return replicaFromUpdates(await readDocumentLocked(db, organisationId, boardName(sessionId)));
}

/**
 * CAL24: in session → finalized. Publishes every card's current place as the cycle's rating in
 * the same transaction; refused while a card is not placed. The state change re-checks open
 * connections (CAL15): each becomes read-only at once.
 */
export async function finalizeSession(
  pool: Pool,
  change: SessionChange,
): Promise<Outcome<{ published: number }>> {
  return inTransaction(pool, async (db) => {
    const session = await lockSession(db, change);
    const refused = refusal(session, 'in_session', 'finalizes the session');
    if (refused || !session) return refused!;
    const board = await readBoard(db, change.organisationId, change.sessionId);
    const result = ratingsToPublish(boardCards(board, session.config).values(), session.config);
    if (!result.ok) {
      const { rows } = await db.query<{ name: string }>(
        `SELECT name FROM people WHERE organisation_id = $1 AND id = ANY($2::uuid[]) ORDER BY name`,
        [change.organisationId, result.unplaced],
      );
      const names = rows.map((row) => row.name);
      return fieldError(
        'form',
        `Place every card before finalizing: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''} ${names.length === 1 ? 'has' : 'have'} no box yet.`,
      );
    }
    await db.query(
      `INSERT INTO published_ratings
         (organisation_id, cycle_id, person_id, session_id, rating, rating_label, performance,
          potential, box, published_at)
       SELECT $1, $2, r."personId", $3, r."rating", r."ratingLabel", r."performance",
              r."potential", r."box", now()
         FROM jsonb_to_recordset($4::jsonb) AS r("personId" uuid, "rating" smallint,
                "ratingLabel" text, "performance" text, "potential" text, "box" smallint)
       ON CONFLICT (organisation_id, cycle_id, person_id) DO UPDATE SET
         session_id = EXCLUDED.session_id, rating = EXCLUDED.rating,
         rating_label = EXCLUDED.rating_label, performance = EXCLUDED.performance,
         potential = EXCLUDED.potential, box = EXCLUDED.box, published_at = EXCLUDED.published_at`,
      [change.organisationId, session.cycleId, change.sessionId, JSON.stringify(result.ratings)],
    );
    await changeStatus(db, change, 'in_session', 'finalized');
    return { ok: true, value: { published: result.ratings.length } };
  });
}

/** CAL25: finalized → in session, by a facilitator giving a reason, which the trace keeps.
 *  Published ratings stay until the next finalizing overwrites them. */
export async function reopenSession(
  pool: Pool,
  change: SessionChange & { reason: string },
): Promise<Outcome<null>> {
  const reason = change.reason.trim();
  if (reason === '') return fieldError('reason', 'Say why the session is reopened.');
  if (reason.length > 2000) return fieldError('reason', 'At most 2,000 characters.');
  return inTransaction(pool, async (db) => {
    const refused = refusal(await lockSession(db, change), 'finalized', 'reopens the session');
    if (refused) return refused;
    await changeStatus(db, change, 'finalized', 'in_session', reason);
    return { ok: true, value: null };
  });
}
