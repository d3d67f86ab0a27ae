// The 1:1s of a generated organisation, as plain data (DEMO16–DEMO18): a series for every
// reporting line, 8–12 meetings held on its cadence before the seed's day (most series on every
// cadence day, some having let one or a few pass) and the next one already scheduled with a few
// talking points, each meeting with its story — points prepared by both people and ticked in the
// meeting, action items raised and (mostly) done a meeting or two later, the employee's mood with
// a trend of its own, shared notes now and then. The well-known manager and employee also get
// private notes, an overdue item and one carried over several meetings, so signing in as either
// shows a 1:1 with a past. Pure and deterministic: the same organisation, seed and day give the
// same plan; one-on-ones-log.ts turns it into the documents' update logs.
import { addDays, CADENCE_DAYS, nextWeekday, weekdayOf } from '../one-on-ones/cadence.ts';
import type { AgendaSection, Cadence, Weekday } from '../one-on-ones/model.ts';
import type { GeneratedOrganisation, GeneratedPerson } from './generate.ts';
import {
  actionTitles,
  EMPLOYEE_PRIVATE_NOTES,
  FLAVOUR_OF_DEPARTMENT,
  MANAGER_PRIVATE_NOTES,
  NOTE_BULLETS,
  NOTE_HEADINGS,
  NOTE_PARAGRAPHS,
  NOTE_TASKS,
  pointTexts,
  type Flavour,
} from './one-on-ones-catalogue.ts';
import { createRandom, uuidFrom, type Random } from './random.ts';

export interface DemoPoint {
  /** Lowercase UUID, drawn from the seed. */
  id: string;
  section: AgendaSection;
  text: string;
  authorKey: string;
  /** When it was written (ISO), before its meeting. */
  at: string;
  /** Ticked in the meeting (by the series' `closerKey`). */
  done: boolean;
}

export interface DemoNotes {
  byKey: string;
  at: string;
  heading: string;
  paragraph: string;
  list: { kind: 'bullets' | 'tasks'; items: { text: string; checked: boolean }[] };
}

export interface DemoPrivateNote {
  byKey: string;
  at: string;
  text: string;
}

export interface DemoMeeting {
  /** Its day, which is also its id (ONE8). */
  day: string;
  /** When it starts (ISO). */
  at: string;
  /** Held before the seed's day; the last meeting of a series is the next one, not yet held. */
  held: boolean;
  points: DemoPoint[];
  notes: DemoNotes | null;
  /** The employee's mood (1–5), set during the meeting. */
  mood: { value: number; at: string } | null;
  privateNotes: DemoPrivateNote[];
}

export interface DemoAction {
  id: string;
  title: string;
  ownerKey: string;
  dueDate: string;
  /** The day (id) of the meeting it was raised in. */
  raisedIn: string;
  byKey: string;
  at: string;
  /** Ticked by its owner in a later meeting; null: still open. */
  done: { in: string; byKey: string; at: string } | null;
}

export interface DemoSeries {
  managerKey: string;
  employeeKey: string;
  cadence: Cadence;
  weekday: Weekday;
  time: string;
  startsOn: string;
  /** The well-known pair's series (DEMO18). */
  featured: boolean;
  flavour: Flavour;
  /** Who ticks the points in the meeting: usually the manager, who runs it. */
  closerKey: string;
  /** Held meetings in time order, then the next one. */
  meetings: DemoMeeting[];
  actions: DemoAction[];
  /** The mood's drift per meeting: above zero improving, below declining. */
  moodTrend: number;
}

export interface DemoOneOnOnePlan {
  series: DemoSeries[];
}

export interface DemoOneOnOneOptions {
  seed: number;
  /** The seed's day, YYYY-MM-DD: every held meeting is before it, the next one on or after it. */
  today: string;
  /** The well-known manager and employee (by email), whose series shows everything (DEMO18). */
  featured?: { managerEmail: string; employeeEmail: string } | null;
}

/** DEMO17: how many meetings each series has held. */
export const HELD_MEETINGS_MIN = 8;
export const HELD_MEETINGS_MAX = 12;

/**
 * DEMO17: how many of its cadence days a series let pass without meeting, and how many series in
 * a hundred: most none, some one or two, a few three or four (so check-in regularity, CAL59, is
 * not 100% for everyone). The well-known pair misses none (DEMO18).
 */
export const MISSED_MEETINGS: readonly (readonly [missed: number, weight: number])[] = [
  [0, 55],
  [1, 20],
  [2, 12],
  [3, 8],
  [4, 5],
];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** DEMO18: the well-known pair's two telling items. */
const SLIPPED_ITEM = 'Send the conference request with the budget estimate';
const CARRIED_ITEM = 'Write the postmortem for the queue outage';
const TIMES = ['09:00', '09:30', '10:00', '11:00', '11:30', '13:30', '14:00', '15:00', '16:00'];

/** DEMO16: a 1:1 series for every reporting line of the organisation. */
export function generateDemoOneOnOnes(
  organisation: GeneratedOrganisation,
  options: DemoOneOnOneOptions,
): DemoOneOnOnePlan {
  if (Number.isNaN(Date.parse(`${options.today}T00:00:00Z`))) {
    throw new RangeError(`not a calendar day: ${options.today}`);
  }
  const random = createRandom(options.seed ^ 0x1f1e_0001);
  const ids = createRandom(options.seed ^ 0x1f1e_0002);
  // Drawn apart from the rest, so the days missed change no meeting's story.
  const misses = createRandom(options.seed ^ 0x1f1e_0003);
  const byKey = new Map(organisation.people.map((person) => [person.key, person]));
  const flavourOf = flavours(organisation);
  const featured = options.featured ?? null;
  const series: DemoSeries[] = [];
  for (const employee of organisation.people) {
    if (employee.managerKey === null) continue;
    const manager = byKey.get(employee.managerKey)!;
    const isFeatured =
      featured !== null &&
      manager.email === featured.managerEmail &&
      employee.email === featured.employeeEmail;
    const flavour = manager.managerKey === null ? 'leadership' : flavourOf(employee);
    series.push(
      new SeriesPlanner(
        { random, ids, misses },
        options.today,
        manager,
        employee,
        flavour,
        isFeatured,
      ).plan(),
    );
  }
  return { series };
}

/** The catalogue of each person's department (departments.ts names). */
function flavours(organisation: GeneratedOrganisation): (person: GeneratedPerson) => Flavour {
  const teams = new Map(organisation.teams.map((team) => [team.key, team]));
  return (person) => {
    let team = person.teamKey === null ? undefined : teams.get(person.teamKey);
    if (team?.parentKey) team = teams.get(team.parentKey);
    return (team && FLAVOUR_OF_DEPARTMENT[team.name]) ?? 'general';
  };
}

const iso = (time: number) => new Date(time).toISOString();
const at = (day: string, time: string) => Date.parse(`${day}T${time}:00Z`);

class SeriesPlanner {
  readonly #random: Random;
  readonly #ids: Random;
  readonly #misses: Random;
  readonly #today: string;
  readonly #manager: GeneratedPerson;
  readonly #employee: GeneratedPerson;
  readonly #flavour: Flavour;
  readonly #featured: boolean;
  /** Texts already used in this series, so a series seldom repeats itself. */
  readonly #used = new Set<string>();

  constructor(
    streams: { random: Random; ids: Random; misses: Random },
    today: string,
    manager: GeneratedPerson,
    employee: GeneratedPerson,
    flavour: Flavour,
    featured: boolean,
  ) {
    this.#random = streams.random;
    this.#ids = streams.ids;
    this.#misses = streams.misses;
    this.#today = today;
    this.#manager = manager;
    this.#employee = employee;
    this.#flavour = flavour;
    this.#featured = featured;
  }

  plan(): DemoSeries {
    const random = this.#random;
    const cadence: Cadence = !this.#featured && random.next() < 0.15 ? 'biweekly' : 'weekly';
    const period = CADENCE_DAYS[cadence];
    const held = this.#featured ? 10 : random.int(HELD_MEETINGS_MIN, HELD_MEETINGS_MAX);
    // Not yesterday's weekday: the next meeting is prepared the day after the last one was held,
    // and that day must be before the seed's day.
    const yesterday = addDays(this.#today, -1);
    const weekdays = [1, 2, 3, 4, 5].filter((day) => day !== weekdayOf(yesterday));
    const weekday = random.pick(weekdays) as Weekday;
    const time = random.pick(TIMES);
    const next = nextWeekday(this.#today, weekday);
    // The cadence days since the series started, the next one last; the missed ones had no
    // meeting at all.
    const missed = this.#missed(held);
    const startsOn = addDays(next, -(held + missed.size) * period);
    const days = Array.from({ length: held + missed.size + 1 }, (_, i) => i)
      .filter((i) => !missed.has(i))
      .map((i) => addDays(startsOn, i * period));

    const moodTrend = this.#featured
      ? 0.12
      : random.weighted<number>([
          [0.15 + random.next() * 0.1, 35],
          [-(0.12 + random.next() * 0.12), 25],
          [(random.next() - 0.5) * 0.1, 40],
        ]);
    const moodStart = this.#featured
      ? 2.8
      : moodTrend > 0.1
        ? 2.2 + random.next()
        : moodTrend < -0.1
          ? 3.6 + random.next()
          : 2.8 + random.next() * 1.4;

    if (this.#featured) for (const title of [SLIPPED_ITEM, CARRIED_ITEM]) this.#used.add(title);
    const closerKey =
      this.#featured || random.next() < 0.85 ? this.#manager.key : this.#employee.key;
    const meetings = days.map((day, i) => {
      const isHeld = i < held;
      const start = at(day, time);
      // Prepared from the morning after the cadence day before (the last meeting, or one missed;
      // a few days before the first) up to half an hour before this one, and never on the seed's
      // day itself.
      const from = i === 0 ? start - 4 * 24 * HOUR : at(addDays(day, -period), '08:00') + 24 * HOUR;
      const until = Math.min(start - 30 * MINUTE, at(this.#today, '00:00') - 6 * HOUR);
      const points = this.#points(isHeld, from, until);
      const mood = isHeld ? this.#mood(moodStart + moodTrend * i, start) : null;
      const notes = isHeld ? this.#notes(start) : null;
      return { day, at: iso(start), held: isHeld, points, notes, mood, privateNotes: [] };
    });
    const actions = this.#actions(meetings, period);
    if (this.#featured) this.#featuredStory(meetings, actions);
    return {
      managerKey: this.#manager.key,
      employeeKey: this.#employee.key,
      cadence,
      weekday,
      time,
      startsOn,
      featured: this.#featured,
      flavour: this.#flavour,
      closerKey,
      meetings,
      actions,
      moodTrend,
    };
  }

  /**
   * DEMO17: which cadence days, numbered from the series' first (0) to the next meeting's
   * (`held` + how many were missed), passed without a meeting: never the first (the series'
   * start), nor the last held one and the next, so the series is not overdue (ONE13).
   */
  #missed(held: number): Set<number> {
    const random = this.#misses;
    const count = this.#featured ? 0 : random.weighted<number>(MISSED_MEETINGS);
    const next = held + count;
    const missed = new Set<number>();
    while (missed.size < count) missed.add(random.int(1, next - 2));
    return missed;
  }

  /** A text from `pool` this series has not used yet, if there is one left. */
  #fresh(pool: readonly string[]): string {
    const unused = pool.filter((text) => !this.#used.has(text));
    const text = this.#random.pick(unused.length > 0 ? unused : pool);
    this.#used.add(text);
    return text;
  }

  #between(from: number, until: number): number {
    const minutes = Math.max(0, Math.floor((until - from) / MINUTE));
    return from + this.#random.int(0, minutes) * MINUTE;
  }

  /** Talking points in at least two sections: the employee brings most; held ones mostly ticked. */
  #points(held: boolean, from: number, until: number): DemoPoint[] {
    const random = this.#random;
    const texts = pointTexts(this.#flavour);
    const count = held ? random.int(2, 5) : random.int(2, 3);
    const sections: AgendaSection[] = [];
    for (let i = 0; i < count; i++) {
      sections.push(
        random.weighted<AgendaSection>([
          ['align', 30],
          ['track', 40],
          ['achieve', 30],
        ]),
      );
    }
    if (new Set(sections).size === 1) sections[0] = sections[1] === 'track' ? 'achieve' : 'track';
    const points = sections.map((section, i) => ({
      id: uuidFrom(this.#ids),
      section,
      text: this.#fresh(texts[section]),
      // The first point is the employee's, so every meeting has something of theirs.
      authorKey: i === 0 || random.next() < 0.6 ? this.#employee.key : this.#manager.key,
      at: iso(this.#between(from, until)),
      done: held && random.next() < 0.85,
    }));
    return points.sort((a, b) => a.at.localeCompare(b.at));
  }

  #mood(level: number, start: number): DemoMeeting['mood'] {
    const random = this.#random;
    if (!this.#featured && random.next() < 0.1) return null;
    const value = Math.round(level + (random.next() - 0.5) * 1.2);
    return {
      value: Math.min(5, Math.max(1, value)),
      at: iso(start + random.int(20, 45) * MINUTE),
    };
  }

  #notes(start: number): DemoNotes | null {
    const random = this.#random;
    if (random.next() > (this.#featured ? 0.85 : 0.5)) return null;
    const kind = random.next() < 0.5 ? 'bullets' : 'tasks';
    const pool = kind === 'bullets' ? NOTE_BULLETS : NOTE_TASKS;
    const items = [...new Set(Array.from({ length: random.int(2, 3) }, () => random.pick(pool)))];
    return {
      byKey: random.next() < 0.7 ? this.#manager.key : this.#employee.key,
      at: iso(start + random.int(5, 40) * MINUTE),
      heading: random.pick(NOTE_HEADINGS),
      paragraph: random.pick(NOTE_PARAGRAPHS),
      list: { kind, items: items.map((text) => ({ text, checked: random.next() < 0.6 })) },
    };
  }

  /**
   * ONE11: items raised in held meetings (none to two each), due a cadence or two later; most are
   * ticked by their owner one or two meetings on, some carried for three to five, some never.
   */
  #actions(meetings: readonly DemoMeeting[], period: number): DemoAction[] {
    const random = this.#random;
    const held = meetings.filter((meeting) => meeting.held);
    const actions: DemoAction[] = [];
    held.forEach((meeting, i) => {
      const count = random.weighted<number>([
        [0, 30],
        [1, 45],
        [2, 25],
      ]);
      for (let n = 0; n < count; n++) {
        const ownerKey = random.next() < 0.7 ? this.#employee.key : this.#manager.key;
        const otherKey = ownerKey === this.#employee.key ? this.#manager.key : this.#employee.key;
        const later = random.weighted<number | null>([
          [random.int(1, 2), 72],
          [random.int(3, 5), 14],
          [null, 14],
        ]);
        const doneIn = later === null ? undefined : meetings[i + later];
        actions.push({
          id: uuidFrom(this.#ids),
          title: this.#fresh(actionTitles(this.#flavour)),
          ownerKey,
          dueDate: addDays(meeting.day, period * random.int(1, 2)),
          raisedIn: meeting.day,
          byKey: random.next() < 0.6 ? ownerKey : otherKey,
          at: iso(Date.parse(meeting.at) + random.int(10, 40) * MINUTE),
          done:
            doneIn?.held === true
              ? {
                  in: doneIn.day,
                  byKey: ownerKey,
                  at: iso(Date.parse(doneIn.at) + random.int(5, 40) * MINUTE),
                }
              : null,
        });
      }
    });
    return actions;
  }

  /**
   * DEMO18: the well-known pair's series always shows an item the manager promised and let slip
   * (open, overdue), one the employee carried for four meetings before ticking it, and private
   * notes of both.
   */
  #featuredStory(meetings: DemoMeeting[], actions: DemoAction[]): void {
    const held = meetings.filter((meeting) => meeting.held);
    const manager = this.#manager.key;
    const employee = this.#employee.key;
    const raised = (
      meeting: DemoMeeting,
      minutes: number,
      item: Pick<DemoAction, 'title' | 'ownerKey' | 'dueDate' | 'byKey' | 'done'>,
    ): DemoAction => ({
      id: uuidFrom(this.#ids),
      raisedIn: meeting.day,
      at: iso(Date.parse(meeting.at) + minutes * MINUTE),
      ...item,
    });
    const ticked = held.at(-1)!;
    actions.push(
      raised(held.at(-4)!, 35, {
        title: SLIPPED_ITEM,
        ownerKey: manager,
        dueDate: held.at(-3)!.day,
        byKey: employee,
        done: null,
      }),
      raised(held.at(-5)!, 25, {
        title: CARRIED_ITEM,
        ownerKey: employee,
        dueDate: held.at(-4)!.day,
        byKey: manager,
        done: { in: ticked.day, byKey: employee, at: iso(Date.parse(ticked.at) + 15 * MINUTE) },
      }),
    );
    actions.sort((a, b) => a.at.localeCompare(b.at));
    // Every other meeting, the two of them on alternate ones.
    const notes = (pool: readonly string[], byKey: string, offset: number) => {
      pool.forEach((text, i) => {
        const meeting = held[held.length - 1 - offset - i * 2];
        if (!meeting) return;
        meeting.privateNotes.push({
          byKey,
          text,
          at: iso(Date.parse(meeting.at) + 75 * MINUTE),
        });
      });
    };
    notes(MANAGER_PRIVATE_NOTES, manager, 0);
    notes(EMPLOYEE_PRIVATE_NOTES, employee, 1);
  }
}
