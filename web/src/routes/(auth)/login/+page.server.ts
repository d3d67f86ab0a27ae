import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { verifyCredentials } from '@threadline/db/accounts';
import { DEMO_PASSWORD, listDemoAccounts } from '@threadline/db/demo';
import { safeRedirectTarget } from '@threadline/domain/auth/redirect-target';
import { textField } from '$lib/server/auth/form-fields';
import { loginThrottle } from '$lib/server/auth/login-throttle';
import { startSession } from '$lib/server/auth/start-session';
import { db } from '$lib/server/db';

/** One message for every wrong combination (AUTH3), so it never says which emails exist. */
const INCORRECT = 'Email or password is incorrect.';

export async function load({ locals, url }) {
  if (locals.person) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
  const demoAccounts = await listDemoAccounts(db());
  return {
    demoAccounts,
    // The demo password is public (README), and shown only while a demo organisation exists.
    demoPassword: demoAccounts.length > 0 ? DEMO_PASSWORD : null,
  };
}

/** Throttle, verify, start the session and leave (AUTH3, AUTH4, AUTH8). */
async function signIn(event: RequestEvent, email: string, password: string) {
  const ip = event.getClientAddress();
  const verdict = await loginThrottle.check(email, ip);
  if (verdict.blocked) {
    event.setHeaders({ 'retry-after': String(verdict.retryAfterSeconds) });
    return fail(429, { email, message: verdict.message });
  }
  const person = await verifyCredentials(db(), email, password);
  if (!person) {
    await loginThrottle.recordFailure(email, ip);
    return fail(400, { email, message: INCORRECT });
  }
  await loginThrottle.recordSuccess(email);
  await startSession(event, person);
  redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo')));
}

export const actions = {
  // One action for both forms, so each posts to this page's own URL and keeps its redirectTo.
  default: async (event) => {
    const data = await event.request.formData();
    const email = textField(data, 'email').trim();
    if (data.has('demo')) {
      // "Sign in as …" on a listed demo account: only those accounts, with the demo password.
      const demoAccounts = await listDemoAccounts(db());
      if (!demoAccounts.some((account) => account.email === email.toLowerCase())) {
        return fail(400, { email: '', message: 'That demo account is not available.' });
      }
      return signIn(event, email, DEMO_PASSWORD);
    }
    const password = textField(data, 'password');
    if (!email || !password) {
      return fail(400, { email, message: 'Enter your email and password.' });
    }
    return signIn(event, email, password);
  },
};
