// Importing people from a CSV file in the shape HRIS tools export (CSV1–CSV15 in domain/SPEC.md).
// Pure: the browser runs it for the preview, the server runs it again against the database before
// writing anything. Input is the file's records as a CSV parser returns them (header first, blank
// lines included), so both sides number lines the same way.
import { amountText, parsePay, type PayData } from '../calibration/merit/pay.ts';
import { isCalendarDate } from './calendar-date.ts';
import type { Location, PersonStatus } from './person-fields.ts';
import { normaliseTeamName, TEAM_NAME_MAX } from './teams.ts';

/** The fields a file can carry, in the order the sample file and the preview show them. */
export const CSV_FIELDS = [
  'name',
  'email',
  'title',
  'managerEmail',
  'team',
  'location',
  'hireDate',
] as const;
/** CAL70: the pay columns, which come together or not at all (after CSV_FIELDS in the preview). */
export const PAY_CSV_FIELDS = [
  'salary',
  'currency',
  'payRangeMin',
  'payRangeMid',
  'payRangeMax',
] as const;
export type PayCsvField = (typeof PAY_CSV_FIELDS)[number];
export type CsvField = (typeof CSV_FIELDS)[number] | PayCsvField;
const ALL_FIELDS: readonly CsvField[] = [...CSV_FIELDS, ...PAY_CSV_FIELDS];

/** The header each field has in the sample file, and the word error messages use. */
export const CSV_FIELD_LABELS: Readonly<Record<CsvField, string>> = {
  name: 'Name',
  email: 'Email',
  title: 'Title',
  managerEmail: 'Manager email',
  team: 'Team',
  location: 'Location',
  hireDate: 'Hire date',
  salary: 'Salary',
  currency: 'Currency',
  payRangeMin: 'Pay range min',
  payRangeMid: 'Pay range midpoint',
  payRangeMax: 'Pay range max',
};

/** CSV1: header spellings accepted for each field, compared by {@link headerKey}. */
export const CSV_HEADER_SYNONYMS: Readonly<Record<CsvField, readonly string[]>> = {
  name: ['Name', 'Full name', 'Employee name', 'Display name', 'Preferred name'],
  email: ['Email', 'E-mail', 'Work email', 'Email address', 'Work email address', 'Business email'],
  title: ['Title', 'Job title', 'Position', 'Position title', 'Role title'],
  managerEmail: [
    'Manager email',
    'Manager',
    'Manager e-mail',
    'Manager work email',
    'Manager email address',
    'Reports to',
    'Reports to email',
    'Supervisor email',
  ],
  team: ['Team', 'Department', 'Team name', 'Department name'],
  location: ['Location', 'Work location', 'Location type', 'Workplace type', 'Work arrangement'],
  hireDate: [
    'Hire date',
    'Start date',
    'Date of hire',
    'Hired on',
    'Date hired',
    'Original hire date',
  ],
  salary: ['Salary', 'Base salary', 'Annual salary', 'Base pay', 'Annual base salary'],
  currency: ['Currency', 'Salary currency', 'Pay currency', 'Currency code'],
  payRangeMin: ['Pay range min', 'Pay range minimum', 'Range min', 'Salary range min', 'Band min'],
  payRangeMid: [
    'Pay range midpoint',
    'Pay range mid',
    'Range midpoint',
    'Range mid',
    'Salary range midpoint',
    'Band midpoint',
  ],
  payRangeMax: ['Pay range max', 'Pay range maximum', 'Range max', 'Salary range max', 'Band max'],
};

export const REQUIRED_CSV_FIELDS: readonly CsvField[] = ['name', 'email'];
/** CSV2: the most people rows one file may hold. */
export const MAX_IMPORT_ROWS = 50_000;
const NAME_MAX = 200;
const TITLE_MAX = 200;
const EMAIL_MAX = 254;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const LOCATION_VALUES: readonly Location[] = ['remote', 'office', 'hybrid'];
/** How many people of a reporting loop its error message names before shortening. */
const LOOP_NAMES_SHOWN = 6;

/** CSV1: 'Work E-mail', 'work_email' and 'WORK EMAIL' all read as 'workemail'. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const FIELD_BY_HEADER_KEY: ReadonlyMap<string, CsvField> = new Map(
  ALL_FIELDS.flatMap((field) =>
    CSV_HEADER_SYNONYMS[field].map((header) => [headerKey(header), field] as const),
  ),
);

export interface ImportError {
  /** Physical line of the file where the record starts; the header is line 1 (CSV3). */
  line: number;
  column?: CsvField;
  message: string;
}

/** "Line 7: email 'bob@' is not a valid address" */
export function formatImportError(error: ImportError): string {
  return `Line ${error.line}: ${error.message}`;
}

export interface CsvRow {
  line: number;
  /** Trimmed cell per field the file has; '' where the row leaves it empty. */
  cells: Readonly<Partial<Record<CsvField, string>>>;
  /** Set when the row has more filled cells than the header has columns (CSV13). */
  extraCells?: number;
}

export interface PeopleCsv {
  /** Fields present in the header, in CSV_FIELDS order, then the pay fields. */
  columns: CsvField[];
  /** Header cells that name no field; their columns are not imported. */
  ignoredHeaders: string[];
  rows: CsvRow[];
  /** File-level errors (header problems, no rows, too many rows). */
  errors: ImportError[];
}

/** CSV3: a quoted cell's own line breaks; a lone trailing CR is a mixed line ending, not a line. */
function lineBreaksIn(cell: string): number {
  let count = 0;
  for (let i = 0; i < cell.length; i++) {
    const char = cell.charCodeAt(i);
    if (char === 10) count++;
    else if (char === 13) {
      if (cell.charCodeAt(i + 1) === 10) i++;
      else if (i === cell.length - 1) continue;
      count++;
    }
  }
  return count;
}

function recordLineBreaks(record: readonly string[]): number {
  let count = 0;
  for (const cell of record) if (cell.length > 0) count += lineBreaksIn(cell);
  return count;
}

/** CSV3: the line on which each record starts (the first record is on line 1). */
export function recordLines(records: readonly (readonly string[])[]): number[] {
  const lines: number[] = [];
  let line = 1;
  for (const record of records) {
    lines.push(line);
    line += 1 + recordLineBreaks(record);
  }
  return lines;
}

function isBlank(record: readonly string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}

/**
 * Reads the file's records (header first) into rows keyed by field: maps the header (CSV1),
 * checks the required columns (CSV2), numbers lines (CSV3) and skips blank lines.
 */
export function readPeopleCsv(records: readonly (readonly string[])[]): PeopleCsv {
  const errors: ImportError[] = [];
  const lines = recordLines(records);
  let headerIndex = 0;
  // Blank lines above the header are skipped too; the header is the first line with content.
  while (headerIndex < records.length && isBlank(records[headerIndex]!)) headerIndex++;
  const header = records[headerIndex];
  if (header === undefined) {
    return {
      columns: [],
      ignoredHeaders: [],
      rows: [],
      errors: [
        { line: 1, message: 'the file is empty: it needs a header line and one line per person' },
      ],
    };
  }
  const headerLine = lines[headerIndex]!;
  const indexOf = new Map<CsvField, number>();
  const ignoredHeaders: string[] = [];
  header.forEach((cell, index) => {
    const text = cell.trim();
    if (text === '') return;
    const field = FIELD_BY_HEADER_KEY.get(headerKey(text));
    if (field === undefined) {
      ignoredHeaders.push(text);
    } else if (indexOf.has(field)) {
      errors.push({
        line: headerLine,
        column: field,
        message: `columns '${header[indexOf.get(field)!]!.trim()}' and '${text}' both hold the ${CSV_FIELD_LABELS[field].toLowerCase()}: keep one of them`,
      });
    } else {
      indexOf.set(field, index);
    }
  });
  for (const field of REQUIRED_CSV_FIELDS) {
    if (!indexOf.has(field)) {
      errors.push({
        line: headerLine,
        column: field,
        message: `the header has no '${CSV_FIELD_LABELS[field]}' column (accepted names: ${CSV_HEADER_SYNONYMS[field].join(', ')})`,
      });
    }
  }
  // CAL70: pay columns come together: one without the others is a file error.
  const payColumns = PAY_CSV_FIELDS.filter((field) => indexOf.has(field));
  if (payColumns.length > 0 && payColumns.length < PAY_CSV_FIELDS.length) {
    const missing = PAY_CSV_FIELDS.filter((field) => !indexOf.has(field));
    errors.push({
      line: headerLine,
      column: missing[0]!,
      message: `pay columns come together: add ${missing.map((field) => `'${CSV_FIELD_LABELS[field]}'`).join(', ')} or leave out ${payColumns.map((field) => `'${CSV_FIELD_LABELS[field]}'`).join(', ')}`,
    });
  }
  const columns = ALL_FIELDS.filter((field) => indexOf.has(field));
  const width = header.length;

  const rows: CsvRow[] = [];
  for (let r = headerIndex + 1; r < records.length; r++) {
    const record = records[r]!;
    if (isBlank(record)) continue;
    const cells: Partial<Record<CsvField, string>> = {};
    for (const field of columns) cells[field] = (record[indexOf.get(field)!] ?? '').trim();
    const row: CsvRow = { line: lines[r]!, cells };
    if (record.length > width) {
      const extra = record.slice(width).filter((cell) => cell.trim() !== '').length;
      if (extra > 0) row.extraCells = extra;
    }
    rows.push(row);
  }
  if (rows.length === 0 && errors.length === 0) {
    errors.push({ line: headerLine, message: 'the file has a header but no people under it' });
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    errors.push({
      line: headerLine,
      message: `the file has ${rows.length} people; import at most ${MAX_IMPORT_ROWS} at a time`,
    });
  }
  return { columns, ignoredHeaders, rows, errors };
}

/** Lower-cased emails a file mentions (people and managers): what the server looks up. */
export function emailsMentioned(csv: PeopleCsv): string[] {
  const emails = new Set<string>();
  for (const row of csv.rows) {
    const email = row.cells.email?.toLowerCase();
    if (email) emails.add(email);
    const manager = row.cells.managerEmail?.toLowerCase();
    if (manager) emails.add(manager);
  }
  return [...emails];
}

/** A person already in the importing organisation. */
export interface ExistingPerson {
  email: string;
  managerEmail: string | null;
  status: PersonStatus;
}

/** What the organisation already holds, as far as an import needs to know. */
export interface ImportContext {
  /** People of the importing organisation by lower-cased email. */
  people: ReadonlyMap<string, Omit<ExistingPerson, 'email'>>;
  /** The organisation's team names, lower-cased and normalised (ORG8). */
  teams: ReadonlySet<string>;
  /** Lower-cased emails of the file that belong to people of other organisations (CSV6). */
  emailsInOtherOrganisations: ReadonlySet<string>;
}

/** Builds the context from plain lists (a page load, a database query). */
export function importContext(input: {
  people: readonly ExistingPerson[];
  teamNames: readonly string[];
  emailsInOtherOrganisations?: readonly string[];
}): ImportContext {
  return {
    people: new Map(
      input.people.map((person) => [
        person.email.toLowerCase(),
        { managerEmail: person.managerEmail?.toLowerCase() ?? null, status: person.status },
      ]),
    ),
    teams: new Set(input.teamNames.map((name) => normaliseTeamName(name).toLowerCase())),
    emailsInOtherOrganisations: new Set(
      (input.emailsInOtherOrganisations ?? []).map((email) => email.toLowerCase()),
    ),
  };
}

/** One person to write: emails lower-cased, cells trimmed, defaults applied (CSV11). */
export interface PlannedPerson {
  line: number;
  name: string;
  email: string;
  title: string;
  managerEmail: string | null;
  team: string | null;
  location: Location;
  hireDate: string | null;
  /** CAL70: with the pay columns, the person's pay (null: the row's pay cells are empty, which
   *  removes it); without them, undefined: pay stays as it is. */
  pay?: PayData | null;
  /** The pay cells as stored, for the preview's old → new ('' when none). */
  salary?: string;
  currency?: string;
  payRangeMin?: string;
  payRangeMid?: string;
  payRangeMax?: string;
}

/** CAL70: the pay form field each pay column fills. */
const PAY_FIELD_OF = {
  salary: 'salary',
  currency: 'currency',
  payRangeMin: 'rangeMin',
  payRangeMid: 'rangeMid',
  payRangeMax: 'rangeMax',
} as const;

/** The five pay cells as the preview compares them: amounts and currency as they will be stored. */
export function payCells(pay: PayData | null): Record<PayCsvField, string> {
  return {
    salary: pay ? amountText(pay.salary) : '',
    currency: pay?.currency ?? '',
    payRangeMin: pay ? amountText(pay.rangeMin) : '',
    payRangeMid: pay ? amountText(pay.rangeMid) : '',
    payRangeMax: pay ? amountText(pay.rangeMax) : '',
  };
}

export interface PeopleImportPlan {
  /** Fields present in the file; on updates, the others keep their current values (CSV11). */
  columns: CsvField[];
  ignoredHeaders: string[];
  creates: PlannedPerson[];
  updates: PlannedPerson[];
  /** Team names to create, spelled as the first row naming them does (CSV12). */
  newTeams: string[];
  /** Sorted by line; nothing may be written while there is one (CSV15). */
  errors: ImportError[];
}

function quote(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return `'${shown}'`;
}

const SLASH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function isoDate(year: string, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** CSV8: a hire date in YYYY-MM-DD form, or an error that suggests it. */
function hireDateError(value: string): string | null {
  if (isCalendarDate(value)) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `hire date ${quote(value)} is not a real date`;
  const slash = SLASH_DATE.exec(value);
  if (slash) {
    const [, first, second, year] = slash as unknown as [string, string, string, string];
    const a = Number(first);
    const b = Number(second);
    const dayFirst = isCalendarDate(isoDate(year, b, a)) ? isoDate(year, b, a) : null;
    const monthFirst = isCalendarDate(isoDate(year, a, b)) ? isoDate(year, a, b) : null;
    if (dayFirst && monthFirst && dayFirst !== monthFirst) {
      return `hire date ${quote(value)} is ambiguous (day/month or month/day?): write it as YYYY-MM-DD, ${dayFirst} or ${monthFirst}`;
    }
    const reading = dayFirst ?? monthFirst;
    if (reading) return `hire date ${quote(value)} must be written as YYYY-MM-DD: ${reading}`;
  }
  return `hire date ${quote(value)} is not a date in YYYY-MM-DD form (e.g. 2025-04-03)`;
}

function lineList(lines: readonly number[]): string {
  return lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;
}

/**
 * Checks every row of the file against the rules and the organisation's current people and teams
 * (CSV4–CSV13), and splits the valid rows into creates and updates. The order of the rows does
 * not change the errors: each carries its own line.
 */
export function planPeopleImport(csv: PeopleCsv, context: ImportContext): PeopleImportPlan {
  const errors: ImportError[] = [...csv.errors];
  const has = new Set(csv.columns);
  const fail = (line: number, column: CsvField | undefined, message: string) => {
    errors.push(column === undefined ? { line, message } : { line, column, message });
  };
  const creates: PlannedPerson[] = [];
  const updates: PlannedPerson[] = [];
  const newTeams = new Map<string, string>();
  // Lines per lower-cased email, for duplicates (CSV5) and managers named by the file (CSV9).
  const linesByEmail = new Map<string, number[]>();
  const planned: PlannedPerson[] = [];

  // Rows are visited in line order, whatever order they come in (CSV14).
  const rows = [...csv.rows].sort((a, b) => a.line - b.line);
  for (const row of rows) {
    const cell = (field: CsvField) => row.cells[field] ?? '';
    if (row.extraCells !== undefined) {
      fail(
        row.line,
        undefined,
        `the line has ${row.extraCells} more filled ${row.extraCells === 1 ? 'cell' : 'cells'} than the header has columns (a comma inside a value needs quotes)`,
      );
    }
    const name = cell('name');
    if (has.has('name')) {
      if (name === '') fail(row.line, 'name', 'name is empty');
      else if (name.length > NAME_MAX)
        fail(row.line, 'name', `name is longer than ${NAME_MAX} characters`);
    }
    const email = cell('email').toLowerCase();
    let emailValid = false;
    if (has.has('email')) {
      if (email === '') fail(row.line, 'email', 'email is empty');
      else if (email.length > EMAIL_MAX || !EMAIL.test(email)) {
        fail(row.line, 'email', `email ${quote(cell('email'))} is not a valid address`);
      } else if (context.emailsInOtherOrganisations.has(email)) {
        fail(
          row.line,
          'email',
          `email ${quote(email)} belongs to an account in another organisation`,
        );
      } else {
        emailValid = true;
      }
      if (email !== '') {
        const lines = linesByEmail.get(email);
        if (lines) lines.push(row.line);
        else linesByEmail.set(email, [row.line]);
      }
    }
    const title = cell('title');
    if (title.length > TITLE_MAX)
      fail(row.line, 'title', `title is longer than ${TITLE_MAX} characters`);
    const teamCell = normaliseTeamName(cell('team'));
    if (teamCell.length > TEAM_NAME_MAX) {
      fail(row.line, 'team', `team name is longer than ${TEAM_NAME_MAX} characters`);
    }
    const locationCell = cell('location').toLowerCase();
    let location: Location = 'office';
    if (locationCell !== '') {
      if ((LOCATION_VALUES as readonly string[]).includes(locationCell)) {
        location = locationCell as Location;
      } else {
        fail(
          row.line,
          'location',
          `location ${quote(cell('location'))} must be remote, office or hybrid`,
        );
      }
    }
    const hireDate = cell('hireDate');
    if (hireDate !== '') {
      const problem = hireDateError(hireDate);
      if (problem) fail(row.line, 'hireDate', problem);
    }
    const managerEmail = cell('managerEmail').toLowerCase();
    const person: PlannedPerson = {
      line: row.line,
      name,
      email,
      title,
      managerEmail: managerEmail === '' ? null : managerEmail,
      team: teamCell === '' ? null : teamCell,
      location,
      hireDate: hireDate === '' ? null : hireDate,
    };
    // A file with some pay columns only has its file error (readPeopleCsv), not one per row.
    if (PAY_CSV_FIELDS.every((field) => has.has(field))) {
      const parsed = parsePay({
        salary: cell('salary'),
        currency: cell('currency'),
        rangeMin: cell('payRangeMin'),
        rangeMid: cell('payRangeMid'),
        rangeMax: cell('payRangeMax'),
      });
      if (parsed.ok) {
        Object.assign(person, { pay: parsed.value }, payCells(parsed.value));
      } else {
        for (const [field, message] of Object.entries(parsed.errors)) {
          const column = PAY_CSV_FIELDS.find((key) => PAY_FIELD_OF[key] === field);
          fail(row.line, column, lowerFirst(message));
        }
      }
    }
    planned.push(person);
    if (!has.has('email') || !emailValid) continue;
    if (context.people.has(email)) updates.push(person);
    else creates.push(person);
    if (person.team !== null && teamCell.length <= TEAM_NAME_MAX) {
      const key = person.team.toLowerCase();
      if (!context.teams.has(key) && !newTeams.has(key)) newTeams.set(key, person.team);
    }
  }

  // CSV5: every occurrence of a repeated email names the other lines.
  for (const [email, lines] of linesByEmail) {
    if (lines.length < 2) continue;
    for (const line of lines) {
      const others = lines.filter((other) => other !== line);
      fail(line, 'email', `email ${quote(email)} is also on ${lineList(others)}`);
    }
  }

  // CSV9: the manager is a row of the file or a person of the organisation, not oneself, and
  // not a deactivated person unless the line already exists (ORG14).
  const managerOf = new Map<string, string | null>();
  if (has.has('managerEmail')) {
    for (const person of planned) {
      const manager = person.managerEmail;
      if (manager === null) {
        if (person.email !== '') managerOf.set(person.email, null);
        continue;
      }
      const existing = context.people.get(manager);
      let ok = true;
      if (manager === person.email) {
        fail(person.line, 'managerEmail', `${quote(manager)} cannot be their own manager`);
        ok = false;
      } else if (!linesByEmail.has(manager) && existing === undefined) {
        fail(
          person.line,
          'managerEmail',
          `manager email ${quote(manager)} is neither a person in this file nor in your organisation`,
        );
        ok = false;
      } else if (
        existing?.status === 'deactivated' &&
        context.people.get(person.email)?.managerEmail !== manager
      ) {
        fail(person.line, 'managerEmail', `manager ${quote(manager)} is deactivated`);
        ok = false;
      }
      if (person.email !== '' && !managerOf.has(person.email)) {
        managerOf.set(person.email, ok ? manager : null);
      }
    }
    findLoops(planned, managerOf, context, fail);
  }

  errors.sort((a, b) => a.line - b.line || fieldOrder(a.column) - fieldOrder(b.column));
  return {
    columns: csv.columns,
    ignoredHeaders: csv.ignoredHeaders,
    creates,
    updates,
    newTeams: [...newTeams.values()],
    errors,
  };
}

function fieldOrder(field: CsvField | undefined): number {
  return field === undefined ? -1 : ALL_FIELDS.indexOf(field);
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * CSV10 (ORG3): follows manager links through the file, and through the organisation's existing
 * lines for people the file leaves out; every row of a loop gets an error naming the loop.
 */
function findLoops(
  planned: readonly PlannedPerson[],
  managerOf: ReadonlyMap<string, string | null>,
  context: ImportContext,
  fail: (line: number, column: CsvField, message: string) => void,
) {
  const nextOf = (email: string): string | null =>
    managerOf.has(email)
      ? managerOf.get(email)!
      : (context.people.get(email)?.managerEmail ?? null);
  const lineOf = new Map<string, number>();
  for (const person of planned)
    if (!lineOf.has(person.email)) lineOf.set(person.email, person.line);
  // 1: on the walk in progress, 2: finished.
  const state = new Map<string, 1 | 2>();
  for (const person of planned) {
    if (person.email === '' || state.has(person.email)) continue;
    const path: string[] = [];
    let current: string | null = person.email;
    while (current !== null && !state.has(current)) {
      state.set(current, 1);
      path.push(current);
      current = nextOf(current);
    }
    if (current !== null && state.get(current) === 1) {
      const loop = path.slice(path.indexOf(current));
      const inFile = loop.filter((email) => lineOf.has(email));
      if (loop.length > 1 && inFile.length > 0) {
        // Start the description at the loop's earliest line so row order does not change it.
        const start = inFile.reduce((a, b) => (lineOf.get(a)! <= lineOf.get(b)! ? a : b));
        const from = loop.indexOf(start);
        const ordered = [...loop.slice(from), ...loop.slice(0, from)];
        const shown =
          ordered.length > LOOP_NAMES_SHOWN
            ? [...ordered.slice(0, LOOP_NAMES_SHOWN), `… ${ordered.length - LOOP_NAMES_SHOWN} more`]
            : ordered;
        const lines = inFile.map((email) => lineOf.get(email)!).sort((a, b) => a - b);
        const description = `${[...shown, start].join(' → ')} (${lineList(lines)})`;
        for (const email of inFile) {
          fail(lineOf.get(email)!, 'managerEmail', `reporting lines form a loop: ${description}`);
        }
      }
    }
    for (const email of path) state.set(email, 2);
  }
}

/** Convenience for callers holding the raw records: read, then plan. */
export function planPeopleImportFromRecords(
  records: readonly (readonly string[])[],
  context: ImportContext,
): PeopleImportPlan {
  return planPeopleImport(readPeopleCsv(records), context);
}

/** CSV1: the sample file offered for download, in the canonical header spelling. */
export function sampleCsv(): string {
  const rows = [
    CSV_FIELDS.map((field) => CSV_FIELD_LABELS[field]),
    [
      'Ada Park',
      'ada.park@example.com',
      'Head of Engineering',
      '',
      'Engineering',
      'office',
      '2019-02-01',
    ],
    [
      'Ben Ortiz',
      'ben.ortiz@example.com',
      'Engineering Manager',
      'ada.park@example.com',
      'Platform',
      'hybrid',
      '2021-06-14',
    ],
    [
      'Chloé Martin',
      'chloe.martin@example.com',
      'Software Engineer',
      'ben.ortiz@example.com',
      'Platform',
      'remote',
      '2024-09-02',
    ],
    [
      'Dev Patel',
      'dev.patel@example.com',
      'Software Engineer, Data',
      'ben.ortiz@example.com',
      'Platform',
      '',
      '2025-01-06',
    ],
  ];
  const escape = (cell: string) =>
    /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  return rows.map((row) => row.map(escape).join(',')).join('\r\n') + '\r\n';
}
