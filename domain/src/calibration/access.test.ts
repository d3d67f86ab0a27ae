import { describe, expect, it } from 'vitest';
import { boardAccess, proposalsAccess, type CalibrationReader } from './access.ts';
import { SESSION_STATUSES } from './model.ts';
import { uuid } from './testing.ts';

const sofia = uuid(1);
const reader = (personId: string, role: CalibrationReader['role'] = null, isAdmin = false) => ({
  personId,
  role,
  isAdmin,
});
const manager = reader(sofia);
const otherManager = reader(uuid(2));
const employee = reader(uuid(3));
const leader = reader(uuid(4), 'leader');
const facilitator = reader(uuid(5), 'facilitator', true);
const admin = reader(uuid(6), null, true);
const proposer = { managerId: sofia, hasReports: true };

describe('who opens a manager’s proposals', () => {
  it('[CAL12] the manager writes while proposals are open and reads after', () => {
    expect(proposalsAccess(manager, 'draft', proposer)).toBeNull();
    expect(proposalsAccess(manager, 'proposals', proposer)).toBe('read-write');
    expect(proposalsAccess(manager, 'in_session', proposer)).toBe('read-only');
    expect(proposalsAccess(manager, 'finalized', proposer)).toBe('read-only');
  });

  it('[CAL12] participants read once the session starts; other managers, employees and admins never', () => {
    expect(proposalsAccess(leader, 'proposals', proposer)).toBeNull();
    expect(proposalsAccess(leader, 'in_session', proposer)).toBe('read-only');
    expect(proposalsAccess(facilitator, 'finalized', proposer)).toBe('read-only');
    for (const status of SESSION_STATUSES) {
      expect(proposalsAccess(otherManager, status, proposer)).toBeNull();
      expect(proposalsAccess(employee, status, proposer)).toBeNull();
      expect(proposalsAccess(admin, status, proposer)).toBeNull();
    }
  });

  it('[CAL12] a manager with nobody in the population has no proposals to open', () => {
    expect(
      proposalsAccess(manager, 'proposals', { managerId: sofia, hasReports: false }),
    ).toBeNull();
  });
});

describe('who opens the board', () => {
  it('[CAL15] nobody before the session starts', () => {
    for (const status of ['draft', 'proposals'] as const) {
      for (const who of [leader, facilitator, admin, manager])
        expect(boardAccess(who, status)).toBeNull();
    }
  });

  it('[CAL15] participants write in session and read once finalized; admins read; nobody else', () => {
    expect(boardAccess(leader, 'in_session')).toBe('read-write');
    expect(boardAccess(facilitator, 'in_session')).toBe('read-write');
    expect(boardAccess(leader, 'finalized')).toBe('read-only');
    expect(boardAccess(admin, 'in_session')).toBe('read-only');
    expect(boardAccess(employee, 'in_session')).toBeNull();
    expect(boardAccess(manager, 'finalized')).toBeNull();
  });
});
