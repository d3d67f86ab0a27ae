// ORG19: the organisation's locale for dates. A tag is accepted only when it is a well-formed BCP 47
// tag (Intl.getCanonicalLocales) that this runtime can format dates in, and is kept canonical
// (en-gb → en-GB), so the server and every browser read the same format from it.
import { fieldError, type Outcome } from './violation.ts';

/** Tags offered on the settings page; any other well-formed, supported tag is accepted too. */
export const SUGGESTED_LOCALES = [
  'en-GB',
  'en-US',
  'en-IE',
  'en-AU',
  'de-DE',
  'fr-FR',
  'es-ES',
  'es-MX',
  'it-IT',
  'nl-NL',
  'pt-BR',
  'pl-PL',
  'sv-SE',
  'ja-JP',
] as const;

const EXAMPLE = 'Write a language tag such as en-GB, de-DE or fr-FR.';

/**
 * The locale typed in a form: null for an empty field (each reader's browser language), the
 * canonical tag, or the message to show beside the field.
 */
export function parseLocale(input: string, field = 'locale'): Outcome<string | null> {
  const typed = input.trim();
  if (typed === '') return { ok: true, value: null };
  let canonical: string;
  try {
    const [first] = Intl.getCanonicalLocales(typed);
    if (first === undefined) return fieldError(field, EXAMPLE);
    canonical = first;
  } catch {
    return fieldError(field, `“${typed}” is not a language tag. ${EXAMPLE}`);
  }
  if (canonical.length > 64) return fieldError(field, `“${typed}” is too long. ${EXAMPLE}`);
  if (Intl.DateTimeFormat.supportedLocalesOf([canonical]).length === 0) {
    return fieldError(field, `Dates cannot be written in “${canonical}” here. ${EXAMPLE}`);
  }
  return { ok: true, value: canonical };
}
