// Goal cycles ("2026 H2"): dates and the single active cycle (ORG9, ORG10).
import { z } from 'zod';
import { isCalendarDate } from './calendar-date.ts';
import { violation, type RuleViolation } from './violation.ts';

export type CycleStatus = 'planned' | 'active' | 'closed';
export const CYCLE_STATUSES: readonly CycleStatus[] = ['planned', 'active', 'closed'];

export interface CycleFields {
  name: string;
  startsOn: string;
  endsOn: string;
  status: CycleStatus;
}

const cycleSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the cycle a name.')
    .max(100, 'Keep the name under 100 characters.'),
  startsOn: z.string().refine(isCalendarDate, 'Enter the start date.'),
  endsOn: z.string().refine(isCalendarDate, 'Enter the end date.'),
  status: z.enum(['planned', 'active', 'closed'], 'Choose a status.'),
});

export type CycleFieldErrors = Partial<Record<keyof CycleFields, string>>;

/** Parses submitted cycle fields; ORG9: the end date falls after the start date. */
export function parseCycleFields(
  input: Record<string, unknown>,
): { ok: true; value: CycleFields } | { ok: false; errors: CycleFieldErrors } {
  const parsed = cycleSchema.safeParse(input);
  if (!parsed.success) {
    const errors: CycleFieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof CycleFields;
      errors[field] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const value = parsed.data;
  if (value.endsOn <= value.startsOn) {
    return { ok: false, errors: { endsOn: 'The cycle must end after it starts.' } };
  }
  return { ok: true, value };
}

/**
 * ORG10: at most one active cycle per organisation. Activating a cycle while another is active is
 * refused rather than closing the other silently: closing a cycle is a decision of its own.
 */
export function checkActivation(
  cycleId: string | null,
  newStatus: CycleStatus,
  currentlyActive: { id: string; name: string } | undefined,
): RuleViolation | null {
  if (newStatus !== 'active' || currentlyActive === undefined) return null;
  if (currentlyActive.id === cycleId) return null;
  return violation(
    'ORG10',
    `“${currentlyActive.name}” is the active cycle: close it before activating another.`,
    'status',
  );
}
