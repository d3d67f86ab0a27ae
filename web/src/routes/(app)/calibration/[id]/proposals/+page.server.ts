// A manager's proposals for their direct reports in one session (CAL10–CAL12): shown only to whom
// the document's socket opens (document-access.ts), 404 for no such session here.
import { error } from '@sveltejs/kit';
import { getSession } from '@threadline/db/calibration-sessions';
import { formatDocumentName } from '@threadline/domain/documents/names';
import { readableDocument } from '$lib/server/document-access';
import { db } from '$lib/server/db';

export async function load({ locals, params }) {
  const person = locals.person!;
  const session = await getSession(db(), person.organisationId, params.id);
  if (!session) error(404, 'There is no such calibration session in your organisation.');
  const name = formatDocumentName({
    kind: 'calibration-proposals',
    sessionId: session.id,
    managerId: person.id,
  });
  if (!(await readableDocument(db(), person, name))) {
    error(403, 'You have no proposals to make in this session: none of your reports is in it.');
  }
  return {
    session: {
      id: session.id,
      name: session.name,
      status: session.status,
      cycleName: session.cycleName,
      scale: session.scale,
    },
    reports: session.population
      .filter((member) => member.managerId === person.id)
      .map(({ id, name: reportName, title }) => ({ id, name: reportName, title })),
  };
}
