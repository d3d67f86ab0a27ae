// The goal tree of one cycle: which cycle (GOAL1: one document per organisation and cycle), the
// document's name, and the organisation the edit rules and owner pickers need. The goals
// themselves come from the sync server, not from here.
import { listCycles } from '@threadline/db/cycles';
import { formatDocumentName } from '@threadline/domain/documents/names';
import { isUuid } from '@threadline/domain/ids';
import { chooseCycle } from '$lib/goals/cycle-choice';
import { CACHED_VIEWS_COOKIE, cachedViewKey, hasCachedView } from '$lib/sync/cached-views';
import { loadOrgDirectory } from '$lib/goals/org-directory.server';
import { db } from '$lib/server/db';

export async function load({ parent, url, cookies }) {
  const { person } = await parent();
  const [cycles, directory] = await Promise.all([
    listCycles(db(), person.organisationId),
    loadOrgDirectory(db(), person.organisationId),
  ]);
  const cycle = chooseCycle(cycles, url.searchParams.get('cycle'));
  const documentName = cycle ? formatDocumentName({ kind: 'goals', cycleId: cycle.id }) : null;
  // A device that keeps its own view of the tree draws that, and would leave a preload unused.
  const cachedView =
    documentName !== null &&
    hasCachedView(cookies.get(CACHED_VIEWS_COOKIE), cachedViewKey(person.id, documentName));
  return {
    cycles,
    cycle,
    documentName,
    preloadSnapshot: documentName !== null && !cachedView,
    directory,
    /** `?owner=<person id>`: open the tree filtered to that person's goals (people pages link). */
    ownerFilter: isUuid(url.searchParams.get('owner')) ? url.searchParams.get('owner') : null,
    /** `?goal=<goal id>`: open the tree on that goal (the analytics page's stale goals link). */
    goalToOpen: isUuid(url.searchParams.get('goal')) ? url.searchParams.get('goal') : null,
  };
}
