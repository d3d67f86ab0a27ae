// Rows for tests, created through plain SQL so tests do not depend on the code they check.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '@threadline/db';
import { appendToDocumentLog } from '@threadline/db/document-log';
import { proposalsUpdate } from '@threadline/domain/calibration/edits';
import type { Potential } from '@threadline/domain/calibration/model';
import { formatDocumentName } from '@threadline/domain/documents/names';

export async function createOrganisation(db: Queryable, name = 'Acme') {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(3).toString('hex')}`;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO organisations (name, slug) VALUES ($1, $2) RETURNING id`,
    [name, slug],
  );
  return { id: rows[0]!.id, name, slug };
}

export interface PersonFixture {
  id: string;
  organisationId: string;
  email: string;
  name: string;
}

export async function createPerson(
  db: Queryable,
  organisationId: string,
  fields: {
    name?: string;
    email?: string;
    role?: 'admin' | 'member';
    status?: 'invited' | 'active' | 'deactivated';
    passwordHash?: string | null;
    managerId?: string | null;
    teamId?: string | null;
  } = {},
): Promise<PersonFixture> {
  const name = fields.name ?? `Person ${randomBytes(3).toString('hex')}`;
  const email = fields.email ?? `${randomBytes(5).toString('hex')}@example.test`;
  const status = fields.status ?? 'active';
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO people (organisation_id, name, email, role, status, password_hash, manager_id,
                         team_id, deactivated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $5 = 'deactivated' THEN now() END)
     RETURNING id`,
    [
      organisationId,
      name,
      email,
      fields.role ?? 'member',
      status,
      fields.passwordHash ?? null,
      fields.managerId ?? null,
      fields.teamId ?? null,
    ],
  );
  return { id: rows[0]!.id, organisationId, email, name };
}

/** A running weekly 1:1 series between a manager and their report. */
export async function createSeries(
  db: Queryable,
  organisationId: string,
  managerId: string,
  employeeId: string,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO one_on_one_series (organisation_id, manager_id, employee_id, cadence, weekday,
                                    time_of_day, starts_on)
     VALUES ($1, $2, $3, 'weekly', 1, '10:00', '2026-11-02') RETURNING id`,
    [organisationId, managerId, employeeId],
  );
  return rows[0]!.id;
}

/** The default five-point scale and bands of a calibration session. */
export const FIVE_POINT_SESSION = {
  scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: `Rating ${value}` })),
  bands: { low: [1, 2], medium: [3], high: [4, 5] },
  guideline: { 1: 10, 2: 20, 3: 40, 4: 20, 5: 10 },
};

/** A calibration session in a new cycle, with its participants and population. */
export async function createCalibrationSession(
  db: Queryable,
  organisationId: string,
  fields: {
    status?: 'draft' | 'proposals' | 'in_session' | 'finalized';
    participants?: { personId: string; role: 'leader' | 'facilitator' }[];
    population?: string[];
  } = {},
): Promise<{ id: string; cycleId: string }> {
  const cycle = await db.query<{ id: string }>(
    `INSERT INTO cycles (organisation_id, name, starts_on, ends_on)
     VALUES ($1, 'Cycle ' || gen_random_uuid(), '2026-07-01', '2026-12-31') RETURNING id`,
    [organisationId],
  );
  const cycleId = cycle.rows[0]!.id;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO calibration_sessions (organisation_id, cycle_id, name, status, scale,
                                       performance_bands, guideline)
     VALUES ($1, $2, 'Engineering H2', $3, $4, $5, $6) RETURNING id`,
    [
      organisationId,
      cycleId,
      fields.status ?? 'proposals',
      JSON.stringify(FIVE_POINT_SESSION.scale),
      JSON.stringify(FIVE_POINT_SESSION.bands),
      JSON.stringify(FIVE_POINT_SESSION.guideline),
    ],
  );
  const id = rows[0]!.id;
  for (const { personId, role } of fields.participants ?? []) {
    await db.query(
      `INSERT INTO calibration_participants (organisation_id, session_id, person_id, role)
       VALUES ($1, $2, $3, $4)`,
      [organisationId, id, personId, role],
    );
  }
  if ((fields.population ?? []).length > 0) {
    await db.query(
      `INSERT INTO calibration_population (organisation_id, session_id, person_id)
       SELECT $1, $2, unnest($3::uuid[])`,
      [organisationId, id, fields.population],
    );
  }
  return { id, cycleId };
}

/** A manager's proposal as the sync server would have it: an update of the manager's proposals
 *  document in the log, and its projected row (what the document's projector writes). */
export async function createProposal(
  db: Queryable,
  organisationId: string,
  sessionId: string,
  proposal: { personId: string; managerId: string; rating: number; potential: Potential },
) {
  const fields = { rating: proposal.rating, potential: proposal.potential, rationale: 'Proposed' };
  await appendToDocumentLog(db, [
    {
      organisationId,
      documentName: formatDocumentName({
        kind: 'calibration-proposals',
        sessionId,
        managerId: proposal.managerId,
      }),
      personId: proposal.managerId,
      receivedAt: new Date(),
      update: proposalsUpdate([{ personId: proposal.personId, ...fields }]),
    },
  ]);
  await db.query(
    `INSERT INTO calibration_proposals (organisation_id, session_id, person_id, manager_id, rating,
                                        potential, rationale)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      organisationId,
      sessionId,
      proposal.personId,
      proposal.managerId,
      fields.rating,
      fields.potential,
      fields.rationale,
    ],
  );
}
