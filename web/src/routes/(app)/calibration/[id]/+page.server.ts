// A session's page (CAL41): its state and history, configuration and people, the state changes
// the viewer may make (CAL7, CAL9) and, for facilitators and admins, the missing proposals.
import { fail } from '@sveltejs/kit';
import { openProposals } from '@threadline/db/calibration-sessions';
import { requireSessionReader, requireSignedIn } from '$lib/calibration/access.server';
import { db } from '$lib/server/db';

export async function load({ locals, params }) {
  const { session, role, isAdmin } = await requireSessionReader(locals, params.id);
  return { session, role, isAdmin };
}

export const actions = {
  openProposals: async ({ locals, params }) => {
    const person = requireSignedIn(locals);
    const outcome = await openProposals(db(), person.organisationId, params.id, {
      id: person.id,
      role: person.role,
    });
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    return { changed: 'proposals' };
  },
};
