import { describe, expect, it } from 'vitest';
import { parseLocale } from './locale.ts';

describe('organisation locale', () => {
  it('[ORG19] keeps a well-formed tag in its canonical spelling', () => {
    expect(parseLocale(' en-gb ')).toEqual({ ok: true, value: 'en-GB' });
    expect(parseLocale('DE')).toEqual({ ok: true, value: 'de' });
  });

  it('[ORG19] an empty field leaves each reader’s browser language', () => {
    expect(parseLocale('')).toEqual({ ok: true, value: null });
    expect(parseLocale('   ')).toEqual({ ok: true, value: null });
  });

  it('[ORG19] refuses what is not a language tag, saying how to write one', () => {
    expect(parseLocale('en_GB')).toEqual({
      ok: false,
      errors: {
        locale:
          '“en_GB” is not a language tag. Write a language tag such as en-GB, de-DE or fr-FR.',
      },
    });
  });

  it('[ORG19] refuses a well-formed tag no date can be written in', () => {
    expect(parseLocale('zz-ZZ')).toEqual({
      ok: false,
      errors: {
        locale:
          'Dates cannot be written in “zz-ZZ” here. Write a language tag such as en-GB, de-DE or fr-FR.',
      },
    });
  });
});
