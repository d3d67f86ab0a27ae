// The calibration sessions a person takes part in or proposes for; admins see all (CAL40).
import { listSessionsFor } from '@threadline/db/calibration-sessions';
import { requireSignedIn } from '$lib/calibration/access.server';
import { db } from '$lib/server/db';

export async function load({ locals }) {
  const person = requireSignedIn(locals);
  return {
    sessions: await listSessionsFor(db(), person.organisationId, {
      id: person.id,
      role: person.role,
    }),
  };
}
