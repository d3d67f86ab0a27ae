// A board's replay (CAL26, CAL46): the 9-box as it was at any moment the board changed, for whom
// the board itself opens (its socket's rule, document-access.ts): 404 for no such session here,
// 409 before the board exists, 403 to anyone else.
import { error } from '@sveltejs/kit';
import { getSession } from '@threadline/db/calibration-sessions';
import { formatDocumentName } from '@threadline/domain/documents/names';
import { isUuid } from '@threadline/domain/ids';
import { boardReplay } from '$lib/calibration/replay.server';
import { readableDocument } from '$lib/server/document-access';
import { db } from '$lib/server/db';

export async function load({ locals, params, url }) {
  const person = locals.person!;
  const missing = 'There is no such calibration session in your organisation.';
  if (!isUuid(params.id)) error(404, missing);
  const session = await getSession(db(), person.organisationId, params.id);
  if (!session) error(404, missing);
  const name = formatDocumentName({ kind: 'calibration', sessionId: session.id });
  const readable = await readableDocument(db(), person, name);
  if (!readable) {
    if (session.status === 'draft' || session.status === 'proposals') {
      error(409, 'The replay opens when the session starts.');
    }
    error(403, 'Only the session’s participants and administrators can replay its board.');
  }
  const names: Record<string, string> = {};
  for (const someone of [...session.population, ...session.participants]) {
    names[someone.id] = someone.name;
  }
  const config = { scale: session.scale, bands: session.performanceBands };
  return {
    session: { id: session.id, name: session.name, scale: session.scale },
    names,
    replay: await boardReplay(db(), readable.key, config, url.searchParams.get('at')),
  };
}
