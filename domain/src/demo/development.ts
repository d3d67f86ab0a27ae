// The development plans of a generated organisation (DEMO45–DEMO47): the skill list, and for a
// share of the people with a 1:1 series a plan with a skill gap or two flagged in one of their
// held meetings — by the manager mostly, by the employee sometimes — and the development items
// the pair picked from the 70/20/10 proposals (ONE43), some since moved on to in progress or
// done by the employee. The well-known employee's plan shows every status. Written with the
// domain's own edits, one log entry per act in its author's name, so every entry passes the
// server's checks (ONE44). Pure and deterministic: the same series, seed and day give the same
// plans.
import * as Y from 'yjs';
import { addDevelopmentItem, flagSkillGap, setItemStatus } from '../development/edits.ts';
import type { DevelopmentStatus, DevelopmentType, Skill } from '../development/model.ts';
import { proposeDevelopmentItems } from '../development/proposals.ts';
import { addDays, CADENCE_DAYS } from '../one-on-ones/cadence.ts';
import type { Cadence } from '../one-on-ones/model.ts';
import type { DemoLogEntry } from './goals-log.ts';
import { createRandom, uuidFrom, type Random } from './random.ts';

/** DEMO45: the organisation's skills, the first ones flagged most often. */
export const DEMO_SKILLS = [
  'Stakeholder management',
  'Public speaking',
  'System design',
  'Prioritisation',
  'Giving feedback',
  'Data analysis',
  'Written communication',
  'Negotiation',
  'Coaching',
  'SQL',
  'Product discovery',
  'Time management',
] as const;

const NOTES = [
  'Came up twice this month.',
  'Wants to grow here before the next cycle.',
  'The last review pointed at this.',
  'Needed for the next project.',
  '',
];

export interface DemoPlanInput {
  employeeId: string;
  managerId: string;
  /** The series' first day and cadence: gaps are flagged in its held meetings. */
  startsOn: string;
  cadence: Cadence;
  /** DEMO47: the well-known employee, whose plan shows every status. */
  featured: boolean;
}

export interface DemoPlan {
  personId: string;
  entries: DemoLogEntry[];
  doc: Y.Doc;
}

export interface DemoDevelopment {
  skills: Skill[];
  plans: DemoPlan[];
}

/** The days a series met before `today`, oldest first. */
function heldDays(input: DemoPlanInput, today: string): string[] {
  const days: string[] = [];
  for (let day = input.startsOn; day < today; day = addDays(day, CADENCE_DAYS[input.cadence])) {
    days.push(day);
  }
  return days;
}

interface Act {
  at: string;
  by: string;
  apply(doc: Y.Doc): void;
}

/** One gap with the items picked for it, and what became of each. */
interface GapStory {
  skill: Skill;
  day: string;
  by: string;
  note: string;
  items: { type: DevelopmentType; ownerId: string; status: DevelopmentStatus }[];
}

const at = (day: string, time: string) => `${day}T${time}:00.000Z`;

function actsOf(story: GapStory, input: DemoPlanInput, today: string, random: Random): Act[] {
  const gapId = uuidFrom(random);
  const proposals = proposeDevelopmentItems(story.skill.name, story.day);
  const items = story.items.map((item) => ({
    ...item,
    id: uuidFrom(random),
    proposal: proposals.find((p) => p.type === item.type)!,
  }));
  const acts: Act[] = [
    {
      at: at(story.day, '10:30'),
      by: story.by,
      apply: (doc) => {
        const context = { by: story.by, at: at(story.day, '10:30') };
        flagSkillGap(
          doc,
          gapId,
          {
            skillId: story.skill.id,
            skillName: story.skill.name,
            note: story.note,
            raisedOn: story.day,
          },
          context,
        );
        for (const item of items) {
          addDevelopmentItem(
            doc,
            item.id,
            {
              gapId,
              skillId: story.skill.id,
              skillName: story.skill.name,
              type: item.type,
              title: item.proposal.title,
              ownerId: item.ownerId,
              dueDate: item.proposal.dueDate,
              raisedOn: story.day,
            },
            context,
          );
        }
      },
    },
  ];
  const span = Math.max(2, Math.round((Date.parse(today) - Date.parse(story.day)) / 86_400_000));
  for (const item of items) {
    if (item.status === 'not-started') continue;
    const started = addDays(story.day, Math.max(1, Math.floor(span * 0.25)));
    acts.push({
      at: at(started, '16:00'),
      by: input.employeeId,
      apply: (doc) =>
        setItemStatus(doc, item.id, 'in-progress', {
          by: input.employeeId,
          at: at(started, '16:00'),
        }),
    });
    if (item.status !== 'done') continue;
    const done = addDays(story.day, Math.max(1, Math.floor(span * 0.75)));
    acts.push({
      at: at(done, '17:00'),
      by: input.employeeId,
      apply: (doc) =>
        setItemStatus(doc, item.id, 'done', { by: input.employeeId, at: at(done, '17:00') }),
    });
  }
  return acts;
}

function featuredStories(input: DemoPlanInput, days: string[], skills: Skill[]): GapStory[] {
  const skill = (name: string) => skills.find((s) => s.name === name)!;
  const early = days.at(-4) ?? days[0]!;
  const last = days.at(-1)!;
  return [
    {
      skill: skill('Public speaking'),
      day: early,
      by: input.managerId,
      note: 'Demos to the wider team feel rushed; wants to present the Q1 roadmap.',
      items: [
        { type: 'experience', ownerId: input.employeeId, status: 'in-progress' },
        { type: 'social', ownerId: input.managerId, status: 'done' },
        { type: 'formal', ownerId: input.employeeId, status: 'not-started' },
      ],
    },
    {
      skill: skill('System design'),
      day: last,
      by: input.employeeId,
      note: 'Would like to own the design of the next service.',
      items: [{ type: 'experience', ownerId: input.employeeId, status: 'not-started' }],
    },
  ];
}

function storiesOf(
  input: DemoPlanInput,
  days: string[],
  skills: Skill[],
  random: Random,
): GapStory[] {
  const weights = skills.map((skill, i) => [skill, skills.length - i] as const);
  const stories: GapStory[] = [];
  const count = random.int(1, 2);
  const recent = days.slice(-6);
  for (let i = 0; i < count; i++) {
    const skill = random.weighted(weights);
    if (stories.some((s) => s.skill.id === skill.id)) continue;
    const day = random.pick(recent);
    const old = Date.parse(days.at(-1)!) - Date.parse(day) > 28 * 86_400_000;
    const status = (): DevelopmentStatus =>
      random.weighted(
        old
          ? [
              ['done', 4],
              ['in-progress', 4],
              ['not-started', 2],
            ]
          : [
              ['in-progress', 3],
              ['not-started', 7],
            ],
      );
    const items: GapStory['items'] = [
      { type: 'experience', ownerId: input.employeeId, status: status() },
    ];
    if (random.next() < 0.5) {
      items.push({
        type: 'social',
        ownerId: random.next() < 0.5 ? input.managerId : input.employeeId,
        status: status(),
      });
    }
    if (random.next() < 0.4)
      items.push({ type: 'formal', ownerId: input.employeeId, status: status() });
    stories.push({
      skill,
      day,
      by: random.next() < 0.7 ? input.managerId : input.employeeId,
      note: random.pick(NOTES),
      items,
    });
  }
  return stories;
}

/** DEMO45–DEMO47: the skill list and the plans, each plan's log oldest entry first. */
export function generateDemoDevelopment(
  series: readonly DemoPlanInput[],
  options: { seed: number; today: string; share?: number },
): DemoDevelopment {
  const random = createRandom(options.seed ^ 0x5eed_d0e5);
  const skills = DEMO_SKILLS.map((name) => ({ id: uuidFrom(random), name }));
  const plans: DemoPlan[] = [];
  for (const input of series) {
    const days = heldDays(input, options.today);
    const chosen = input.featured || random.next() < (options.share ?? 0.4);
    if (!chosen || days.length === 0) continue;
    const stories = input.featured
      ? featuredStories(input, days, skills)
      : storiesOf(input, days, skills, random);
    const acts = stories
      .flatMap((story) => actsOf(story, input, options.today, random))
      .filter((act) => act.at.slice(0, 10) < options.today)
      .sort((a, b) => a.at.localeCompare(b.at));
    const doc = new Y.Doc({ guid: 'demo-development-plan' });
    // One update per transaction: each act's is its log entry.
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const entries: DemoLogEntry[] = [];
    for (const act of acts) {
      const before = updates.length;
      doc.transact(() => act.apply(doc));
      if (updates.length > before) {
        entries.push({ personId: act.by, receivedAt: new Date(act.at), update: updates.at(-1)! });
      }
    }
    plans.push({ personId: input.employeeId, entries, doc });
  }
  return { skills, plans };
}
