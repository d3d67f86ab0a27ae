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
