// A session's printable report (CAL81): the distribution against the guideline, the 9-box counts
// and the board's signals (flags, manager skew, group gaps: CAL48–CAL58), read from the board's log, for whom the board itself opens (document-access.ts): 404 for
// no such session here, 409 before the board exists, 403 to anyone else. No pay: a report is
// printed and passed around.
import { error } from '@sveltejs/kit';
import { readBoard } from '@threadline/db/calibration-board';
import { listPlayers } from '@threadline/db/calibration-players';
import { getSession } from '@threadline/db/calibration-sessions';
import { boardCards, movesInOrder } from '@threadline/domain/calibration/board';
import { reportDistribution } from '@threadline/domain/calibration/report';
import { boardSignals } from '@threadline/domain/calibration/signals/index';
import { signalPeople } from '@threadline/domain/calibration/signals/input';
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
  const players = await listPlayers(db(), person.organisationId, session.id, session.cycleId);
  const names: Record<string, string> = {};
  for (const player of players) {
    names[player.id] = player.name;
    if (player.managerId && player.managerName) names[player.managerId] = player.managerName;
  }
  const signals = boardSignals({
    cards: cards.values(),
    people: signalPeople(players),
    config: { ...config, guideline: session.guideline },
    today: new Date().toISOString().slice(0, 10),
  });
  return {
    session: {
      id: session.id,
      name: session.name,
      status: session.status,
      cycleName: session.cycleName,
      population: session.population.length,
    },
    scale: session.scale,
    distribution: reportDistribution(cards.values(), session.scale, session.guideline),
    conflicts: signals.conflicts,
    skew: signals.skew,
    groups: signals.groups,
    names,
    moves: movesInOrder(board).length,
    at: new Date().toISOString(),
  };
}
