// A calibration session's configuration and states (SPEC CAL1–CAL9): the rating scale and its
// labels, the 9-box performance bands, the guideline distribution, who is calibrated and who
// takes part, and the state machine draft → proposals → in_session → finalized.
import type { FieldErrors, Outcome } from '../org/violation.ts';
import {
  LEVELS,
  SESSION_STATUSES,
  type Level,
  type ScalePoint,
  type SessionStatus,
} from './model.ts';

// The statuses, the 9-box's levels and the scale's points are the board's own (model.ts): one
// definition for the session's rows and its documents.
export { LEVELS, SESSION_STATUSES };
export type { Level, ScalePoint, SessionStatus };

export type ParticipantRole = 'leader' | 'facilitator';
export const PARTICIPANT_ROLES: readonly ParticipantRole[] = ['leader', 'facilitator'];

/** Which rating values are low, medium and high performance on the 9-box (CAL2). */
export type PerformanceBands = Record<Level, number[]>;

/** Percent of the population per rating value, keyed by the value (CAL3). */
export type Guideline = Record<string, number>;

export type PopulationChoice =
  { kind: 'team'; teamId: string } | { kind: 'people'; personIds: string[] };

export interface Participant {
  personId: string;
  role: ParticipantRole;
}

export interface SessionConfig {
  name: string;
  cycleId: string;
  scale: ScalePoint[];
  performanceBands: PerformanceBands;
  guideline: Guideline;
  population: PopulationChoice;
  participants: Participant[];
}

export const MIN_SCALE_POINTS = 3;
export const MAX_SCALE_POINTS = 10;
export const MAX_LABEL_LENGTH = 60;
export const MAX_NAME_LENGTH = 200;

const DEFAULT_LABELS = [
  'Below expectations',
  'Partially meets',
  'Meets expectations',
  'Exceeds expectations',
  'Outstanding',
];

/** CAL1: five points by default, each with an editable label. */
export function defaultScale(points = DEFAULT_LABELS.length): ScalePoint[] {
  return Array.from({ length: points }, (_, index) => ({
    value: index + 1,
    label: points === DEFAULT_LABELS.length ? DEFAULT_LABELS[index]! : `Rating ${index + 1}`,
  }));
}

/**
 * CAL2: the bands a scale of `points` starts with: a third of the points low and a third high
 * (rounded), the middle medium — 1–2 / 3 / 4–5 on five points.
 */
export function defaultBands(points: number): PerformanceBands {
  const outer = Math.max(1, Math.round(points / 3));
  return bandsFromCuts(points, outer, points - outer + 1);
}

/** The bands that cut a scale of `points` after `lowUpTo` and before `highFrom`. */
export function bandsFromCuts(points: number, lowUpTo: number, highFrom: number): PerformanceBands {
  const values = Array.from({ length: points }, (_, index) => index + 1);
  return {
    low: values.filter((value) => value <= lowUpTo),
    medium: values.filter((value) => value > lowUpTo && value < highFrom),
    high: values.filter((value) => value >= highFrom),
  };
}

/** CAL3: 10/20/40/20/10 on five points; other sizes start as even as whole percents allow. */
export function defaultGuideline(points: number): Guideline {
  if (points === 5) return { '1': 10, '2': 20, '3': 40, '4': 20, '5': 10 };
  const share = Math.floor(100 / points);
  const guideline: Guideline = {};
  for (let value = 1; value <= points; value += 1) guideline[String(value)] = share;
  const middle = String(Math.ceil(points / 2));
  guideline[middle] = guideline[middle]! + (100 - share * points);
  return guideline;
}

export function guidelineSum(guideline: Guideline): number {
  return Object.values(guideline).reduce((sum, percent) => sum + percent, 0);
}

/** The band a rating falls in (CAL2), or undefined for a value outside the scale. */
export function performanceOf(bands: PerformanceBands, rating: number): Level | undefined {
  return LEVELS.find((level) => bands[level].includes(rating));
}

/** CAL1: 3 to 10 points valued 1…n, each label non-blank, short and unlike the others. */
export function checkScale(scale: readonly ScalePoint[]): string | null {
  if (scale.length < MIN_SCALE_POINTS || scale.length > MAX_SCALE_POINTS) {
    return `A scale has ${MIN_SCALE_POINTS} to ${MAX_SCALE_POINTS} points.`;
  }
  if (scale.some((point, index) => point.value !== index + 1)) {
    return 'Rating values run from 1 upwards, lowest first.';
  }
  if (scale.some((point) => point.label.trim() === '')) return 'Give every rating a label.';
  if (scale.some((point) => point.label.trim().length > MAX_LABEL_LENGTH)) {
    return `Keep each label under ${MAX_LABEL_LENGTH} characters.`;
  }
  const seen = new Set(scale.map((point) => point.label.trim().toLowerCase()));
  if (seen.size !== scale.length) return 'Two ratings have the same label.';
  return null;
}

/**
 * CAL2: low, medium and high each hold at least one rating, in that order, without gaps or
 * overlaps, and together cover the whole scale.
 */
export function checkBands(bands: PerformanceBands, points: number): string | null {
  if (LEVELS.some((level) => !Array.isArray(bands[level]) || bands[level].length === 0)) {
    return 'Low, medium and high performance each need at least one rating.';
  }
  const ordered = [...bands.low, ...bands.medium, ...bands.high];
  const expected = Array.from({ length: points }, (_, index) => index + 1);
  if (ordered.length !== expected.length || ordered.some((value, i) => value !== expected[i])) {
    return 'The bands cover the scale in order: low ratings first, then medium, then high.';
  }
  return null;
}

/** CAL3: one whole percent (0–100) per rating of the scale, adding up to exactly 100. */
export function checkGuideline(guideline: Guideline, points: number): string | null {
  const keys = Object.keys(guideline);
  const expected = Array.from({ length: points }, (_, index) => String(index + 1));
  if (keys.length !== points || expected.some((key) => !(key in guideline))) {
    return 'Give a percentage for every rating.';
  }
  if (Object.values(guideline).some((p) => !Number.isInteger(p) || p < 0 || p > 100)) {
    return 'Each percentage is a whole number from 0 to 100.';
  }
  const sum = guidelineSum(guideline);
  if (sum !== 100) return `The guideline adds up to ${sum} %: it must add up to 100 %.`;
  return null;
}

/**
 * CAL6: at least one facilitator, each person once. Whether they belong to the organisation is
 * checked where the people are read (db/src/calibration-sessions.ts), with the same message.
 */
export function checkParticipants(participants: readonly Participant[]): string | null {
  const ids = new Set(participants.map((participant) => participant.personId));
  if (ids.size !== participants.length) return 'Each participant takes part once, in one role.';
  if (!participants.some((participant) => participant.role === 'facilitator')) {
    return 'Add at least one facilitator: they run the session.';
  }
  return null;
}

export const OTHER_ORGANISATION_PARTICIPANT =
  'A participant is not an active member of your organisation.';
export const OTHER_ORGANISATION_POPULATION =
  'Someone in the population is not an active member of your organisation.';
export const EMPTY_POPULATION = 'The population is empty: choose a team with people, or people.';

export type RawSessionConfig = Record<string, unknown>;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function wholeNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  const trimmed = text(value).trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Reads a session's configuration as the form sends it (CAL1–CAL6; the organisation's rows are
 * checked by the database layer): `name`, `cycleId`, `scaleLabels` (lowest first), `lowUpTo`
 * and `highFrom` (the band cuts), `guideline` (percent per rating, lowest first),
 * `populationKind` with `populationTeamId` or `populationPersonIds`, and `participants`
 * ({personId, role}). Every broken rule is reported against its field, so nothing typed is lost.
 */
export function parseSessionConfig(input: RawSessionConfig): Outcome<SessionConfig> {
  const errors: FieldErrors = {};
  const name = text(input.name).trim().replace(/\s+/g, ' ');
  if (name === '') errors.name = 'Give the session a name.';
  else if (name.length > MAX_NAME_LENGTH) {
    errors.name = `Keep the name under ${MAX_NAME_LENGTH} characters.`;
  }
  const cycleId = text(input.cycleId);
  if (cycleId === '') errors.cycleId = 'Choose the cycle this session calibrates.';

  const labels = list(input.scaleLabels).map((label) => text(label).trim());
  const scale = labels.map((label, index) => ({ value: index + 1, label }));
  const scaleError = checkScale(scale);
  if (scaleError) errors.scale = scaleError;

  const points = scale.length;
  const performanceBands = bandsFromCuts(
    points,
    wholeNumber(input.lowUpTo),
    wholeNumber(input.highFrom),
  );
  if (!scaleError) {
    const bandsError = checkBands(performanceBands, points);
    if (bandsError) errors.bands = bandsError;
  }

  const guideline: Guideline = {};
  list(input.guideline).forEach((percent, index) => {
    guideline[String(index + 1)] = wholeNumber(percent);
  });
  if (!scaleError) {
    const guidelineError = checkGuideline(guideline, points);
    if (guidelineError) errors.guideline = guidelineError;
  }

  let population: PopulationChoice;
  if (input.populationKind === 'team') {
    const teamId = text(input.populationTeamId);
    if (teamId === '') errors.population = 'Choose the department or team to calibrate.';
    population = { kind: 'team', teamId };
  } else {
    const personIds = [...new Set(list(input.populationPersonIds).map(text))].filter(Boolean);
    if (personIds.length === 0) errors.population = EMPTY_POPULATION;
    population = { kind: 'people', personIds };
  }

  const participants: Participant[] = list(input.participants).map((entry) => {
    const record = (entry ?? {}) as Record<string, unknown>;
    const role = record.role === 'facilitator' ? 'facilitator' : 'leader';
    return { personId: text(record.personId), role };
  });
  const participantsError = checkParticipants(participants);
  if (participantsError) errors.participants = participantsError;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { name, cycleId, scale, performanceBands, guideline, population, participants },
  };
}

/** What a status change asks for: a facilitator's or an admin's move along the states (CAL7). */
export type Transition = 'open_proposals' | 'start_session' | 'finalize' | 'reopen';

export const TRANSITIONS: Record<Transition, { from: SessionStatus; to: SessionStatus }> = {
  open_proposals: { from: 'draft', to: 'proposals' },
  start_session: { from: 'proposals', to: 'in_session' },
  finalize: { from: 'in_session', to: 'finalized' },
  reopen: { from: 'finalized', to: 'in_session' },
};

export interface TransitionActor {
  isAdmin: boolean;
  isFacilitator: boolean;
}

/**
 * CAL7: states move draft → proposals → in_session → finalized, and a finalized session may be
 * reopened (back to in_session). An admin or a facilitator opens proposals; only a facilitator
 * starts, finalizes and reopens the session (it runs it), and reopening needs a reason (CAL9).
 */
export function checkTransition(
  transition: Transition,
  current: SessionStatus,
  actor: TransitionActor,
  reason: string,
): string | null {
  const step = TRANSITIONS[transition];
  if (current !== step.from) {
    return `This session is ${STATUS_LABELS[current].toLowerCase()}: it cannot go to “${STATUS_LABELS[step.to].toLowerCase()}” from there.`;
  }
  const facilitatorOnly = transition !== 'open_proposals';
  if (facilitatorOnly ? !actor.isFacilitator : !actor.isAdmin && !actor.isFacilitator) {
    return facilitatorOnly
      ? 'Only a facilitator of this session can do this.'
      : 'Only an administrator or a facilitator of this session can do this.';
  }
  if (transition === 'reopen' && reason.trim() === '') {
    return 'Say why the session is reopened: the reason is kept with the change.';
  }
  if (reason.length > 2000) return 'Keep the reason under 2000 characters.';
  return null;
}

/** CAL8: the configuration changes only while the session is a draft. */
export function checkEditable(status: SessionStatus): string | null {
  return status === 'draft'
    ? null
    : 'Proposals have opened: the session’s configuration can no longer change.';
}

export const STATUS_LABELS: Record<SessionStatus, string> = {
  draft: 'Draft',
  proposals: 'Proposals open',
  in_session: 'In session',
  finalized: 'Finalized',
};

export const TRANSITION_LABELS: Record<Transition, string> = {
  open_proposals: 'Open proposals',
  start_session: 'Start the session',
  finalize: 'Finalize',
  reopen: 'Reopen',
};
