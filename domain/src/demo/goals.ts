// The goal tree of a generated organisation's active cycle, as plain data (GOAL21): company themes
// owned by the CEO, department goals by the heads, team goals by the team managers and personal
// goals by most people (about four goals per person in all), each with its story over the cycle —
// when it was written and approved, its check-ins, a target changed mid-cycle, done or dropped.
// The mix is deliberate so every rule has something to show: on-pace, behind and far-behind goals,
// stale ones, proposals waiting for approval, drafts, vague titles and broken alignment.
// Pure and deterministic: the same organisation, seed and day give the same plan. goals-log.ts
// turns the plan into the document's update log.
import type { Difficulty, Direction, GoalLevel, GoalState, MetricKind } from '../goals/model.ts';
import { elapsedShare } from '../goals/health.ts';
import {
  DEPARTMENT_GOALS,
  DEVELOPMENT_GOALS,
  THEMES,
  VAGUE_TITLES,
  type DepartmentGoalTemplate,
  type GoalTemplate,
  type MetricTemplate,
  type ThemeKey,
  type ValueRange,
} from './goals-catalogue.ts';
import type { GeneratedCycle, GeneratedOrganisation, GeneratedPerson } from './generate.ts';
import { createRandom, uuidFrom, type Random } from './random.ts';
import { ROUGH_DEPARTMENT_GOALS, ROUGH_PERSONAL_GOALS } from './rough-goals.ts';

export interface DemoCheckIn {
  at: string;
  byKey: string;
  /** The metric's value; milestones: how many are done. */
  value: number;
}

/** Who did something to a goal, and when (ISO time). */
export interface DemoAct {
  at: string;
  byKey: string;
}

export interface DemoMetric {
  kind: MetricKind;
  start: number | null;
  /** The target as first written; a retarget changes it later. */
  target: number | null;
  unit: string | null;
  direction: Direction;
  milestones: string[];
}

export interface DemoGoal {
  /** Lowercase UUID, drawn from the seed. */
  id: string;
  title: string;
  description: string;
  level: GoalLevel;
  ownerKey: string;
  /** A team or department key of the organisation. */
  teamKey: string | null;
  /** A goal listed earlier in the plan, or null at the root. */
  parentId: string | null;
  startDate: string | null;
  dueDate: string | null;
  metric: DemoMetric;
  weight: number;
  difficulty: Difficulty;
  tags: string[];
  created: DemoAct;
  /** Entering active (GOAL17); null for drafts and proposals. */
  approval: DemoAct | null;
  /** In time order, all after the approval; values follow the target in force at the time. */
  checkIns: DemoCheckIn[];
  /** A mid-cycle change of target by the owner's manager, with the title reworded to match. */
  retarget: (DemoAct & { target: number; title: string }) | null;
  /** The state the goal ends in. */
  state: GoalState;
  /** When it became done or dropped. */
  closed: DemoAct | null;
}

export interface DemoGoalPlan {
  cycle: GeneratedCycle;
  /** Parents before children; check-ins and acts never after `today`. */
  goals: DemoGoal[];
}

export interface DemoGoalOptions {
  seed: number;
  /** The day the story stops, YYYY-MM-DD: every event is before its start. */
  today: string;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** GOAL21: the goal tree of the organisation's active cycle. */
export function generateDemoGoals(
  organisation: GeneratedOrganisation,
  options: DemoGoalOptions,
): DemoGoalPlan {
  const cycle = organisation.cycles.find((c) => c.status === 'active');
  if (!cycle) throw new Error('the organisation has no active cycle');
  return new Planner(organisation, cycle, options).plan();
}

interface Roles {
  ceo: GeneratedPerson;
  /** Department key → its head. */
  heads: Map<string, GeneratedPerson>;
  /** Team key → its manager. */
  managers: Map<string, GeneratedPerson>;
  /** People who own personal goals, with what they are. */
  contributors: { person: GeneratedPerson; kind: 'member' | 'manager' | 'other' }[];
}

function rolesOf(organisation: GeneratedOrganisation): Roles {
  const byKey = new Map(organisation.people.map((p) => [p.key, p]));
  const kindOf = new Map(organisation.teams.map((t) => [t.key, t.kind]));
  const ceo = organisation.people.find((p) => p.managerKey === null);
  if (!ceo) throw new Error('the organisation has no CEO');
  const heads = new Map<string, GeneratedPerson>();
  const managers = new Map<string, GeneratedPerson>();
  const contributors: Roles['contributors'] = [];
  for (const person of organisation.people) {
    if (person === ceo) continue;
    const manager: GeneratedPerson = byKey.get(person.managerKey!)!;
    if (manager === ceo && person.teamKey !== null) {
      heads.set(person.teamKey, person);
    } else if (person.teamKey !== null && kindOf.get(person.teamKey) === 'team') {
      const leads = manager.teamKey !== person.teamKey;
      if (leads) managers.set(person.teamKey, person);
      contributors.push({ person, kind: leads ? 'manager' : 'member' });
    } else {
      contributors.push({ person, kind: 'other' });
    }
  }
  return { ceo, heads, managers, contributors };
}

/** A department goal as placed, with the template its team and personal goals come from. */
interface PlacedDepartmentGoal {
  goal: DemoGoal;
  template: DepartmentGoalTemplate;
}

interface PlacedTeamGoal {
  goal: DemoGoal;
  source: PlacedDepartmentGoal;
  /** False for a goal set so recently that nobody has cascaded from it yet (GOAL15). */
  cascaded: boolean;
}

class Planner {
  readonly #organisation: GeneratedOrganisation;
  readonly #cycle: GeneratedCycle;
  readonly #random: Random;
  readonly #ids: Random;
  readonly #cycleStart: number;
  readonly #today: number;
  /** Every event happens before this: the morning of the day before `today`, at the latest. */
  readonly #latest: number;
  readonly #goals: DemoGoal[] = [];
  /** Parent id → children, built once every goal is planned (for the themes' check-ins). */
  #children: Map<string, DemoGoal[]> | null = null;

  constructor(
    organisation: GeneratedOrganisation,
    cycle: GeneratedCycle,
    options: DemoGoalOptions,
  ) {
    this.#organisation = organisation;
    this.#cycle = cycle;
    this.#random = createRandom(options.seed);
    // Ids from a stream of their own, so they stay put when the story around them changes.
    this.#ids = createRandom(options.seed ^ 0x5eed_9a1);
    this.#cycleStart = Date.parse(`${cycle.startsOn}T00:00:00Z`);
    this.#today = Date.parse(`${options.today}T00:00:00Z`);
    if (Number.isNaN(this.#today)) throw new RangeError(`not a calendar day: ${options.today}`);
    this.#latest = this.#today - 6 * HOUR;
  }

  plan(): DemoGoalPlan {
    const roles = rolesOf(this.#organisation);
    const themes = this.#themes(roles.ceo);
    const departments = this.#departments(roles, themes);
    const teams = this.#teams(roles, departments);
    this.#personal(roles, departments, teams);
    for (const theme of themes.values()) this.#checkInTheme(theme);
    return { cycle: { ...this.#cycle }, goals: this.#goals };
  }

  #themes(ceo: GeneratedPerson): Map<ThemeKey, DemoGoal> {
    const count = 3 + (this.#random.next() < 0.6 ? 1 : 0) + (this.#random.next() < 0.4 ? 1 : 0);
    const themes = new Map<ThemeKey, DemoGoal>();
    for (const template of THEMES.slice(0, count)) {
      const goal = this.#goal(template, {
        level: 'company',
        ownerKey: ceo.key,
        teamKey: null,
        parent: null,
        createdAt: this.#cycleStart - 24 * DAY,
        approverKey: ceo.key,
        kind: 'theme',
      });
      themes.set(template.key, goal);
    }
    return themes;
  }

  #departments(roles: Roles, themes: Map<ThemeKey, DemoGoal>): Map<string, PlacedDepartmentGoal[]> {
    const placed = new Map<string, PlacedDepartmentGoal[]>();
    const fallback = themes.values().next().value!;
    const headed = this.#organisation.teams.filter(
      (team) => team.kind === 'department' && roles.heads.has(team.key),
    );
    // One head at least, and about one in four besides, wrote a goal still to be pinned down.
    const hurried = headed.length > 0 ? this.#random.pick(headed).key : null;
    const chosen = headed.map((team) => {
      const catalogue = DEPARTMENT_GOALS[team.name] ?? DEPARTMENT_GOALS.Engineering!;
      const count = Math.min(catalogue.length, this.#random.next() < 0.5 ? 2 : 3);
      const templates = this.#sample(catalogue, count);
      if (team.key === hurried || this.#random.next() < 0.25) {
        templates[templates.length - 1] = this.#random.pick(ROUGH_DEPARTMENT_GOALS);
      }
      return { team, templates };
    });
    const themeOf = this.#themesFor(
      chosen.flatMap((entry) => entry.templates),
      themes,
    );
    for (const { team, templates } of chosen) {
      const head = roles.heads.get(team.key)!;
      const goals: PlacedDepartmentGoal[] = [];
      for (const template of templates) {
        const themeKey = themeOf.get(template);
        const parent = themeKey ? themes.get(themeKey)! : fallback;
        const goal = this.#goal(template, {
          level: 'team',
          ownerKey: head.key,
          teamKey: team.key,
          parent,
          createdAt: this.#cycleStart - (18 - this.#random.int(0, 4)) * DAY,
          approverKey: roles.ceo.key,
          kind: 'department',
        });
        goals.push({ goal, template });
      }
      placed.set(team.key, goals);
    }
    return placed;
  }

  /**
   * The theme each department goal serves: the first of its themes the organisation has; then a
   * theme nobody chose takes a goal that also serves it from a theme that has others (DEMO13).
   */
  #themesFor(
    templates: readonly DepartmentGoalTemplate[],
    themes: Map<ThemeKey, DemoGoal>,
  ): Map<DepartmentGoalTemplate, ThemeKey> {
    const themeOf = new Map<DepartmentGoalTemplate, ThemeKey>();
    const served = new Map<ThemeKey, number>();
    for (const template of templates) {
      const key = template.themes.find((theme) => themes.has(theme));
      if (!key) continue;
      themeOf.set(template, key);
      served.set(key, (served.get(key) ?? 0) + 1);
    }
    for (const theme of themes.keys()) {
      if (served.has(theme)) continue;
      const donor = templates.find(
        (template) => template.themes.includes(theme) && served.get(themeOf.get(template)!)! > 1,
      );
      if (!donor) continue;
      served.set(themeOf.get(donor)!, served.get(themeOf.get(donor)!)! - 1);
      themeOf.set(donor, theme);
      served.set(theme, 1);
    }
    return themeOf;
  }

  /** Team key → its team goals. One team in about 40 has not aligned yet: no team goal at all. */
  #teams(
    roles: Roles,
    departments: Map<string, PlacedDepartmentGoal[]>,
  ): Map<string, PlacedTeamGoal[]> {
    const placed = new Map<string, PlacedTeamGoal[]>();
    const teams = this.#organisation.teams.filter((t) => t.kind === 'team');
    const unaligned = new Set<string>();
    for (let i = 0; i < Math.floor(teams.length / 40) + (teams.length >= 8 ? 1 : 0); i++) {
      unaligned.add(this.#random.pick(teams).key);
    }
    for (const team of teams) {
      const manager = roles.managers.get(team.key);
      const sources = departments.get(team.parentKey ?? '') ?? [];
      if (!manager || unaligned.has(team.key) || sources.length === 0) {
        placed.set(team.key, []);
        continue;
      }
      const count = Math.min(
        sources.length,
        this.#random.weighted([
          [1, 15],
          [2, 60],
          [3, 25],
        ]),
      );
      const goals: PlacedTeamGoal[] = [];
      for (const source of this.#sample(sources, count)) {
        const template = this.#random.pick(source.template.team);
        const goal = this.#goal(template, {
          level: 'team',
          ownerKey: manager.key,
          teamKey: team.key,
          parent: source.goal,
          createdAt: this.#cycleStart - this.#random.int(5, 12) * DAY,
          approverKey: manager.managerKey!,
          kind: 'team',
          teamName: team.name,
        });
        goals.push({ goal, source, cascaded: count === 1 || this.#random.next() >= 0.08 });
      }
      placed.set(team.key, goals);
    }
    // At least one open goal set so recently that nobody has cascaded from it yet, when any team
    // has another to cascade from (GOAL21).
    const open = ({ goal }: PlacedTeamGoal) => goal.state === 'active' || goal.state === 'proposed';
    const all = [...placed.values()];
    if (!all.flat().some((goal) => !goal.cascaded && open(goal))) {
      const several = all.filter((goals) => goals.length > 1 && open(goals.at(-1)!));
      if (several.length > 0) this.#random.pick(several).at(-1)!.cascaded = false;
    }
    return placed;
  }

  #personal(
    roles: Roles,
    departments: Map<string, PlacedDepartmentGoal[]>,
    teams: Map<string, PlacedTeamGoal[]>,
  ): void {
    const departmentOf = new Map(
      this.#organisation.teams.map((t) => [t.key, t.parentKey ?? t.key]),
    );
    for (const { person, kind } of roles.contributors) {
      const count =
        kind === 'member'
          ? this.#random.weighted([
              [3, 15],
              [4, 40],
              [5, 30],
              [6, 15],
            ])
          : kind === 'manager'
            ? this.#random.int(2, 3)
            : this.#random.int(3, 4);
      const teamGoals = teams.get(person.teamKey ?? '') ?? [];
      const departmentGoals = departments.get(departmentOf.get(person.teamKey ?? '') ?? '') ?? [];
      // The unaligned team's people write goals anyway, with nothing to attach them to yet.
      const unaligned = kind !== 'other' && teamGoals.length === 0;
      const used = new Set<string>();
      for (let n = 0, attempts = 0; n < count && attempts < count * 3; attempts++) {
        const roll = this.#random.next();
        let template: GoalTemplate;
        let parent: DemoGoal | null = null;
        if (roll < 0.07) {
          template = { title: this.#random.pick(VAGUE_TITLES), metric: { kind: 'none' } };
          if (this.#random.next() < 0.5) parent = this.#parentFor(teamGoals, [])?.goal ?? null;
        } else if (roll < 0.2) {
          template = this.#random.pick(ROUGH_PERSONAL_GOALS);
          parent = this.#parentFor(teamGoals, departmentGoals)?.goal ?? null;
        } else if (roll < 0.32 || (teamGoals.length === 0 && departmentGoals.length === 0)) {
          template = this.#random.pick(DEVELOPMENT_GOALS);
          parent = this.#parentFor(teamGoals, departmentGoals)?.goal ?? null;
        } else {
          const choice = this.#parentFor(teamGoals, departmentGoals)!;
          const source = 'source' in choice ? choice.source : choice;
          template = this.#random.pick(source.template.personal);
          parent = choice.goal;
          // About one goal in fifty is left unattached: the owner never aligned it.
          if (this.#random.next() < 0.02) parent = null;
        }
        if (used.has(template.title)) continue;
        used.add(template.title);
        n++;
        this.#goal(template, {
          level: 'person',
          ownerKey: person.key,
          teamKey: person.teamKey,
          parent: unaligned ? null : parent,
          createdAt: this.#cycleStart + this.#random.int(-10, 10) * DAY,
          approverKey: person.managerKey!,
          kind: unaligned ? 'unaligned' : 'personal',
        });
      }
    }
  }

  #parentFor(
    teamGoals: PlacedTeamGoal[],
    departmentGoals: PlacedDepartmentGoal[],
  ): PlacedTeamGoal | PlacedDepartmentGoal | undefined {
    const open = teamGoals.filter((goal) => goal.cascaded);
    if (open.length > 0) return this.#random.pick(open);
    return departmentGoals.length > 0 ? this.#random.pick(departmentGoals) : undefined;
  }

  #goal(
    template: GoalTemplate,
    placing: {
      level: GoalLevel;
      ownerKey: string;
      teamKey: string | null;
      parent: DemoGoal | null;
      createdAt: number;
      approverKey: string;
      kind: 'theme' | 'department' | 'team' | 'personal' | 'unaligned';
      teamName?: string;
    },
  ): DemoGoal {
    const random = this.#random;
    const due = this.#dueDate(template, placing.kind);
    const metric = this.#metric(template.metric);
    const fill = (target: number | null) =>
      fillTitle(template.title, { ...metric, target }, placing.teamName ?? '', due);
    const state = this.#initialState(placing.kind);
    // A goal is written after its parent, and nothing happens after the story's end.
    let createdAt = Math.max(
      placing.createdAt + random.int(8 * 60, 18 * 60) * 60_000,
      placing.parent ? Date.parse(placing.parent.created.at) + 60_000 : 0,
    );
    if (state === 'draft' || state === 'proposed') {
      createdAt = Math.max(createdAt, this.#today - random.int(3, 25) * DAY);
    }
    createdAt = Math.min(createdAt, this.#latest - 2 * DAY);
    if (placing.parent) createdAt = Math.max(createdAt, Date.parse(placing.parent.created.at));
    const goal: DemoGoal = {
      id: uuidFrom(this.#ids),
      title: fill(metric.target),
      description: template.description ?? '',
      level: placing.level,
      ownerKey: placing.ownerKey,
      teamKey: placing.teamKey,
      parentId: placing.parent?.id ?? null,
      startDate: null,
      dueDate: due,
      metric,
      weight: placing.kind === 'personal' && random.next() < 0.15 ? random.int(2, 3) : 1,
      difficulty: random.weighted<Difficulty>([
        ['low', 20],
        ['medium', 55],
        ['high', 25],
      ]),
      tags: [...(template.tags ?? [])].sort(),
      created: { at: iso(createdAt), byKey: placing.ownerKey },
      approval: null,
      checkIns: [],
      retarget: null,
      state,
      closed: null,
    };
    if (state !== 'draft' && state !== 'proposed') {
      this.#story(goal, placing.approverKey, createdAt, (target) => fill(target));
    }
    this.#goals.push(goal);
    return goal;
  }

  #initialState(kind: 'theme' | 'department' | 'team' | 'personal' | 'unaligned'): GoalState {
    const roll = this.#random.next();
    switch (kind) {
      case 'theme':
      case 'department':
        return 'active';
      case 'team':
        return roll < 0.05 ? 'proposed' : 'active';
      case 'unaligned':
        return roll < 0.5 ? 'draft' : 'proposed';
      case 'personal':
        return roll < 0.03
          ? 'draft'
          : roll < 0.08
            ? 'proposed'
            : roll < 0.11
              ? 'dropped'
              : 'active';
    }
  }

  #dueDate(template: GoalTemplate, kind: string): string | null {
    if (template.undated) return null;
    if (template.metric.kind === 'none' && kind === 'personal') return null;
    if (kind === 'theme' || kind === 'department') return this.#cycle.endsOn;
    const roll = this.#random.next();
    const year = this.#cycle.endsOn.slice(0, 4);
    if (roll < 0.12 && this.#cycle.endsOn.endsWith('12-31')) return `${year}-09-30`;
    if (roll < 0.22 && this.#cycle.endsOn.endsWith('12-31')) return `${year}-11-30`;
    return this.#cycle.endsOn;
  }

  #metric(template: MetricTemplate): DemoMetric {
    const numeric =
      template.kind === 'number' || template.kind === 'percent' || template.kind === 'currency';
    return {
      kind: template.kind,
      start: numeric && template.start !== null ? this.#value(template.start ?? 0) : null,
      target: numeric ? this.#value(template.target ?? 1) : null,
      unit: template.unit ?? null,
      direction: template.direction ?? 'increasing',
      milestones: [...(template.milestones ?? [])],
    };
  }

  #value(range: ValueRange): number {
    if (typeof range === 'number') return range;
    const [min, max, step] = range;
    return roundTo(min + step * this.#random.int(0, Math.round((max - min) / step)), step);
  }

  /**
   * From approval to today: check-ins on a pace the goal keeps (green), slips from (yellow) or
   * lost (red), some stopping weeks ago (stale), an occasional retarget, done or dropped.
   */
  #story(goal: DemoGoal, approverKey: string, createdAt: number, retitle: (t: number) => string) {
    const random = this.#random;
    const approvedAt = Math.min(createdAt + random.int(1, 5) * DAY, this.#latest - DAY);
    goal.approval = { at: iso(Math.max(approvedAt, createdAt + HOUR)), byKey: approverKey };
    const approved = Date.parse(goal.approval.at);
    // A theme's check-ins follow its children's progress, once they are all planned (DEMO13).
    if (goal.level === 'company') return;
    const dueEnd = Date.parse(`${goal.dueDate ?? this.#cycle.endsOn}T00:00:00Z`) + DAY;
    const overdue = dueEnd <= this.#today;
    const measured = goal.metric.kind !== 'none';

    if (goal.state === 'dropped') {
      const at = Math.min(approved + random.int(20, 90) * DAY, this.#latest);
      if (measured)
        this.#checkIns(goal, approved, Math.min(at - DAY, this.#latest), random.next() * 0.3);
      goal.closed = { at: iso(Math.max(at, approved + HOUR)), byKey: approverKey };
      return;
    }
    if (!measured) return;

    const now = new Date(this.#today);
    const elapsed =
      elapsedShare(goal, { startsOn: this.#cycle.startsOn, endsOn: this.#cycle.endsOn }, now) ?? 0;
    const pace = random.weighted<'green' | 'yellow' | 'red'>([
      ['green', 71],
      ['yellow', 18],
      ['red', 11],
    ]);
    // A yes-no goal on pace is simply achieved; behind pace it is still a no.
    const achieved = goal.metric.kind === 'yes-no' && pace === 'green' && elapsed > 0.3;
    const done =
      achieved ||
      (overdue
        ? random.next() < 0.8
        : goal.level === 'person' && random.next() < 0.04 && elapsed > 0.5);
    const stale = !done && random.next() < 0.13;
    let progress: number;
    if (done) progress = 1;
    else if (overdue) progress = 0.55 + random.next() * 0.35;
    else if (pace === 'green') progress = elapsed + (random.next() * 0.2 - 0.05);
    else if (pace === 'yellow') progress = elapsed - (0.12 + random.next() * 0.1);
    else progress = elapsed - (0.3 + random.next() * 0.3);
    progress = Math.min(1, Math.max(0.02, progress));
    if (!done && progress >= 1) progress = 0.97;

    let last: number;
    if (done) last = Math.min(dueEnd - random.int(1, 12) * DAY, this.#latest);
    else if (stale) last = this.#latest - random.int(15, 50) * DAY;
    else last = this.#latest - random.int(0, 9) * DAY;
    // A stale goal now and then never had a check-in at all.
    if (stale && random.next() < 0.2) last = approved;

    if (
      isNumeric(goal.metric.kind) &&
      goal.metric.start !== null &&
      !done &&
      random.next() < 0.06 &&
      last - approved > 40 * DAY
    ) {
      const at = approved + Math.floor((last - approved) * (0.3 + random.next() * 0.4));
      const { start, target } = goal.metric;
      const span = target! - start!;
      const step = stepOf(start!, target!);
      const next = roundTo(target! - span * (0.1 + random.next() * 0.15), step);
      if (next !== target && next !== start) {
        goal.retarget = { at: iso(at), byKey: approverKey, target: next, title: retitle(next) };
      }
    }
    this.#checkIns(goal, approved, last, progress);
    if (done && goal.checkIns.length > 0) {
      const at = Math.min(
        Date.parse(goal.checkIns.at(-1)!.at) + random.int(0, 2) * DAY + HOUR,
        this.#latest,
      );
      goal.state = 'done';
      goal.closed = { at: iso(at), byKey: goal.ownerKey };
    }
  }

  /**
   * Check-ins from a week or two after approval up to `last`, rising to `progress`: every two
   * weeks or so for company and department goals, every three for team goals, about monthly for
   * personal ones (in the 1:1s). More would be truer to a weekly habit, but every check-in is kept
   * in the document forever (GOAL3), and the 5,000-person tree must still open quickly.
   */
  #checkIns(goal: DemoGoal, approved: number, last: number, progress: number) {
    const random = this.#random;
    const [min, max] =
      goal.level === 'company' ? [9, 16] : goal.level === 'team' ? [14, 24] : [26, 42];
    const times: number[] = [];
    for (let at = approved + random.int(5, 12) * DAY; at <= last && times.length < 15;) {
      times.push(at);
      at += random.int(min, max) * DAY + random.int(-3, 3) * HOUR;
    }
    if (times.length === 0) return;
    // The last one lands on `last` itself, so staleness is what was planned.
    times[times.length - 1] = Math.max(times.at(-2) ?? approved + HOUR, last);
    const metric = goal.metric;
    if (metric.kind === 'yes-no') {
      goal.checkIns.push({
        at: iso(times.at(-1)!),
        byKey: goal.ownerKey,
        value: progress >= 1 ? 1 : 0,
      });
      return;
    }
    const span = times.at(-1)! - approved || 1;
    let reached = 0;
    let lastDone = 0;
    times.forEach((at, i) => {
      const share = i === times.length - 1 ? 1 : (at - approved) / span;
      const noise = i === times.length - 1 ? 0 : (random.next() - 0.5) * 0.06;
      reached = Math.min(1, Math.max(reached, progress * share + noise));
      if (i === times.length - 1) reached = progress;
      if (metric.kind === 'milestones') {
        const count = Math.min(
          metric.milestones.length,
          Math.round(reached * metric.milestones.length),
        );
        // Milestones are ticked one at a time, each its own check-in (GOAL18).
        for (let tick = lastDone + 1; tick <= count; tick++) {
          goal.checkIns.push({
            at: iso(at + (tick - lastDone - 1) * HOUR),
            byKey: goal.ownerKey,
            value: tick,
          });
        }
        lastDone = Math.max(lastDone, count);
        return;
      }
      const retarget = goal.retarget;
      const target = retarget && Date.parse(retarget.at) < at ? retarget.target : metric.target!;
      // Without a recorded baseline a numeric goal counts from 0 (GOAL10).
      const start = metric.start ?? 0;
      const value = start + reached * (target - start);
      goal.checkIns.push({
        at: iso(at),
        byKey: goal.ownerKey,
        value: roundTo(value, stepOf(start, target)),
      });
    });
  }

  /**
   * DEMO13: a theme is checked in every two weeks or so up to the morning before `today`, each
   * time with the value at which its metric's progress equals its children's weighted progress
   * then (GOAL11), so the CEO's numbers agree with what the departments report and a theme is
   * never stale.
   */
  #checkInTheme(theme: DemoGoal): void {
    const random = this.#random;
    const { start, target } = theme.metric;
    if (!isNumeric(theme.metric.kind) || start === null || target === null || !theme.approval) {
      return;
    }
    const times: number[] = [];
    let at = Date.parse(theme.approval.at) + random.int(5, 12) * DAY;
    for (; at < this.#latest; at += random.int(9, 16) * DAY + random.int(-3, 3) * HOUR) {
      times.push(at);
    }
    times.push(this.#latest);
    // A tenth of the metric's own step, so "€35.4" shows a theme close to, not at, its target.
    const step = stepOf(start, target) / 10;
    const cycleEnd = Date.parse(`${this.#cycle.endsOn}T00:00:00Z`) + DAY;
    for (const time of times) {
      // A theme nothing measurable serves yet is checked in on its own, on pace.
      const progress =
        this.#rolledUpAt(theme, time) ??
        (this.#childrenOf(theme.id).length > 0
          ? null
          : 0.95 * Math.min(1, (time - this.#cycleStart) / (cycleEnd - this.#cycleStart)));
      if (progress === null) continue;
      const value = roundTo(start + progress * (target - start), step);
      theme.checkIns.push({ at: iso(time), byKey: theme.ownerKey, value });
    }
  }

  /** GOAL11 at a moment: the weighted mean of the progress of the goal's children then. */
  #rolledUpAt(goal: DemoGoal, at: number): number | null {
    let sum = 0;
    let weights = 0;
    for (const child of this.#childrenOf(goal.id)) {
      const progress = this.#progressAt(child, at);
      if (progress === null || child.weight === 0) continue;
      sum += progress * child.weight;
      weights += child.weight;
    }
    return weights === 0 ? null : sum / weights;
  }

  /** GOAL10 at a moment, from the check-ins made by then; null while it does not count. */
  #progressAt(goal: DemoGoal, at: number): number | null {
    if (Date.parse(goal.created.at) > at) return null;
    if (goal.closed && Date.parse(goal.closed.at) <= at) return goal.state === 'done' ? 1 : null;
    const { metric } = goal;
    let current: number | null = null;
    for (const checkIn of goal.checkIns) if (Date.parse(checkIn.at) <= at) current = checkIn.value;
    switch (metric.kind) {
      case 'none':
        return this.#rolledUpAt(goal, at);
      case 'yes-no':
        return current === 1 ? 1 : 0;
      case 'milestones':
        return metric.milestones.length === 0 ? null : (current ?? 0) / metric.milestones.length;
      default: {
        const retarget = goal.retarget;
        const target = retarget && Date.parse(retarget.at) < at ? retarget.target : metric.target;
        if (target === null) return null;
        const start = metric.start ?? 0;
        if (target === start) return 1;
        return Math.min(1, Math.max(0, ((current ?? start) - start) / (target - start)));
      }
    }
  }

  #childrenOf(parentId: string): DemoGoal[] {
    if (!this.#children) {
      this.#children = new Map();
      for (const goal of this.#goals) {
        if (goal.parentId === null) continue;
        const siblings = this.#children.get(goal.parentId) ?? [];
        siblings.push(goal);
        this.#children.set(goal.parentId, siblings);
      }
    }
    return this.#children.get(parentId) ?? [];
  }

  /** `count` distinct items in random order. */
  #sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const picked: T[] = [];
    while (picked.length < count && pool.length > 0) {
      picked.push(pool.splice(this.#random.int(0, pool.length - 1), 1)[0]!);
    }
    return picked;
  }
}

function isNumeric(kind: MetricKind): boolean {
  return kind === 'number' || kind === 'percent' || kind === 'currency';
}

/** The precision a metric's values are kept in: that of its least precise bound's decimals. */
function stepOf(start: number, target: number): number {
  const decimals = Math.max(decimalsOf(start), decimalsOf(target));
  return decimals === 0 ? 1 : 10 ** -decimals;
}

function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  return Number((Math.round(value / step) * step).toFixed(decimals));
}

function fillTitle(title: string, metric: DemoMetric, team: string, due: string | null): string {
  return title
    .replaceAll('{team}', team)
    .replaceAll('{start}', formatValue(metric.start, metric.kind))
    .replaceAll('{target}', formatValue(metric.target, metric.kind))
    .replaceAll('{quarter}', quarterOf(due));
}

/** "€1.2M", "€350k", "€14" for money; "54" for percentages (the title adds the %). */
export function formatValue(value: number | null, kind: MetricKind): string {
  if (value === null) return '';
  if (kind !== 'currency') return withSeparators(value);
  if (Math.abs(value) >= 1_000_000) return `€${trim(value / 1_000_000)}M`;
  if (Math.abs(value) >= 10_000) return `€${trim(value / 1_000)}k`;
  return `€${trim(value)}`;
}

/** 1234567.5 → "1,234,567.5", the same on every machine (no locale data involved). */
function withSeparators(value: number): string {
  const [whole, fraction] = String(Number(value.toFixed(2))).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

function trim(value: number): string {
  return String(Number(value.toFixed(1)));
}

function quarterOf(day: string | null): string {
  if (day === null) return 'the end of the cycle';
  const month = Number(day.slice(5, 7));
  return `Q${Math.ceil(month / 3)} ${day.slice(0, 4)}`;
}

function iso(time: number): string {
  return new Date(time).toISOString();
}
