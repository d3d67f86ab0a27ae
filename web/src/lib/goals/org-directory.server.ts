// Reads the organisation's people and teams for the goal tree page (org-directory.ts). Two
// parameterised queries, both scoped by organisation.
import type { Queryable } from '@threadline/db';
import type { DirectoryPerson, DirectoryTeam, OrgDirectory } from './org-directory.ts';

export async function loadOrgDirectory(
  db: Queryable,
  organisationId: string,
): Promise<OrgDirectory> {
  const [people, teams] = await Promise.all([
    db.query<{
      id: string;
      name: string;
      manager_id: string | null;
      team_id: string | null;
      status: DirectoryPerson['status'];
      role: DirectoryPerson['role'];
    }>(
      `SELECT id, name, manager_id, team_id, status, role FROM people
        WHERE organisation_id = $1
        ORDER BY lower(name), id`,
      [organisationId],
    ),
    db.query<{ id: string; name: string; kind: DirectoryTeam['kind']; parent_id: string | null }>(
      `SELECT id, name, kind, parent_id FROM teams
        WHERE organisation_id = $1
        ORDER BY lower(name), id`,
      [organisationId],
    ),
  ]);
  return {
    people: people.rows.map((row) => ({
      id: row.id,
      name: row.name,
      managerId: row.manager_id,
      teamId: row.team_id,
      status: row.status,
      role: row.role,
    })),
    teams: teams.rows.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      parentId: row.parent_id,
    })),
  };
}
