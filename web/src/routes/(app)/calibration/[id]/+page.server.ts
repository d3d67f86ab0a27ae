// A session's page (CAL41): its state and history, configuration and people, the state changes
// the viewer may make (CAL7, CAL9, CAL16, CAL24, CAL25) and, for facilitators and admins once
// proposals are open, the missing proposals.
import { error, fail } from '@sveltejs/kit';
import { finalizeSession, reopenSession, startSession } from '@threadline/db/calibration-board';
import {
  payViewers,
  saveMeritSettings,
  sessionPayContext,
  setPayViewers,
} from '@threadline/db/calibration-pay';
import { choosesPayViewers, editsMerit } from '@threadline/domain/calibration/merit/access';
import { parseMeritSettings } from '@threadline/domain/calibration/merit/matrix';
import { missingProposals, openProposals } from '@threadline/db/calibration-sessions';
import { requireSessionReader, requireSignedIn } from '$lib/calibration/access.server';
import { db } from '$lib/server/db';

export async function load({ locals, params }) {
  const { session, role, isAdmin } = await requireSessionReader(locals, params.id);
  const showMissing = (isAdmin || role === 'facilitator') && session.status !== 'draft';
  const organisationId = locals.person!.organisationId;
  const pay = (await sessionPayContext(db(), organisationId, session.id, locals.person!.id))!;
  const chooses = choosesPayViewers(pay.reader);
  return {
    session,
    role,
    isAdmin,
    /** CAL72–CAL78: percents only; pay itself is never in this page's data. */
    merit: {
      settings: pay.merit,
      editable: editsMerit(pay.reader, pay.status),
      choosesViewers: chooses,
      viewers: chooses ? await payViewers(db(), organisationId, session.id) : null,
    },
    missing: showMissing
      ? await missingProposals(db(), locals.person!.organisationId, session.id)
      : null,
  };
}

/** A facilitator's change of state: the person, or the 403 a non-participant gets. */
async function facilitatorChange(locals: App.Locals, sessionId: string) {
  const { person } = await requireSessionReader(locals, sessionId);
  return { organisationId: person.organisationId, sessionId, personId: person.id };
}

export const actions = {
  saveMerit: async ({ locals, params, request }) => {
    const { person, session } = await requireSessionReader(locals, params.id);
    const form = await request.formData();
    const parsed = parseMeritSettings((field) => String(form.get(field) ?? ''), session.scale);
    if (!parsed.ok) return fail(400, { errors: parsed.errors });
    const outcome = await saveMeritSettings(
      db(),
      person.organisationId,
      session.id,
      person.id,
      parsed.value,
    );
    if ('forbidden' in outcome) error(403, outcome.errors.form);
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    return { merit: 'saved' };
  },
  payViewers: async ({ locals, params, request }) => {
    const { person, session } = await requireSessionReader(locals, params.id);
    const chosen = (await request.formData()).getAll('seesPay').map(String);
    const outcome = await setPayViewers(db(), person.organisationId, session.id, person.id, chosen);
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    return { payViewers: 'saved' };
  },
  openProposals: async ({ locals, params }) => {
    const person = requireSignedIn(locals);
    const outcome = await openProposals(db(), person.organisationId, params.id, {
      id: person.id,
      role: person.role,
    });
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    return { changed: 'proposals' };
  },
  start: async ({ locals, params }) => {
    const outcome = await startSession(db(), await facilitatorChange(locals, params.id));
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    return { changed: 'in_session' };
  },
  finalize: async ({ locals, params }) => {
    const outcome = await finalizeSession(db(), await facilitatorChange(locals, params.id));
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    return { changed: 'finalized' };
  },
  reopen: async ({ locals, params, request }) => {
    const reason = String((await request.formData()).get('reason') ?? '');
    const change = await facilitatorChange(locals, params.id);
    const outcome = await reopenSession(db(), { ...change, reason });
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    return { changed: 'in_session' };
  },
};
