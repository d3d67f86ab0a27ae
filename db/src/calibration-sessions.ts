// Calibration sessions of one organisation (SPEC CAL1–CAL9, CAL40, CAL41): configuration while a
// draft, who takes part, whom it calibrates, and opening proposals. Starting, finalizing and
// reopening build and publish the board (db/src/calibration-board.ts). Every statement is scoped
// by organisation_id.
import {
  checkEditable,
  checkTransition,
  EMPTY_POPULATION,
  OTHER_ORGANISATION_PARTICIPANT,
  OTHER_ORGANISATION_POPULATION,
  type Guideline,
  type ParticipantRole,
  type PerformanceBands,
  type ScalePoint,
  type SessionConfig,
  type SessionStatus,
} from '@threadline/domain/calibration/session-config';
import { isUuid } from '@threadline/domain/ids';
import { fieldError, type Outcome } from '@threadline/domain/org/violation';
import { inTransaction, type Pool, type PoolClient, type Queryable } from './connection.ts';

export interface SessionSummary {
  id: string;
  name: string;
  status: SessionStatus;
  cycleName: string;
  populationCount: number;
  /** The viewer's part: a participant's role, 'proposer' for a manager of someone calibrated. */
  myPart: ParticipantRole | 'proposer' | null;
  /** The viewer manages someone in the population: they have a proposals page (CAL10). */
  proposes: boolean;
  updatedAt: string;
}

export interface SessionPerson {
  id: string;
  name: string;
  title: string;
}

export interface PopulationMember extends SessionPerson {
  managerId: string | null;
  managerName: string | null;
  teamName: string | null;
}

export interface StatusChange {
  from: SessionStatus;
  to: SessionStatus;
  byName: string | null;
  reason: string;
  at: string;
}

export interface SessionDetail {
  id: string;
  name: string;
  status: SessionStatus;
  cycleId: string;
  cycleName: string;
  scale: ScalePoint[];
  performanceBands: PerformanceBands;
  guideline: Guideline;
  populationTeam: { id: string; name: string } | null;
  population: PopulationMember[];
  participants: (SessionPerson & { role: ParticipantRole })[];
  statusChanges: StatusChange[];
}

export interface Viewer {
  id: string;
  role: 'admin' | 'member';
}

/**
 * CAL40: the sessions a person takes part in or proposes for (their direct report is in the
 * population; not drafts, which nobody proposes for yet); an administrator sees them all.
 */
export async function listSessionsFor(
  db: Queryable,
  organisationId: string,
  viewer: Viewer,
): Promise<SessionSummary[]> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    status: SessionStatus;
    cycle_name: string;
    population_count: number;
    participant_role: ParticipantRole | null;
    proposes: boolean;
    updated_at: Date;
  }>(
    `SELECT s.id, s.name, s.status, c.name AS cycle_name, s.updated_at,
            (SELECT count(*)::int FROM calibration_population pop
              WHERE pop.session_id = s.id) AS population_count,
            part.role AS participant_role,
            EXISTS (SELECT 1 FROM calibration_population pop
                      JOIN people p ON p.organisation_id = pop.organisation_id
                                   AND p.id = pop.person_id
                     WHERE pop.session_id = s.id AND p.manager_id = $2) AS proposes
       FROM calibration_sessions s
       JOIN cycles c ON c.organisation_id = s.organisation_id AND c.id = s.cycle_id
       LEFT JOIN calibration_participants part ON part.session_id = s.id AND part.person_id = $2
      WHERE s.organisation_id = $1
      ORDER BY s.updated_at DESC, s.id`,
    [organisationId, viewer.id],
  );
  return rows
    .filter(
      (row) =>
        viewer.role === 'admin' ||
        row.participant_role !== null ||
        (row.proposes && row.status !== 'draft'),
    )
    .map((row) => ({
      id: row.id,
      name: row.name,
      status: row.status,
      cycleName: row.cycle_name,
      populationCount: row.population_count,
      myPart: row.participant_role ?? (row.proposes ? 'proposer' : null),
      proposes: row.proposes,
      updatedAt: row.updated_at.toISOString(),
    }));
}

/** A session with its people resolved, or undefined when the organisation has no such session. */
export async function getSession(
  db: Queryable,
  organisationId: string,
  sessionId: string,
): Promise<SessionDetail | undefined> {
  if (!isUuid(sessionId)) return undefined;
  const { rows } = await db.query<{
    id: string;
    name: string;
    status: SessionStatus;
    cycle_id: string;
    cycle_name: string;
    scale: ScalePoint[];
    performance_bands: PerformanceBands;
    guideline: Guideline;
    team_id: string | null;
    team_name: string | null;
  }>(
    `SELECT s.id, s.name, s.status, s.cycle_id, c.name AS cycle_name, s.scale,
            s.performance_bands, s.guideline, t.id AS team_id, t.name AS team_name
       FROM calibration_sessions s
       JOIN cycles c ON c.organisation_id = s.organisation_id AND c.id = s.cycle_id
       LEFT JOIN teams t ON t.organisation_id = s.organisation_id AND t.id = s.population_team_id
      WHERE s.organisation_id = $1 AND s.id = $2`,
    [organisationId, sessionId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const [population, participants, changes] = await Promise.all([
    db.query<{
      id: string;
      name: string;
      title: string;
      manager_id: string | null;
      manager_name: string | null;
      team_name: string | null;
    }>(
      `SELECT p.id, p.name, p.title, m.id AS manager_id, m.name AS manager_name,
              t.name AS team_name
         FROM calibration_population pop
         JOIN people p ON p.organisation_id = pop.organisation_id AND p.id = pop.person_id
         LEFT JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id
         LEFT JOIN teams t ON t.organisation_id = p.organisation_id AND t.id = p.team_id
        WHERE pop.organisation_id = $1 AND pop.session_id = $2
        ORDER BY lower(p.name), p.id`,
      [organisationId, sessionId],
    ),
    db.query<SessionPerson & { role: ParticipantRole }>(
      `SELECT p.id, p.name, p.title, part.role
         FROM calibration_participants part
         JOIN people p ON p.organisation_id = part.organisation_id AND p.id = part.person_id
        WHERE part.organisation_id = $1 AND part.session_id = $2
        ORDER BY part.role DESC, lower(p.name), p.id`,
      [organisationId, sessionId],
    ),
    db.query<{
      from_status: SessionStatus;
      to_status: SessionStatus;
      by_name: string | null;
      reason: string;
      changed_at: Date;
    }>(
      `SELECT ch.from_status, ch.to_status, p.name AS by_name, ch.reason, ch.changed_at
         FROM calibration_status_changes ch
         LEFT JOIN people p ON p.organisation_id = ch.organisation_id AND p.id = ch.changed_by
        WHERE ch.organisation_id = $1 AND ch.session_id = $2
        ORDER BY ch.changed_at, ch.id`,
      [organisationId, sessionId],
    ),
  ]);
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    cycleId: row.cycle_id,
    cycleName: row.cycle_name,
    scale: row.scale,
    performanceBands: row.performance_bands,
    guideline: row.guideline,
    populationTeam: row.team_id ? { id: row.team_id, name: row.team_name! } : null,
    population: population.rows.map((person) => ({
      id: person.id,
      name: person.name,
      title: person.title,
      managerId: person.manager_id,
      managerName: person.manager_name,
      teamName: person.team_name,
    })),
    participants: participants.rows,
    statusChanges: changes.rows.map((change) => ({
      from: change.from_status,
      to: change.to_status,
      byName: change.by_name,
      reason: change.reason,
      at: change.changed_at.toISOString(),
    })),
  };
}

/** The viewer's role in a session, or null when they take no part. */
export async function participantRole(
  db: Queryable,
  organisationId: string,
  sessionId: string,
  personId: string,
): Promise<ParticipantRole | null> {
  if (!isUuid(sessionId)) return null;
  const { rows } = await db.query<{ role: ParticipantRole }>(
    `SELECT role FROM calibration_participants
      WHERE organisation_id = $1 AND session_id = $2 AND person_id = $3`,
    [organisationId, sessionId, personId],
  );
  return rows[0]?.role ?? null;
}

/** CAL5: the active or invited people of a team and of every team below it. */
async function peopleUnderTeam(
  db: Queryable,
  organisationId: string,
  teamId: string,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `WITH RECURSIVE under (id) AS (
       SELECT id FROM teams WHERE organisation_id = $1 AND id = $2
       UNION
       SELECT t.id FROM teams t JOIN under u ON t.parent_id = u.id WHERE t.organisation_id = $1
     )
     SELECT p.id FROM people p JOIN under u ON p.team_id = u.id
      WHERE p.organisation_id = $1 AND p.status <> 'deactivated'
      ORDER BY p.id`,
    [organisationId, teamId],
  );
  return rows.map((row) => row.id);
}

/** How many of `ids` are active or invited members of the organisation. */
async function countMembers(db: Queryable, organisationId: string, ids: readonly string[]) {
  const { rows } = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM people
      WHERE organisation_id = $1 AND id = ANY($2::uuid[]) AND status <> 'deactivated'`,
    [organisationId, ids],
  );
  return rows[0]!.count;
}

/** CAL4–CAL6 against the organisation's rows: the population's ids, or the field's error. */
async function resolveConfig(
  client: PoolClient,
  organisationId: string,
  config: SessionConfig,
): Promise<Outcome<{ population: string[]; teamId: string | null }>> {
  if (!isUuid(config.cycleId)) return fieldError('cycleId', 'Choose a cycle from the list.');
  const cycle = await client.query(`SELECT 1 FROM cycles WHERE organisation_id = $1 AND id = $2`, [
    organisationId,
    config.cycleId,
  ]);
  if (cycle.rowCount !== 1) return fieldError('cycleId', 'Choose a cycle from the list.');

  const participantIds = config.participants.map((participant) => participant.personId);
  if (
    !participantIds.every(isUuid) ||
    (await countMembers(client, organisationId, participantIds)) !== participantIds.length
  ) {
    return fieldError('participants', OTHER_ORGANISATION_PARTICIPANT);
  }

  if (config.population.kind === 'team') {
    const { teamId } = config.population;
    const team = isUuid(teamId)
      ? await client.query(`SELECT 1 FROM teams WHERE organisation_id = $1 AND id = $2`, [
          organisationId,
          teamId,
        ])
      : { rowCount: 0 };
    if (team.rowCount !== 1) {
      return fieldError('population', 'Choose a department or team from the list.');
    }
    const population = await peopleUnderTeam(client, organisationId, teamId);
    if (population.length === 0) return fieldError('population', EMPTY_POPULATION);
    return { ok: true, value: { population, teamId } };
  }
  const { personIds } = config.population;
  if (personIds.length === 0) return fieldError('population', EMPTY_POPULATION);
  if (
    !personIds.every(isUuid) ||
    (await countMembers(client, organisationId, personIds)) !== personIds.length
  ) {
    return fieldError('population', OTHER_ORGANISATION_POPULATION);
  }
  return { ok: true, value: { population: [...personIds], teamId: null } };
}

async function writeMembers(
  client: PoolClient,
  organisationId: string,
  sessionId: string,
  config: SessionConfig,
  population: readonly string[],
) {
  const participantIds = config.participants.map((participant) => participant.personId);
  // Participants who stay keep whether they see pay (CAL78).
  await client.query(
    `DELETE FROM calibration_participants
      WHERE organisation_id = $1 AND session_id = $2 AND NOT (person_id = ANY($3::uuid[]))`,
    [organisationId, sessionId, participantIds],
  );
  await client.query(
    `DELETE FROM calibration_population WHERE organisation_id = $1 AND session_id = $2`,
    [organisationId, sessionId],
  );
  await client.query(
    `INSERT INTO calibration_participants (organisation_id, session_id, person_id, role)
     SELECT $1, $2, person_id, role
       FROM unnest($3::uuid[], $4::text[]) AS given (person_id, role)
     ON CONFLICT (session_id, person_id) DO UPDATE SET role = EXCLUDED.role`,
    [
      organisationId,
      sessionId,
      participantIds,
      config.participants.map((participant) => participant.role),
    ],
  );
  await client.query(
    `INSERT INTO calibration_population (organisation_id, session_id, person_id)
     SELECT $1, $2, person_id FROM unnest($3::uuid[]) AS given (person_id)`,
    [organisationId, sessionId, population],
  );
}

/** Creates a draft session (CAL1–CAL6); nothing is written when a rule is broken. */
export async function createSession(
  pool: Pool,
  organisationId: string,
  createdBy: string,
  config: SessionConfig,
): Promise<Outcome<{ id: string }>> {
  return inTransaction(pool, async (client) => {
    const resolved = await resolveConfig(client, organisationId, config);
    if (!resolved.ok) return resolved;
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO calibration_sessions (organisation_id, cycle_id, name, scale,
                                         performance_bands, guideline, population_team_id,
                                         created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        organisationId,
        config.cycleId,
        config.name,
        JSON.stringify(config.scale),
        JSON.stringify(config.performanceBands),
        JSON.stringify(config.guideline),
        resolved.value.teamId,
        createdBy,
      ],
    );
    const id = rows[0]!.id;
    await writeMembers(client, organisationId, id, config, resolved.value.population);
    return { ok: true as const, value: { id } };
  });
}

/** Locks the session's row and reads its state, or undefined when it is not the organisation's. */
async function lockSession(client: PoolClient, organisationId: string, sessionId: string) {
  if (!isUuid(sessionId)) return undefined;
  const { rows } = await client.query<{ status: SessionStatus }>(
    `SELECT status FROM calibration_sessions WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
    [organisationId, sessionId],
  );
  return rows[0]?.status;
}

const NOT_FOUND = 'This session is not in your organisation.';

/** CAL8: changes a draft's configuration, its population resolved again (CAL5). */
export async function updateSession(
  pool: Pool,
  organisationId: string,
  sessionId: string,
  config: SessionConfig,
): Promise<Outcome<{ id: string }>> {
  return inTransaction(pool, async (client) => {
    const status = await lockSession(client, organisationId, sessionId);
    if (status === undefined) return fieldError('form', NOT_FOUND);
    const locked = checkEditable(status);
    if (locked) return fieldError('form', locked);
    const resolved = await resolveConfig(client, organisationId, config);
    if (!resolved.ok) return resolved;
    await client.query(
      `UPDATE calibration_sessions
          SET cycle_id = $3, name = $4, scale = $5, performance_bands = $6, guideline = $7,
              population_team_id = $8, updated_at = now()
        WHERE organisation_id = $1 AND id = $2`,
      [
        organisationId,
        sessionId,
        config.cycleId,
        config.name,
        JSON.stringify(config.scale),
        JSON.stringify(config.performanceBands),
        JSON.stringify(config.guideline),
        resolved.value.teamId,
      ],
    );
    await writeMembers(client, organisationId, sessionId, config, resolved.value.population);
    return { ok: true as const, value: { id: sessionId } };
  });
}

/** Records a state change (CAL9) in the transaction that makes it. */
export async function recordStatusChange(
  client: Queryable,
  organisationId: string,
  sessionId: string,
  change: { from: SessionStatus; to: SessionStatus; by: string; reason: string },
): Promise<void> {
  await client.query(
    `UPDATE calibration_sessions SET status = $3, updated_at = now()
      WHERE organisation_id = $1 AND id = $2`,
    [organisationId, sessionId, change.to],
  );
  await client.query(
    `INSERT INTO calibration_status_changes (organisation_id, session_id, from_status, to_status,
                                             changed_by, reason)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [organisationId, sessionId, change.from, change.to, change.by, change.reason.trim()],
  );
}

/** CAL7: draft → proposals, by an administrator or a facilitator; recorded (CAL9). */
export async function openProposals(
  pool: Pool,
  organisationId: string,
  sessionId: string,
  actor: Viewer,
): Promise<Outcome<{ id: string }>> {
  return inTransaction(pool, async (client) => {
    const status = await lockSession(client, organisationId, sessionId);
    if (status === undefined) return fieldError('form', NOT_FOUND);
    const role = await participantRole(client, organisationId, sessionId, actor.id);
    const refusal = checkTransition(
      'open_proposals',
      status,
      { isAdmin: actor.role === 'admin', isFacilitator: role === 'facilitator' },
      '',
    );
    if (refusal) return fieldError('form', refusal);
    await recordStatusChange(client, organisationId, sessionId, {
      from: status,
      to: 'proposals',
      by: actor.id,
      reason: '',
    });
    return { ok: true as const, value: { id: sessionId } };
  });
}

export interface MissingProposals {
  /** The manager who should propose, or null for people without a manager. */
  manager: { id: string; name: string } | null;
  people: SessionPerson[];
}

/**
 * CAL41: the people of the population without a proposal (rating and potential) in the
 * projection of their manager's document (CAL22), grouped by manager, managers by name; people
 * without a manager last, since nobody can propose for them.
 */
export async function missingProposals(
  db: Queryable,
  organisationId: string,
  sessionId: string,
): Promise<MissingProposals[]> {
  if (!isUuid(sessionId)) return [];
  const { rows } = await db.query<{
    id: string;
    name: string;
    title: string;
    manager_id: string | null;
    manager_name: string | null;
  }>(
    `SELECT p.id, p.name, p.title, m.id AS manager_id, m.name AS manager_name
       FROM calibration_population pop
       JOIN people p ON p.organisation_id = pop.organisation_id AND p.id = pop.person_id
       LEFT JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id
       LEFT JOIN calibration_proposals prop
         ON prop.session_id = pop.session_id AND prop.person_id = pop.person_id
      WHERE pop.organisation_id = $1 AND pop.session_id = $2 AND prop.person_id IS NULL
      ORDER BY m.id IS NULL, lower(m.name), m.id, lower(p.name), p.id`,
    [organisationId, sessionId],
  );
  const groups: MissingProposals[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    const person = { id: row.id, name: row.name, title: row.title };
    if (last && (last.manager?.id ?? null) === row.manager_id) last.people.push(person);
    else {
      groups.push({
        manager: row.manager_id ? { id: row.manager_id, name: row.manager_name! } : null,
        people: [person],
      });
    }
  }
  return groups;
}

export interface PublishedRatingView {
  personId: string;
  personName: string;
  cycleName: string;
  sessionName: string;
  rating: number;
  ratingLabel: string;
  performance: 'low' | 'medium' | 'high';
  potential: 'low' | 'medium' | 'high';
  box: number;
  publishedAt: string;
}

/**
 * CAL45: the published ratings a person may see — their own, and their direct reports' — newest
 * cycle first. Nothing before a session is finalized (CAL24): ratings are invisible until then.
 */
export async function publishedRatingsFor(
  db: Queryable,
  organisationId: string,
  personId: string,
): Promise<{ mine: PublishedRatingView[]; reports: PublishedRatingView[] }> {
  const { rows } = await db.query<{
    person_id: string;
    person_name: string;
    cycle_name: string;
    session_name: string;
    rating: number;
    rating_label: string;
    performance: PublishedRatingView['performance'];
    potential: PublishedRatingView['potential'];
    box: number;
    published_at: Date;
  }>(
    `SELECT r.person_id, p.name AS person_name, c.name AS cycle_name, s.name AS session_name,
            r.rating, r.rating_label, r.performance, r.potential, r.box, r.published_at
       FROM published_ratings r
       JOIN people p ON p.organisation_id = r.organisation_id AND p.id = r.person_id
       JOIN cycles c ON c.organisation_id = r.organisation_id AND c.id = r.cycle_id
       JOIN calibration_sessions s ON s.organisation_id = r.organisation_id AND s.id = r.session_id
      WHERE r.organisation_id = $1 AND (r.person_id = $2 OR p.manager_id = $2)
      ORDER BY c.starts_on DESC, lower(p.name), p.id`,
    [organisationId, personId],
  );
  const views = rows.map((row) => ({
    personId: row.person_id,
    personName: row.person_name,
    cycleName: row.cycle_name,
    sessionName: row.session_name,
    rating: row.rating,
    ratingLabel: row.rating_label,
    performance: row.performance,
    potential: row.potential,
    box: row.box,
    publishedAt: row.published_at.toISOString(),
  }));
  return {
    mine: views.filter((view) => view.personId === personId),
    reports: views.filter((view) => view.personId !== personId),
  };
}
