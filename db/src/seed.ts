// Writes a generated organisation (domain/src/demo) to Postgres: the demo organisation `pnpm start`
// seeds on an empty database (DEMO9), and organisations of any size for performance work
// (`pnpm seed --people 5000`, DEMO11). One transaction, one bulk INSERT … SELECT FROM unnest(…)
// per table, and the shared password hashed once: argon2 is slow on purpose.
import { randomUUID } from 'node:crypto';
import {
  generateOrganisation,
  type FeaturedPerson,
  type GeneratedOrganisation,
} from '@threadline/domain/demo/generate';
import { demoPay } from '@threadline/domain/demo/pay';
import { inTransaction, type Pool, type PoolClient } from './connection.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_ADMIN_EMAIL,
  DEMO_CEO_EMAIL,
  DEMO_DEACTIVATION_TEST_EMAIL,
  DEMO_DEPARTMENT_HEAD_EMAIL,
  DEMO_EMAIL_DOMAIN,
  DEMO_EMPLOYEE_EMAIL,
  DEMO_MANAGER_EMAIL,
  DEMO_ORGANISATION_NAME,
  DEMO_ORGANISATION_SLUG,
  DEMO_PASSWORD,
  DEMO_RESERVED_TEST_ACCOUNTS,
  DEMO_THROTTLE_TEST_EMAIL,
} from './demo.ts';
import { hashPassword } from './passwords.ts';
import { goalAchievementByOwner } from '@threadline/domain/calibration/achievement';
import { seedGoals } from './seed-goals.ts';
import { writePay } from './calibration-pay.ts';
import { seedCalibration, seedEveryDepartmentsCalibration } from './seed-calibration.ts';
import { seedOneOnOnes } from './seed-one-on-ones.ts';
import { seedDevelopment } from './seed-development.ts';
import { seedDemoNudges } from './seed-notifications.ts';
import { seedOneOnOneHistory } from './seed-history.ts';

export const DEMO_PEOPLE = 150;
const DEMO_SEED = 2026;

/** Where each well-known demo account sits in the generated organisation (DEMO9). */
const DEMO_SLOTS: Record<string, FeaturedPerson['slot']> = {
  [DEMO_CEO_EMAIL]: { kind: 'ceo' },
  [DEMO_DEPARTMENT_HEAD_EMAIL]: { kind: 'department-head', department: 0 },
  [DEMO_ADMIN_EMAIL]: { kind: 'department-head', department: 3 },
  [DEMO_MANAGER_EMAIL]: { kind: 'team-manager', department: 0, team: 0 },
  [DEMO_EMPLOYEE_EMAIL]: { kind: 'team-member', department: 0, team: 0, member: 0 },
  [DEMO_THROTTLE_TEST_EMAIL]: { kind: 'team-member', department: 2, team: 0, member: 0 },
  [DEMO_DEACTIVATION_TEST_EMAIL]: { kind: 'team-member', department: 2, team: 0, member: 1 },
};

/** The demo organisation as seeded on `today` (DEMO1: the same every time), for tests that check
 *  pages against what was seeded. */
export function generateDemoPlan(today: string): GeneratedOrganisation {
  const featured = [...DEMO_ACCOUNTS, ...DEMO_RESERVED_TEST_ACCOUNTS].map(
    (account): FeaturedPerson => ({
      slot: DEMO_SLOTS[account.email]!,
      email: account.email,
      name: account.name,
      title: account.title,
    }),
  );
  return generateOrganisation({
    people: DEMO_PEOPLE,
    seed: DEMO_SEED,
    domain: DEMO_EMAIL_DOMAIN,
    today,
    featured,
  });
}

/** The demo's seed (its generator's, its goals' and its 1:1s'). */
export const DEMO_GENERATOR_SEED = DEMO_SEED;

export interface SeedOptions {
  /** The day hire dates count back from (YYYY-MM-DD); defaults to today (UTC). */
  today?: string;
  log?: (message: string) => void;
}

/**
 * Creates the demo organisation: Northwind Labs, slug `demo`, 150 people who are all active and
 * share DEMO_PASSWORD. Meant for an empty database: refuses to run when slug `demo` exists.
 */
export async function seedDemoOrganisation(
  pool: Pool,
  options: SeedOptions = {},
): Promise<{ organisationId: string; people: number }> {
  const today = options.today ?? todayUtc();
  const organisation = generateDemoPlan(today);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const organisationId = await inTransaction(pool, (client) =>
    writeOrganisation(client, {
      name: DEMO_ORGANISATION_NAME,
      slug: DEMO_ORGANISATION_SLUG,
      isDemo: true,
      organisation,
      passwordHash,
      today,
      seed: DEMO_SEED,
      oneOnOnesFeatured: { managerEmail: DEMO_MANAGER_EMAIL, employeeEmail: DEMO_EMPLOYEE_EMAIL },
      calibration: {
        leaderEmails: [DEMO_DEPARTMENT_HEAD_EMAIL, DEMO_CEO_EMAIL],
        facilitatorEmail: DEMO_ADMIN_EMAIL,
      },
      log: options.log,
    }),
  );
  options.log?.(`Seeded ${DEMO_ORGANISATION_NAME} with ${organisation.people.length} people.`);
  return { organisationId, people: organisation.people.length };
}

export interface SeedOrganisationOptions extends SeedOptions {
  people: number;
  name?: string;
  /** Defaults to the name in lower case with dashes, plus a number when that slug is taken. */
  slug?: string;
  seed?: number;
}

/**
 * Creates a generated organisation of `people` people (not a demo one) for performance work.
 * Everyone is active with DEMO_PASSWORD; the admin (head of People & Operations) is
 * `admin@<slug>.threadline.test`.
 */
export async function seedOrganisation(
  pool: Pool,
  options: SeedOrganisationOptions,
): Promise<{
  organisationId: string;
  people: number;
  adminEmail: string;
  name: string;
  slug: string;
}> {
  const name = options.name ?? `Scale Test ${options.people}`;
  const slug = options.slug ?? (await freeSlug(pool, slugify(name)));
  if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(slug)) {
    throw new Error(
      `"${slug}" is not a valid slug: lower-case letters, digits and inner dashes only.`,
    );
  }
  const domain = `${slug}.threadline.test`;
  const adminEmail = `admin@${domain}`;
  const today = options.today ?? todayUtc();
  const organisation = generateOrganisation({
    people: options.people,
    seed: options.seed ?? 1,
    domain,
    today,
    featured: [{ slot: { kind: 'department-head', department: 3 }, email: adminEmail }],
  });
  options.log?.(
    `Generated ${organisation.people.length} people in ${organisation.teams.length} teams.`,
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const organisationId = await inTransaction(pool, (client) =>
    writeOrganisation(client, {
      name,
      slug,
      isDemo: false,
      organisation,
      passwordHash,
      today,
      seed: options.seed ?? 1,
      oneOnOnesFeatured: null,
      calibration: null,
      history: true,
      log: options.log,
    }),
  );
  return { organisationId, people: organisation.people.length, adminEmail, name, slug };
}

interface WriteInput {
  name: string;
  slug: string;
  isDemo: boolean;
  organisation: GeneratedOrganisation;
  passwordHash: string;
  /** For the goal tree's and the 1:1s' stories (seed-goals.ts, seed-one-on-ones.ts). */
  today: string;
  seed: number;
  /** The well-known pair whose 1:1 shows everything (DEMO18); null outside the demo. */
  oneOnOnesFeatured: { managerEmail: string; employeeEmail: string } | null;
  /** The demo's calibration sessions' leaders (the department's head first) and facilitator
   *  (DEMO21–DEMO24); null outside the demo. */
  calibration: { leaderEmails: string[]; facilitatorEmail: string } | null;
  /** A year of 1:1 history and every department calibrated in two cycles (DEMO50–DEMO52):
   *  organisations for performance work, not the demo. */
  history?: boolean;
  log?: (message: string) => void;
}

async function writeOrganisation(client: PoolClient, input: WriteInput): Promise<string> {
  const { organisation, passwordHash } = input;
  const existing = await client.query('SELECT 1 FROM organisations WHERE slug = $1', [input.slug]);
  if (existing.rowCount) {
    throw new Error(
      `An organisation with the slug "${input.slug}" already exists; nothing was seeded.`,
    );
  }
  const { rows } = await client.query<{ id: string }>(
    'INSERT INTO organisations (name, slug, is_demo) VALUES ($1, $2, $3) RETURNING id',
    [input.name, input.slug, input.isDemo],
  );
  const organisationId = rows[0]!.id;

  const teamIds = new Map(organisation.teams.map((team) => [team.key, randomUUID()]));
  const idOf = (key: string | null, ids: Map<string, string>) =>
    key === null ? null : ids.get(key)!;
  // Foreign keys are checked at the end of each statement, so a parent may come in the same batch.
  await client.query(
    `INSERT INTO teams (id, organisation_id, parent_id, name, kind)
     SELECT t.id, $1, t.parent_id, t.name, t.kind
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[]) AS t (id, parent_id, name, kind)`,
    [
      organisationId,
      organisation.teams.map((team) => teamIds.get(team.key)!),
      organisation.teams.map((team) => idOf(team.parentKey, teamIds)),
      organisation.teams.map((team) => team.name),
      organisation.teams.map((team) => team.kind),
    ],
  );

  // Fresh statistics (ANALYZE sees this transaction's rows) and fresh plans for the foreign-key
  // checks below: a plan cached while the table was nearly empty would scan all of it per row.
  await client.query('ANALYZE teams');
  const personIds = new Map(organisation.people.map((person) => [person.key, randomUUID()]));
  const people = organisation.people;
  await client.query(
    `INSERT INTO people (id, organisation_id, email, name, title, team_id, location, hire_date,
                         job_level, pay_range_position, role, status, password_hash)
     SELECT p.id, $1, p.email, p.name, p.title, p.team_id, p.location, p.hire_date, p.job_level,
            p.pay_range_position, p.role, 'active', $12
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[],
                   $8::date[], $9::text[], $10::numeric[], $11::text[])
         AS p (id, email, name, title, team_id, location, hire_date, job_level, pay_range_position,
               role)`,
    [
      organisationId,
      people.map((person) => personIds.get(person.key)!),
      people.map((person) => person.email),
      people.map((person) => person.name),
      people.map((person) => person.title),
      people.map((person) => idOf(person.teamKey, teamIds)),
      people.map((person) => person.location),
      people.map((person) => person.hireDate),
      people.map((person) => person.jobLevel),
      people.map((person) => person.payRangePosition),
      people.map((person) => person.role),
      passwordHash,
    ],
  );
  // DEMO30: everyone's pay, in its own table (CAL70).
  await writePay(
    client,
    organisationId,
    people.map((person) => ({ personId: personIds.get(person.key)!, pay: demoPay(person) })),
  );
  // Reporting lines in a second statement, once every manager row exists and is counted.
  await client.query('ANALYZE people');
  const reports = people.filter((person) => person.managerKey !== null);
  await client.query(
    `UPDATE people SET manager_id = r.manager_id
       FROM unnest($2::uuid[], $3::uuid[]) AS r (id, manager_id)
      WHERE people.organisation_id = $1 AND people.id = r.id`,
    [
      organisationId,
      reports.map((person) => personIds.get(person.key)!),
      reports.map((person) => personIds.get(person.managerKey!)!),
    ],
  );

  await client.query(
    `INSERT INTO cycles (organisation_id, name, starts_on, ends_on, status)
     SELECT $1, c.name, c.starts_on, c.ends_on, c.status
       FROM unnest($2::text[], $3::date[], $4::date[], $5::text[]) AS c (name, starts_on, ends_on, status)`,
    [
      organisationId,
      organisation.cycles.map((cycle) => cycle.name),
      organisation.cycles.map((cycle) => cycle.startsOn),
      organisation.cycles.map((cycle) => cycle.endsOn),
      organisation.cycles.map((cycle) => cycle.status),
    ],
  );

  // The active cycle's goal tree, in the document log (GOAL21, GOAL22).
  const started = performance.now();
  const goals = await seedGoals(client, {
    organisationId,
    organisation,
    personIds,
    teamIds,
    today: input.today,
    seed: input.seed,
    // The demo's 1:1s check some goals in (DEMO35).
    keepDocument: input.oneOnOnesFeatured !== null,
  });
  input.log?.(
    `Seeded ${goals.goals} goals (${goals.logEntries} log entries, ` +
      `${(goals.bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );

  // A 1:1 series with a past for every reporting line (DEMO16–DEMO18).
  const oneOnOnesStarted = performance.now();
  const oneOnOnes = await seedOneOnOnes(client, {
    organisationId,
    organisation,
    personIds,
    today: input.today,
    seed: input.seed,
    featured: input.oneOnOnesFeatured,
    goals: goals.doc && {
      doc: goals.doc,
      cycleId: goals.cycleId,
      documentName: goals.documentName,
    },
  });
  // As the player cards will read it once the 1:1s' check-ins are in the tree (DEMO25).
  const achievementById = goals.doc ? goalAchievementByOwner(goals.doc) : goals.achievement;
  goals.doc?.destroy();
  input.log?.(
    `Seeded ${oneOnOnes.series} 1:1 series (${oneOnOnes.documents} documents, ` +
      `${oneOnOnes.logEntries} log entries, ${(oneOnOnes.bytes / 1e6).toFixed(1)} MB) in ` +
      `${((performance.now() - oneOnOnesStarted) / 1000).toFixed(1)} s.`,
  );

  // Skill gaps and development plans for some of the people with a series (DEMO45–DEMO47).
  const featuredEmployee = input.oneOnOnesFeatured
    ? organisation.people.find((p) => p.email === input.oneOnOnesFeatured!.employeeEmail)
    : undefined;
  const development = await seedDevelopment(client, {
    organisationId,
    today: input.today,
    seed: input.seed,
    featuredEmployeeId: featuredEmployee ? personIds.get(featuredEmployee.key)! : null,
  });
  input.log?.(
    `Seeded ${development.plans} development plans (${development.gaps} skill gaps, ` +
      `${development.items} development items).`,
  );
  // The demo's pending nudges (DEMO40): what the rules raise over its goals and 1:1s today.
  if (input.isDemo) {
    const nudges = await seedDemoNudges(client, {
      organisationId,
      organisation,
      personIds,
      today: input.today,
      seed: input.seed,
      featured: input.oneOnOnesFeatured,
    });
    input.log?.(`Seeded ${nudges} pending notifications.`);
  }

  const keyOfId = new Map<string, string>([...personIds].map(([key, id]) => [id, key]));
  const achievement = new Map(
    [...achievementById].flatMap(([id, value]) => {
      const key = keyOfId.get(id);
      return key === undefined ? [] : [[key, value] as const];
    }),
  );
  if (input.history) {
    const historyStarted = performance.now();
    const history = await seedOneOnOneHistory(client, organisationId);
    input.log?.(
      `Seeded a year of 1:1 history (${history.meetings} meetings, ${history.moods} moods, ` +
        `${history.actions} action items) in ` +
        `${((performance.now() - historyStarted) / 1000).toFixed(1)} s.`,
    );
    const calibrationStarted = performance.now();
    const calibration = await seedEveryDepartmentsCalibration(client, {
      organisationId,
      organisation,
      personIds,
      teamIds,
      today: input.today,
      seed: input.seed,
      achievement,
    });
    input.log?.(
      `Seeded ${calibration.sessions} calibration sessions (${calibration.cards} cards) in ` +
        `${((performance.now() - calibrationStarted) / 1000).toFixed(1)} s.`,
    );
  }

  // Engineering's calibration sessions, the demo's only (DEMO21–DEMO24).
  if (input.calibration) {
    const calibration = await seedCalibration(client, {
      organisationId,
      organisation,
      personIds,
      teamIds,
      today: input.today,
      seed: input.seed,
      achievement,
      ...input.calibration,
    });
    input.log?.(
      `Seeded ${calibration.sessions} calibration sessions (${calibration.cards} cards).`,
    );
  }
  return organisationId;
}

/** "Big Co" → "big-co"; the organisations table allows [a-z0-9-], 63 characters at most. */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || 'organisation';
}

async function freeSlug(pool: Pool, base: string): Promise<string> {
  const { rows } = await pool.query<{ slug: string }>(
    `SELECT slug FROM organisations WHERE slug = $1 OR slug LIKE $2`,
    [base, `${base}-%`],
  );
  const taken = new Set(rows.map((row) => row.slug));
  let slug = base;
  for (let suffix = 2; taken.has(slug); suffix++) slug = `${base}-${suffix}`;
  return slug;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
