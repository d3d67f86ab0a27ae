// The rules a new password must meet (SPEC AUTH5). Shared by the invitation page and the
// password-change page so both say the same thing in the same words.

export const PASSWORD_MIN_LENGTH = 10;
/** Long passphrases are welcome; the cap only keeps argon2 from hashing megabytes. */
export const PASSWORD_MAX_LENGTH = 256;

export interface NewPasswordInput {
  password: string;
  confirm: string;
  /** The account's email: a password equal to it is the first thing anyone would try. */
  email: string;
  /** On a password change, the password being replaced. */
  currentPassword?: string;
}

export interface PasswordErrors {
  password?: string;
  confirm?: string;
}

export type PasswordCheck = { ok: true } | { ok: false; errors: PasswordErrors };

/** Length in characters as a person counts them (an emoji is one), not in UTF-16 units. */
function characterCount(text: string): number {
  return [...text].length;
}

export function checkNewPassword(input: NewPasswordInput): PasswordCheck {
  const errors: PasswordErrors = {};
  const length = characterCount(input.password);
  if (length < PASSWORD_MIN_LENGTH) {
    errors.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  } else if (length > PASSWORD_MAX_LENGTH) {
    errors.password = `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  } else if (input.password.trim().toLowerCase() === input.email.trim().toLowerCase()) {
    errors.password = 'Do not use your email address as your password.';
  } else if (input.currentPassword !== undefined && input.password === input.currentPassword) {
    errors.password = 'Choose a password different from your current one.';
  }
  if (input.confirm !== input.password) {
    errors.confirm = 'The two passwords do not match.';
  }
  return errors.password || errors.confirm ? { ok: false, errors } : { ok: true };
}
