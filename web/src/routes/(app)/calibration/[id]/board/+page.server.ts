// A session's live board (CAL15): shown only to whom its socket opens (document-access.ts) — the
// participants and admins once the session is in session or finalized — with what the player
// cards show of each person calibrated (CAL42).
import { error } from '@sveltejs/kit';
import { sessionPayContext } from '@threadline/db/calibration-pay';
import { listPlayers } from '@threadline/db/calibration-players';
import { getSession, participantRole } from '@threadline/db/calibration-sessions';
import { receivesPay } from '@threadline/domain/calibration/merit/access';
import { formatDocumentName } from '@threadline/domain/documents/names';
import { readableDocument } from '$lib/server/document-access';
import { db } from '$lib/server/db';

export async function load({ locals, params }) {
  const person = locals.person!;
  const session = await getSession(db(), person.organisationId, params.id);
  if (!session) error(404, 'There is no such calibration session in your organisation.');
  const name = formatDocumentName({ kind: 'calibration', sessionId: session.id });
  if (!(await readableDocument(db(), person, name))) {
    if (session.status === 'draft' || session.status === 'proposals') {
      error(409, 'The board opens when the session starts.');
    }
    error(403, 'Only the session’s participants and administrators can open its board.');
  }
  const [players, role, pay] = await Promise.all([
    listPlayers(db(), person.organisationId, session.id, session.cycleId),
    participantRole(db(), person.organisationId, session.id, person.id),
    sessionPayContext(db(), person.organisationId, session.id, person.id),
  ]);
  const names: Record<string, string> = {};
  for (const someone of [...session.population, ...session.participants]) {
    names[someone.id] = someone.name;
  }
  for (const player of players) {
    if (player.managerId && player.managerName) names[player.managerId] = player.managerName;
  }
  return {
    session: {
      id: session.id,
      name: session.name,
      status: session.status,
      cycleName: session.cycleName,
      scale: session.scale,
      bands: session.performanceBands,
      guideline: session.guideline,
    },
    players,
    names,
    writable: role !== null && session.status === 'in_session',
    // CAL49: the facilitator runs the session; administrators see what they see.
    showFlagList: role === 'facilitator' || person.role === 'admin',
    /** CAL76: only whether the Pay view is mounted; the figures never travel in page data. */
    seesPay: pay !== undefined && receivesPay(pay.reader),
  };
}
