// What an admin may set on a person, parsed from a submitted form (ORG11).
import { z } from 'zod';
import { isUuid } from '../ids.ts';
import { isCalendarDate } from './calendar-date.ts';

export type Role = 'admin' | 'member';
export type PersonStatus = 'invited' | 'active' | 'deactivated';
export type Location = 'remote' | 'office' | 'hybrid';
export const ROLES: readonly Role[] = ['admin', 'member'];
export const PERSON_STATUSES: readonly PersonStatus[] = ['active', 'invited', 'deactivated'];
export const LOCATIONS: readonly Location[] = ['office', 'hybrid', 'remote'];

/** The pay-range position is stored as a fraction of the range (0 = bottom, 1 = top, max 2). */
export const PAY_RANGE_POSITION_MAX = 2;

/** '' and 'none' mean "nobody" / "no team" in forms. */
const optionalId = (message: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value === '' || value === 'none' ? null : value))
    .refine((value) => value === null || isUuid(value), message);

const name = z
  .string('Enter a name.')
  .trim()
  .min(1, 'Enter a name.')
  .max(200, 'Keep the name under 200 characters.');
const title = z
  .string()
  .optional()
  .transform((value) => (value ?? '').trim())
  .refine((value) => value.length <= 200, 'Keep the title under 200 characters.');
const role = z.enum(['admin', 'member'], 'Choose a role.');

const inviteSchema = z.object({
  name,
  email: z
    .string('Enter an email address.')
    .trim()
    .toLowerCase()
    .max(254, 'That email address is too long.')
    .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Enter an email address like name@example.com.'),
  title,
  role,
  managerId: optionalId('Choose a manager from the list.'),
  teamId: optionalId('Choose a team from the list.'),
});

const editSchema = z.object({
  name,
  title,
  role,
  managerId: optionalId('Choose a manager from the list.'),
  teamId: optionalId('Choose a team from the list.'),
  location: z.enum(['remote', 'office', 'hybrid'], 'Choose a location.'),
  hireDate: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? null : value.trim()))
    .refine((value) => value === null || isCalendarDate(value), 'Enter a real date.'),
  jobLevel: z
    .string()
    .optional()
    .transform((value) => (value ?? '').trim())
    .refine((value) => value.length <= 50, 'Keep the job level under 50 characters.'),
  payRangePercent: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? null : Number(value)))
    .refine(
      (value) =>
        value === null ||
        (Number.isFinite(value) && value >= 0 && value <= PAY_RANGE_POSITION_MAX * 100),
      `Enter a percentage between 0 and ${PAY_RANGE_POSITION_MAX * 100}.`,
    ),
});

export type InviteFields = z.output<typeof inviteSchema>;
export interface PersonEdit {
  name: string;
  title: string;
  role: Role;
  managerId: string | null;
  teamId: string | null;
  location: Location;
  hireDate: string | null;
  jobLevel: string;
  /** Fraction of the pay range, 0–2 (ORG11), or null when unknown. */
  payRangePosition: number | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

function firstErrorPerField(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}

export function parseInviteFields(input: Record<string, unknown>): Parsed<InviteFields> {
  const parsed = inviteSchema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: firstErrorPerField(parsed.error) };
}

/** ORG11: the pay-range position is entered as a percentage of the range and stored as 0–2. */
export function parsePersonEdit(input: Record<string, unknown>): Parsed<PersonEdit> {
  const parsed = editSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstErrorPerField(parsed.error) };
  const { payRangePercent, ...rest } = parsed.data;
  return {
    ok: true,
    value: {
      ...rest,
      payRangePosition: payRangePercent === null ? null : Math.round(payRangePercent * 100) / 10000,
    },
  };
}

/** 0.95 → '95%'; null → '' (unknown). */
export function formatPayRangePosition(position: number | null): string {
  if (position === null) return '';
  return `${Math.round(position * 1000) / 10}%`;
}

/**
 * ORG11: a stored position as a reader takes it in: 0.54 → '54% of range', 1.26 → '126% of range,
 * above its top'; null → 'Unknown'.
 */
export function describePayRangePosition(position: number | null): string {
  if (position === null) return 'Unknown';
  const percent = Math.round(position * 100);
  return percent > 100 ? `${percent}% of range, above its top` : `${percent}% of range`;
}

/** The percentage value an input shows for a stored position. */
export function payRangePercent(position: number | null): string {
  return position === null ? '' : String(Math.round(position * 10000) / 100);
}
