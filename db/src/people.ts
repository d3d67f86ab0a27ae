// People of one organisation, as the admin pages read and change them (SPEC ORG1-ORG14). Every
// statement is scoped by organisation_id; writes that depend on other rows (reporting lines, the
// count of admins) lock the organisation's row first, so concurrent admin edits are serialised.
import {
  checkDeactivation,
  checkRoleChange,
  statusAfterReactivation,
} from '@threadline/domain/org/admin-guard';
import type {
  InviteFields,
  Location,
  PersonEdit,
  PersonStatus,
  Role,
} from '@threadline/domain/org/person-fields';
import { checkManagerChange } from '@threadline/domain/org/reporting-lines';
import { fieldError, refused, type Outcome } from '@threadline/domain/org/violation';
import { inTransaction, type Pool, type Queryable } from './connection.ts';
import { createInvitation, type CreatedInvitation } from './invitations.ts';
import { invalidateAllSessions } from './sessions.ts';

export const PEOPLE_PAGE_SIZE = 50;

/** True when `error` is PostgreSQL refusing a duplicate in the unique index `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === '23505' &&
    (error as { constraint?: unknown }).constraint === constraint
  );
}

/** A search term as an ILIKE pattern matching it anywhere, with %, _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** ORG20: a text without its accents ("Sofía" → "Sofia"), as `folded()` does in SQL. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** ORG20: `column` without its accents, in SQL, to match a `foldAccents` pattern with ILIKE. */
function folded(column: string): string {
  return `regexp_replace(normalize(${column}, NFD), E'[\\u0300-\\u036f]', '', 'g')`;
}

/** ORG20: a search term as an accent- and case-blind pattern to match `folded()` columns. */
function searchPattern(text: string): string {
  return containsPattern(foldAccents(text.trim()));
}

export interface PersonRef {
  id: string;
  name: string;
  status: PersonStatus;
}

export interface PersonListItem {
  id: string;
  name: string;
  email: string;
  title: string;
  role: Role;
  status: PersonStatus;
  team: { id: string; name: string } | null;
  manager: PersonRef | null;
}

export interface PeopleQuery {
  /** Matched against name, email and title, case-insensitively. */
  search?: string;
  status?: PersonStatus | null;
  /** A team (a department includes its teams' people), 'none' for people without a team. */
  teamId?: string | 'none' | null;
  sort?: 'name' | '-name';
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface PeoplePage {
  people: PersonListItem[];
  total: number;
  page: number;
  pageSize: number;
}

interface ListRow {
  id: string;
  name: string;
  email: string;
  title: string;
  role: Role;
  status: PersonStatus;
  team_id: string | null;
  team_name: string | null;
  manager_id: string | null;
  manager_name: string | null;
  manager_status: PersonStatus | null;
}

const LIST_FILTER = `
   p.organisation_id = $1
   AND ($2::text IS NULL
        OR ${folded('p.name')} ILIKE $2 ESCAPE '\\' OR p.email ILIKE $2 ESCAPE '\\'
        OR ${folded('p.title')} ILIKE $2 ESCAPE '\\')
   AND ($3::text IS NULL OR p.status = $3)
   AND ($4::uuid IS NULL OR p.team_id = $4
        OR p.team_id IN (SELECT id FROM teams WHERE organisation_id = $1 AND parent_id = $4))
   AND (NOT $5::boolean OR p.team_id IS NULL)`;

export async function listPeople(
  db: Queryable,
  organisationId: string,
  query: PeopleQuery = {},
): Promise<PeoplePage> {
  const pageSize = query.pageSize ?? PEOPLE_PAGE_SIZE;
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const search = query.search?.trim() ? searchPattern(query.search) : null;
  const teamId = query.teamId && query.teamId !== 'none' ? query.teamId : null;
  const filter = [organisationId, search, query.status ?? null, teamId, query.teamId === 'none'];
  // The direction comes from this fixed choice, never from the request.
  const direction = query.sort === '-name' ? 'DESC' : 'ASC';
  const [{ rows }, counted] = await Promise.all([
    db.query<ListRow>(
      `SELECT p.id, p.name, p.email, p.title, p.role, p.status,
              t.id AS team_id, t.name AS team_name,
              m.id AS manager_id, m.name AS manager_name, m.status AS manager_status
         FROM people p
         LEFT JOIN teams t ON t.organisation_id = p.organisation_id AND t.id = p.team_id
         LEFT JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id
        WHERE ${LIST_FILTER}
        ORDER BY lower(p.name) ${direction}, p.id
        LIMIT $6 OFFSET $7`,
      [...filter, pageSize, (page - 1) * pageSize],
    ),
    db.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM people p WHERE ${LIST_FILTER}`,
      filter,
    ),
  ]);
  return {
    people: rows.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      title: row.title,
      role: row.role,
      status: row.status,
      team: row.team_id ? { id: row.team_id, name: row.team_name! } : null,
      manager: row.manager_id
        ? { id: row.manager_id, name: row.manager_name!, status: row.manager_status! }
        : null,
    })),
    total: counted.rows[0]!.total,
    page,
    pageSize,
  };
}

/** People to pick as a manager: not deactivated (ORG14), matching name or email. */
export async function searchPeople(
  db: Queryable,
  organisationId: string,
  text: string,
  options: { excludeId?: string | null; limit?: number } = {},
): Promise<(PersonRef & { title: string; email: string })[]> {
  const { rows } = await db.query<PersonRef & { title: string; email: string }>(
    `SELECT id, name, title, email, status
       FROM people
      WHERE organisation_id = $1 AND status <> 'deactivated'
        AND (${folded('name')} ILIKE $2 ESCAPE '\\' OR email ILIKE $2 ESCAPE '\\')
        AND id IS DISTINCT FROM $3::uuid
      ORDER BY lower(name), id
      LIMIT $4`,
    [organisationId, searchPattern(text), options.excludeId ?? null, options.limit ?? 20],
  );
  return rows;
}

export interface PersonDetail {
  id: string;
  name: string;
  email: string;
  title: string;
  role: Role;
  status: PersonStatus;
  manager: PersonRef | null;
  team: { id: string; name: string } | null;
  location: Location;
  hireDate: string | null;
  jobLevel: string;
  payRangePosition: number | null;
  hasPassword: boolean;
  deactivatedAt: Date | null;
  directReportCount: number;
  /** When the newest unused invitation link expires (invited people only). */
  invitationExpiresAt: Date | null;
}

export async function getPerson(
  db: Queryable,
  organisationId: string,
  personId: string,
): Promise<PersonDetail | null> {
  const { rows } = await db.query(
    `SELECT p.id, p.name, p.email, p.title, p.role, p.status, p.location, p.hire_date,
            p.job_level, p.pay_range_position, p.password_hash IS NOT NULL AS has_password,
            p.deactivated_at,
            m.id AS manager_id, m.name AS manager_name, m.status AS manager_status,
            t.id AS team_id, t.name AS team_name,
            (SELECT count(*)::int FROM people r
              WHERE r.organisation_id = p.organisation_id AND r.manager_id = p.id) AS report_count,
            (SELECT max(i.expires_at) FROM invitations i
              WHERE i.organisation_id = p.organisation_id AND i.person_id = p.id
                AND i.accepted_at IS NULL) AS invitation_expires_at
       FROM people p
       LEFT JOIN teams t ON t.organisation_id = p.organisation_id AND t.id = p.team_id
       LEFT JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id
      WHERE p.organisation_id = $1 AND p.id = $2`,
    [organisationId, personId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    title: row.title,
    role: row.role,
    status: row.status,
    manager: row.manager_id
      ? { id: row.manager_id, name: row.manager_name, status: row.manager_status }
      : null,
    team: row.team_id ? { id: row.team_id, name: row.team_name } : null,
    location: row.location,
    hireDate: row.hire_date,
    jobLevel: row.job_level,
    payRangePosition: row.pay_range_position,
    hasPassword: row.has_password,
    deactivatedAt: row.deactivated_at,
    directReportCount: row.report_count,
    invitationExpiresAt: row.invitation_expires_at,
  };
}

/** Every person of the organisation mapped to their manager (ORG3 checks against this). */
export async function loadReportingLines(
  db: Queryable,
  organisationId: string,
): Promise<Map<string, string | null>> {
  const { rows } = await db.query<{ id: string; manager_id: string | null }>(
    `SELECT id, manager_id FROM people WHERE organisation_id = $1`,
    [organisationId],
  );
  return new Map(rows.map((row) => [row.id, row.manager_id]));
}

export async function countActiveAdmins(db: Queryable, organisationId: string): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM people
      WHERE organisation_id = $1 AND role = 'admin' AND status = 'active'`,
    [organisationId],
  );
  return rows[0]!.count;
}

/**
 * Serialises the organisation's admin writes for the rest of the transaction. NO KEY UPDATE
 * conflicts with itself but not with the KEY SHARE locks foreign keys take, so inserts that
 * reference the organisation (sign-ins, new rows) are not held up.
 */
async function lockOrganisation(db: Queryable, organisationId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT id FROM organisations WHERE id = $1 FOR NO KEY UPDATE`,
    [organisationId],
  );
  return rowCount === 1;
}

async function findManager(db: Queryable, organisationId: string, managerId: string) {
  const { rows } = await db.query<{ id: string; status: PersonStatus }>(
    `SELECT id, status FROM people WHERE organisation_id = $1 AND id = $2`,
    [organisationId, managerId],
  );
  return rows[0];
}

async function teamExists(db: Queryable, organisationId: string, teamId: string) {
  const { rowCount } = await db.query(
    `SELECT 1 FROM teams WHERE organisation_id = $1 AND id = $2`,
    [organisationId, teamId],
  );
  return rowCount === 1;
}

const DUPLICATE_EMAIL = 'This email address already belongs to an account.';

/**
 * ORG13: adds a person in status 'invited' without a password and creates their one-time link.
 * A duplicate email (unique across all organisations) comes back as a field error.
 */
export async function invitePerson(
  pool: Pool,
  organisationId: string,
  createdBy: string,
  fields: InviteFields,
  now = new Date(),
): Promise<Outcome<{ personId: string; invitation: CreatedInvitation }>> {
  try {
    return await inTransaction(pool, async (client) => {
      await lockOrganisation(client, organisationId);
      if (fields.managerId) {
        const manager = await findManager(client, organisationId, fields.managerId);
        if (!manager) return fieldError('managerId', 'Choose a manager from the list.');
        const refusal = checkManagerChange(new Map(), '', manager);
        if (refusal) return refused(refusal);
      }
      if (fields.teamId && !(await teamExists(client, organisationId, fields.teamId))) {
        return fieldError('teamId', 'Choose a team from the list.');
      }
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO people (organisation_id, name, email, title, role, manager_id, team_id, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'invited')
         RETURNING id`,
        [
          organisationId,
          fields.name,
          fields.email,
          fields.title,
          fields.role,
          fields.managerId,
          fields.teamId,
        ],
      );
      const personId = rows[0]!.id;
      const invitation = await createInvitation(
        client,
        { organisationId, personId, createdBy },
        now,
      );
      return { ok: true as const, value: { personId, invitation } };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'people_email')) return fieldError('email', DUPLICATE_EMAIL);
    throw error;
  }
}

/** ORG13: a new link for someone who has not joined yet; older links stop working. */
export async function resendInvitation(
  db: Queryable,
  organisationId: string,
  personId: string,
  createdBy: string,
  now = new Date(),
): Promise<Outcome<CreatedInvitation>> {
  const { rows } = await db.query<{ status: PersonStatus }>(
    `SELECT status FROM people WHERE organisation_id = $1 AND id = $2`,
    [organisationId, personId],
  );
  const status = rows[0]?.status;
  if (!status) return fieldError('form', 'This person is not in your organisation.');
  if (status !== 'invited') {
    return fieldError(
      'form',
      status === 'active'
        ? 'This person has already joined.'
        : 'This person is deactivated: reactivate them first.',
    );
  }
  return {
    ok: true,
    value: await createInvitation(db, { organisationId, personId, createdBy }, now),
  };
}

/**
 * Saves an admin's edit of a person, refusing a reporting loop (ORG2, ORG3, ORG14) and the last
 * active admin's demotion (ORG4).
 */
export async function updatePerson(
  pool: Pool,
  organisationId: string,
  personId: string,
  edit: PersonEdit,
  now = new Date(),
): Promise<Outcome<null>> {
  return inTransaction(pool, async (client) => {
    await lockOrganisation(client, organisationId);
    const { rows } = await client.query<{
      id: string;
      role: Role;
      status: PersonStatus;
      manager_id: string | null;
    }>(`SELECT id, role, status, manager_id FROM people WHERE organisation_id = $1 AND id = $2`, [
      organisationId,
      personId,
    ]);
    const subject = rows[0];
    if (!subject) return fieldError('form', 'This person is not in your organisation.');

    if (edit.managerId !== subject.manager_id && edit.managerId !== null) {
      const manager =
        edit.managerId === personId
          ? { id: personId, status: subject.status }
          : await findManager(client, organisationId, edit.managerId);
      if (!manager) return fieldError('managerId', 'Choose a manager from the list.');
      const refusal = checkManagerChange(
        await loadReportingLines(client, organisationId),
        personId,
        manager,
      );
      if (refusal) return refused(refusal);
    }
    if (edit.teamId && !(await teamExists(client, organisationId, edit.teamId))) {
      return fieldError('teamId', 'Choose a team from the list.');
    }
    if (edit.role !== subject.role) {
      const refusal = checkRoleChange(
        subject,
        edit.role,
        await countActiveAdmins(client, organisationId),
      );
      if (refusal) return refused(refusal);
    }
    await client.query(
      `UPDATE people
          SET name = $3, title = $4, role = $5, manager_id = $6, team_id = $7, location = $8,
              hire_date = $9, job_level = $10, pay_range_position = $11, updated_at = $12
        WHERE organisation_id = $1 AND id = $2`,
      [
        organisationId,
        personId,
        edit.name,
        edit.title,
        edit.role,
        edit.managerId,
        edit.teamId,
        edit.location,
        edit.hireDate,
        edit.jobLevel,
        edit.payRangePosition,
        now,
      ],
    );
    return { ok: true as const, value: null };
  });
}

/**
 * ORG12: deactivates a person, ends every session of theirs and revokes their unused invitation
 * links in one transaction. Refuses self-deactivation (ORG5) and the last active admin (ORG4).
 * Returns how many people still report to them.
 */
export async function deactivatePerson(
  pool: Pool,
  organisationId: string,
  actorId: string,
  personId: string,
  now = new Date(),
): Promise<Outcome<{ directReportCount: number }>> {
  return inTransaction(pool, async (client) => {
    await lockOrganisation(client, organisationId);
    const { rows } = await client.query<{ id: string; role: Role; status: PersonStatus }>(
      `SELECT id, role, status FROM people WHERE organisation_id = $1 AND id = $2`,
      [organisationId, personId],
    );
    const subject = rows[0];
    if (!subject) return fieldError('form', 'This person is not in your organisation.');
    const refusal = checkDeactivation(
      actorId,
      subject,
      await countActiveAdmins(client, organisationId),
    );
    if (refusal) return refused(refusal);
    await client.query(
      `UPDATE people SET status = 'deactivated', deactivated_at = $3, updated_at = $3
        WHERE organisation_id = $1 AND id = $2`,
      [organisationId, personId, now],
    );
    await invalidateAllSessions(client, personId);
    await client.query(
      `DELETE FROM invitations
        WHERE organisation_id = $1 AND person_id = $2 AND accepted_at IS NULL`,
      [organisationId, personId],
    );
    const reports = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM people WHERE organisation_id = $1 AND manager_id = $2`,
      [organisationId, personId],
    );
    return { ok: true as const, value: { directReportCount: reports.rows[0]!.count } };
  });
}

/** ORG12: active again with a password, else invited (and then needs a new link). */
export async function reactivatePerson(
  pool: Pool,
  organisationId: string,
  personId: string,
  now = new Date(),
): Promise<Outcome<{ status: 'active' | 'invited' }>> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ status: PersonStatus; has_password: boolean }>(
      `SELECT status, password_hash IS NOT NULL AS has_password
         FROM people WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
      [organisationId, personId],
    );
    const subject = rows[0];
    if (!subject) return fieldError('form', 'This person is not in your organisation.');
    if (subject.status !== 'deactivated') {
      return fieldError('form', 'This person is not deactivated.');
    }
    const status = statusAfterReactivation(subject.has_password);
    await client.query(
      `UPDATE people SET status = $3, deactivated_at = NULL, updated_at = $4
        WHERE organisation_id = $1 AND id = $2`,
      [organisationId, personId, status, now],
    );
    return { ok: true as const, value: { status } };
  });
}

export interface OrgChartNode {
  id: string;
  name: string;
  title: string;
  status: PersonStatus;
  teamName: string | null;
  /** Direct reports shown in the chart. */
  reportCount: number;
}

// The chart shows everyone but deactivated people with nobody left reporting to them.
const SHOWN_IN_CHART = (alias: string) => `(${alias}.status <> 'deactivated' OR EXISTS (
  SELECT 1 FROM people below
   WHERE below.organisation_id = ${alias}.organisation_id AND below.manager_id = ${alias}.id))`;

/**
 * One level of the org chart: the direct reports of `managerId`, or the people at the top (no
 * manager) when it is null, a page at a time, each with how many report to them.
 */
export async function listOrgChartLevel(
  db: Queryable,
  organisationId: string,
  managerId: string | null,
  page: { offset?: number; limit?: number } = {},
): Promise<{ nodes: OrgChartNode[]; total: number }> {
  const parent =
    managerId === null ? 'p.manager_id IS NULL AND $2::uuid IS NULL' : 'p.manager_id = $2';
  const where = `p.organisation_id = $1 AND ${parent} AND ${SHOWN_IN_CHART('p')}`;
  const [{ rows }, counted] = await Promise.all([
    db.query<{
      id: string;
      name: string;
      title: string;
      status: PersonStatus;
      team_name: string | null;
      report_count: number;
    }>(
      `SELECT p.id, p.name, p.title, p.status, t.name AS team_name,
              (SELECT count(*)::int FROM people r
                WHERE r.organisation_id = p.organisation_id AND r.manager_id = p.id
                  AND ${SHOWN_IN_CHART('r')}) AS report_count
         FROM people p
         LEFT JOIN teams t ON t.organisation_id = p.organisation_id AND t.id = p.team_id
        WHERE ${where}
        ORDER BY lower(p.name), p.id
        LIMIT $3 OFFSET $4`,
      [organisationId, managerId, page.limit ?? 100, page.offset ?? 0],
    ),
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM people p WHERE ${where}`, [
      organisationId,
      managerId,
    ]),
  ]);
  return {
    nodes: rows.map((row) => ({
      id: row.id,
      name: row.name,
      title: row.title,
      status: row.status,
      teamName: row.team_name,
      reportCount: row.report_count,
    })),
    total: counted.rows[0]!.total,
  };
}

/** One person of the whole org chart, with their manager: the chart is laid out in the browser. */
export interface OrgChartPerson {
  id: string;
  name: string;
  title: string;
  teamName: string | null;
  managerId: string | null;
  /** Only deactivated people who still have reports are in the chart. */
  deactivated: boolean;
}

/**
 * The whole org chart in one answer (5,000 people are a few hundred kilobytes), so the browser can
 * search it and open the way to anyone without a round trip per level. A manager left out of the
 * chart leaves their reports at the top, as listOrgChartLevel does.
 */
export async function listOrgChart(
  db: Queryable,
  organisationId: string,
): Promise<OrgChartPerson[]> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    title: string;
    team_name: string | null;
    manager_id: string | null;
    status: PersonStatus;
  }>(
    `SELECT p.id, p.name, p.title, t.name AS team_name, p.manager_id, p.status
       FROM people p
       LEFT JOIN teams t ON t.organisation_id = p.organisation_id AND t.id = p.team_id
      WHERE p.organisation_id = $1 AND ${SHOWN_IN_CHART('p')}
      ORDER BY lower(p.name), p.id`,
    [organisationId],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    title: row.title,
    teamName: row.team_name,
    managerId: row.manager_id,
    deactivated: row.status === 'deactivated',
  }));
}
