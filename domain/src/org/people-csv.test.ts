import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CSV_FIELD_LABELS,
  CSV_FIELDS,
  emailsMentioned,
  formatImportError,
  headerKey,
  importContext,
  planPeopleImport,
  planPeopleImportFromRecords,
  readPeopleCsv,
  sampleCsv,
  type ExistingPerson,
  type ImportContext,
} from './people-csv.ts';

const HEADER = 'Name,Email,Title,Manager email,Team,Location,Hire date';

/** Records of a simple file: one record per line, cells split on commas (no quoting). */
function records(text: string): string[][] {
  return text.split('\n').map((line) => line.split(','));
}

const empty = importContext({ people: [], teamNames: [] });

function plan(text: string, context: ImportContext = empty) {
  return planPeopleImportFromRecords(records(text), context);
}

function messages(text: string, context: ImportContext = empty): string[] {
  return plan(text, context).errors.map(formatImportError);
}

describe('header mapping', () => {
  it('[CSV1] maps headers ignoring case, spaces and punctuation', () => {
    expect(headerKey(' Work E-mail ')).toBe('workemail');
    const csv = readPeopleCsv(
      records('FULL NAME,work_email,Job Title,Manager,Department,Work location,Start date'),
    );
    expect(csv.columns).toEqual([...CSV_FIELDS]);
  });

  it('[CSV1] accepts every documented synonym and the sample file header', () => {
    const pairs: [string, string][] = [
      ['Name', 'name'],
      ['Full name', 'name'],
      ['Email', 'email'],
      ['Work email', 'email'],
      ['Title', 'title'],
      ['Job title', 'title'],
      ['Manager email', 'managerEmail'],
      ['Manager', 'managerEmail'],
      ['Team', 'team'],
      ['Department', 'team'],
      ['Location', 'location'],
      ['Work location', 'location'],
      ['Hire date', 'hireDate'],
      ['Start date', 'hireDate'],
    ];
    for (const [header, field] of pairs) {
      expect(readPeopleCsv([['Name', 'Email', header]]).columns).toContain(field);
    }
    expect(readPeopleCsv(records(sampleCsv().trim())).columns).toEqual([...CSV_FIELDS]);
  });

  it('[CSV1] ignores unknown columns and lists them', () => {
    const csv = readPeopleCsv(records('Name,Employee ID,Email,Cost centre\nAda,17,ada@x.io,CC1'));
    expect(csv.ignoredHeaders).toEqual(['Employee ID', 'Cost centre']);
    expect(csv.rows[0]!.cells).toEqual({ name: 'Ada', email: 'ada@x.io' });
  });

  it('[CSV1] refuses two columns holding the same field', () => {
    expect(messages('Name,Email,Work email\nAda,ada@x.io,ada@x.io')).toEqual([
      "Line 1: columns 'Email' and 'Work email' both hold the email: keep one of them",
    ]);
  });
});

describe('required columns and empty files', () => {
  it('[CSV2] names a missing required column in a file-level error', () => {
    const result = plan('Full name,Title\nAda,CTO');
    expect(result.errors).toEqual([
      {
        line: 1,
        column: 'email',
        message: expect.stringContaining("the header has no 'Email' column"),
      },
    ]);
  });

  it('[CSV2] refuses an empty file and a header without people', () => {
    expect(messages('')).toEqual([
      'Line 1: the file is empty: it needs a header line and one line per person',
    ]);
    expect(messages(`${HEADER}\n\n`)).toEqual([
      'Line 1: the file has a header but no people under it',
    ]);
  });
});

describe('line numbers', () => {
  it('[CSV3] counts the header as line 1 and blank lines as lines', () => {
    const result = plan(`${HEADER}\nAda,ada@x.io\n\n ,  \nBen,bob@`);
    expect(result.errors).toEqual([
      { line: 5, column: 'email', message: "email 'bob@' is not a valid address" },
    ]);
  });

  it('[CSV3] moves later records down by the line breaks inside quoted cells', () => {
    const result = planPeopleImportFromRecords(
      [
        ['Name', 'Email', 'Title'],
        ['Ada', 'ada@x.io', 'Head of\r\nPlatform\nand Data'],
        ['Ben', 'ben@', ''],
      ],
      empty,
    );
    expect(result.creates.map((person) => person.line)).toEqual([2]);
    expect(result.errors.map((error) => error.line)).toEqual([5]);
  });

  it('[CSV3] does not count the stray CR a mixed line ending leaves at the end of a cell', () => {
    const result = planPeopleImportFromRecords(
      [
        ['Name', 'Email\r'],
        ['Ada', 'ada@x.io\r'],
        ['Ben', 'ben@\r'],
      ],
      empty,
    );
    expect(result.errors.map((error) => error.line)).toEqual([3]);
  });

  it('[CSV3] skips blank lines above the header', () => {
    expect(messages(`\n${HEADER}\nBen,ben@`)).toEqual([
      "Line 3: email 'ben@' is not a valid address",
    ]);
  });
});

describe('row rules', () => {
  it('[CSV4] requires a name', () => {
    expect(messages(`${HEADER}\n  ,ada@x.io`)).toEqual(['Line 2: name is empty']);
  });

  it('[CSV5] refuses an invalid email in the words the preview shows', () => {
    expect(
      messages(`${HEADER}\nA,a@x.io\nB,b@x.io\nC,c@x.io\nD,d@x.io\nE,e@x.io\nBob,bob@`),
    ).toEqual(["Line 7: email 'bob@' is not a valid address"]);
  });

  it('[CSV5] reports a duplicate email on every line carrying it, ignoring case', () => {
    expect(
      messages(`${HEADER}\nAda,ada@x.io\nBen,ben@x.io\nAda Two,ADA@x.io\nAda 3,ada@X.io`),
    ).toEqual([
      "Line 2: email 'ada@x.io' is also on lines 4, 5",
      "Line 4: email 'ada@x.io' is also on lines 2, 5",
      "Line 5: email 'ada@x.io' is also on lines 2, 4",
    ]);
  });

  it('[CSV6] refuses an email that belongs to another organisation', () => {
    const context = importContext({
      people: [],
      teamNames: [],
      emailsInOtherOrganisations: ['Ada@X.io'],
    });
    expect(messages(`${HEADER}\nAda,ada@x.io`, context)).toEqual([
      "Line 2: email 'ada@x.io' belongs to an account in another organisation",
    ]);
  });

  it('[CSV7] reads location ignoring case and defaults an empty cell to office', () => {
    const result = plan(
      `${HEADER}\nA,a@x.io,,,,Remote\nB,b@x.io,,,,\nC,c@x.io,,,,HYBRID\nD,d@x.io,,,,moon`,
    );
    expect(result.creates.map((person) => person.location)).toEqual([
      'remote',
      'office',
      'hybrid',
      'office',
    ]);
    expect(result.errors.map(formatImportError)).toEqual([
      "Line 5: location 'moon' must be remote, office or hybrid",
    ]);
  });

  it('[CSV8] accepts ISO dates and refuses impossible ones', () => {
    const result = plan(`${HEADER}\nA,a@x.io,,,,,2024-02-29\nB,b@x.io,,,,,2025-02-29`);
    expect(result.creates[0]!.hireDate).toBe('2024-02-29');
    expect(result.errors.map(formatImportError)).toEqual([
      "Line 3: hire date '2025-02-29' is not a real date",
    ]);
  });

  it('[CSV8] offers both readings of an ambiguous date and the one reading of a clear one', () => {
    expect(
      messages(`${HEADER}\nA,a@x.io,,,,,03/04/2025\nB,b@x.io,,,,,13/04/2025\nC,c@x.io,,,,,April 3`),
    ).toEqual([
      "Line 2: hire date '03/04/2025' is ambiguous (day/month or month/day?): write it as YYYY-MM-DD, 2025-04-03 or 2025-03-04",
      "Line 3: hire date '13/04/2025' must be written as YYYY-MM-DD: 2025-04-13",
      "Line 4: hire date 'April 3' is not a date in YYYY-MM-DD form (e.g. 2025-04-03)",
    ]);
  });

  it('[CSV9] accepts a manager from the file (in any order) or from the organisation', () => {
    const context = importContext({
      people: [{ email: 'boss@x.io', managerEmail: null, status: 'active' }],
      teamNames: [],
    });
    const result = plan(
      `${HEADER}\nAda,ada@x.io,,ben@x.io\nBen,ben@x.io,,BOSS@x.io\nCy,cy@x.io,,`,
      context,
    );
    expect(result.errors).toEqual([]);
    expect(result.creates.map((person) => person.managerEmail)).toEqual([
      'ben@x.io',
      'boss@x.io',
      null,
    ]);
  });

  it('[CSV9] refuses an unknown manager and a person managing themselves', () => {
    expect(messages(`${HEADER}\nAda,ada@x.io,,nobody@x.io\nBen,ben@x.io,,Ben@x.io`)).toEqual([
      "Line 2: manager email 'nobody@x.io' is neither a person in this file nor in your organisation",
      "Line 3: 'ben@x.io' cannot be their own manager",
    ]);
  });

  it('[CSV9] refuses a deactivated manager unless the link already exists', () => {
    const context = importContext({
      people: [
        { email: 'gone@x.io', managerEmail: null, status: 'deactivated' },
        { email: 'kept@x.io', managerEmail: 'gone@x.io', status: 'active' },
      ],
      teamNames: [],
    });
    expect(
      messages(`${HEADER}\nAda,ada@x.io,,gone@x.io\nKept,kept@x.io,,gone@x.io`, context),
    ).toEqual(["Line 2: manager 'gone@x.io' is deactivated"]);
  });

  it('[CSV10] reports a reporting loop inside the file on each of its lines', () => {
    expect(
      messages(`${HEADER}\nA,a@x.io,,b@x.io\nB,b@x.io,,c@x.io\nC,c@x.io,,a@x.io\nD,d@x.io,,a@x.io`),
    ).toEqual([
      'Line 2: reporting lines form a loop: a@x.io → b@x.io → c@x.io → a@x.io (lines 2, 3, 4)',
      'Line 3: reporting lines form a loop: a@x.io → b@x.io → c@x.io → a@x.io (lines 2, 3, 4)',
      'Line 4: reporting lines form a loop: a@x.io → b@x.io → c@x.io → a@x.io (lines 2, 3, 4)',
    ]);
  });

  it('[CSV10] finds a loop through a person the file leaves out', () => {
    // boss@ (not in the file) already reports to ada@; the file makes ada@ report to boss@.
    const context = importContext({
      people: [
        { email: 'ada@x.io', managerEmail: null, status: 'active' },
        { email: 'boss@x.io', managerEmail: 'ada@x.io', status: 'active' },
      ],
      teamNames: [],
    });
    expect(messages(`${HEADER}\nAda,ada@x.io,,boss@x.io`, context)).toEqual([
      'Line 2: reporting lines form a loop: ada@x.io → boss@x.io → ada@x.io (line 2)',
    ]);
  });

  it('[CSV10] lets a file reverse an existing reporting line in one go', () => {
    const context = importContext({
      people: [
        { email: 'ada@x.io', managerEmail: null, status: 'active' },
        { email: 'ben@x.io', managerEmail: 'ada@x.io', status: 'active' },
      ],
      teamNames: [],
    });
    expect(messages(`${HEADER}\nAda,ada@x.io,,ben@x.io\nBen,ben@x.io,,`, context)).toEqual([]);
  });

  it('[CSV11] splits rows into creates and updates and lower-cases emails', () => {
    const context = importContext({
      people: [{ email: 'Ada@x.io', managerEmail: null, status: 'active' }],
      teamNames: [],
    });
    const result = plan(`${HEADER}\nAda L,ADA@x.io,CTO\nBen,Ben@x.io,Engineer,ada@X.io`, context);
    expect(result.updates.map((person) => person.email)).toEqual(['ada@x.io']);
    expect(result.creates).toEqual([
      {
        line: 3,
        name: 'Ben',
        email: 'ben@x.io',
        title: 'Engineer',
        managerEmail: 'ada@x.io',
        team: null,
        location: 'office',
        hireDate: null,
      },
    ]);
  });

  it('[CSV11] records which columns the file has, so absent ones are left alone', () => {
    expect(plan('Name,Email,Team\nAda,ada@x.io,Core').columns).toEqual(['name', 'email', 'team']);
  });

  it('[CSV12] creates teams that do not exist yet, once each, matching names loosely', () => {
    const context = importContext({ people: [], teamNames: ['Platform'] });
    const result = plan(
      `${HEADER}\nA,a@x.io,,,platform\nB,b@x.io,,,Data  Science\nC,c@x.io,,,data science\nD,d@x.io,,,`,
      context,
    );
    expect(result.newTeams).toEqual(['Data Science']);
    expect(result.creates.map((person) => person.team)).toEqual([
      'platform',
      'Data Science',
      'data science',
      null,
    ]);
  });

  it('[CSV13] refuses a row with more filled cells than the header has columns', () => {
    expect(messages('Name,Email\nAda,ada@x.io,Engineer, Platform\nBen,ben@x.io,,')).toEqual([
      'Line 2: the line has 2 more filled cells than the header has columns (a comma inside a value needs quotes)',
    ]);
  });

  it('[CSV15] lists the emails the server must look up', () => {
    const csv = readPeopleCsv(
      records(`${HEADER}\nAda,ADA@x.io,,boss@x.io\nBen,ben@x.io,,ada@x.io`),
    );
    expect(emailsMentioned(csv).sort()).toEqual(['ada@x.io', 'ben@x.io', 'boss@x.io']);
  });

  it('[CSV1] the sample file is a valid import', () => {
    const result = planPeopleImportFromRecords(
      sampleCsv()
        .trim()
        .split('\r\n')
        .map((line) =>
          line
            .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
            .slice(0, 7)
            .map(unquote),
        ),
      empty,
    );
    expect(result.errors).toEqual([]);
    expect(result.creates).toHaveLength(4);
    expect(CSV_FIELDS.map((field) => CSV_FIELD_LABELS[field]).join(',')).toBe(HEADER);
  });
});

function unquote(cell: string): string {
  const bare = cell.endsWith(',') ? cell.slice(0, -1) : cell;
  return bare.startsWith('"') ? bare.slice(1, -1).replaceAll('""', '"') : bare;
}

// Generated files: people with unique emails, managers chosen among earlier rows, so no loops.
const personArb = fc.record({
  name: fc
    .string({ minLength: 1, maxLength: 30 })
    .filter((name) => /^[^,\n\r]*\S[^,\n\r]*$/.test(name)),
  title: fc.constantFrom('', 'Engineer', 'Designer', 'Head of Sales'),
  team: fc.constantFrom('', 'Platform', 'Data', 'platform', 'Sales Ops'),
  location: fc.constantFrom('', 'remote', 'Office', 'HYBRID'),
  hireDate: fc.option(
    fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
    {
      nil: null,
    },
  ),
  managerPick: fc.option(fc.nat(), { nil: null }),
});

const validFileArb = fc.array(personArb, { minLength: 1, maxLength: 60 }).map((people) => {
  const lines = people.map((person, index) => {
    const manager =
      person.managerPick === null || index === 0 ? '' : `p${person.managerPick % index}@x.io`;
    const hire = person.hireDate === null ? '' : person.hireDate.toISOString().slice(0, 10);
    return [
      person.name,
      `p${index}@x.io`,
      person.title,
      manager,
      person.team,
      person.location,
      hire,
    ];
  });
  return [HEADER.split(','), ...lines];
});

describe('properties', () => {
  it('[CSV14] valid generated files never produce errors', () => {
    fc.assert(
      fc.property(validFileArb, (file) => {
        const result = planPeopleImportFromRecords(file, empty);
        expect(result.errors).toEqual([]);
        expect(result.creates).toHaveLength(file.length - 1);
      }),
    );
  });

  it('[CSV14] shuffling the rows changes neither the errors nor the people planned', () => {
    const cell = fc.constantFrom(
      '',
      'Ada',
      'p1@x.io',
      'p2@x.io',
      'P1@x.io',
      'bob@',
      'remote',
      'moon',
      '2025-02-30',
      '03/04/2025',
      'Platform',
    );
    const fileArb = fc.array(fc.array(cell, { minLength: 7, maxLength: 7 }), {
      minLength: 1,
      maxLength: 25,
    });
    fc.assert(
      fc.property(fileArb, fc.infiniteStream(fc.nat()), (rows, randomness) => {
        const csv = readPeopleCsv([HEADER.split(','), ...rows]);
        const shuffled = [...csv.rows];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = randomness.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const before = planPeopleImport(csv, empty);
        const after = planPeopleImport({ ...csv, rows: shuffled }, empty);
        expect(after).toEqual(before);
      }),
    );
  });

  it('plans 5,000 rows against 5,000 existing people in well under a second', () => {
    const existing: ExistingPerson[] = Array.from({ length: 5000 }, (_, i) => ({
      email: `e${i}@x.io`,
      managerEmail: i === 0 ? null : `e${Math.floor(i / 7)}@x.io`,
      status: 'active',
    }));
    const context = importContext({ people: existing, teamNames: ['Team 1'] });
    const file = [HEADER.split(',')];
    for (let i = 0; i < 5000; i++) {
      const manager = i === 0 ? '' : `p${Math.floor(i / 8)}@x.io`;
      file.push([
        `Person ${i}`,
        i % 2 ? `p${i}@x.io` : `e${i}@x.io`,
        'Engineer',
        manager,
        `Team ${i % 40}`,
        'hybrid',
        '2024-01-15',
      ]);
    }
    // Rows with even i are updates; their managers p… must exist: keep only odd-numbered managers.
    for (const row of file.slice(1))
      if (row[3] && Number(row[3].slice(1, -5)) % 2 === 0) row[3] = 'e0@x.io';
    const started = performance.now();
    const result = planPeopleImportFromRecords(file, context);
    const elapsed = performance.now() - started;
    expect(result.errors).toEqual([]);
    expect(result.creates.length + result.updates.length).toBe(5000);
    expect(elapsed).toBeLessThan(500);
  });
});
