// Small directories for the goal UI's unit tests (goal trees: treeDoc in domain/goals/testing).
import { uuid } from '@threadline/domain/goals/testing';
import { Directory, type DirectoryPerson } from './org-directory.ts';

/** A directory from [id number, manager id number or null, team] rows. */
export function directoryOf(
  rows: readonly [number, number | null, string | null][],
  extra: Partial<DirectoryPerson> = {},
): Directory {
  return new Directory({
    people: rows.map(([id, manager, team]) => ({
      id: uuid(id),
      name: `Person ${id}`,
      managerId: manager === null ? null : uuid(manager),
      teamId: team,
      status: 'active',
      role: 'member',
      ...extra,
    })),
    teams: [],
  });
}
