// Benchmark of the CSV import of people (SPEC CSV15; target: 5,000 rows in well under 10 s).
// Generates a realistic HRIS export, then times parsing (papaparse, as the browser does), the
// rules with the database context (as the server's pre-check does), and the import itself, into
// a fresh database: a new one on the server in DATABASE_URL, else a throwaway embedded cluster.
//
//   node scripts/bench-import.ts [--rows 5000]
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { createPool } from '@threadline/db';
import { importPeople, planImport } from '@threadline/db/people-import';
import { createScratchDatabase } from '@threadline/db/scratch-database';
import { readPeopleCsv } from '@threadline/domain/org/people-csv';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '5000' } } });
const ROWS = Number(values.rows);

const FIRST = [
  'Ada',
  'Ben',
  'Chloé',
  'Dev',
  'Eun-ji',
  'Farah',
  'Gustavo',
  'Hana',
  'Ibrahim',
  'Jo',
  'Kwame',
  'Lena',
  'Mateo',
  'Nia',
  'Oskar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Yara',
  'Zoë',
];
const LAST = [
  'Okafor',
  'Lindqvist',
  'Martin',
  'Patel',
  'Kim',
  'Haddad',
  'Silva',
  'Sato',
  'Mensah',
  "O'Brien",
  'Novak',
  'García',
  'Nguyen',
  'Schmidt',
  'Rossi',
  'Kowalski',
  'Ahmed',
  'Dubois',
  'Jensen',
  'Cohen',
];
const TITLES = [
  'Software Engineer',
  'Senior Software Engineer',
  'Product Designer',
  'Account Executive',
  'Data Analyst',
  'Customer Success Manager',
  'Recruiter',
  'Support Specialist, Tier 2',
  'Marketing Manager',
  'Finance Analyst',
];
const DEPARTMENTS = [
  'Engineering',
  'Sales',
  'Customer Success',
  'Marketing',
  'Finance',
  'People',
  'Product',
  'Operations',
];
const LOCATIONS = ['Office', 'Remote', 'hybrid', ''];

/** A company of `rows` people: one CEO, managers with about eight reports each. */
function generateCsv(rows: number): string {
  const lines: string[][] = [
    [
      'Full name',
      'Work email',
      'Job title',
      'Manager email',
      'Department',
      'Work location',
      'Start date',
    ],
  ];
  const emails: string[] = [];
  for (let i = 0; i < rows; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const email = `${first}.${last}.${i}@bench.example`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
    emails.push(email);
    const manager = i === 0 ? '' : emails[Math.floor((i - 1) / 8)]!;
    const department = DEPARTMENTS[i % DEPARTMENTS.length]!;
    const team = `${department} ${1 + (i % 5)}`;
    const day = new Date(Date.UTC(2010, 0, 1) + ((i * 7919) % 5800) * 86_400_000);
    lines.push([
      `${first} ${last}`,
      email,
      i === 0 ? 'Chief Executive' : TITLES[i % TITLES.length]!,
      manager,
      team,
      LOCATIONS[i % LOCATIONS.length]!,
      day.toISOString().slice(0, 10),
    ]);
  }
  return Papa.unparse(lines);
}

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;

async function main() {
  const database = await createScratchDatabase('threadline_bench');
  const pool = createPool(database.url, 4);
  try {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO organisations (name, slug) VALUES ('Bench', 'bench') RETURNING id`,
    );
    const organisationId = rows[0]!.id;

    const text = generateCsv(ROWS);
    console.log(
      `${ROWS} rows, ${(text.length / 1024).toFixed(0)} KiB of CSV, engine: ${database.cluster.engine}`,
    );
    for (const round of ['first import (creates)', 'second import (updates)']) {
      const [records, parse] = await timed(
        () => Papa.parse<string[]>(text, { skipEmptyLines: false }).data,
      );
      const [plan, validate] = await timed(() =>
        planImport(pool, organisationId, readPeopleCsv(records)),
      );
      if (plan.errors.length > 0)
        throw new Error(`Unexpected errors: ${JSON.stringify(plan.errors.slice(0, 3))}`);
      const [outcome, write] = await timed(() =>
        importPeople(pool, organisationId, readPeopleCsv(records)),
      );
      if (!outcome.ok) throw new Error('The import was refused.');
      console.log(
        `\n${round}: ${outcome.created} created, ${outcome.updated} updated, ${outcome.teams} teams`,
      );
      console.log(`  parse     ${ms(parse)}   (papaparse, as in the browser)`);
      console.log(`  validate  ${ms(validate)}   (rules + organisation context from Postgres)`);
      console.log(
        `  import    ${ms(write)}   (one transaction: lock, re-check, teams, people, managers)`,
      );
      console.log(`  total     ${ms(parse + validate + write)}`);
    }
  } finally {
    await pool.end();
    await database.drop();
  }
}

await main();
