// Changing one's own password (AUTH7). The (app) layout has already required a signed-in person.
import { error, fail } from '@sveltejs/kit';
import { changePassword, checkCurrentPassword } from '@threadline/db/accounts';
import { hashPassword } from '@threadline/db/passwords';
import { checkNewPassword, type PasswordErrors } from '@threadline/domain/auth/password-policy';
import { textField } from '$lib/server/auth/form-fields';
import { loginThrottle } from '$lib/server/auth/login-throttle';
import { db } from '$lib/server/db';

/** One shape for every refusal, so the page reads each field's error the same way. */
function refuse(status: 400 | 429, errors: PasswordErrors & { current?: string }) {
  return fail(status, { errors });
}

export const actions = {
  default: async (event) => {
    const { person, session } = event.locals;
    if (!person || !session) error(401, 'Sign in to change your password.');
    const data = await event.request.formData();
    const current = textField(data, 'current');
    const password = textField(data, 'password');

    const check = checkNewPassword({
      password,
      confirm: textField(data, 'confirm'),
      email: person.email,
      currentPassword: current,
    });
    if (!check.ok) return refuse(400, check.errors);

    // The current password is a guessable secret like a sign-in, so a borrowed session could
    // brute-force it here: the same throttle counts these failures against the account.
    const ip = event.getClientAddress();
    const verdict = await loginThrottle.check(person.email, ip);
    if (verdict.blocked) return refuse(429, { current: verdict.message });
    if (!(await checkCurrentPassword(db(), person, current))) {
      await loginThrottle.recordFailure(person.email, ip);
      return refuse(400, { current: 'Your current password is not correct.' });
    }

    await changePassword(db(), person, await hashPassword(password), session.id);
    return { changed: true };
  },
};
