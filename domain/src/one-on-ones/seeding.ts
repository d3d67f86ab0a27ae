// Prep: the next meeting's agenda seeds itself (ONE23–ONE25). The seeding is one pure function of
// a list of sources — talking points left undone in the meeting before (action items need none:
// ONE11 already shows an undone item in every later meeting), the employee's goals that need
// attention, and any other kind a caller adds (development items) — so a new kind of source is a
// new case of `SeedSource` and nothing else. A seeded point's id derives from the meeting and its
// source, so two people opening the meeting at once, or offline on two devices, write the same
// point, and Yjs keeps one (ONE24). A point already there — dismissed (marked deleted) or not —
// is never written again (ONE25), nor one dismissed (ONE54): a dismissal lives in the agenda's
// own `dismissals` map, so it survives whichever copy of the point Yjs keeps.
import * as Y from 'yjs';
import type { Health } from '../goals/health.ts';
import { agendaOf, meetings } from './agenda.ts';
import { orderAt } from './edits.ts';
import { AGENDA_SECTIONS, type AgendaSection } from './model.ts';
import { ONE_ON_ONE_LIMITS } from './schema.ts';
import { dismissalsOf, pointsOf } from './shape.ts';

export type SeedSource =
  /** A talking point left undone in the meeting before (its original's id). */
  | { kind: 'carried'; id: string; section: AgendaSection; text: string }
  /** One of the employee's goals that needs attention, and why. */
  | { kind: 'goal'; id: string; title: string; reason: GoalAttention }
  /** An open development item (Achieve). */
  | { kind: 'development'; id: string; title: string };

export type GoalAttention = 'red' | 'yellow' | 'stale';

export interface SeedItem {
  /** `<kind>:<source id>`: the point's identity within its meeting. */
  seed: string;
  section: AgendaSection;
  text: string;
}

/** Where each kind of source goes (ONE23): goals in Track, development in Achieve, a carried
 *  point where it was. */
function sectionOf(source: SeedSource): AgendaSection {
  switch (source.kind) {
    case 'carried':
      return source.section;
    case 'goal':
      return 'track';
    case 'development':
      return 'achieve';
  }
}

export const ATTENTION_LABELS: Record<GoalAttention, string> = {
  red: 'red, well behind pace',
  yellow: 'yellow, a little behind pace',
  stale: 'no check-in for 14 days or more',
};

function textOf(source: SeedSource): string {
  switch (source.kind) {
    case 'carried':
      return source.text;
    case 'goal':
      return `${source.title} — ${ATTENTION_LABELS[source.reason]}`;
    case 'development':
      return source.title;
  }
}

const clip = (text: string) =>
  text.length <= ONE_ON_ONE_LIMITS.pointText
    ? text
    : `${text.slice(0, ONE_ON_ONE_LIMITS.pointText - 1)}…`;

/** ONE23: the points `sources` seed, once per source (the first of a repeated one), in the
 *  order given. */
export function seedItems(sources: readonly SeedSource[]): SeedItem[] {
  const seen = new Set<string>();
  const items: SeedItem[] = [];
  for (const source of sources) {
    const seed = `${source.kind}:${source.id}`;
    if (seen.has(seed)) continue;
    seen.add(seed);
    items.push({ seed, section: sectionOf(source), text: clip(textOf(source).trim() || '…') });
  }
  return items;
}

/**
 * A UUID derived from `input` (cyrb128, four 32-bit lanes, with version 8 and the RFC variant
 * set): the same input gives the same id on every replica. Not a secret: any member may write
 * the point anyway.
 */
export function deterministicUuid(input: string): string {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < input.length; i++) {
    const k = input.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const hex = [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

/** ONE24: a seeded point's id, from its meeting and its seed. */
export const seededPointId = (meetingId: string, seed: string) =>
  deterministicUuid(`one-on-one-seed\u0000${meetingId}\u0000${seed}`);

/**
 * ONE23: the talking points left undone in the meeting held before `meetingId` (not deleted, not
 * ticked), in section order, each as a source that keeps the identity of the point it was first
 * carried from (so it is carried again, not copied twice). Goal and development points are left
 * out: their sources seed them afresh from what is true today.
 */
export function carriedPoints(doc: Y.Doc, meetingId: string): SeedSource[] {
  const all = meetings(doc);
  const at = all.findIndex((m) => m.id === meetingId);
  const previous = at > 0 ? all[at - 1] : undefined;
  if (!previous) return [];
  const agenda = agendaOf(doc, previous.id);
  const sources: SeedSource[] = [];
  for (const section of AGENDA_SECTIONS) {
    for (const point of agenda[section]) {
      if (point.done || !point.text.trim()) continue;
      if (point.seed && !point.seed.startsWith('carried:')) continue;
      const id = point.seed ? point.seed.slice('carried:'.length) : point.id;
      sources.push({ kind: 'carried', id, section, text: point.text });
    }
  }
  return sources;
}

/** A goal as the page's projection shows it (goal_analytics). */
export interface GoalStatus {
  id: string;
  title: string;
  state: string;
  health: Health | null;
  stale: boolean;
}

/** ONE23: the goals that need attention — active and red, yellow or stale (GOAL12, GOAL13), the
 *  worst first — with the reason. */
export function goalsNeedingAttention(goals: readonly GoalStatus[]): SeedSource[] {
  const rank: Record<GoalAttention, number> = { red: 0, yellow: 1, stale: 2 };
  const sources: (SeedSource & { kind: 'goal' })[] = [];
  for (const goal of goals) {
    if (goal.state !== 'active') continue;
    const reason: GoalAttention | null =
      goal.health === 'red' || goal.health === 'yellow' ? goal.health : goal.stale ? 'stale' : null;
    if (reason) sources.push({ kind: 'goal', id: goal.id, title: goal.title, reason });
  }
  return sources.sort((a, b) => rank[a.reason] - rank[b.reason] || a.title.localeCompare(b.title));
}

/**
 * ONE24, ONE25: writes the points `sources` seed into meeting `meetingId` that are not there yet
 * (one transaction), each at the end of its section, in the seeder's name; returns the ids
 * written. A point already there (dismissed or not) is left as it is.
 */
export function seedMeeting(
  doc: Y.Doc,
  meetingId: string,
  sources: readonly SeedSource[],
  context: { by: string; at?: string },
): string[] {
  const written: string[] = [];
  const points = pointsOf(doc);
  const dismissals = dismissalsOf(doc);
  doc.transact(() => {
    for (const item of seedItems(sources)) {
      const id = seededPointId(meetingId, item.seed);
      if (points.has(id) || dismissals.has(id)) continue;
      const map = new Y.Map<unknown>();
      map.set('meetingId', meetingId);
      map.set('section', item.section);
      map.set('order', orderAt(doc, meetingId, item.section, Number.MAX_SAFE_INTEGER));
      map.set('text', new Y.Text(item.text));
      map.set('authorId', context.by);
      map.set('createdAt', context.at ?? new Date().toISOString());
      map.set('done', false);
      map.set('deleted', false);
      map.set('seed', item.seed);
      points.set(id, map);
      written.push(id);
    }
  });
  return written;
}
