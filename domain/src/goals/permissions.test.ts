import { describe, expect, it } from 'vitest';
import type { Goal } from './model.ts';
import { checkGoalChange, mayApproveGoal, mayEditGoal, type Actor } from './permissions.ts';
import { uuid } from './testing.ts';

// ceo ← manager ← lead ← dev ; peer is dev's teammate; outsider is elsewhere.
const ceo = uuid(1);
const manager = uuid(2);
const lead = uuid(3);
const dev = uuid(4);
const peer = uuid(5);
const outsider = uuid(6);
const team = uuid(100);
const otherTeam = uuid(101);

const actor = (personId: string, patch: Partial<Actor> = {}): Actor => ({
  personId,
  isAdmin: false,
  isLeader: false,
  teamIds: new Set(),
  reportIds: new Set(),
  directReportIds: new Set(),
  ...patch,
});
const asDev = actor(dev, { teamIds: new Set([team]) });
const asPeer = actor(peer, { teamIds: new Set([team]) });
const asLead = actor(lead, {
  teamIds: new Set([team]),
  reportIds: new Set([dev, peer]),
  directReportIds: new Set([dev, peer]),
});
const asManager = actor(manager, {
  reportIds: new Set([lead, dev, peer]),
  directReportIds: new Set([lead]),
});
const asCeo = actor(ceo, {
  isLeader: true,
  reportIds: new Set([manager, lead, dev, peer]),
  directReportIds: new Set([manager]),
});
const asAdmin = actor(outsider, { isAdmin: true });
const asOutsider = actor(outsider, { teamIds: new Set([otherTeam]) });

const goal = (patch: Partial<Goal> = {}): Goal => ({
  id: uuid(50),
  title: 'Ship it',
  description: '',
  level: 'person',
  state: 'draft',
  ownerId: dev,
  teamId: team,
  moves: [{ parentId: null, clock: 1, clientId: 1 }],
  order: 'a0',
  startDate: null,
  dueDate: null,
  metric: {
    kind: 'none',
    start: null,
    target: null,
    current: null,
    unit: null,
    direction: 'increasing',
    milestones: [],
  },
  weight: 1,
  difficulty: 'medium',
  tags: [],
  checkIns: [],
  lastProgressAt: null,
  approvedBy: null,
  approvedAt: null,
  createdBy: dev,
  createdAt: '2026-07-01T09:00:00.000Z',
  deleted: false,
  ...patch,
});

describe('goal permissions', () => {
  it('[GOAL16] lets the owner and the managers up the chain edit a personal goal, not a teammate or outsider', () => {
    const personal = goal();
    expect(mayEditGoal(asDev, personal)).toBe(true);
    expect(mayEditGoal(asLead, personal)).toBe(true);
    expect(mayEditGoal(asManager, personal)).toBe(true);
    expect(mayEditGoal(asCeo, personal)).toBe(true);
    expect(mayEditGoal(asPeer, personal)).toBe(false);
    expect(mayEditGoal(asOutsider, personal)).toBe(false);
    expect(mayEditGoal(asAdmin, personal)).toBe(true);
  });

  it('[GOAL16] lets every member of the team edit a team goal', () => {
    const teamGoal = goal({ level: 'team', ownerId: lead });
    expect(mayEditGoal(asPeer, teamGoal)).toBe(true);
    expect(mayEditGoal(asDev, teamGoal)).toBe(true);
    expect(mayEditGoal(asManager, teamGoal)).toBe(true);
    expect(mayEditGoal(asOutsider, teamGoal)).toBe(false);
    expect(mayEditGoal(asPeer, goal({ level: 'team', ownerId: null }))).toBe(true);
    expect(mayEditGoal(asPeer, goal({ level: 'team', ownerId: null, teamId: null }))).toBe(false);
  });

  it('[GOAL16] keeps company goals to leaders and admins, even for their owner', () => {
    const theme = goal({ level: 'company', ownerId: manager, teamId: null });
    expect(mayEditGoal(asCeo, theme)).toBe(true);
    expect(mayEditGoal(asAdmin, theme)).toBe(true);
    expect(mayEditGoal(asManager, theme)).toBe(false);
    expect(mayEditGoal(asDev, theme)).toBe(false);
  });

  it('[GOAL17] lets only the owner’s manager or an admin approve; leaders activate company goals', () => {
    const personal = goal({ state: 'proposed' });
    expect(mayApproveGoal(asLead, personal)).toBe(true);
    expect(mayApproveGoal(asAdmin, personal)).toBe(true);
    expect(mayApproveGoal(asDev, personal)).toBe(false);
    expect(mayApproveGoal(asManager, personal)).toBe(false);
    expect(mayApproveGoal(asCeo, goal({ level: 'company' }))).toBe(true);
  });

  it('[GOAL16] refuses an edit to a goal the sender may not edit, and handing a goal to someone out of reach', () => {
    const before = goal();
    expect(checkGoalChange(asPeer, before.id, before, goal({ title: 'Mine now' }))).toMatchObject({
      rule: 'GOAL16',
    });
    expect(checkGoalChange(asDev, before.id, before, goal({ title: 'Ship it well' }))).toBe(null);
    expect(checkGoalChange(asDev, before.id, before, goal({ ownerId: outsider }))).toMatchObject({
      rule: 'GOAL16',
    });
    expect(checkGoalChange(asLead, before.id, before, goal({ ownerId: peer }))).toBe(null);
    expect(checkGoalChange(asDev, before.id, before, goal({ level: 'company' }))).toMatchObject({
      rule: 'GOAL16',
    });
  });

  it('[GOAL16] checks a new goal against who may edit it', () => {
    expect(checkGoalChange(asDev, uuid(50), null, goal())).toBe(null);
    expect(
      checkGoalChange(asDev, uuid(50), null, goal({ ownerId: peer, level: 'person' })),
    ).toMatchObject({ rule: 'GOAL16' });
    expect(checkGoalChange(asDev, uuid(50), null, goal({ level: 'company' }))).toMatchObject({
      rule: 'GOAL16',
    });
  });

  it('[GOAL17] refuses activating a proposed goal by anyone but an approver, and requires the approval recorded', () => {
    const proposed = goal({ state: 'proposed' });
    const approvedBy = (who: string) =>
      goal({ state: 'active', approvedBy: who, approvedAt: '2026-07-02T09:00:00.000Z' });
    expect(checkGoalChange(asDev, proposed.id, proposed, approvedBy(dev))).toMatchObject({
      rule: 'GOAL17',
    });
    expect(checkGoalChange(asLead, proposed.id, proposed, approvedBy(lead))).toBe(null);
    expect(checkGoalChange(asLead, proposed.id, proposed, approvedBy(dev))).toMatchObject({
      rule: 'GOAL17',
    });
    expect(checkGoalChange(asLead, proposed.id, proposed, goal({ state: 'active' }))).toMatchObject(
      { rule: 'GOAL17' },
    );
    // done → active reopens, no approval needed.
    const done = goal({ state: 'done' });
    expect(checkGoalChange(asDev, done.id, done, goal({ state: 'active' }))).toBe(null);
  });

  it('[GOAL17] refuses forging an approval without approving', () => {
    const active = goal({
      state: 'active',
      approvedBy: lead,
      approvedAt: '2026-07-02T09:00:00.000Z',
    });
    expect(checkGoalChange(asDev, active.id, active, { ...active, approvedBy: dev })).toMatchObject(
      { rule: 'GOAL17' },
    );
    expect(checkGoalChange(asDev, active.id, active, { ...active, title: 'Renamed' })).toBe(null);
  });

  it('[GOAL3] [GOAL18] refuses removing or rewriting check-ins, and check-ins in someone else’s name', () => {
    const checkIn = { id: 'c1', value: 3, progress: 0.3, at: '2026-07-03T09:00:00.000Z', by: dev };
    const before = goal({ checkIns: [checkIn] });
    expect(checkGoalChange(asDev, before.id, before, goal({ checkIns: [] }))).toMatchObject({
      rule: 'GOAL3',
    });
    expect(
      checkGoalChange(asDev, before.id, before, goal({ checkIns: [{ ...checkIn, value: 9 }] })),
    ).toMatchObject({ rule: 'GOAL3' });
    const added = { ...checkIn, id: 'c2', at: '2026-07-04T09:00:00.000Z' };
    expect(checkGoalChange(asDev, before.id, before, goal({ checkIns: [checkIn, added] }))).toBe(
      null,
    );
    expect(
      checkGoalChange(asLead, before.id, before, goal({ checkIns: [checkIn, added] })),
    ).toMatchObject({ rule: 'GOAL18' });
  });

  it('[GOAL3] refuses rewriting who created a goal and when, even by someone who may edit it', () => {
    const before = goal({ createdBy: dev, createdAt: '2026-07-01T09:00:00.000Z' });
    expect(checkGoalChange(asDev, before.id, before, { ...before, createdBy: lead })).toMatchObject(
      { rule: 'GOAL3' },
    );
    expect(
      checkGoalChange(asLead, before.id, before, {
        ...before,
        createdAt: '2020-01-01T00:00:00.000Z',
      }),
    ).toMatchObject({ rule: 'GOAL3' });
    expect(checkGoalChange(asDev, before.id, before, { ...before, weight: 2 })).toBe(null);
  });

  it('[GOAL3] refuses rewriting the move log, accepts moves appended or landing between', () => {
    const first = { parentId: null, clock: 1, clientId: 1 };
    const second = { parentId: uuid(60), clock: 5, clientId: 1 };
    const concurrent = { parentId: uuid(61), clock: 3, clientId: 2 };
    const before = goal({ moves: [first, second] });
    expect(
      checkGoalChange(asDev, before.id, before, goal({ moves: [first, concurrent, second] })),
    ).toBe(null);
    expect(checkGoalChange(asDev, before.id, before, goal({ moves: [first] }))).toMatchObject({
      rule: 'GOAL3',
    });
    expect(
      checkGoalChange(asDev, before.id, before, goal({ moves: [second, first] })),
    ).toMatchObject({ rule: 'GOAL3' });
  });

  it('[GOAL3] refuses removing a goal', () => {
    expect(checkGoalChange(asAdmin, uuid(50), goal(), null)).toMatchObject({ rule: 'GOAL3' });
  });
});
