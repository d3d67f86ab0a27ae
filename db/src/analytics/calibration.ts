// The calibration dashboard (ANA20–ANA24, ANA4, ANA5) from the board's projection
// (calibration_cards), the sessions' configuration and the published ratings. Only sessions the
// viewer may read analytics of are read at all: every session for HR admins, the sessions they
// take part in for anyone else (ANA4); the team filter narrows the cards (ANA6).
import {
  CONFLICT_LABELS,
  conflictOf,
  distribution,
  managerSkew,
  movementMatrix,
  type ManagerSkew,
} from '@threadline/domain/analytics/calibration';
import {
  calibrationAnalyticsAccess,
  mayReadOrganisationRatings,
} from '@threadline/domain/analytics/scope';
import type { ScalePoint } from '@threadline/domain/calibration/model';
import type { Queryable } from '../connection.ts';
import type { AnalyticsContext } from './scope.ts';

export interface SessionAnalytics {
  id: string;
  name: string;
  status: string;
  cycleName: string;
  scale: ScalePoint[];
  guideline: Record<string, number>;
  cards: number;
  distribution: {
    rating: number;
    label: string;
    original: number;
    calibrated: number;
    guideline: number;
  }[];
  matrix: number[][];
  skew: (ManagerSkew & { managerName: string })[];
  conflicts: {
    personId: string;
    name: string;
    rating: number;
    achievement: number;
    reason: string;
  }[];
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

export interface CalibrationDashboard {
  sessions: SessionAnalytics[];
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
  guideline: Record<string, number>;
}

interface CardRow {
  session_id: string;
  person_id: string;
  name: string;
  manager_id: string | null;
  manager_name: string | null;
  original: number | null;
  current: number | null;
  achievement: number | null;
}

export async function calibrationDashboard(
  db: Queryable,
  ctx: AnalyticsContext,
): Promise<CalibrationDashboard> {
  const org = ctx.organisationId;
  const everySession = calibrationAnalyticsAccess(ctx.viewer) === 'every-session';
  const { rows: sessions } = await db.query<SessionRow>(
    `SELECT s.id, s.name, s.status, s.cycle_id, c.name AS cycle_name, s.scale, s.guideline
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
  const cards =
    sessions.length === 0
      ? []
      : (
          await db.query<CardRow>(
            `SELECT cc.session_id, cc.person_id, p.name, p.manager_id, m.name AS manager_name,
                    cc.original_rating AS original, cc.current_rating AS current,
                    g.achievement
               FROM calibration_cards cc
               JOIN calibration_sessions s ON s.organisation_id = cc.organisation_id
                                          AND s.id = cc.session_id
               JOIN people p ON p.organisation_id = cc.organisation_id AND p.id = cc.person_id
               LEFT JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id
               LEFT JOIN goal_achievement g
                 ON g.organisation_id = cc.organisation_id AND g.cycle_id = s.cycle_id
                AND g.person_id = cc.person_id
              WHERE cc.organisation_id = $1 AND cc.session_id = ANY($2::uuid[])
                AND ($3::uuid[] IS NULL OR cc.person_id = ANY($3::uuid[]))`,
            [org, sessions.map((session) => session.id), ctx.teamPeople],
          )
        ).rows;
  const [overCycles, mine] = await Promise.all([
    mayReadOrganisationRatings(ctx.viewer) ? ratingsOverCycles(db, ctx) : Promise.resolve(null),
    ctx.scope.kind === 'personal' ? myRatings(db, org, ctx.viewer.id) : Promise.resolve(null),
  ]);
  return {
    sessions: sessions.map((session) => sessionAnalytics(session, cards)),
    overCycles,
    mine,
  };
}

function sessionAnalytics(session: SessionRow, allCards: readonly CardRow[]): SessionAnalytics {
  const rows = allCards.filter((card) => card.session_id === session.id);
  const scale = session.scale.map((point) => point.value);
  const ratings = rows.map((row) => ({
    personId: row.person_id,
    managerId: row.manager_id,
    original: row.original,
    current: row.current,
  }));
  const labelOf = new Map(session.scale.map((point) => [point.value, point.label]));
  const managerNames = new Map(rows.map((row) => [row.manager_id, row.manager_name]));
  return {
    id: session.id,
    name: session.name,
    status: session.status,
    cycleName: session.cycle_name,
    scale: session.scale,
    guideline: session.guideline,
    cards: rows.length,
    distribution: distribution(ratings, scale).map((row) => ({
      ...row,
      label: labelOf.get(row.rating) ?? String(row.rating),
      guideline: session.guideline[String(row.rating)] ?? 0,
    })),
    matrix: movementMatrix(ratings, scale),
    skew: managerSkew(ratings)
      .map((skew) => ({ ...skew, managerName: managerNames.get(skew.managerId) ?? 'Unknown' }))
      .sort(
        (a, b) => Math.abs(b.skew) - Math.abs(a.skew) || a.managerName.localeCompare(b.managerName),
      ),
    conflicts: rows.flatMap((row) => {
      const achievement = row.achievement === null ? null : Number(row.achievement);
      const conflict = conflictOf(row.current, achievement, scale);
      return conflict === null
        ? []
        : [
            {
              personId: row.person_id,
              name: row.name,
              rating: row.current!,
              achievement: achievement!,
              reason: CONFLICT_LABELS[conflict],
            },
          ];
    }),
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
