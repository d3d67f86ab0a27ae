// The demo organisation's well-known accounts: the sign-in page offers them in demo mode, the
// README lists them and the end-to-end tests sign in as them. The seed (seed.ts) places each one
// at a fixed spot of the generated organisation; every demo person shares DEMO_PASSWORD.
import type { Queryable } from './connection.ts';

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_ORGANISATION_NAME = 'Northwind Labs';
export const DEMO_ORGANISATION_SLUG = 'demo';
export const DEMO_EMAIL_DOMAIN = 'demo.threadline.test';

export const DEMO_ADMIN_EMAIL = 'admin@demo.threadline.test';
export const DEMO_CEO_EMAIL = 'maya.okafor@demo.threadline.test';
export const DEMO_DEPARTMENT_HEAD_EMAIL = 'daniel.kowalski@demo.threadline.test';
export const DEMO_MANAGER_EMAIL = 'sofia.hernandez@demo.threadline.test';
/** Reports to DEMO_MANAGER_EMAIL. */
export const DEMO_EMPLOYEE_EMAIL = 'kwame.mensah@demo.threadline.test';

/**
 * Reserved for the sign-in throttling end-to-end test, which locks this account out on purpose.
 * No other test may sign in as this person.
 */
export const DEMO_THROTTLE_TEST_EMAIL = 'lena.fischer@demo.threadline.test';
/**
 * Reserved for the "a deactivated person cannot sign in" end-to-end test, which deactivates this
 * account. No other test may sign in as, edit or rely on this person.
 */
export const DEMO_DEACTIVATION_TEST_EMAIL = 'omar.haddad@demo.threadline.test';

export interface DemoAccount {
  email: string;
  name: string;
  title: string;
  /** One line for the sign-in page: what this account is good for in the demo. */
  description: string;
}

/** The accounts the sign-in page offers in demo mode, in the order it shows them. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: DEMO_ADMIN_EMAIL,
    name: 'Priya Raman',
    title: 'VP People Operations',
    description: 'HR admin: manages people, teams, cycles and imports.',
  },
  {
    email: DEMO_CEO_EMAIL,
    name: 'Maya Okafor',
    title: 'Chief Executive Officer',
    description: 'Leader: sees the whole organisation.',
  },
  {
    email: DEMO_DEPARTMENT_HEAD_EMAIL,
    name: 'Daniel Kowalski',
    title: 'VP Engineering',
    description: 'Department head: leads Engineering through its team managers.',
  },
  {
    email: DEMO_MANAGER_EMAIL,
    name: 'Sofía Hernández',
    title: 'Engineering Manager',
    description: 'Team manager with direct reports.',
  },
  {
    email: DEMO_EMPLOYEE_EMAIL,
    name: 'Kwame Mensah',
    title: 'Senior Software Engineer',
    description: 'Employee: reports to Sofía Hernández.',
  },
];

/** Accounts only end-to-end tests use; never listed on the sign-in page. */
export const DEMO_RESERVED_TEST_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: DEMO_THROTTLE_TEST_EMAIL,
    name: 'Lena Fischer',
    title: 'Account Executive',
    description: 'Reserved for the sign-in throttling test.',
  },
  {
    email: DEMO_DEACTIVATION_TEST_EMAIL,
    name: 'Omar Haddad',
    title: 'Account Executive',
    description: 'Reserved for the deactivation test.',
  },
];

/**
 * The well-known demo accounts that can sign in right now: they exist, are active and belong to
 * the demo organisation (`is_demo`). Empty when there is no demo organisation. Name and title come
 * from the database, so an admin's edit shows on the sign-in page.
 */
export async function listDemoAccounts(db: Queryable): Promise<DemoAccount[]> {
  const emails = DEMO_ACCOUNTS.map((account) => account.email);
  const { rows } = await db.query<{ email: string; name: string; title: string }>(
    `SELECT lower(p.email) AS email, p.name, p.title
       FROM people p
       JOIN organisations o ON o.id = p.organisation_id
      WHERE o.is_demo AND p.status = 'active' AND lower(p.email) = ANY ($1::text[])`,
    [emails],
  );
  const found = new Map(rows.map((row) => [row.email, row]));
  return DEMO_ACCOUNTS.flatMap((account) => {
    const row = found.get(account.email);
    return row
      ? [
          {
            email: account.email,
            name: row.name,
            title: row.title,
            description: account.description,
          },
        ]
      : [];
  });
}
