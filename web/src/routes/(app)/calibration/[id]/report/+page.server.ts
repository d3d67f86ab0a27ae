// A session's printable report (CAL81): the distribution against the guideline and the 9-box
// counts, read from the board's log, for whom the board itself opens (document-access.ts): 404 for
// no such session here, 409 before the board exists, 403 to anyone else. No pay: a report is
// printed and passed around.
import { error } from '@sveltejs/kit';
import { readBoard } from '@threadline/db/calibration-board';
import { getSession } from '@threadline/db/calibration-sessions';
import { boardCards, movesInOrder } from '@threadline/domain/calibration/board';
import { reportDistribution } from '@threadline/domain/calibration/report';
import { formatDocumentName } from '@threadline/domain/documents/names';
import { isUuid } from '@threadline/domain/ids';
import { readableDocument } from '$lib/server/document-access';
import { db } from '$lib/server/db';

export async function load({ locals, params }) {
  const person = locals.person!;
  const missing = 'There is no such calibration session in your organisation.';
  if (!isUuid(params.id)) error(404, missing);
  const session = await getSession(db(), person.organisationId, params.id);
  if (!session) error(404, missing);
  const name = formatDocumentName({ kind: 'calibration', sessionId: session.id });
  if (!(await readableDocument(db(), person, name))) {
    if (session.status === 'draft' || session.status === 'proposals') {
      error(409, 'The report is ready once the session starts.');
    }
    error(403, 'Only the session’s participants and administrators can read its report.');
  }
  const config = { scale: session.scale, bands: session.performanceBands };
  const board = await readBoard(db(), person.organisationId, session.id);
  const cards = boardCards(board, config);
  return {
    session: {
      id: session.id,
      name: session.name,
      status: session.status,
      cycleName: session.cycleName,
      population: session.population.length,
    },
    distribution: reportDistribution(cards.values(), session.scale, session.guideline),
    moves: movesInOrder(board).length,
    at: new Date().toISOString(),
  };
}
