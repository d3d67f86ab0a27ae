// Who may see and change calibration sessions (CAL40, CAL41). Form actions run without layout
// loads, so each of them calls its guard itself.
import { error } from '@sveltejs/kit';
import type { SessionPerson } from '@threadline/db';
import {
  getSession,
  participantRole,
  type SessionDetail,
} from '@threadline/db/calibration-sessions';
import type { ParticipantRole } from '@threadline/domain/calibration/session-config';
import { db } from '$lib/server/db';

export const ADMINS_ONLY = 'Only administrators can create and edit calibration sessions.';

export function requireSignedIn(locals: App.Locals): SessionPerson {
  if (!locals.person) error(401, 'Sign in to see calibration sessions.');
  return locals.person;
}

export function requireCalibrationAdmin(locals: App.Locals): SessionPerson {
  const person = requireSignedIn(locals);
  if (person.role !== 'admin') error(403, ADMINS_ONLY);
  return person;
}

export interface SessionAccess {
  person: SessionPerson;
  session: SessionDetail;
  role: ParticipantRole | null;
  isAdmin: boolean;
}

/** CAL41: the session's page is for administrators and its participants; 404 for others' ids. */
export async function requireSessionReader(
  locals: App.Locals,
  sessionId: string,
): Promise<SessionAccess> {
  const person = requireSignedIn(locals);
  const session = await getSession(db(), person.organisationId, sessionId);
  if (!session) error(404, 'There is no such calibration session in your organisation.');
  const role = await participantRole(db(), person.organisationId, session.id, person.id);
  const isAdmin = person.role === 'admin';
  if (!isAdmin && role === null) {
    error(403, 'Only administrators and the session’s participants can open this session.');
  }
  return { person, session, role, isAdmin };
}
