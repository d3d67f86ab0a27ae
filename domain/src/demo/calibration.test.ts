import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardCards, movesInOrder } from '../calibration/board.ts';
import { validateBoardDocument, validateProposalsDocument } from '../calibration/schema.ts';
import { judgeBoardUpdate, judgeProposalsUpdate } from '../calibration/update-check.ts';
import { replicaOf } from '../ydoc/replica.ts';
import { goalAchievementByOwner } from '../calibration/achievement.ts';
import { boardSignals } from '../calibration/signals/index.ts';
import { generateDemoGoals } from './goals.ts';
import { writeDemoGoalLog } from './goals-log.ts';
import {
  DEMO_CALIBRATION_CONFIG,
  generateDemoCalibration,
  writeDemoCalibrationLogs,
} from './calibration.ts';
import { generateOrganisation } from './generate.ts';
import { readableIds } from './testing.ts';

const TODAY = '2026-12-07';
const HEAD = 'head@example.test';
const CEO = 'ceo@example.test';
const ADMIN = 'admin@example.test';
const org = generateOrganisation({
  people: 150,
  seed: 11,
  domain: 'example.test',
  today: TODAY,
  featured: [
    { slot: { kind: 'ceo' }, email: CEO },
    { slot: { kind: 'department-head', department: 0 }, email: HEAD },
    { slot: { kind: 'department-head', department: 3 }, email: ADMIN },
  ],
});
const options = { seed: 3, today: TODAY, leaderEmails: [HEAD, CEO], facilitatorEmail: ADMIN };
const [previous, current] = generateDemoCalibration(org, options);
const id = readableIds.person;
const keyOf = (email: string) => org.people.find((p) => p.email === email)!.key;
const scale = new Set(DEMO_CALIBRATION_CONFIG.scale.map((p) => p.value));

describe('the demo calibration sessions', () => {
  it('[DEMO21] calibrates everyone under Engineering’s head, led by the head and the CEO', () => {
    expect(generateDemoCalibration(org, options)).toEqual([previous, current]);
    const head = keyOf(HEAD);
    const engineering = org.people.filter((p) => p.teamKey !== null && p.key !== head);
    expect(current!.populationKeys.length).toBeGreaterThanOrEqual(30);
    expect(current!.populationKeys.length).toBeLessThanOrEqual(60);
    expect(current!.populationKeys).not.toContain(head);
    // Everyone in it reports, directly or not, to the head.
    const managerOf = new Map(org.people.map((p) => [p.key, p.managerKey]));
    for (const key of current!.populationKeys) {
      let at: string | null | undefined = key;
      while (at && at !== head) at = managerOf.get(at);
      expect(at).toBe(head);
    }
    expect(engineering.length).toBeGreaterThan(current!.populationKeys.length);
    expect(current).toMatchObject({
      status: 'in_session',
      leaderKeys: [head, keyOf(CEO)],
      facilitatorKey: keyOf(ADMIN),
      cycleName: '2026 H2',
    });
    expect(current!.moves.every((m) => m.at < `${TODAY}T00:00:00.000Z`)).toBe(true);
  });

  it('[DEMO22] [DEMO23] proposals by each report’s manager (a few missing), moves that the server accepts', () => {
    const logs = writeDemoCalibrationLogs(current!, id);
    const proposed = current!.proposals.length;
    expect(current!.populationKeys.length - proposed).toBe(3);
    const managerOf = new Map(org.people.map((p) => [p.key, p.managerKey]));
    for (const p of current!.proposals) expect(p.managerKey).toBe(managerOf.get(p.personKey));
    for (const { managerId, entries } of logs.proposals) {
      const live = new Y.Doc();
      const reports = new Set(
        current!.proposals
          .filter((p) => id(p.managerKey) === managerId)
          .map((p) => id(p.personKey)),
      );
      for (const entry of entries) {
        const actor = { personId: entry.personId!, managerId, reports, scale };
        expect(judgeProposalsUpdate(live, replicaOf(live), entry.update, actor)).toEqual({
          ok: true,
        });
        Y.applyUpdate(live, entry.update);
      }
      expect(validateProposalsDocument(live)).toEqual([]);
    }
    const [build, ...moves] = logs.board;
    expect(build!.personId).toBeNull();
    const live = new Y.Doc();
    Y.applyUpdate(live, build!.update);
    expect(moves.length).toBeGreaterThanOrEqual(3);
    for (const entry of moves) {
      const actor = { personId: entry.personId!, participant: true, scale };
      expect(judgeBoardUpdate(live, replicaOf(live), entry.update, actor)).toEqual({ ok: true });
      Y.applyUpdate(live, entry.update);
    }
    expect(validateBoardDocument(live)).toEqual([]);
    const movers = new Set(movesInOrder(live).map((m) => m.by));
    expect(movers).toEqual(new Set([id(keyOf(HEAD)), id(keyOf(CEO))]));
    expect(movesInOrder(live).filter((m) => m.justification !== '').length).toBeGreaterThanOrEqual(
      3,
    );
    expect(
      [...boardCards(live, DEMO_CALIBRATION_CONFIG).values()].filter((c) => c.box === null).length,
    ).toBe(2);
  });

  it('[DEMO24] the previous cycle’s session is finalized, with every rating published', () => {
    expect(previous).toMatchObject({ status: 'finalized', cycleName: '2026 H1' });
    expect(previous!.statusChanges.map((c) => c.to)).toEqual([
      'proposals',
      'in_session',
      'finalized',
    ]);
    const logs = writeDemoCalibrationLogs(previous!, id);
    expect(logs.published).toHaveLength(previous!.populationKeys.length);
    expect(logs.board.length).toBeGreaterThan(3);
    const moved = new Set(previous!.moves.map((m) => id(m.personKey)));
    const board = new Y.Doc();
    for (const entry of logs.board) Y.applyUpdate(board, entry.update);
    for (const rating of logs.published) {
      expect(boardCards(board, DEMO_CALIBRATION_CONFIG).get(rating.personId)?.box).toBe(rating.box);
    }
    expect(moved.size).toBeGreaterThan(2);
  });

  it('[DEMO25] [DEMO26] the session in session opens with a few conflicts and one strict grader', () => {
    // Goal achievement as the player cards will read it, from the demo's own goal tree.
    const { doc } = writeDemoGoalLog(
      generateDemoGoals(org, { seed: 3, today: TODAY }),
      readableIds,
    );
    const byId = goalAchievementByOwner(doc);
    doc.destroy();
    const achievement = new Map(
      org.people.flatMap((p) =>
        byId.has(id(p.key)) ? [[p.key, byId.get(id(p.key))!] as const] : [],
      ),
    );
    const [, arranged] = generateDemoCalibration(org, { ...options, achievement });
    const logs = writeDemoCalibrationLogs(arranged!, id);
    const board = new Y.Doc();
    for (const entry of logs.board) Y.applyUpdate(board, entry.update);
    const people = new Map(
      org.people.map((p) => [
        id(p.key),
        {
          personId: id(p.key),
          managerId: p.managerKey === null ? null : id(p.managerKey),
          location: p.location,
          hireDate: p.hireDate,
          jobLevel: p.jobLevel,
          goalAchievement: achievement.get(p.key) ?? null,
        },
      ]),
    );
    const signals = boardSignals({
      cards: boardCards(board, DEMO_CALIBRATION_CONFIG).values(),
      people,
      config: DEMO_CALIBRATION_CONFIG,
      today: TODAY,
    });
    const kinds = signals.conflicts.map((c) => c.kind);
    expect(kinds.filter((k) => k === 'high-rating-low-achievement').length).toBeGreaterThanOrEqual(
      1,
    );
    expect(kinds.filter((k) => k === 'low-rating-high-achievement').length).toBeGreaterThanOrEqual(
      1,
    );
    expect(kinds.length).toBeGreaterThanOrEqual(3);
    const strict = signals.skew.filter((row) => row.verdict === 'strict');
    expect(strict).toHaveLength(1);
    expect(strict[0]!.n).toBeGreaterThanOrEqual(4);
    // A team's manager, not one of the session's leaders.
    expect(arranged!.leaderKeys.map(id)).not.toContain(strict[0]!.managerId);
    // Without goal achievement the strict grader stays, and the rest of the plan is unchanged.
    expect(current!.moves.length).toBe(arranged!.moves.length);
    expect(current!.populationKeys).toEqual(arranged!.populationKeys);
  });
});
