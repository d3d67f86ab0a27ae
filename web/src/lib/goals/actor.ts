// The signed-in person as the goal edit rules see them (GOAL16, GOAL17), built from the page's
// directory. It mirrors the sync server's reading of the same tables (SYNC22,
// sync-server/src/documents/goal-actor.ts) so the UI shows read-only exactly what the server would
// refuse: leaders are the head of the reporting lines and the managers reporting to the head.
import type { Actor } from '@threadline/domain/goals/permissions';
import type { Directory, PersonRole } from './org-directory.ts';

export function actorFor(directory: Directory, personId: string, role: PersonRole): Actor {
  const me = directory.person(personId);
  const directReportIds = new Set(directory.directReports(personId));
  const managerId = me?.managerId ?? null;
  const isHead = me !== undefined && managerId === null;
  const reportsToHead = managerId !== null && directory.person(managerId)?.managerId === null;
  return {
    personId,
    isAdmin: role === 'admin',
    isLeader: directReportIds.size > 0 && (isHead || reportsToHead),
    teamIds: new Set(me?.teamId ? [me.teamId] : []),
    reportIds: directory.allReports(personId),
    directReportIds,
  };
}
