// The team hierarchy of one organisation (SPEC ORG6-ORG8): departments at the top, teams inside.
// Every statement is scoped by organisation_id.
import {
  checkDeletion,
  checkPlacement,
  checkTeamName,
  normaliseTeamName,
  type TeamKind,
  type TeamNode,
} from '@threadline/domain/org/teams';
import { fieldError, refused, type Outcome } from '@threadline/domain/org/violation';
import { inTransaction, type Pool, type Queryable } from './connection.ts';
import { isUniqueViolation } from './people.ts';

export interface TeamRow extends TeamNode {
  /** People whose team is this one. */
  peopleCount: number;
  /** Teams whose parent is this one. */
  childTeamCount: number;
}

const DUPLICATE_NAME = 'Another team or department already has this name.';

export async function listTeams(db: Queryable, organisationId: string): Promise<TeamRow[]> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    kind: TeamKind;
    parent_id: string | null;
    people_count: number;
    child_team_count: number;
  }>(
    `SELECT t.id, t.name, t.kind, t.parent_id,
            (SELECT count(*)::int FROM people p
              WHERE p.organisation_id = t.organisation_id AND p.team_id = t.id) AS people_count,
            (SELECT count(*)::int FROM teams c
              WHERE c.organisation_id = t.organisation_id AND c.parent_id = t.id) AS child_team_count
       FROM teams t
      WHERE t.organisation_id = $1
      ORDER BY lower(t.name), t.id`,
    [organisationId],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    peopleCount: row.people_count,
    childTeamCount: row.child_team_count,
  }));
}

async function findTeam(
  db: Queryable,
  organisationId: string,
  teamId: string,
): Promise<TeamNode | undefined> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    kind: TeamKind;
    parent_id: string | null;
  }>(`SELECT id, name, kind, parent_id FROM teams WHERE organisation_id = $1 AND id = $2`, [
    organisationId,
    teamId,
  ]);
  const row = rows[0];
  return row && { id: row.id, name: row.name, kind: row.kind, parentId: row.parent_id };
}

async function withDuplicateName<T>(work: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'teams_name_per_organisation')) {
      return fieldError('name', DUPLICATE_NAME);
    }
    throw error;
  }
}

/** ORG6, ORG8: a department at the top or a team inside a department, with a unique name. */
export async function createTeam(
  pool: Pool,
  organisationId: string,
  fields: { name: string; kind: TeamKind; parentId: string | null },
): Promise<Outcome<{ id: string }>> {
  const nameProblem = checkTeamName(fields.name);
  if (nameProblem) return refused(nameProblem);
  return withDuplicateName(() =>
    inTransaction(pool, async (client) => {
      const parent = fields.parentId
        ? await findTeam(client, organisationId, fields.parentId)
        : undefined;
      const placement = checkPlacement(fields.kind, fields.parentId, parent);
      if (placement) return refused(placement);
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO teams (organisation_id, name, kind, parent_id) VALUES ($1, $2, $3, $4)
         RETURNING id`,
        [organisationId, normaliseTeamName(fields.name), fields.kind, fields.parentId],
      );
      return { ok: true as const, value: { id: rows[0]!.id } };
    }),
  );
}

/** Renames a team or department and, for a team, moves it to another department (ORG6, ORG8). */
export async function updateTeam(
  pool: Pool,
  organisationId: string,
  teamId: string,
  fields: { name: string; parentId: string | null },
): Promise<Outcome<null>> {
  const nameProblem = checkTeamName(fields.name);
  if (nameProblem) return refused(nameProblem);
  return withDuplicateName(() =>
    inTransaction(pool, async (client) => {
      const team = await findTeam(client, organisationId, teamId);
      if (!team) return fieldError('form', 'This team is not in your organisation.');
      // A team may keep a parent it had before the rule (imported data) only if unchanged.
      if (team.kind === 'department' || fields.parentId !== team.parentId) {
        const parent = fields.parentId
          ? await findTeam(client, organisationId, fields.parentId)
          : undefined;
        const placement = checkPlacement(team.kind, fields.parentId, parent);
        if (placement) return refused(placement);
      }
      await client.query(
        `UPDATE teams SET name = $3, parent_id = $4 WHERE organisation_id = $1 AND id = $2`,
        [organisationId, teamId, normaliseTeamName(fields.name), fields.parentId],
      );
      return { ok: true as const, value: null };
    }),
  );
}

/**
 * ORG7: deletes a team, first moving its people to `moveToId` when it still has some; a
 * department with teams inside is refused. Returns how many people moved.
 */
export async function deleteTeam(
  pool: Pool,
  organisationId: string,
  teamId: string,
  moveToId: string | null,
): Promise<Outcome<{ moved: number }>> {
  return inTransaction(pool, async (client) => {
    // Locks the team so nobody joins it between the count and the delete.
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM teams WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
      [organisationId, teamId],
    );
    if (!rows[0]) return fieldError('form', 'This team is not in your organisation.');
    const counts = await client.query<{ people: number; teams: number }>(
      `SELECT (SELECT count(*)::int FROM people WHERE organisation_id = $1 AND team_id = $2) AS people,
              (SELECT count(*)::int FROM teams WHERE organisation_id = $1 AND parent_id = $2) AS teams`,
      [organisationId, teamId],
    );
    const { people, teams } = counts.rows[0]!;
    const refusal = checkDeletion(
      { id: teamId, peopleCount: people, childTeamCount: teams },
      people > 0 ? moveToId : null,
    );
    if (refusal) return refused(refusal);
    let moved = 0;
    if (people > 0 && moveToId) {
      if (!(await findTeam(client, organisationId, moveToId))) {
        return fieldError('moveTo', 'Choose a team from the list.');
      }
      const update = await client.query(
        `UPDATE people SET team_id = $3, updated_at = now()
          WHERE organisation_id = $1 AND team_id = $2`,
        [organisationId, teamId, moveToId],
      );
      moved = update.rowCount ?? 0;
    }
    await client.query(`DELETE FROM teams WHERE organisation_id = $1 AND id = $2`, [
      organisationId,
      teamId,
    ]);
    return { ok: true as const, value: { moved } };
  });
}
