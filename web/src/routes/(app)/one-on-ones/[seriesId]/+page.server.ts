// One 1:1 series: shown only to whom its agenda's socket opens (ONE2–ONE4, document-access.ts),
// 404 when there is no such series here, 403 when there is but not for this person.
import { error } from '@sveltejs/kit';
import { listSkills } from '@threadline/db/development';
import { hrMayReadOneOnOnes, seriesById } from '@threadline/db/one-on-ones';
import { trackGoals } from '@threadline/db/one-on-one-track';
import { formatDocumentName } from '@threadline/domain/documents/names';
import { isUuid } from '@threadline/domain/ids';
import { agendaAccess } from '@threadline/domain/one-on-ones/access';
import { todayOf } from '$lib/one-on-ones/dates';
import { readableDocument } from '$lib/server/document-access';
import { CACHED_VIEWS_COOKIE, cachedViewKey, hasCachedView } from '$lib/sync/cached-views';
import { db } from '$lib/server/db';

export async function load({ locals, params, cookies }) {
  const person = locals.person!;
  if (!isUuid(params.seriesId)) error(404, 'There is no such 1:1 series.');
  const [series, hrMayRead] = await Promise.all([
    seriesById(db(), person.organisationId, params.seriesId),
    hrMayReadOneOnOnes(db(), person.organisationId),
  ]);
  if (!series) error(404, 'There is no such 1:1 series.');
  const name = formatDocumentName({ kind: 'one-on-one', seriesId: series.id });
  const readable = await readableDocument(db(), person, name);
  const mode = agendaAccess({ personId: person.id, isAdmin: person.role === 'admin' }, series, {
    hrMayReadAgendas: hrMayRead,
  });
  if (!readable || !mode) error(403, 'This 1:1 is between two other people.');
  const member = series.managerId === person.id || series.employeeId === person.id;
  // ONE41: the employee's development plan shows in Achieve to the employee and their current
  // manager (the plan's own access rule: a former manager reading an ended series sees none).
  const plan = member
    ? await readableDocument(
        db(),
        person,
        formatDocumentName({ kind: 'development-plan', personId: series.employeeId }),
      )
    : null;
  // ONE21: the employee's goals from the projection (the page never loads the goal tree).
  const goals = await trackGoals(db(), person.organisationId, series.employeeId);
  // A device that keeps the agenda draws it from IndexedDB; others preload its snapshot (SYNC27).
  const keepsAgenda = hasCachedView(
    cookies.get(CACHED_VIEWS_COOKIE),
    cachedViewKey(person.id, name),
  );
  return {
    skills: plan ? await listSkills(db(), person.organisationId) : null,
    goals,
    agendaDocument: name,
    preloadAgenda: !keepsAgenda,
    series,
    today: todayOf(new Date()),
    member,
    isEmployee: series.employeeId === person.id,
    writable: mode === 'read-write',
    /** ONE4: both members are told when HR may read their shared agenda. */
    hrMayRead: member && hrMayRead,
  };
}
