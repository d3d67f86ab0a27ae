// The calibration analytics show the board's own signals (ANA41): on the demo organisation's
// sessions (DEMO21–DEMO24), as projected by the sync server's projectors, the dashboard's
// distribution, manager skew and flags equal what the board's page computes from the board's log
// and its player cards (db/src/calibration-players.ts, boardSignals) — after a move too, and for
// the cards a team filter leaves.
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrationDashboard, type SessionAnalytics } from '@threadline/db/analytics/calibration';
import { loadAnalyticsContext } from '@threadline/db/analytics/scope';
import { readBoard } from '@threadline/db/calibration-board';
import { listPlayers } from '@threadline/db/calibration-players';
import { getSession } from '@threadline/db/calibration-sessions';
import { DEMO_ADMIN_EMAIL } from '@threadline/db/demo';
import { appendToDocumentLog } from '@threadline/db/document-log';
import { seedDemoOrganisation } from '@threadline/db/seed';
import { parseFilters } from '@threadline/domain/analytics/filters';
import { boardCards, type Card } from '@threadline/domain/calibration/board';
import { moveCard } from '@threadline/domain/calibration/edits';
import { boardSignals } from '@threadline/domain/calibration/signals/index';
import { signalPeople } from '@threadline/domain/calibration/signals/input';
import { formatDocumentName } from '@threadline/domain/documents/names';
import { PRODUCTION_KINDS } from '@threadline/sync-server/documents/production-kinds';
import { projectStoredDocuments } from '@threadline/sync-server/projection/project-stored';
import { useTestDatabase, type TestDatabase } from '../support/test-database.ts';

let db: TestDatabase;
let organisationId: string;
let adminId: string;
const TODAY = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  db = await useTestDatabase();
  ({ organisationId } = await seedDemoOrganisation(db.pool));
  await projectStoredDocuments(db.pool, organisationId);
  const { rows } = await db.pool.query<{ id: string }>(
    'SELECT id FROM people WHERE organisation_id = $1 AND email = $2',
    [organisationId, DEMO_ADMIN_EMAIL],
  );
  adminId = rows[0]!.id;
}, 240_000);

async function demoSessions() {
  const { rows } = await db.pool.query<{ id: string; cycle_id: string }>(
    `SELECT id, cycle_id FROM calibration_sessions
      WHERE organisation_id = $1 AND status IN ('in_session', 'finalized') ORDER BY name, id`,
    [organisationId],
  );
  return rows;
}

/** What the HR admin's dashboard shows of a session (with a team filter, if given). */
async function analyticsOf(sessionId: string, cycleId: string, team?: string) {
  const filters = parseFilters(
    new URLSearchParams({ cycle: cycleId, ...(team ? { team } : {}) }),
    TODAY,
  );
  const ctx = await loadAnalyticsContext(db.pool, organisationId, adminId, filters, TODAY);
  const view = await calibrationDashboard(db.pool, ctx!, sessionId);
  const session = view.shown;
  if (session?.id !== sessionId) throw new Error('the session is not on the dashboard');
  return session;
}

/** What the board's page computes (BoardWorkspace, the report's load): its log and players. */
async function boardOf(sessionId: string, keep: (card: Card) => boolean = () => true) {
  const session = (await getSession(db.pool, organisationId, sessionId))!;
  const config = { scale: session.scale, bands: session.performanceBands };
  const cards = [
    ...boardCards(await readBoard(db.pool, organisationId, sessionId), config).values(),
  ];
  const players = await listPlayers(db.pool, organisationId, sessionId, session.cycleId, TODAY);
  return boardSignals({
    cards: cards.filter(keep),
    people: signalPeople(players),
    config: { ...config, guideline: session.guideline },
    today: TODAY,
  });
}

/** The dashboard's signals without the names it adds for the page. Compared exactly: the board's
 *  signals take the cards in one order, whatever order they come in (CAL47). */
function signalsShown(session: SessionAnalytics) {
  return {
    distribution: session.distribution,
    skew: session.skew.map(({ managerName: _name, ...row }) => row),
    conflicts: session.conflicts.map(({ name: _name, ...conflict }) => conflict),
  };
}

describe('calibration analytics read the board’s signals', () => {
  it('[ANA41] [ANA20] [ANA22] [ANA23] every demo session: the numbers its board shows', async () => {
    const sessions = await demoSessions();
    expect(sessions).toHaveLength(2);
    for (const { id, cycle_id } of sessions) {
      const board = await boardOf(id);
      const shown = await analyticsOf(id, cycle_id);
      expect(signalsShown(shown)).toEqual({
        distribution: board.distribution,
        skew: board.skew,
        conflicts: board.conflicts,
      });
      // The demo makes its ratings disagree with goals on purpose (DEMO25), and has managers to
      // compare: the comparison is not of empty lists.
      expect(board.skew.length).toBeGreaterThan(1);
      expect(board.distribution.calibratedPlaced).toBeGreaterThan(30);
    }
    const live = await analyticsOf(sessions[0]!.id, sessions[0]!.cycle_id);
    const other = await analyticsOf(sessions[1]!.id, sessions[1]!.cycle_id);
    expect(live.conflicts.length + other.conflicts.length).toBeGreaterThan(0);
  });

  it('[ANA41] [CAL48] a move on the board moves the dashboard’s numbers with it', async () => {
    const { rows } = await db.pool.query<{ id: string; cycle_id: string }>(
      `SELECT id, cycle_id FROM calibration_sessions
        WHERE organisation_id = $1 AND status = 'in_session'`,
      [organisationId],
    );
    const { id, cycle_id } = rows[0]!;
    const session = (await getSession(db.pool, organisationId, id))!;
    const config = { scale: session.scale, bands: session.performanceBands };
    const doc = await readBoard(db.pool, organisationId, id);
    const players = await listPlayers(db.pool, organisationId, id, cycle_id, TODAY);
    // Someone with goal achievement under 60 %, not yet at the top: to the top rating, flagged.
    const achievement = new Map(players.map((p) => [p.id, p.goalAchievement]));
    const top = Math.max(...session.scale.map((point) => point.value));
    const card = [...boardCards(doc, config).values()].find(
      (c) =>
        c.current !== null && c.current.rating !== top && (achievement.get(c.personId) ?? 1) < 0.6,
    )!;
    expect(card).toBeDefined();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const moved = moveCard(
      doc,
      {
        moveId: crypto.randomUUID(),
        personId: card.personId,
        to: { rating: top, potential: 'high' },
        justification: 'Carried the launch',
      },
      config,
      { by: adminId },
    );
    expect(moved).toEqual({ ok: true });
    await appendToDocumentLog(db.pool, [
      {
        organisationId,
        documentName: formatDocumentName({ kind: 'calibration', sessionId: id }),
        personId: adminId,
        receivedAt: new Date(),
        update: Y.mergeUpdates(updates),
      },
    ]);
    // Only the boards: projecting every document of the demo again takes most of the test's time.
    await projectStoredDocuments(db.pool, organisationId, {
      calibration: PRODUCTION_KINDS.calibration,
    });
    const board = await boardOf(id);
    expect(board.conflicts.map((c) => c.personId)).toContain(card.personId);
    const shown = await analyticsOf(id, cycle_id);
    expect(shown.conflicts.map((c) => c.personId)).toContain(card.personId);
    expect(signalsShown(shown)).toEqual({
      distribution: board.distribution,
      skew: board.skew,
      conflicts: board.conflicts,
    });
  });

  it('[ANA41] [ANA6] a team filter: the board’s signals over the cards of that team', async () => {
    const { id, cycle_id } = (await demoSessions())[0]!;
    // The team with the most people on the board, of those with no team under them.
    const { rows } = await db.pool.query<{ team_id: string }>(
      `SELECT p.team_id FROM calibration_cards c
         JOIN people p ON p.organisation_id = c.organisation_id AND p.id = c.person_id
        WHERE c.organisation_id = $1 AND c.session_id = $2 AND p.team_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM teams t
                           WHERE t.organisation_id = $1 AND t.parent_id = p.team_id)
        GROUP BY p.team_id ORDER BY count(*) DESC, p.team_id LIMIT 1`,
      [organisationId, id],
    );
    const team = rows[0]!.team_id;
    const members = new Set(
      (
        await db.pool.query<{ id: string }>(
          'SELECT id FROM people WHERE organisation_id = $1 AND team_id = $2',
          [organisationId, team],
        )
      ).rows.map((row) => row.id),
    );
    let onBoard = 0;
    const board = await boardOf(id, (card) => {
      const kept = members.has(card.personId);
      if (kept) onBoard += 1;
      return kept;
    });
    const shown = await analyticsOf(id, cycle_id, team);
    expect(shown.cards).toBe(onBoard);
    expect(shown.cards).toBeGreaterThan(1);
    expect(shown.cards).toBeLessThan((await analyticsOf(id, cycle_id)).cards);
    expect(signalsShown(shown)).toEqual({
      distribution: board.distribution,
      skew: board.skew,
      conflicts: board.conflicts,
    });
  });
});
