// The calibration dashboard (ANA20–ANA24, ANA4, ANA5, ANA41) from the board's projection
// (calibration_cards), the sessions' configuration and the published ratings. Only sessions the
// viewer may read analytics of are read at all: every session for HR admins, the sessions they
// take part in for anyone else (ANA4); of those, only the one the page draws is read beyond its
// name (ANA32); the team filter narrows the cards (ANA6). A session's distribution, manager skew
// and flags are the board's own signals (CAL50–CAL55), computed by the same functions from the
// same player data as the board's page, so the two never disagree.
import { movementMatrix } from '@threadline/domain/analytics/calibration';
import {
  calibrationAnalyticsAccess,
  mayReadOrganisationRatings,
} from '@threadline/domain/analytics/scope';
import type { BoxNumber } from '@threadline/domain/calibration/nine-box';
import type { PerformanceBands, Potential, ScalePoint } from '@threadline/domain/calibration/model';
import {
  boardSignals,
  type Conflict,
  type Distribution,
  type ManagerSkew,
  type SignalCard,
} from '@threadline/domain/calibration/signals/index';
import { signalPeople } from '@threadline/domain/calibration/signals/input';
import { listPlayerFacts, type PlayerFacts } from '../calibration-players.ts';
import type { Queryable } from '../connection.ts';
import type { AnalyticsContext } from './scope.ts';

export interface SessionAnalytics {
  id: string;
  name: string;
  status: string;
  cycleName: string;
  scale: ScalePoint[];
  guideline: Record<string, number>;
  /** The session's cards in view (all of them, unless a team filter narrows them). */
  cards: number;
  /** CAL50–CAL52, ANA20: as the board's Distribution tab. */
  distribution: Distribution;
  /** ANA21. */
  matrix: number[][];
  /** CAL54, CAL55, ANA22: as the board's Skew tab, strictest first. */
  skew: (ManagerSkew & { managerName: string })[];
  /** CAL48, CAL49, ANA23: as the board's flags, widest disagreement first. */
  conflicts: (Conflict & { name: string })[];
}

export interface RatingsOverCycles {
  cycles: { cycleName: string; counts: { rating: number; label: string; people: number }[] }[];
}

export interface MyRating {
  cycleName: string;
  rating: number;
  ratingLabel: string;
  potential: string;
  box: number;
}

/** A session the viewer may see, as the "Session" picker lists it (ANA32). */
export interface SessionOption {
  id: string;
  name: string;
  status: string;
  cycleName: string;
}

export interface CalibrationDashboard {
  /** ANA4, ANA32: every session the viewer may see, newest cycle first, then by name. */
  sessions: SessionOption[];
  /**
   * ANA32: the one session whose charts are drawn (the one asked for, else the first); null when
   * there is none. Only it is read and computed: a cycle at 5,000 people has a session per
   * department, and their player data and signals are most of this section's work.
   */
  shown: SessionAnalytics | null;
  /** ANA5: null for anyone but HR admins. */
  overCycles: RatingsOverCycles | null;
  /** ANA3: one's own published ratings, on the personal page. */
  mine: MyRating[] | null;
}

interface SessionRow {
  id: string;
  name: string;
  status: string;
  cycle_id: string;
  cycle_name: string;
  scale: ScalePoint[];
  bands: PerformanceBands;
  guideline: Record<string, number>;
}

interface CardRow {
  person_id: string;
  original_rating: number | null;
  original_potential: Potential | null;
  current_rating: number | null;
  current_potential: Potential | null;
  current_box: BoxNumber | null;
}

export async function calibrationDashboard(
  db: Queryable,
  ctx: AnalyticsContext,
  sessionId: string | null = null,
): Promise<CalibrationDashboard> {
  const org = ctx.organisationId;
  const everySession = calibrationAnalyticsAccess(ctx.viewer) === 'every-session';
  const { rows: sessions } = await db.query<SessionRow>(
    `SELECT s.id, s.name, s.status, s.cycle_id, c.name AS cycle_name, s.scale,
            s.performance_bands AS bands, s.guideline
       FROM calibration_sessions s
       JOIN cycles c ON c.organisation_id = s.organisation_id AND c.id = s.cycle_id
      WHERE s.organisation_id = $1 AND s.status IN ('in_session', 'finalized')
        AND ($3::uuid IS NULL OR s.cycle_id = $3)
        AND ($4 OR EXISTS (SELECT 1 FROM calibration_participants cp
                            WHERE cp.organisation_id = s.organisation_id
                              AND cp.session_id = s.id AND cp.person_id = $2))
      ORDER BY c.starts_on DESC, lower(s.name)`,
    [org, ctx.viewer.id, ctx.filters.cycleId, everySession],
  );
  const shown = sessions.find((session) => session.id === sessionId) ?? sessions[0] ?? null;
  const [cards, players, overCycles, mine] = await Promise.all([
    shown === null
      ? Promise.resolve([])
      : db
          .query<CardRow>(
            `SELECT person_id, original_rating, original_potential, current_rating,
                    current_potential, current_box
               FROM calibration_cards
              WHERE organisation_id = $1 AND session_id = $2
                AND ($3::uuid[] IS NULL OR person_id = ANY($3::uuid[]))`,
            [org, shown.id, ctx.teamPeople],
          )
          .then((result) => result.rows),
    // CAL42, CAL47: the player data the board's page reads.
    shown === null ? Promise.resolve([]) : listPlayerFacts(db, org, shown.id, shown.cycle_id),
    mayReadOrganisationRatings(ctx.viewer) ? ratingsOverCycles(db, ctx) : Promise.resolve(null),
    ctx.scope.kind === 'personal' ? myRatings(db, org, ctx.viewer.id) : Promise.resolve(null),
  ]);
  return {
    sessions: sessions.map((session) => ({
      id: session.id,
      name: session.name,
      status: session.status,
      cycleName: session.cycle_name,
    })),
    shown: shown === null ? null : sessionAnalytics(shown, cards, players, ctx.today),
    overCycles,
    mine,
  };
}

const rated = (rating: number | null, potential: Potential | null) =>
  rating === null || potential === null ? null : { rating, potential };

/** A projected card as the board reads it (CAL20: where it sits now, its box). */
function signalCard(row: CardRow): SignalCard {
  return {
    personId: row.person_id,
    original: rated(row.original_rating, row.original_potential),
    current: rated(row.current_rating, row.current_potential),
    box: row.current_box,
  };
}

function sessionAnalytics(
  session: SessionRow,
  rows: readonly CardRow[],
  players: readonly PlayerFacts[],
  today: string,
): SessionAnalytics {
  const cards = rows.map(signalCard);
  const scale = session.scale.map((point) => point.value);
  const names = new Map<string, string>();
  for (const player of players) {
    names.set(player.id, player.name);
    if (player.managerId && player.managerName) names.set(player.managerId, player.managerName);
  }
  const signals = boardSignals({
    cards,
    people: signalPeople(players),
    config: { scale: session.scale, bands: session.bands, guideline: session.guideline },
    today,
  });
  return {
    id: session.id,
    name: session.name,
    status: session.status,
    cycleName: session.cycle_name,
    scale: session.scale,
    guideline: session.guideline,
    cards: cards.length,
    distribution: signals.distribution,
    matrix: movementMatrix(cards, scale),
    skew: signals.skew.map((row) => ({
      ...row,
      managerName: names.get(row.managerId) ?? 'Unknown',
    })),
    conflicts: signals.conflicts.map((conflict) => ({
      ...conflict,
      name: names.get(conflict.personId) ?? 'Unknown',
    })),
  };
}

/** ANA24, ANA5: published ratings per cycle and rating, for the organisation (or team filter). */
async function ratingsOverCycles(db: Queryable, ctx: AnalyticsContext): Promise<RatingsOverCycles> {
  const { rows } = await db.query<{
    cycle_name: string;
    rating: number;
    label: string;
    people: number;
  }>(
    `SELECT c.name AS cycle_name, r.rating, min(r.rating_label) AS label, count(*)::int AS people
       FROM published_ratings r
       JOIN cycles c ON c.organisation_id = r.organisation_id AND c.id = r.cycle_id
      WHERE r.organisation_id = $1
        AND ($2::uuid[] IS NULL OR r.person_id = ANY($2::uuid[]))
      GROUP BY c.starts_on, c.name, r.rating
      ORDER BY c.starts_on, r.rating`,
    [ctx.organisationId, ctx.teamPeople],
  );
  const cycles = new Map<string, RatingsOverCycles['cycles'][number]['counts']>();
  for (const row of rows) {
    const list = cycles.get(row.cycle_name) ?? [];
    list.push({ rating: row.rating, label: row.label, people: row.people });
    cycles.set(row.cycle_name, list);
  }
  return { cycles: [...cycles].map(([cycleName, counts]) => ({ cycleName, counts })) };
}

/** ANA3: one's own published ratings (CAL45), newest cycle first. */
async function myRatings(db: Queryable, organisationId: string, personId: string) {
  const { rows } = await db.query<MyRating>(
    `SELECT c.name AS "cycleName", r.rating, r.rating_label AS "ratingLabel", r.potential, r.box
       FROM published_ratings r
       JOIN cycles c ON c.organisation_id = r.organisation_id AND c.id = r.cycle_id
      WHERE r.organisation_id = $1 AND r.person_id = $2
      ORDER BY c.starts_on DESC`,
    [organisationId, personId],
  );
  return rows;
}
