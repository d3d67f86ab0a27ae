import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asciiPart,
  departmentCount,
  generateOrganisation,
  JOB_LEVELS,
  MIN_PEOPLE,
  type FeaturedPerson,
  type GeneratedOrganisation,
  type GeneratedPerson,
  type GenerateOptions,
} from './generate.ts';
import { levelForTitle, type Position } from './levels.ts';
import { createRandom } from './random.ts';

const DOMAIN = 'example.test';
const options = (people: number, seed = 7): GenerateOptions => ({ people, seed, domain: DOMAIN });

/** Sizes and seeds for the property tests: small, demo-sized and large organisations. */
const sizes = fc.oneof(
  fc.integer({ min: MIN_PEOPLE, max: 120 }),
  fc.integer({ min: 121, max: 900 }),
  fc.integer({ min: 901, max: 6000 }),
);
const seeds = fc.integer({ min: -2_147_483_648, max: 2_147_483_647 });
const propertyRuns = { numRuns: 40 };

function directReports(org: GeneratedOrganisation): Map<string, string[]> {
  const reports = new Map<string, string[]>();
  for (const person of org.people) {
    if (person.managerKey)
      reports.set(person.managerKey, [...(reports.get(person.managerKey) ?? []), person.key]);
  }
  return reports;
}

describe('generateOrganisation', () => {
  it('[DEMO1] gives the same organisation for the same options, and another for another seed', () => {
    expect(generateOrganisation(options(300, 11))).toEqual(generateOrganisation(options(300, 11)));
    expect(generateOrganisation(options(300, 12)).people).not.toEqual(
      generateOrganisation(options(300, 11)).people,
    );
  });

  it('[DEMO2] generates exactly the number of people asked for, under one CEO, without loops', () => {
    fc.assert(
      fc.property(sizes, seeds, (people, seed) => {
        const org = generateOrganisation(options(people, seed));
        expect(org.people).toHaveLength(people);
        const roots = org.people.filter((person) => person.managerKey === null);
        expect(roots.map((person) => person.title)).toEqual(['Chief Executive Officer']);
        // Every manager is listed before their reports, so following managers always ends at the CEO.
        const position = new Map(org.people.map((person, index) => [person.key, index]));
        org.people.forEach((person, index) => {
          if (person.managerKey === null) return;
          expect(position.get(person.managerKey)).toBeLessThan(index);
        });
        expect(new Set(org.people.map((person) => person.key)).size).toBe(people);
      }),
      propertyRuns,
    );
  });

  it('[DEMO2] refuses sizes outside 25 to 50,000 and a malformed domain or day', () => {
    expect(() => generateOrganisation(options(24))).toThrow(RangeError);
    expect(() => generateOrganisation(options(50_001))).toThrow(RangeError);
    expect(() => generateOrganisation(options(100.5))).toThrow(RangeError);
    expect(() => generateOrganisation({ ...options(100), domain: 'not a domain' })).toThrow(
      RangeError,
    );
    expect(() => generateOrganisation({ ...options(100), today: '2026-02-30' })).toThrow(
      RangeError,
    );
  });

  it('[DEMO3] gives every manager between 4 and 9 direct reports', () => {
    fc.assert(
      fc.property(sizes, seeds, (people, seed) => {
        for (const reports of directReports(generateOrganisation(options(people, seed))).values()) {
          expect(reports.length).toBeGreaterThanOrEqual(4);
          expect(reports.length).toBeLessThanOrEqual(9);
        }
      }),
      propertyRuns,
    );
  });

  it('[DEMO4] has four departments below 800 people and up to nine as the organisation grows', () => {
    expect([25, 150, 799].map(departmentCount)).toEqual([4, 4, 4]);
    expect([800, 1300, 3300, 5000, 50_000].map(departmentCount)).toEqual([5, 6, 9, 9, 9]);
    const demo = generateOrganisation(options(150));
    expect(
      demo.teams.filter((team) => team.kind === 'department').map((team) => team.name),
    ).toEqual(['Engineering', 'Product & Design', 'Sales & Marketing', 'People & Operations']);
  });

  it('[DEMO4] puts heads under the CEO and teams under departments, each team a manager and 4–9 members', () => {
    fc.assert(
      fc.property(sizes, seeds, (people, seed) => {
        const org = generateOrganisation(options(people, seed));
        const departments = org.teams.filter((team) => team.kind === 'department');
        expect(departments).toHaveLength(departmentCount(people));
        const departmentKeys = new Set(departments.map((team) => team.key));
        const ceo = org.people[0]!;
        expect(ceo.teamKey).toBeNull();
        const heads = org.people.filter((person) => person.managerKey === ceo.key);
        expect(heads.map((head) => head.teamKey)).toEqual(
          departments.map((department) => department.key),
        );

        for (const team of org.teams.filter((candidate) => candidate.kind === 'team')) {
          expect(departmentKeys.has(team.parentKey!)).toBe(true);
          const members = org.people.filter((person) => person.teamKey === team.key);
          const inTeam = new Set(members.map((person) => person.key));
          const managers = members.filter((person) => !inTeam.has(person.managerKey!));
          expect(managers).toHaveLength(1);
          const others = members.filter((person) => person !== managers[0]);
          expect(others.every((person) => person.managerKey === managers[0]!.key)).toBe(true);
          expect(others.length).toBeGreaterThanOrEqual(4);
          expect(others.length).toBeLessThanOrEqual(9);
        }
        // Everyone outside a team (heads, directors, senior staff) belongs to a department.
        const teamKeys = new Set(org.teams.map((team) => team.key));
        expect(org.people.slice(1).every((person) => teamKeys.has(person.teamKey!))).toBe(true);

        const names = org.teams.map((team) => team.name.toLowerCase());
        expect(new Set(names).size).toBe(names.length);
      }),
      propertyRuns,
    );
  });

  it('[DEMO4] gives the 150-person demo several teams in every department', () => {
    const org = generateOrganisation(options(150));
    for (const department of org.teams.filter((team) => team.kind === 'department')) {
      expect(
        org.teams.filter((team) => team.parentKey === department.key).length,
      ).toBeGreaterThanOrEqual(3);
    }
  });

  it('[DEMO5] gives everyone a unique lower-case email under the domain, derived from their name', () => {
    fc.assert(
      fc.property(sizes, seeds, (people, seed) => {
        const org = generateOrganisation(options(people, seed));
        const emails = org.people.map((person) => person.email);
        expect(new Set(emails.map((email) => email.toLowerCase())).size).toBe(people);
        for (const person of org.people) {
          expect(person.email).toMatch(/^[a-z0-9]+\.[a-z0-9]+@example\.test$/);
          const [given, ...family] = person.name.split(' ');
          expect(
            person.email.startsWith(`${asciiPart(given!)}.${asciiPart(family.join(''))}`),
          ).toBe(true);
        }
      }),
      propertyRuns,
    );
  });

  it('[DEMO5] folds accents and punctuation out of email addresses', () => {
    expect(asciiPart('Wiśniewska')).toBe('wisniewska');
    expect(asciiPart("O'Brien")).toBe('obrien');
    expect(asciiPart('Yılmaz')).toBe('yilmaz');
    expect(asciiPart('Dela Cruz')).toBe('delacruz');
    expect(asciiPart('Lefèvre')).toBe('lefevre');
  });

  it('[DEMO5] places featured people at their spots with their email, name and title', () => {
    const featured: FeaturedPerson[] = [
      { slot: { kind: 'ceo' }, email: 'Boss@Example.test', name: 'Ada Boss' },
      { slot: { kind: 'department-head', department: 3 }, email: 'admin@example.test' },
      {
        slot: { kind: 'team-manager', department: 0, team: 0 },
        email: 'lead@example.test',
        title: 'Team Lead',
      },
      {
        slot: { kind: 'team-member', department: 0, team: 0, member: 0 },
        email: 'dev@example.test',
        name: 'Dev One',
      },
    ];
    const org = generateOrganisation({ ...options(150), featured });
    const byEmail = new Map(org.people.map((person) => [person.email, person]));
    const ceo = byEmail.get('boss@example.test')!;
    expect(ceo).toMatchObject({
      name: 'Ada Boss',
      managerKey: null,
      title: 'Chief Executive Officer',
    });
    const admin = byEmail.get('admin@example.test')!;
    expect(admin).toMatchObject({
      managerKey: ceo.key,
      teamKey: 'd3',
      title: 'VP People Operations',
      role: 'admin',
    });
    const lead = byEmail.get('lead@example.test')!;
    expect(lead).toMatchObject({ title: 'Team Lead', teamKey: 't0' });
    expect(byEmail.get('dev@example.test')).toMatchObject({
      name: 'Dev One',
      managerKey: lead.key,
      teamKey: 't0',
    });
    // Nobody else was given a featured email.
    expect(org.people.filter((person) => person.email.endsWith('@example.test'))).toHaveLength(150);
    expect(new Set(org.people.map((person) => person.email)).size).toBe(150);
  });

  it('[DEMO5] refuses a featured spot the organisation does not have, or two people on one spot', () => {
    const member = { kind: 'team-member', department: 0, team: 0, member: 20 } as const;
    expect(() =>
      generateOrganisation({
        ...options(150),
        featured: [{ slot: member, email: 'x@example.test' }],
      }),
    ).toThrow(/has no/);
    const ceo = { kind: 'ceo' } as const;
    expect(() =>
      generateOrganisation({
        ...options(150),
        featured: [
          { slot: ceo, email: 'a@example.test' },
          { slot: ceo, email: 'b@example.test' },
        ],
      }),
    ).toThrow(/share the slot/);
  });

  it('[DEMO6] keeps locations, hire dates, levels and pay-range positions within their ranges', () => {
    fc.assert(
      fc.property(sizes, seeds, (people, seed) => {
        const org = generateOrganisation({ ...options(people, seed), today: '2026-07-01' });
        const reports = directReports(org);
        const outOfRange = org.people.filter(
          (person) =>
            !['remote', 'office', 'hybrid'].includes(person.location) ||
            !(person.hireDate >= '2018-07-01' && person.hireDate <= '2026-06-24') ||
            !(JOB_LEVELS as readonly string[]).includes(person.jobLevel) ||
            // Managers are on the M ladder, individual contributors on the IC ladder.
            person.jobLevel.startsWith('M') !== reports.has(person.key) ||
            !(person.payRangePosition >= 0.02 && person.payRangePosition <= 1.15) ||
            // Whole percentages of the range (ORG11).
            Math.abs(person.payRangePosition * 100 - Math.round(person.payRangePosition * 100)) >
              1e-9,
        );
        expect(outOfRange).toEqual([]);
      }),
      propertyRuns,
    );
  });

  it('[DEMO6] mixes locations and spreads hire dates over the years', () => {
    const org = generateOrganisation(options(1000));
    const locations = new Set(org.people.map((person) => person.location));
    expect(locations).toEqual(new Set(['remote', 'office', 'hybrid']));
    const years = new Set(org.people.map((person) => person.hireDate.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(8);
  });

  it('[DEMO6] puts most people inside their pay range and a few just above its top', () => {
    const positions = generateOrganisation(options(1000)).people.map((p) => p.payRangePosition);
    const above = positions.filter((position) => position > 1).length / positions.length;
    expect(above).toBeGreaterThan(0);
    expect(above).toBeLessThan(0.1);
    const sorted = [...positions].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    expect(median).toBeGreaterThan(0.4);
    expect(median).toBeLessThan(0.7);
  });

  it('[DEMO12] gives everyone the level their title names, well-known accounts included', () => {
    const featured: FeaturedPerson[] = [
      { slot: { kind: 'ceo' }, email: 'ceo@example.test', title: 'Chief Executive Officer' },
      {
        slot: { kind: 'team-manager', department: 0, team: 0 },
        email: 'manager@example.test',
        title: 'Engineering Manager',
      },
      {
        slot: { kind: 'team-member', department: 0, team: 0, member: 0 },
        email: 'senior@example.test',
        title: 'Senior Software Engineer',
      },
      {
        slot: { kind: 'team-member', department: 0, team: 0, member: 1 },
        email: 'principal@example.test',
        title: 'Principal Software Engineer',
      },
    ];
    fc.assert(
      fc.property(sizes, seeds, (people, seed) => {
        const org = generateOrganisation({ ...options(Math.max(people, 60), seed), featured });
        const reports = directReports(org);
        const ceo = org.people[0]!;
        // Where each person sits, read from the reporting lines alone.
        const positionOf = (person: GeneratedPerson): Position => {
          const own = reports.get(person.key);
          if (person.managerKey === null) return 'ceo';
          if (person.managerKey === ceo.key) return 'department-head';
          if (!own) return 'individual';
          return own.some((key) => reports.has(key)) ? 'director' : 'team-manager';
        };
        const mismatched = org.people.filter(
          (person) => person.jobLevel !== levelForTitle(person.title, positionOf(person)),
        );
        expect(mismatched).toEqual([]);
        const byEmail = new Map(org.people.map((person) => [person.email, person.jobLevel]));
        expect(byEmail.get('senior@example.test')).toBe('IC3');
        expect(byEmail.get('principal@example.test')).toBe('IC5');
        expect(byEmail.get('manager@example.test')).toBe('M1');
      }),
      propertyRuns,
    );
  });

  it('[DEMO7] has a closed 2026 H1 and an active 2026 H2', () => {
    expect(generateOrganisation(options(50)).cycles).toEqual([
      { name: '2026 H1', startsOn: '2026-01-01', endsOn: '2026-06-30', status: 'closed' },
      { name: '2026 H2', startsOn: '2026-07-01', endsOn: '2026-12-31', status: 'active' },
    ]);
  });

  it('[DEMO8] makes exactly one admin, the head of People & Operations', () => {
    fc.assert(
      fc.property(sizes, seeds, (people, seed) => {
        const org = generateOrganisation(options(people, seed));
        const admins = org.people.filter((person) => person.role === 'admin');
        expect(admins).toHaveLength(1);
        const peopleOps = org.teams.find((team) => team.name === 'People & Operations')!;
        expect(admins[0]).toMatchObject({ teamKey: peopleOps.key, managerKey: org.people[0]!.key });
      }),
      propertyRuns,
    );
  });

  it('generates 5,000 people in well under a second', () => {
    const started = performance.now();
    generateOrganisation(options(5000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('createRandom', () => {
  it('[DEMO1] repeats its sequence for a seed and stays within bounds', () => {
    const a = createRandom(99);
    const b = createRandom(99);
    const values = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(values);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const random = createRandom(5);
    const ints = Array.from({ length: 1000 }, () => random.int(4, 9));
    expect(new Set(ints)).toEqual(new Set([4, 5, 6, 7, 8, 9]));
  });
});
