// A series' agenda as it was at any time (ONE16, ONE17): for whoever may read the series (its
// agenda's own access rule, as the series page and its socket apply it), 404 when there is no such
// series here, 403 when there is but not for this person.
import { error } from '@sveltejs/kit';
import { seriesById } from '@threadline/db/one-on-ones';
import { formatDocumentName } from '@threadline/domain/documents/names';
import { isUuid } from '@threadline/domain/ids';
import { agendaHistory } from '$lib/one-on-ones/history.server';
import { readableDocument } from '$lib/server/document-access';
import { db } from '$lib/server/db';

export async function load({ locals, params, url }) {
  const person = locals.person!;
  if (!isUuid(params.seriesId)) error(404, 'There is no such 1:1 series.');
  const series = await seriesById(db(), person.organisationId, params.seriesId);
  if (!series) error(404, 'There is no such 1:1 series.');
  const name = formatDocumentName({ kind: 'one-on-one', seriesId: series.id });
  const readable = await readableDocument(db(), person, name);
  if (!readable) error(403, 'This 1:1 is between two other people.');
  const version = Number.parseInt(url.searchParams.get('version') ?? '', 10);
  const meeting = url.searchParams.get('meeting');
  return {
    series,
    history: await agendaHistory(
      db(),
      readable.key,
      Number.isSafeInteger(version) ? version : null,
      meeting,
    ),
  };
}
