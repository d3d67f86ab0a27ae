// NUD20: the signed-in person mutes or unmutes each kind of nudge for themselves.
import { error } from '@sveltejs/kit';
import { mutedKinds, setMutedKinds } from '@threadline/db/notifications';
import { isNudgeKind, NUDGE_KINDS } from '@threadline/domain/notifications/model';
import { db } from '$lib/server/db';

export async function load({ locals }) {
  // The (app) layout has already sent anyone signed out to sign in.
  return { muted: await mutedKinds(db(), locals.person!) };
}

export const actions = {
  default: async ({ locals, request }) => {
    const person = locals.person;
    if (!person) error(401, 'Sign in to change your notification settings.');
    const form = await request.formData();
    // A checked box means "notify me": the kinds left unchecked are muted.
    const wanted = new Set(form.getAll('notify').filter(isNudgeKind));
    await setMutedKinds(
      db(),
      person,
      NUDGE_KINDS.filter((kind) => !wanted.has(kind)),
    );
    return { saved: true };
  },
};
