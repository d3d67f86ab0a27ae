// Generates a realistic organisation as plain data (rules DEMO1–DEMO8 in SPEC.md): departments
// and their teams, people with titles, levels, locations, hire dates and pay-range positions,
// reporting lines from one CEO down through department heads, directors and team managers, and
// two goal cycles. Pure and deterministic: the same options give the same organisation.
import { DEPARTMENTS, PEOPLE_DEPARTMENT_INDEX, type DepartmentTemplate } from './departments.ts';
import { levelForTitle, type JobLevel, type Position } from './levels.ts';
import { FAMILY_NAMES, GIVEN_NAMES } from './names.ts';
import { createRandom, type Random } from './random.ts';

export { JOB_LEVELS, type JobLevel } from './levels.ts';

export const MIN_PEOPLE = 25;
export const MAX_PEOPLE = 50_000;
/** Every manager has between SPAN_MIN and SPAN_MAX direct reports (DEMO3). */
export const SPAN_MIN = 4;
export const SPAN_MAX = 9;
/** Members of a team besides its manager (DEMO4). */
const TEAM_MEMBERS_MIN = 4;
const TEAM_MEMBERS_MAX = 9;
/** Hire dates fall within this many years before `today` (DEMO6). */
export const HIRE_YEARS = 8;
/**
 * Pay-range positions (ORG11: 0 the bottom of the range, 1 the top) are drawn between these, in
 * whole percent: most people inside their range, a few just above its top (DEMO6).
 */
export const PAY_RANGE_MIN = 0.02;
export const PAY_RANGE_MAX = 1.15;

export type Location = 'remote' | 'office' | 'hybrid';
export type Role = 'admin' | 'member';

export interface GeneratedTeam {
  key: string;
  name: string;
  kind: 'department' | 'team';
  /** A team's department; null for departments (ORG6). */
  parentKey: string | null;
}

export interface GeneratedPerson {
  key: string;
  name: string;
  email: string;
  title: string;
  managerKey: string | null;
  teamKey: string | null;
  location: Location;
  /** A calendar day, YYYY-MM-DD. */
  hireDate: string;
  jobLevel: JobLevel;
  payRangePosition: number;
  role: Role;
}

export interface GeneratedCycle {
  name: string;
  startsOn: string;
  endsOn: string;
  status: 'closed' | 'active';
}

export interface GeneratedOrganisation {
  /** Departments first, then teams, so every parent comes before its children. */
  teams: GeneratedTeam[];
  /** Top-down: every manager comes before their reports; the CEO is first. */
  people: GeneratedPerson[];
  cycles: GeneratedCycle[];
}

/** A spot in the generated structure where a well-known person is placed (DEMO5). */
export type FeaturedSlot =
  | { kind: 'ceo' }
  | { kind: 'department-head'; department: number }
  | { kind: 'team-manager'; department: number; team: number }
  | { kind: 'team-member'; department: number; team: number; member: number };

export interface FeaturedPerson {
  slot: FeaturedSlot;
  email: string;
  name?: string;
  title?: string;
}

export interface GenerateOptions {
  people: number;
  seed: number;
  /** Email domain of everyone generated, e.g. "demo.threadline.test". */
  domain: string;
  /** The day hire dates are counted back from, YYYY-MM-DD. */
  today?: string;
  featured?: readonly FeaturedPerson[];
}

export const DEFAULT_TODAY = '2026-07-01';

/** The two cycles every generated organisation has (DEMO7). */
export const GENERATED_CYCLES: readonly GeneratedCycle[] = [
  { name: '2026 H1', startsOn: '2026-01-01', endsOn: '2026-06-30', status: 'closed' },
  { name: '2026 H2', startsOn: '2026-07-01', endsOn: '2026-12-31', status: 'active' },
];

/** Four departments below 800 people, one more per further 500, at most nine (DEMO4). */
export function departmentCount(people: number): number {
  return Math.min(SPAN_MAX, Math.max(4, 4 + Math.floor((people - 300) / 500)));
}

type NodeKind = 'ceo' | 'head' | 'director' | 'staff' | 'manager' | 'member';

interface Node {
  kind: NodeKind;
  department: number | null;
  teamKey: string | null;
  /** For directors: 1 for those who manage team managers, 2 for those above them. */
  layer: number;
  /** For members: their role in the team. */
  role: string;
  children: Node[];
  featured?: FeaturedPerson;
}

interface DepartmentShape {
  head: Node;
  /** The team managers of this department, in team order. */
  managers: Node[];
}

export function generateOrganisation(options: GenerateOptions): GeneratedOrganisation {
  const { people: total, seed, domain } = options;
  if (!Number.isInteger(total) || total < MIN_PEOPLE || total > MAX_PEOPLE) {
    throw new RangeError(`people must be a whole number from ${MIN_PEOPLE} to ${MAX_PEOPLE}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError('seed must be a whole number');
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(domain)) {
    throw new RangeError(`not an email domain: ${domain}`);
  }
  const today = dayNumber(options.today ?? DEFAULT_TODAY);
  const random = createRandom(seed);

  const departmentTotal = departmentCount(total);
  const sizes = allocate(total - 1 - departmentTotal, DEPARTMENTS.slice(0, departmentTotal));
  const teams: GeneratedTeam[] = [];
  const departmentTeams: GeneratedTeam[] = [];
  const ceo = node('ceo', null, null);
  const shapes: DepartmentShape[] = [];
  for (let index = 0; index < departmentTotal; index++) {
    const template = DEPARTMENTS[index]!;
    const key = `d${index}`;
    teams.push({ key, name: template.name, kind: 'department', parentKey: null });
    const shape = buildDepartment(random, index, template, key, sizes[index]!, departmentTeams);
    ceo.children.push(shape.head);
    shapes.push(shape);
  }
  teams.push(...departmentTeams);

  for (const featured of options.featured ?? []) {
    const target = findSlot(ceo, shapes, featured.slot);
    if (target.featured)
      throw new Error(`two featured people share the slot ${JSON.stringify(featured.slot)}`);
    target.featured = featured;
  }

  const names = new NameSource(random, domain, options.featured ?? []);
  const people: GeneratedPerson[] = [];
  const visit = (current: Node, managerKey: string | null) => {
    const key = `p${people.length}`;
    people.push(describe(random, current, key, managerKey, names, today));
    for (const child of current.children) visit(child, key);
  };
  visit(ceo, null);
  return { teams, people, cycles: GENERATED_CYCLES.map((cycle) => ({ ...cycle })) };
}

function node(kind: NodeKind, department: number | null, teamKey: string | null, role = ''): Node {
  return { kind, department, teamKey, layer: 0, role, children: [] };
}

/**
 * Splits `people` between departments by weight, largest remainder first, with at least
 * SPAN_MIN for each so every department head manages enough people.
 */
function allocate(people: number, departments: readonly DepartmentTemplate[]): number[] {
  const spare = people - SPAN_MIN * departments.length;
  const weights = departments.reduce((sum, department) => sum + department.weight, 0);
  const exact = departments.map((department) => (spare * department.weight) / weights);
  const sizes = exact.map((share) => SPAN_MIN + Math.floor(share));
  let left = people - sizes.reduce((sum, size) => sum + size, 0);
  const byRemainder = exact
    .map((share, index) => ({ index, remainder: share - Math.floor(share) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    sizes[index]! += 1;
    left -= 1;
  }
  return sizes;
}

/** How many directors `teams` teams need, and how many units then report to the head. */
function directorLayers(teams: number): { directors: number; top: number } {
  let units = teams;
  let directors = 0;
  while (units > SPAN_MAX) {
    units = Math.ceil(units / 7);
    directors += units;
  }
  return { directors, top: units };
}

/**
 * A department of `size` people below its head: teams of a manager and 4–9 members, grouped under
 * directors when the head would otherwise manage more than nine of them, plus a few senior staff
 * reporting to the head directly so the head's span is at least four.
 */
function buildDepartment(
  random: Random,
  index: number,
  template: DepartmentTemplate,
  departmentKey: string,
  size: number,
  teamsOut: GeneratedTeam[],
): DepartmentShape {
  const head = node('head', index, departmentKey);
  const staff = (count: number) => {
    for (let i = 0; i < count; i++)
      head.children.push(node('staff', index, departmentKey, random.pick(template.staffRoles)));
  };
  if (size < 10) {
    staff(size);
    return { head, managers: [] };
  }

  const plan = planTeams(random, size);
  const managers: Node[] = [];
  for (let team = 0; team < plan.teamSizes.length; team++) {
    const template_ = template.teams[team % template.teams.length]!;
    const round = Math.floor(team / template.teams.length);
    const key = `t${teamsOut.length}`;
    teamsOut.push({
      key,
      name: round === 0 ? template_.name : `${template_.name} ${round + 1}`,
      kind: 'team',
      parentKey: departmentKey,
    });
    const manager = node('manager', index, key);
    for (let member = 0; member < plan.teamSizes[team]! - 1; member++) {
      manager.children.push(node('member', index, key, template_.role));
    }
    managers.push(manager);
  }

  let units: Node[] = managers;
  for (let layer = 1; units.length > SPAN_MAX; layer++) {
    const groups = Math.ceil(units.length / 7);
    const next: Node[] = [];
    for (let group = 0; group < groups; group++) {
      const from = Math.floor((group * units.length) / groups);
      const to = Math.floor(((group + 1) * units.length) / groups);
      const director = node('director', index, departmentKey);
      director.layer = layer;
      director.children = units.slice(from, to);
      next.push(director);
    }
    units = next;
  }
  head.children.push(...units);
  staff(plan.staff);
  return { head, managers };
}

/** Team sizes (manager included, 5–10 each) and direct staff that add up to `size` exactly. */
function planTeams(random: Random, size: number): { teamSizes: number[]; staff: number } {
  const ideal = Math.max(1, Math.round(size / 7));
  for (let step = 0; step < size; step++) {
    const teams = ideal + (step % 2 === 0 ? step / 2 : -(step + 1) / 2);
    if (teams < 1) continue;
    const { directors, top } = directorLayers(teams);
    let staff = Math.max(0, SPAN_MIN - top);
    const inTeams = () => size - directors - staff;
    const fits = () =>
      inTeams() >= teams * (1 + TEAM_MEMBERS_MIN) && inTeams() <= teams * (1 + TEAM_MEMBERS_MAX);
    if (!fits()) continue;
    // Now and then a head also has one more senior person outside the teams.
    if (top + staff < SPAN_MAX && random.next() < 0.4) {
      staff += 1;
      if (!fits()) staff -= 1;
    }
    const teamSizes = new Array<number>(teams).fill(1 + TEAM_MEMBERS_MIN);
    for (let extra = inTeams() - teams * (1 + TEAM_MEMBERS_MIN); extra > 0; extra--) {
      let team = random.int(0, teams - 1);
      while (teamSizes[team]! >= 1 + TEAM_MEMBERS_MAX) team = (team + 1) % teams;
      teamSizes[team]! += 1;
    }
    return { teamSizes, staff };
  }
  throw new Error(`no team layout fits ${size} people`);
}

function findSlot(ceo: Node, shapes: readonly DepartmentShape[], slot: FeaturedSlot): Node {
  const missing = () => new Error(`the generated organisation has no ${JSON.stringify(slot)}`);
  if (slot.kind === 'ceo') return ceo;
  const shape = shapes[slot.department];
  if (!shape) throw missing();
  if (slot.kind === 'department-head') return shape.head;
  const manager = shape.managers[slot.team];
  if (!manager) throw missing();
  if (slot.kind === 'team-manager') return manager;
  const member = manager.children[slot.member];
  if (!member) throw missing();
  return member;
}

/** Unique names and emails; featured people's emails are reserved before anyone else's. */
class NameSource {
  readonly #random: Random;
  readonly #domain: string;
  readonly #emails = new Set<string>();
  readonly #names = new Set<string>();

  constructor(random: Random, domain: string, featured: readonly FeaturedPerson[]) {
    this.#random = random;
    this.#domain = domain;
    for (const person of featured) {
      const email = person.email.toLowerCase();
      if (this.#emails.has(email)) throw new Error(`two featured people share the email ${email}`);
      this.#emails.add(email);
      if (person.name) this.#names.add(person.name);
    }
  }

  next(): { name: string; email: string } {
    let name = '';
    // Prefer a full name nobody has yet; in a large company two people may share one.
    for (let attempt = 0; attempt < 8; attempt++) {
      name = `${this.#random.pick(GIVEN_NAMES)} ${this.#random.pick(FAMILY_NAMES)}`;
      if (!this.#names.has(name)) break;
    }
    this.#names.add(name);
    const [given, ...family] = name.split(' ');
    const base = `${asciiPart(given!)}.${asciiPart(family.join(''))}`;
    let email = `${base}@${this.#domain}`;
    for (let suffix = 2; this.#emails.has(email); suffix++)
      email = `${base}${suffix}@${this.#domain}`;
    this.#emails.add(email);
    return { name, email };
  }
}

const SPECIAL_LETTERS: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  đ: 'd',
  ı: 'i',
};

/** "Wiśniewska" → "wisniewska", "O'Brien" → "obrien", "Dela Cruz" → "delacruz". */
export function asciiPart(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łøßæđı]/g, (letter) => SPECIAL_LETTERS[letter]!)
    .replace(/[^a-z0-9]/g, '');
}

const IC_LEVELS: readonly (readonly [JobLevel, number])[] = [
  ['IC1', 10],
  ['IC2', 28],
  ['IC3', 32],
  ['IC4', 20],
  ['IC5', 8],
  ['IC6', 2],
];

const LOCATIONS: readonly (readonly [Location, number])[] = [
  ['hybrid', 40],
  ['remote', 35],
  ['office', 25],
];

function seniorityPrefix(level: JobLevel, ladder: DepartmentTemplate['ladder']): string {
  switch (level) {
    case 'IC1':
      return 'Associate ';
    case 'IC3':
      return 'Senior ';
    case 'IC4':
      return ladder === 'technical' ? 'Staff ' : 'Lead ';
    case 'IC5':
      return 'Principal ';
    case 'IC6':
      return ladder === 'technical' ? 'Distinguished ' : 'Senior Principal ';
    default:
      return '';
  }
}

const POSITIONS: Record<NodeKind, Position> = {
  ceo: 'ceo',
  head: 'department-head',
  director: 'director',
  manager: 'team-manager',
  staff: 'individual',
  member: 'individual',
};

function describe(
  random: Random,
  current: Node,
  key: string,
  managerKey: string | null,
  names: NameSource,
  today: number,
): GeneratedPerson {
  const department = current.department === null ? undefined : DEPARTMENTS[current.department]!;
  const earliest = today - Math.round(HIRE_YEARS * 365.25);
  let jobLevel: JobLevel;
  let title: string;
  // Leaders joined early; everyone else up to a week ago, more of them recently (a growing company).
  let hired = today - 7 - Math.floor((today - 7 - earliest) * random.next() ** 1.5);
  switch (current.kind) {
    case 'ceo':
      jobLevel = 'M6';
      title = 'Chief Executive Officer';
      hired = earliest;
      break;
    case 'head':
      jobLevel = 'M5';
      title = department!.headTitle;
      hired = random.int(earliest, earliest + 3 * 365);
      break;
    case 'director':
      jobLevel = current.layer === 1 ? 'M3' : 'M4';
      title = `${current.layer === 1 ? 'Director' : 'Senior Director'} of ${department!.directorOf}`;
      hired = random.int(earliest, today - 365);
      break;
    case 'manager':
      jobLevel = random.next() < 0.3 ? 'M2' : 'M1';
      title = jobLevel === 'M2' ? `Senior ${department!.managerTitle}` : department!.managerTitle;
      break;
    case 'staff':
      // The draw is kept so everything after it stays as it was; the title says the level.
      random.next();
      title = current.role;
      jobLevel = levelForTitle(title, 'individual');
      break;
    case 'member':
      jobLevel = random.weighted(IC_LEVELS);
      title = `${seniorityPrefix(jobLevel, department!.ladder)}${current.role}`;
      break;
  }
  const generated = names.next();
  const payRangePosition =
    Math.round(
      (PAY_RANGE_MIN + (PAY_RANGE_MAX - PAY_RANGE_MIN) * ((random.next() + random.next()) / 2)) *
        100,
    ) / 100;
  const featured = current.featured;
  // A well-known account's given title sets its level, so the two never disagree (DEMO12).
  if (featured?.title) {
    title = featured.title;
    jobLevel = levelForTitle(title, POSITIONS[current.kind]);
  }
  return {
    key,
    name: featured?.name ?? generated.name,
    email: featured?.email.toLowerCase() ?? generated.email,
    title,
    managerKey,
    teamKey: current.teamKey,
    location: random.weighted(LOCATIONS),
    hireDate: calendarDay(hired),
    jobLevel,
    payRangePosition,
    role:
      current.kind === 'head' && current.department === PEOPLE_DEPARTMENT_INDEX
        ? 'admin'
        : 'member',
  };
}

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || Number.isNaN(time) || calendarDay(time / DAY_MS) !== day) {
    throw new RangeError(`not a calendar day: ${day}`);
  }
  return time / DAY_MS;
}

function calendarDay(dayNumber_: number): string {
  return new Date(dayNumber_ * DAY_MS).toISOString().slice(0, 10);
}
