import { describe, expect, it } from 'vitest';
import { checkNewPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.ts';

const email = 'ada@example.test';

describe('new password policy', () => {
  it('[AUTH5] accepts a password of 10 characters that matches its confirmation', () => {
    expect(checkNewPassword({ password: 'abcdefghij', confirm: 'abcdefghij', email })).toEqual({
      ok: true,
    });
  });

  it('[AUTH5] refuses a password shorter than 10 characters', () => {
    const result = checkNewPassword({ password: 'abcdefghi', confirm: 'abcdefghi', email });
    expect(result).toEqual({ ok: false, errors: { password: 'Use at least 10 characters.' } });
    expect(PASSWORD_MIN_LENGTH).toBe(10);
  });

  it('[AUTH5] counts characters, not UTF-16 units: five emoji are five characters', () => {
    const password = '🔑🔑🔑🔑🔑';
    expect(password.length).toBe(10);
    expect(checkNewPassword({ password, confirm: password, email })).toEqual({
      ok: false,
      errors: { password: 'Use at least 10 characters.' },
    });
  });

  it('[AUTH5] accepts 256 characters and refuses 257', () => {
    const longest = 'x'.repeat(PASSWORD_MAX_LENGTH);
    expect(checkNewPassword({ password: longest, confirm: longest, email }).ok).toBe(true);
    const tooLong = `${longest}x`;
    expect(checkNewPassword({ password: tooLong, confirm: tooLong, email })).toEqual({
      ok: false,
      errors: { password: 'Use at most 256 characters.' },
    });
  });

  it('[AUTH5] refuses the account email as the password, whatever its case', () => {
    const password = 'ADA@Example.test';
    expect(checkNewPassword({ password, confirm: password, email })).toEqual({
      ok: false,
      errors: { password: 'Do not use your email address as your password.' },
    });
  });

  it('[AUTH5] reports a confirmation that does not match', () => {
    expect(
      checkNewPassword({ password: 'correct horse', confirm: 'correct h0rse', email }),
    ).toEqual({ ok: false, errors: { confirm: 'The two passwords do not match.' } });
  });

  it('[AUTH5] reports both a too-short password and a mismatched confirmation at once', () => {
    expect(checkNewPassword({ password: 'short', confirm: '', email })).toEqual({
      ok: false,
      errors: {
        password: 'Use at least 10 characters.',
        confirm: 'The two passwords do not match.',
      },
    });
  });

  it('[AUTH7] refuses a new password equal to the current one on a change', () => {
    const password = 'the same passphrase';
    expect(
      checkNewPassword({ password, confirm: password, email, currentPassword: password }),
    ).toEqual({
      ok: false,
      errors: { password: 'Choose a password different from your current one.' },
    });
  });
});
