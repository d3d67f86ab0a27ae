// Calibration sessions as the board's rules see them (PRODUCT §3, CAL rules in domain/SPEC.md).
// A session's configuration lives in its row (db/migrations/1765090003000_calibration-sessions.sql);
// the proposals and the board live in documents: `calibration-proposals/<sessionId>/<managerId>`
// (one per manager) and `calibration/<sessionId>` (the board). These types are the parts of a
// session the board, its validator and its projector need.

export const SESSION_STATUSES = ['draft', 'proposals', 'in_session', 'finalized'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** The three levels of both 9-box axes, lowest first. */
export const LEVELS = ['low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];
export type Potential = Level;

/** One point of the rating scale; the scale lists them lowest first. */
export interface ScalePoint {
  value: number;
  label: string;
}

/** Which rating values are low, medium and high performance: {"low":[1,2],"medium":[3],…}. */
export type PerformanceBands = Record<Level, readonly number[]>;

/** What the board's rules need of a session's configuration. */
export interface BoardConfig {
  scale: readonly ScalePoint[];
  bands: PerformanceBands;
}

/** A rating and a potential: where a card sits on the 9-box, and what a move goes from and to. */
export interface Rated {
  rating: number;
  potential: Potential;
}

/** The longest proposal rationale and move justification (CAL11, CAL17). */
export const RATIONALE_MAX = 2_000;
export const JUSTIFICATION_MAX = 2_000;
