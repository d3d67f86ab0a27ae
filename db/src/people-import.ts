// Writes a CSV import of people (SPEC CSV11, CSV12, CSV15): all or nothing, in one transaction
// that holds the organisation's lock, re-reads the organisation and re-checks every rule before
// it writes. Rows go in batches through unnest() arrays, so 5,000 people take a handful of
// statements rather than 5,000 round trips.
import {
  emailsMentioned,
  importContext,
  payCells,
  type PayCsvField,
  planPeopleImport,
  type ImportContext,
  type ImportError,
  type PeopleCsv,
  type PeopleImportPlan,
  type PlannedPerson,
} from '@threadline/domain/org/people-csv';
import type { Location, PersonStatus } from '@threadline/domain/org/person-fields';
import { personPayByEmail, writePay } from './calibration-pay.ts';
import { inTransaction, type Pool, type PoolClient, type Queryable } from './connection.ts';

export const IMPORT_BATCH_SIZE = 1000;

export interface ImportProgress {
  /** Units of work finished: one per person written, and one more per manager link set. */
  done: number;
  total: number;
}

export interface ImportSummary {
  created: number;
  updated: number;
  teams: number;
}

export type ImportOutcome = ({ ok: true } & ImportSummary) | { ok: false; errors: ImportError[] };

/**
 * What the rules need to know about the organisation: its people with their managers, its teams,
 * and which of `emails` belong to people of other organisations. That last query is the one that
 * looks outside the organisation, because an email is a sign-in name unique across all of them;
 * it returns only emails the caller already holds.
 */
export async function loadImportContext(
  db: Queryable,
  organisationId: string,
  emails: readonly string[],
): Promise<ImportContext> {
  // One after the other: inside a transaction `db` is a single client.
  const people = await db.query<{
    email: string;
    manager_email: string | null;
    status: PersonStatus;
  }>(
    `SELECT lower(p.email) AS email, lower(m.email) AS manager_email, p.status
       FROM people p
       LEFT JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id
      WHERE p.organisation_id = $1`,
    [organisationId],
  );
  const teams = await db.query<{ name: string }>(
    `SELECT name FROM teams WHERE organisation_id = $1`,
    [organisationId],
  );
  const elsewhere = await db.query<{ email: string }>(
    `SELECT lower(email) AS email FROM people
      WHERE organisation_id <> $1 AND lower(email) = ANY($2::text[])`,
    [organisationId, emails.map((email) => email.toLowerCase())],
  );
  return importContext({
    people: people.rows.map((row) => ({
      email: row.email,
      managerEmail: row.manager_email,
      status: row.status,
    })),
    teamNames: teams.rows.map((row) => row.name),
    emailsInOtherOrganisations: elsewhere.rows.map((row) => row.email),
  });
}

/** What an import would overwrite: one person's current values of the file's columns (pay too:
 *  the import page is for administrators, who see pay, CAL76). */
export interface ImportCurrentValues extends Partial<Record<PayCsvField, string>> {
  name: string;
  title: string;
  managerEmail: string | null;
  team: string | null;
  location: Location;
  hireDate: string | null;
}

/**
 * The current values of the organisation's people by lower-cased email, so the preview can show
 * an update as old → new per field before anything is written.
 */
export async function loadImportCurrentValues(
  db: Queryable,
  organisationId: string,
): Promise<Record<string, ImportCurrentValues>> {
  const { rows } = await db.query<{
    email: string;
    name: string;
    title: string;
    manager_email: string | null;
    team: string | null;
    location: Location;
    hire_date: string | null;
  }>(
    `SELECT lower(p.email) AS email, p.name, p.title, lower(m.email) AS manager_email,
            t.name AS team, p.location, p.hire_date
       FROM people p
       LEFT JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id
       LEFT JOIN teams t ON t.organisation_id = p.organisation_id AND t.id = p.team_id
      WHERE p.organisation_id = $1`,
    [organisationId],
  );
  const pay = await personPayByEmail(db, organisationId);
  return Object.fromEntries(
    rows.map((row) => [
      row.email,
      {
        name: row.name,
        title: row.title,
        managerEmail: row.manager_email,
        team: row.team,
        location: row.location,
        hireDate: row.hire_date,
        ...payCells(pay.get(row.email) ?? null),
      },
    ]),
  );
}

/** Checks a file against the organisation as it is now, without writing (the 400 answer). */
export async function planImport(
  db: Queryable,
  organisationId: string,
  csv: PeopleCsv,
): Promise<PeopleImportPlan> {
  const context = await loadImportContext(db, organisationId, emailsMentioned(csv));
  return planPeopleImport(csv, context);
}

/**
 * CSV15: imports the file into the organisation, or writes nothing. Inside one transaction it
 * takes the organisation's lock (the one admin edits of people take, so reporting lines cannot
 * change underneath), plans the import against the organisation as it is then, and returns the
 * errors if there are any; otherwise it creates the missing teams, creates and updates people,
 * and links managers. Any failure rolls everything back and is thrown.
 */
export async function importPeople(
  pool: Pool,
  organisationId: string,
  csv: PeopleCsv,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportOutcome> {
  return inTransaction(pool, async (client) => {
    const { rowCount } = await client.query(
      `SELECT id FROM organisations WHERE id = $1 FOR NO KEY UPDATE`,
      [organisationId],
    );
    if (rowCount !== 1) throw new Error('The organisation does not exist.');
    const plan = await planImport(client, organisationId, csv);
    if (plan.errors.length > 0) return { ok: false, errors: plan.errors };
    const summary = await writeImportPlan(client, organisationId, plan, onProgress);
    return { ok: true, ...summary };
  });
}

/** Writes a plan without errors; the caller provides the transaction and the lock. */
export async function writeImportPlan(
  client: PoolClient,
  organisationId: string,
  plan: PeopleImportPlan,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportSummary> {
  if (plan.errors.length > 0) throw new Error('An import plan with errors cannot be written.');
  const people = [...plan.creates, ...plan.updates];
  const linksManagers = plan.columns.includes('managerEmail');
  const total = people.length * (linksManagers ? 2 : 1);
  let done = 0;
  const advance = (count: number) => {
    done += count;
    onProgress({ done, total });
  };
  onProgress({ done, total });

  const teams = await createTeams(client, organisationId, plan.newTeams);
  for (const batch of batches(plan.creates)) {
    await createPeople(client, organisationId, batch);
    advance(batch.length);
  }
  const columns = new Set(plan.columns);
  for (const batch of batches(plan.updates)) {
    await updatePeople(client, organisationId, batch, columns);
    advance(batch.length);
  }
  if (linksManagers) {
    for (const batch of batches(people)) {
      await linkManagers(client, organisationId, batch);
      advance(batch.length);
    }
  }
  // CAL70: with the pay columns, each row's pay is set (or, all five cells empty, removed).
  if (columns.has('salary')) {
    for (const batch of batches(people)) await writeImportedPay(client, organisationId, batch);
  }
  return { created: plan.creates.length, updated: plan.updates.length, teams };
}

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += IMPORT_BATCH_SIZE) {
    yield items.slice(start, start + IMPORT_BATCH_SIZE);
  }
}

/**
 * CSV12: new teams are of kind 'team', outside any department until an admin places them. A team
 * of the same name created meanwhile is used rather than duplicated.
 */
async function createTeams(
  client: Queryable,
  organisationId: string,
  names: readonly string[],
): Promise<number> {
  if (names.length === 0) return 0;
  const { rowCount } = await client.query(
    `INSERT INTO teams (organisation_id, name, kind)
     SELECT $1, name, 'team' FROM unnest($2::text[]) AS t(name)
     ON CONFLICT DO NOTHING`,
    [organisationId, names],
  );
  return rowCount ?? 0;
}

/** CSV11: new people start invited, as members. */
async function createPeople(
  client: Queryable,
  organisationId: string,
  people: readonly PlannedPerson[],
): Promise<void> {
  const { rowCount } = await client.query(
    `INSERT INTO people (organisation_id, email, name, title, team_id, location, hire_date,
                         role, status)
     SELECT $1, u.email, u.name, u.title, t.id, u.location, u.hire_date, 'member', 'invited'
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[])
            AS u(email, name, title, team, location, hire_date)
       LEFT JOIN teams t ON t.organisation_id = $1 AND lower(t.name) = lower(u.team)`,
    [
      organisationId,
      people.map((person) => person.email),
      people.map((person) => person.name),
      people.map((person) => person.title),
      people.map((person) => person.team),
      people.map((person) => person.location),
      people.map((person) => person.hireDate),
    ],
  );
  if (rowCount !== people.length) {
    throw new Error(`Created ${rowCount} of ${people.length} people.`);
  }
}

/** CSV11: the file's columns overwrite title, team, location and hire date; absent ones stay. */
async function updatePeople(
  client: Queryable,
  organisationId: string,
  people: readonly PlannedPerson[],
  columns: ReadonlySet<string>,
): Promise<void> {
  const { rowCount } = await client.query(
    `UPDATE people p
        SET title = CASE WHEN $7::boolean THEN u.title ELSE p.title END,
            team_id = CASE WHEN $8::boolean THEN t.id ELSE p.team_id END,
            location = CASE WHEN $9::boolean THEN u.location ELSE p.location END,
            hire_date = CASE WHEN $10::boolean THEN u.hire_date ELSE p.hire_date END,
            updated_at = now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::date[])
            AS u(email, title, team, location, hire_date)
       LEFT JOIN teams t ON t.organisation_id = $1 AND lower(t.name) = lower(u.team)
      WHERE p.organisation_id = $1 AND lower(p.email) = u.email`,
    [
      organisationId,
      people.map((person) => person.email),
      people.map((person) => person.title),
      people.map((person) => person.team),
      people.map((person) => person.location),
      people.map((person) => person.hireDate),
      columns.has('title'),
      columns.has('team'),
      columns.has('location'),
      columns.has('hireDate'),
    ],
  );
  if (rowCount !== people.length) {
    throw new Error(`Updated ${rowCount} of ${people.length} people.`);
  }
}

async function writeImportedPay(
  client: Queryable,
  organisationId: string,
  people: readonly PlannedPerson[],
): Promise<void> {
  const { rows } = await client.query<{ id: string; email: string }>(
    `SELECT id, lower(email) AS email FROM people
      WHERE organisation_id = $1 AND lower(email) = ANY($2::text[])`,
    [organisationId, people.map((person) => person.email)],
  );
  const idOf = new Map(rows.map((row) => [row.email, row.id]));
  await writePay(
    client,
    organisationId,
    people.map((person) => ({ personId: idOf.get(person.email)!, pay: person.pay ?? null })),
  );
}

/** Second pass, once every person of the file exists: manager by email, or none (CSV11). */
async function linkManagers(
  client: Queryable,
  organisationId: string,
  people: readonly PlannedPerson[],
): Promise<void> {
  const { rows } = await client.query<{ missing: boolean }>(
    `UPDATE people p
        SET manager_id = m.id, updated_at = now()
       FROM unnest($2::text[], $3::text[]) AS u(email, manager_email)
       LEFT JOIN people m ON m.organisation_id = $1 AND lower(m.email) = u.manager_email
      WHERE p.organisation_id = $1 AND lower(p.email) = u.email
      RETURNING u.manager_email IS NOT NULL AND m.id IS NULL AS missing`,
    [
      organisationId,
      people.map((person) => person.email),
      people.map((person) => person.managerEmail),
    ],
  );
  if (rows.length !== people.length || rows.some((row) => row.missing)) {
    throw new Error('A manager of the file was not found in the organisation.');
  }
}
