// Rows for tests, created through plain SQL so tests do not depend on the code they check.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '@threadline/db';

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
