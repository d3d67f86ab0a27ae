import { describe, expect, it } from 'vitest';
import { agendaAccess, moodAccess, privateNotesAccess } from './access.ts';

const manager = 'a0000000-0000-4000-8000-000000000001';
const employee = 'a0000000-0000-4000-8000-000000000002';
const skipLevel = 'a0000000-0000-4000-8000-000000000003';
const hr = 'a0000000-0000-4000-8000-000000000004';
const running = { managerId: manager, employeeId: employee, endedAt: null };
const ended = { ...running, endedAt: '2026-11-30T10:00:00.000Z' };
const member = (personId: string) => ({ personId, isAdmin: false });
const admin = { personId: hr, isAdmin: true };
const off = { hrMayReadAgendas: false };
const on = { hrMayReadAgendas: true };

describe('who opens a 1:1', () => {
  it('[ONE2] opens the shared agenda to its two members, to write', () => {
    expect(agendaAccess(member(manager), running, off)).toBe('read-write');
    expect(agendaAccess(member(employee), running, off)).toBe('read-write');
  });

  it('[ONE3] leaves both members reading once the reporting line has ended', () => {
    expect(agendaAccess(member(manager), ended, off)).toBe('read-only');
    expect(agendaAccess(member(employee), ended, off)).toBe('read-only');
  });

  it('[ONE4] keeps skip-level managers and HR admins out unless the organisation lets HR read', () => {
    expect(agendaAccess(member(skipLevel), running, on)).toBeNull();
    expect(agendaAccess(admin, running, off)).toBeNull();
    expect(agendaAccess(admin, running, on)).toBe('read-only');
    // A member who is also an admin is a member first.
    expect(agendaAccess({ personId: manager, isAdmin: true }, running, off)).toBe('read-write');
  });

  it('[ONE5] opens private notes to their author alone, whatever the setting', () => {
    expect(privateNotesAccess(member(manager), running, manager)).toBe('read-write');
    expect(privateNotesAccess(member(employee), running, manager)).toBeNull();
    expect(privateNotesAccess(admin, running, manager)).toBeNull();
    expect(privateNotesAccess({ personId: hr, isAdmin: true }, running, hr)).toBeNull();
    expect(privateNotesAccess(member(manager), ended, manager)).toBe('read-only');
  });

  it('[ONE6] lets the employee set their mood, the manager read it, and nobody else open it', () => {
    expect(moodAccess(member(employee), running)).toBe('read-write');
    expect(moodAccess(member(manager), running)).toBe('read-only');
    expect(moodAccess(admin, running)).toBeNull();
    expect(moodAccess(member(skipLevel), running)).toBeNull();
    expect(moodAccess(member(employee), ended)).toBe('read-only');
  });
});
