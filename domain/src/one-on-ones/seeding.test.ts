import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isUuid } from '../ids.ts';
import { replicaOf } from '../ydoc/replica.ts';
import { replica, syncAll, syncBoth } from '../ydoc/testing.ts';
import { agendaOf } from './agenda.ts';
import { addMeeting, addPoint, deletePoint, setPointDone } from './edits.ts';
import { validateAgendaDocument } from './schema.ts';
import {
  carriedPoints,
  deterministicUuid,
  goalsNeedingAttention,
  seedItems,
  seedMeeting,
  seededPointId,
  type SeedSource,
} from './seeding.ts';
import { dismissalsOf, pointsOf } from './shape.ts';
import { judgeAgendaUpdate } from './judged-both-ways.ts';
import type { SeriesActor } from './update-check.ts';

const manager = 'a0000000-0000-4000-8000-000000000001';
const employee = 'a0000000-0000-4000-8000-000000000002';
const id = (n: number) => `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const held = '2026-11-30';
const next = '2026-12-07';
const at = '2026-12-07T09:00:00.000Z';

const goals = [
  { id: id(20), title: 'Hire two engineers', state: 'active', health: 'yellow', stale: false },
  { id: id(21), title: 'Cut p95 latency', state: 'active', health: 'red', stale: false },
  { id: id(22), title: 'Write the runbook', state: 'active', health: 'green', stale: true },
  { id: id(23), title: 'On track', state: 'active', health: 'green', stale: false },
  { id: id(24), title: 'A draft', state: 'draft', health: 'red', stale: true },
] as const;

/** An agenda with a held meeting (two open points, one ticked) and the next one. */
function agenda(clientId = 100): Y.Doc {
  const doc = replica(clientId);
  addMeeting(doc, held, held, { by: manager, at: '2026-11-23T09:00:00.000Z' });
  addMeeting(doc, next, next, { by: manager, at: '2026-11-30T09:00:00.000Z' });
  const context = { by: manager, at: '2026-11-30T10:00:00.000Z' };
  addPoint(doc, id(1), { meetingId: held, section: 'align', text: 'Team offsite plan' }, context);
  addPoint(doc, id(2), { meetingId: held, section: 'achieve', text: 'Conference talk' }, context);
  addPoint(doc, id(3), { meetingId: held, section: 'track', text: 'Done already' }, context);
  setPointDone(doc, id(3), true);
  return doc;
}

const sourcesOf = (doc: Y.Doc): SeedSource[] => [
  ...carriedPoints(doc, next),
  ...goalsNeedingAttention(goals),
  { kind: 'development', id: id(30), title: 'Mentoring with a staff engineer' },
];

const as = (personId: string): SeriesActor => ({
  personId,
  managerId: manager,
  employeeId: employee,
});

const texts = (doc: Y.Doc, section: 'align' | 'track' | 'achieve') =>
  agendaOf(doc, next)[section].map((p) => p.text);

describe('seeding the next meeting', () => {
  it('[ONE23] seeds undone points, goals needing attention with the reason, development items', () => {
    const doc = agenda();
    seedMeeting(doc, next, sourcesOf(doc), { by: employee, at });
    expect(texts(doc, 'align')).toEqual(['Team offsite plan']);
    expect(texts(doc, 'track')).toEqual([
      'Cut p95 latency — red, well behind pace',
      'Hire two engineers — yellow, a little behind pace',
      'Write the runbook — no check-in for 14 days or more',
    ]);
    expect(texts(doc, 'achieve')).toEqual(['Conference talk', 'Mentoring with a staff engineer']);
    expect(agendaOf(doc, next).track.every((p) => p.seed?.startsWith('goal:'))).toBe(true);
    expect(validateAgendaDocument(doc)).toEqual([]);
  });

  it('[ONE23] a source given twice seeds one point; a carried point keeps its first identity', () => {
    const doc = agenda();
    expect(
      seedItems([
        { kind: 'development', id: 'x', title: 'A' },
        { kind: 'development', id: 'x', title: 'A again' },
      ]),
    ).toHaveLength(1);
    seedMeeting(doc, next, carriedPoints(doc, next), { by: employee, at });
    addMeeting(doc, '2026-12-14', '2026-12-14', { by: manager, at });
    const again = carriedPoints(doc, '2026-12-14');
    expect(again.map((s) => s.id)).toEqual([id(1), id(2)]);
  });

  it('[ONE24] ids derive from the meeting and the source, as UUIDs', () => {
    expect(isUuid(deterministicUuid('x'))).toBe(true);
    expect(deterministicUuid('x')).toBe(deterministicUuid('x'));
    expect(deterministicUuid('x')).not.toBe(deterministicUuid('y'));
    expect(seededPointId(next, 'goal:1')).not.toBe(seededPointId(held, 'goal:1'));
  });

  it('[ONE24] both members seeding at once, or offline on two devices, seed each point once', () => {
    const a = agenda(1);
    const b = replica(2);
    const c = replica(3);
    syncAll([a, b, c]);
    seedMeeting(a, next, sourcesOf(a), { by: manager, at });
    seedMeeting(b, next, sourcesOf(b), { by: employee, at });
    seedMeeting(c, next, sourcesOf(c), { by: employee, at });
    syncAll([a, b, c]);
    for (const doc of [a, b, c]) {
      const all = Object.values(agendaOf(doc, next)).flat();
      expect(all).toHaveLength(6);
      expect(new Set(all.map((p) => p.seed)).size).toBe(6);
    }
    expect(agendaOf(a, next)).toEqual(agendaOf(c, next));
  });

  it('[ONE24] the server accepts the second member’s seeding of the same points', () => {
    const live = agenda(1);
    const manager$ = replica(5);
    const employee$ = replica(9);
    syncAll([live, manager$, employee$]);
    const judgeAndApply = (from: Y.Doc, personId: string) => {
      const update = encodeFrom(live, from);
      const verdict = judgeAgendaUpdate(live, replicaOf(live), update, as(personId));
      if (verdict.ok) applyTo(live, update);
      return verdict;
    };
    seedMeeting(manager$, next, sourcesOf(manager$), { by: manager, at });
    seedMeeting(employee$, next, sourcesOf(employee$), { by: employee, at });
    // The higher client id's maps win in Yjs: the employee's replace the manager's on the server.
    expect(judgeAndApply(manager$, manager)).toEqual({ ok: true });
    expect(judgeAndApply(employee$, employee)).toEqual({ ok: true });
    expect(Object.values(agendaOf(live, next)).flat()).toHaveLength(6);
    // Nobody else's point may be taken over that way.
    const thief = replica(11);
    syncBoth(live, thief);
    const pointId = id(1);
    const forged = encodeWith(thief, () =>
      addPoint(
        thief,
        pointId,
        { meetingId: held, section: 'align', text: 'Mine' },
        {
          by: employee,
        },
      ),
    );
    const verdict = judgeAgendaUpdate(live, replicaOf(live), forged, as(employee));
    expect(verdict.ok).toBe(false);
  });

  it('[ONE25] a dismissed seeded point stays dismissed when the meeting is opened again', () => {
    const doc = agenda();
    const [first] = seedMeeting(doc, next, sourcesOf(doc), { by: employee, at });
    deletePoint(doc, first!, { by: employee, at });
    expect(seedMeeting(doc, next, sourcesOf(doc), { by: manager, at })).toEqual([]);
    expect(pointsOf(doc).get(first!)?.get('deleted')).toBe(true);
    expect(texts(doc, 'align')).toEqual([]);
  });

  it('[ONE54] a seeded point dismissed before the other device’s copy of it arrives stays dismissed, in either merge order', () => {
    for (const dismisser of [1, 2]) {
      // Two devices, each seeding the same meeting offline; one dismisses a point it seeded. The
      // client ids decide which device's copy of the point Yjs keeps: both ways are tried.
      const a = agenda(1);
      const b = replica(2);
      syncBoth(a, b);
      seedMeeting(a, next, sourcesOf(a), { by: manager, at });
      seedMeeting(b, next, sourcesOf(b), { by: employee, at });
      const [doc, by] = dismisser === 1 ? [a, manager] : [b, employee];
      const dismissed = seededPointId(next, `goal:${id(21)}`);
      deletePoint(doc, dismissed, { by, at });
      // Either device's updates reach the other first.
      if (dismisser === 1) syncBoth(b, a);
      else syncBoth(a, b);
      for (const merged of [a, b]) {
        const track = agendaOf(merged, next).track.map((p) => p.id);
        expect(track, `dismissed on ${dismisser}`).not.toContain(dismissed);
        expect(track).toHaveLength(2);
        // Opened again: not seeded again.
        expect(seedMeeting(merged, next, sourcesOf(merged), { by: employee, at })).toEqual([]);
        expect(validateAgendaDocument(merged)).toEqual([]);
      }
      expect(agendaOf(a, next)).toEqual(agendaOf(b, next));
    }
  });

  it('[ONE54] the server accepts a dismissal in its sender’s name, once; nobody changes or removes it', () => {
    const live = agenda(1);
    const [first] = seedMeeting(live, next, sourcesOf(live), { by: manager, at });
    const judge = (actor: SeriesActor, change: (doc: Y.Doc) => void) => {
      const client = replicaOf(live);
      return judgeAgendaUpdate(
        live,
        replicaOf(live),
        encodeWith(client, () => change(client)),
        actor,
      );
    };
    expect(judge(as(employee), (doc) => deletePoint(doc, first!, { by: employee, at }))).toEqual({
      ok: true,
    });
    const refusedFor = (verdict: ReturnType<typeof judge>) =>
      !verdict.ok && verdict.reason === 'forbidden' ? verdict.refusal.rule : verdict.ok;
    expect(
      refusedFor(judge(as(employee), (doc) => deletePoint(doc, first!, { by: manager, at }))),
    ).toBe('ONE54');
    deletePoint(live, first!, { by: manager, at });
    expect(refusedFor(judge(as(manager), (doc) => dismissalsOf(doc).delete(first!)))).toBe('ONE54');
    expect(
      refusedFor(
        judge(as(manager), (doc) =>
          dismissalsOf(doc).set(first!, { by: manager, at: '2027-01-01T00:00:00.000Z' }),
        ),
      ),
    ).toBe('ONE54');
  });

  it('[ONE23] only active goals that are red, yellow or stale need attention, the worst first', () => {
    expect(goalsNeedingAttention(goals).map((s) => s.id)).toEqual([id(21), id(20), id(22)]);
  });
});

function encodeFrom(server: Y.Doc, client: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
}

function applyTo(server: Y.Doc, update: Uint8Array) {
  Y.applyUpdate(server, update);
}

function encodeWith(client: Y.Doc, change: () => void): Uint8Array {
  const vector = Y.encodeStateVector(client);
  change();
  return Y.encodeStateAsUpdate(client, vector);
}
