// The signed-in person as the goal edit rules see them (GOAL16, GOAL17), built from the page's
// directory. The sync server builds the same from the organisation's tables (SYNC22,
// sync-server/src/documents/goals/actor.ts); both decide who leads with the domain's rule (GOAL26),
// so the UI shows read-only exactly what the server would refuse.
import { isLeader } from '@threadline/domain/goals/leaders';
import type { Actor } from '@threadline/domain/goals/permissions';
import type { Directory, PersonRole } from './org-directory.ts';

export function actorFor(directory: Directory, personId: string, role: PersonRole): Actor {
  const me = directory.person(personId);
  const directReportIds = new Set(directory.directReports(personId));
  const managerId = me?.managerId ?? null;
  const manager = directory.person(managerId);
  return {
    personId,
    isAdmin: role === 'admin',
    isLeader:
      me !== undefined &&
      isLeader({
        hasManager: managerId !== null,
        managerHasManager: manager === undefined ? null : manager.managerId !== null,
        directReportCount: directReportIds.size,
      }),
    teamIds: new Set(me?.teamId ? [me.teamId] : []),
    reportIds: directory.allReports(personId),
    directReportIds,
  };
}
