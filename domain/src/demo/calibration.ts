// The demo organisation's calibration sessions (DEMO21–DEMO24): Engineering (everyone under its
// head) calibrated twice — the previous cycle's session finalized with its ratings published,
// the active cycle's in session with a few justified moves made — with Engineering's managers'
// proposals. The active session's proposals show what its signals are for: one manager who rates
// every report low (a strict grader, DEMO26) and a few ratings that disagree with the person's
// goal achievement (DEMO25). Pure and deterministic: the plan comes from the organisation, a seed and the
// seed's day; `writeDemoCalibrationLogs` turns a plan into the documents' log entries with the
// domain's own edits, so every entry is one the server would accept from its author.
import * as Y from 'yjs';
import { boardCards } from '../calibration/board.ts';
import { buildBoard, moveCard, setProposal } from '../calibration/edits.ts';
import type { BoardConfig, Potential, Rated } from '../calibration/model.ts';
import { projectProposals, type ProposalRow } from '../calibration/projector.ts';
import { ratingsToPublish, type PublishedRating } from '../calibration/published.ts';
import type { DemoLogEntry } from './goals-log.ts';
import type { GeneratedOrganisation } from './generate.ts';
import { createRandom, type Random } from './random.ts';

/** The demo's sessions use the default configuration: five points, 10/20/40/20/10. */
export const DEMO_CALIBRATION_CONFIG: BoardConfig & { guideline: Record<string, number> } = {
  scale: [
    { value: 1, label: 'Below expectations' },
    { value: 2, label: 'Partially meets' },
    { value: 3, label: 'Meets expectations' },
    { value: 4, label: 'Exceeds expectations' },
    { value: 5, label: 'Outstanding' },
  ],
  bands: { low: [1, 2], medium: [3], high: [4, 5] },
  guideline: { 1: 10, 2: 20, 3: 40, 4: 20, 5: 10 },
};

export interface DemoProposal {
  managerKey: string;
  personKey: string;
  rating: number;
  potential: Potential;
  rationale: string;
}

export interface DemoMove {
  personKey: string;
  to: Rated;
  justification: string;
  byKey: string;
  at: string;
}

export interface DemoCalibrationSession {
  name: string;
  cycleName: string;
  status: 'in_session' | 'finalized';
  leaderKeys: string[];
  facilitatorKey: string;
  /** The department's team (everyone under its head). */
  departmentKey: string;
  populationKeys: string[];
  proposals: DemoProposal[];
  /** Each change of state, in order: draft → proposals → in session (→ finalized). */
  statusChanges: { from: string; to: string; byKey: string; at: string }[];
  /** When the board was built (the session started). */
  startedAt: string;
  moves: DemoMove[];
}

export interface DemoCalibrationOptions {
  seed: number;
  /** The seed's day, YYYY-MM-DD: nothing happens on or after it. */
  today: string;
  /** Emails of the leaders (the department's head first) and the facilitator. */
  leaderEmails: readonly string[];
  facilitatorEmail: string;
  /** Goal achievement (0–1) in the active cycle by person key, as the player card reads it
   *  (CAL42): the conflicts of DEMO25 are chosen from it. None: no conflicts are arranged. */
  achievement?: ReadonlyMap<string, number>;
  /** Justified moves on the previous and the active session's boards (DEMO23: 6 and 4). */
  moves?: { previous: number; active: number };
}

const RATIONALES: Record<number, readonly string[]> = {
  1: ['Missed most commitments this cycle; we agreed a support plan.'],
  2: ['Delivered parts of the roadmap; reviews and estimates need work.'],
  3: [
    'Solid, reliable delivery on the team roadmap.',
    'Met every commitment; good reviews from peers.',
    'Steady contributor, owns the on-call runbook.',
  ],
  4: [
    'Led the migration to the new build pipeline.',
    'Raised the bar on code review for the team.',
  ],
  5: ['Shipped the sync engine rewrite ahead of plan and mentored two engineers.'],
};

const JUSTIFICATIONS = [
  'Owned the incident review process across teams; impact beyond the team.',
  'Compared with peers at the same level, delivery was closer to meets.',
  'Took on tech lead duties mid-cycle and grew into them fast.',
  'Scope was smaller than proposed; calibrated with the other seniors.',
  'Cross-team feedback shows strong leadership potential.',
  'New joiner, ramping up well: meets for the time in role.',
];

/** `minute` minutes past `hour` on `day` (past 59 it runs into the next hours: a department's
 *  session makes dozens of moves, seven minutes apart). */
const instant = (day: string, hour: number, minute = 0) =>
  new Date(Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00.000Z`) + minute * 60_000);

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Everyone under `headKey`, top-down. */
function everyoneUnder(organisation: GeneratedOrganisation, headKey: string): string[] {
  const under = new Set([headKey]);
  const found: string[] = [];
  for (const person of organisation.people) {
    if (person.managerKey !== null && under.has(person.managerKey)) {
      under.add(person.key);
      found.push(person.key);
    }
  }
  return found;
}

function proposalsFor(
  organisation: GeneratedOrganisation,
  population: readonly string[],
  random: Random,
  missing: number,
): DemoProposal[] {
  const managerOf = new Map(organisation.people.map((p) => [p.key, p.managerKey]));
  const proposals = population.map((personKey): DemoProposal => {
    const rating = random.weighted([
      [1, 1],
      [2, 2],
      [3, 5],
      [4, 2],
      [5, 1],
    ] as const);
    const potential = random.weighted<Potential>([
      ['low', 2],
      ['medium', 5],
      ['high', 3],
    ]);
    return {
      managerKey: managerOf.get(personKey)!,
      personKey,
      rating,
      potential,
      rationale: random.pick(RATIONALES[rating]!),
    };
  });
  // A few managers have not proposed for everyone yet (DEMO22): the last reports of the list.
  return proposals.slice(0, proposals.length - missing);
}

/** DEMO26: the strict grader rates their reports 2, 1, 2, 2, 1, 2, … */
const STRICT_RATINGS = [2, 1, 2, 2, 1, 2] as const;
/** DEMO25: how many top ratings on weak goals, and bottom ratings on strong goals. */
const CONFLICTS_EACH_WAY = 2;

/**
 * DEMO25, DEMO26: the active session's proposals with its signals arranged. The manager with the
 * most reports proposed (the first by key on a tie), not a leader of the session, rates them all
 * low; then, among everyone
 * else with goal achievement, the two weakest (under 50 %) are proposed 5 and the two
 * strongest (over 92 %) 1. Draws nothing from the random source: the rest of the plan is as it
 * was.
 */
export function arrangeDemoSignals(
  proposals: readonly DemoProposal[],
  achievement: ReadonlyMap<string, number> | undefined,
  leaders: readonly string[],
): DemoProposal[] {
  const count = new Map<string, number>();
  for (const p of proposals) {
    // A leader of the session grading their own reports harshly would be a different story.
    if (leaders.includes(p.managerKey)) continue;
    count.set(p.managerKey, (count.get(p.managerKey) ?? 0) + 1);
  }
  const strict = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  let i = 0;
  const arranged = proposals.map((p): DemoProposal => {
    if (p.managerKey !== strict) return p;
    const rating = STRICT_RATINGS[i++ % STRICT_RATINGS.length]!;
    return { ...p, rating, rationale: RATIONALES[rating]![0]! };
  });
  if (!achievement) return arranged;
  const others = arranged
    .filter((p) => p.managerKey !== strict && achievement.has(p.personKey))
    .sort((a, b) => a.personKey.localeCompare(b.personKey));
  const weak = others
    .filter((p) => achievement.get(p.personKey)! < 0.5)
    .sort((a, b) => achievement.get(a.personKey)! - achievement.get(b.personKey)!)
    .slice(0, CONFLICTS_EACH_WAY);
  const strong = others
    .filter((p) => achievement.get(p.personKey)! > 0.92)
    .sort((a, b) => achievement.get(b.personKey)! - achievement.get(a.personKey)!)
    .slice(0, CONFLICTS_EACH_WAY);
  const changed = new Map<string, number>([
    ...weak.map((p): [string, number] => [p.personKey, 5]),
    ...strong.map((p): [string, number] => [p.personKey, 1]),
  ]);
  return arranged.map((p) => {
    const rating = changed.get(p.personKey);
    return rating === undefined ? p : { ...p, rating, rationale: RATIONALES[rating]![0]! };
  });
}

/** Moves that leave the original, one per person, then one back to the original. */
function movesFor(
  proposals: readonly DemoProposal[],
  population: readonly string[],
  leaders: readonly string[],
  day: string,
  count: number,
  random: Random,
): DemoMove[] {
  const byPerson = new Map(proposals.map((p) => [p.personKey, p]));
  const moves: DemoMove[] = [];
  const candidates = proposals.filter((p) => p.rating >= 2 && p.rating <= 4);
  // Seven minutes apart from 10:05, closer when there are many, so all are made by 15:05.
  const stepMs = Math.min(7 * 60_000, Math.floor((5 * 3_600_000) / Math.max(1, count)));
  const from = instant(day, 10, 5).getTime();
  for (let i = 0; i < count && i < candidates.length; i += 1) {
    const proposal = candidates[(i * 5) % candidates.length]!;
    if (moves.some((m) => m.personKey === proposal.personKey)) continue;
    const up = i % 2 === 0;
    moves.push({
      personKey: proposal.personKey,
      to: {
        rating: proposal.rating + (up ? 1 : -1),
        potential: up ? 'high' : proposal.potential,
      },
      justification: JUSTIFICATIONS[i % JUSTIFICATIONS.length]!,
      byKey: leaders[i % leaders.length]!,
      at: new Date(from + i * stepMs).toISOString(),
    });
  }
  // Someone without a proposal is placed, with the why (CAL17).
  const unproposed = population.find((key) => !byPerson.has(key));
  if (unproposed) {
    moves.push({
      personKey: unproposed,
      to: { rating: 3, potential: 'medium' },
      justification: JUSTIFICATIONS[5]!,
      byKey: leaders[0]!,
      at: instant(day, 11, 0).toISOString(),
    });
  }
  // And one move taken back to the original by the other leader: no justification needed.
  const first = moves[0];
  const original = first && byPerson.get(first.personKey);
  if (first && original) {
    moves.push({
      personKey: first.personKey,
      to: { rating: original.rating, potential: original.potential },
      justification: '',
      byKey: leaders[1 % leaders.length]!,
      at: instant(day, 11, 20 + random.int(0, 9)).toISOString(),
    });
  }
  return moves;
}

/** The two sessions of DEMO21–DEMO24, previous cycle first. */
export function generateDemoCalibration(
  organisation: GeneratedOrganisation,
  options: DemoCalibrationOptions,
): DemoCalibrationSession[] {
  const random = createRandom(options.seed * 7919 + 15);
  const keyOf = (email: string) => {
    const person = organisation.people.find((p) => p.email === email);
    if (!person) throw new Error(`no person ${email} in the organisation`);
    return person.key;
  };
  const leaders = options.leaderEmails.map(keyOf);
  const head = organisation.people.find((p) => p.key === leaders[0])!;
  const facilitatorKey = keyOf(options.facilitatorEmail);
  const population = everyoneUnder(organisation, head.key);
  // The department the head leads names the sessions ("Engineering calibration, 2026 H2").
  const departmentName =
    organisation.teams.find((team) => team.key === head.teamKey)?.name ?? 'Department';
  const moves = options.moves ?? { previous: 6, active: 4 };
  const [previousCycle, activeCycle] = [
    organisation.cycles.find((c) => c.status === 'closed')!,
    organisation.cycles.find((c) => c.status === 'active')!,
  ];
  // The previous session ran two weeks after its cycle ended, or just before the seed's day.
  const previousDay = [addDays(previousCycle.endsOn, 14), addDays(options.today, -10)].sort()[0]!;
  const currentDay = addDays(options.today, -1);
  const session = (
    cycleName: string,
    day: string,
    status: 'in_session' | 'finalized',
    missing: number,
    moveCount: number,
  ): DemoCalibrationSession => {
    const drawn = proposalsFor(organisation, population, random, missing);
    const proposals =
      status === 'in_session' ? arrangeDemoSignals(drawn, options.achievement, leaders) : drawn;
    const opened = addDays(day, -10);
    const statusChanges = [
      {
        from: 'draft',
        to: 'proposals',
        byKey: facilitatorKey,
        at: instant(opened, 9).toISOString(),
      },
      {
        from: 'proposals',
        to: 'in_session',
        byKey: facilitatorKey,
        at: instant(day, 9).toISOString(),
      },
    ];
    if (status === 'finalized') {
      statusChanges.push({
        from: 'in_session',
        to: 'finalized',
        byKey: facilitatorKey,
        at: instant(day, 16).toISOString(),
      });
    }
    return {
      name: `${departmentName} calibration, ${cycleName}`,
      cycleName,
      status,
      leaderKeys: leaders,
      facilitatorKey,
      departmentKey: head.teamKey!,
      populationKeys: population,
      proposals,
      statusChanges,
      startedAt: instant(day, 9).toISOString(),
      moves: movesFor(proposals, population, leaders, day, moveCount, random),
    };
  };
  return [
    session(previousCycle.name, previousDay, 'finalized', 0, moves.previous),
    session(activeCycle.name, currentDay, 'in_session', 3, moves.active),
  ];
}

export interface DemoCalibrationLogs {
  /** Each manager's proposals document: their entries (one, in their name). */
  proposals: { managerId: string; entries: DemoLogEntry[]; rows: ProposalRow[] }[];
  /** The board: the server's build, then one entry per move in its mover's name. */
  board: DemoLogEntry[];
  /** What finalizing published (finalized sessions only). */
  published: PublishedRating[];
}

/** The session's documents as log entries, written with the domain's edits (CAL11, CAL16–CAL18). */
export function writeDemoCalibrationLogs(
  session: DemoCalibrationSession,
  idOf: (key: string) => string,
): DemoCalibrationLogs {
  const config = DEMO_CALIBRATION_CONFIG;
  const byManager = new Map<string, DemoProposal[]>();
  for (const proposal of session.proposals) {
    byManager.set(proposal.managerKey, [...(byManager.get(proposal.managerKey) ?? []), proposal]);
  }
  const opened = Date.parse(session.statusChanges[0]!.at);
  const proposals = [...byManager].map(([managerKey, list], i) => {
    const doc = new Y.Doc();
    for (const p of list) {
      setProposal(doc, idOf(p.personKey), {
        rating: p.rating,
        potential: p.potential,
        rationale: p.rationale,
      });
    }
    const entry: DemoLogEntry = {
      personId: idOf(managerKey),
      receivedAt: new Date(opened + (i + 1) * 3_600_000),
      update: Y.encodeStateAsUpdate(doc),
    };
    const rows = projectProposals(doc);
    doc.destroy();
    return { managerId: idOf(managerKey), entries: [entry], rows };
  });

  const board = new Y.Doc();
  const proposalOf = new Map(session.proposals.map((p) => [p.personKey, p]));
  buildBoard(
    board,
    session.populationKeys.map((key) => {
      const p = proposalOf.get(key);
      return {
        personId: idOf(key),
        original: p
          ? {
              rating: p.rating,
              potential: p.potential,
              rationale: p.rationale,
              proposedBy: idOf(p.managerKey),
            }
          : null,
      };
    }),
  );
  const entries: DemoLogEntry[] = [
    {
      personId: null,
      receivedAt: new Date(session.startedAt),
      update: Y.encodeStateAsUpdate(board),
    },
  ];
  for (const [i, move] of session.moves.entries()) {
    const before = Y.encodeStateVector(board);
    const moveId = `00000000-0000-4000-8000-${(0xca1000 + i).toString(16).padStart(12, '0')}`;
    const result = moveCard(
      board,
      { moveId, personId: idOf(move.personKey), to: move.to, justification: move.justification },
      config,
      { by: idOf(move.byKey), at: move.at },
    );
    if (!result.ok) throw new Error(`demo move ${i} of ${session.name}: ${result.reason}`);
    entries.push({
      personId: idOf(move.byKey),
      receivedAt: new Date(move.at),
      update: Y.encodeStateAsUpdate(board, before),
    });
  }
  let published: PublishedRating[] = [];
  if (session.status === 'finalized') {
    const result = ratingsToPublish(boardCards(board, config).values(), config);
    if (!result.ok) throw new Error(`demo session ${session.name} has unplaced cards`);
    published = result.ratings;
  }
  board.destroy();
  return { proposals, board: entries, published };
}
