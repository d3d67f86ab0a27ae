// The calibration sessions a person takes part in or proposes for; admins see all (CAL40); the
// published ratings they may see: their own and their reports' (CAL45).
import { listSessionsFor, publishedRatingsFor } from '@threadline/db/calibration-sessions';
import { requireSignedIn } from '$lib/calibration/access.server';
import { db } from '$lib/server/db';

export async function load({ locals }) {
  const person = requireSignedIn(locals);
  const [sessions, published] = await Promise.all([
    listSessionsFor(db(), person.organisationId, { id: person.id, role: person.role }),
    publishedRatingsFor(db(), person.organisationId, person.id),
  ]);
  return { sessions, published };
}
