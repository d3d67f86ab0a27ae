// Accepting an invitation (AUTH6): the person sees which organisation invited them, chooses a
// password (AUTH5) and is signed in.
import { error, fail, redirect } from '@sveltejs/kit';
import {
  acceptInvitation,
  findInvitation,
  type InvitationProblem,
} from '@threadline/db/invitations';
import { hashPassword } from '@threadline/db/passwords';
import { checkNewPassword } from '@threadline/domain/auth/password-policy';
import { DEFAULT_AFTER_SIGN_IN } from '@threadline/domain/auth/redirect-target';
import { dateFormat } from '$lib/format/dates';
import { WELCOME_PARAM } from '$lib/shell/welcome';
import { textField } from '$lib/server/auth/form-fields';
import { startSession } from '$lib/server/auth/start-session';
import { db } from '$lib/server/db';
import { datesLocale } from '$lib/server/request-locale';

/** What each dead link says, with the status that fits: gone for good (410) or never known. */
const PROBLEMS: Record<InvitationProblem, { status: 404 | 410; message: string }> = {
  unknown: {
    status: 404,
    message:
      'This invitation link is not valid. It may be incomplete, or a newer invitation replaced it. Ask your admin for a new link.',
  },
  expired: {
    status: 410,
    message:
      'This invitation link has expired: links work for 7 days. Ask your admin for a new one.',
  },
  used: {
    status: 410,
    message:
      'This invitation link has already been used. Sign in with the password you chose, or ask your admin for a new link.',
  },
  withdrawn: {
    status: 410,
    message: 'This invitation has been withdrawn. Ask your admin if you think this is a mistake.',
  },
};

function refuse(problem: InvitationProblem): never {
  error(PROBLEMS[problem].status, PROBLEMS[problem].message);
}

export async function load({ params, setHeaders, request }) {
  // The token is in the URL: keep the page out of shared caches.
  setHeaders({ 'cache-control': 'no-store' });
  const lookup = await findInvitation(db(), params.token);
  if (lookup.status !== 'valid') refuse(lookup.status);
  const { invitation } = lookup;
  return {
    organisationName: invitation.organisationName,
    name: invitation.name,
    email: invitation.email,
    // Formatted here so the server and the browser render the same text, in the organisation's
    // locale or else the browser's (ORG19).
    expiresOn: dateFormat(datesLocale(invitation.organisationLocale, request) ?? undefined, {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(invitation.expiresAt),
  };
}

export const actions = {
  default: async (event) => {
    const lookup = await findInvitation(db(), event.params.token);
    if (lookup.status !== 'valid') refuse(lookup.status);
    const data = await event.request.formData();
    const password = textField(data, 'password');
    const check = checkNewPassword({
      password,
      confirm: textField(data, 'confirm'),
      email: lookup.invitation.email,
    });
    if (!check.ok) return fail(400, { errors: check.errors });

    const accepted = await acceptInvitation(db(), event.params.token, await hashPassword(password));
    // Someone else used the link between the check above and now.
    if (!accepted.ok) refuse(accepted.problem);
    await startSession(event, accepted.person);
    // A first visit: the goals page greets them and points at their own goals (WelcomePanel).
    redirect(303, `${DEFAULT_AFTER_SIGN_IN}?${WELCOME_PARAM}=1`);
  },
};
