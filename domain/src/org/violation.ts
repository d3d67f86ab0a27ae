// A broken organisation rule, as a value: the rule's ID from domain/SPEC.md, a sentence an admin
// can act on, and the form field it belongs to when there is one.

export interface RuleViolation {
  rule: `ORG${number}`;
  message: string;
  field?: string;
}

export function violation(
  rule: RuleViolation['rule'],
  message: string,
  field?: string,
): RuleViolation {
  return field === undefined ? { rule, message } : { rule, message, field };
}

/** Messages by form field; `form` holds a message about the whole form. */
export type FieldErrors = Record<string, string>;

/** What a write returns: its result, or the messages to show next to the form's fields. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function refused(rule: RuleViolation): { ok: false; errors: FieldErrors } {
  return { ok: false, errors: { [rule.field ?? 'form']: rule.message } };
}

export function fieldError(field: string, message: string): { ok: false; errors: FieldErrors } {
  return { ok: false, errors: { [field]: message } };
}
