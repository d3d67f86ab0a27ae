import { describe, expect, it } from 'vitest';
import type { PersonDetail } from '@threadline/db/people';
import { directoryEntry, goalsOfPath } from './directory.ts';

const detail: PersonDetail = {
  id: '6f1c1b1e-0000-4000-8000-000000000001',
  name: 'Kwame Mensah',
  email: 'kwame@example.test',
  title: 'Engineer',
  role: 'member',
  status: 'active',
  manager: { id: '6f1c1b1e-0000-4000-8000-000000000002', name: 'Sofía', status: 'active' },
  team: { id: '6f1c1b1e-0000-4000-8000-000000000003', name: 'Platform' },
  location: 'remote',
  hireDate: '2024-01-02',
  jobLevel: 'L4',
  payRangePosition: 0.42,
  hasPassword: true,
  deactivatedAt: null,
  directReportCount: 0,
  invitationExpiresAt: null,
};

describe('directoryEntry', () => {
  it('[ORG16] keeps name, title, team and manager and drops everything for admins only', () => {
    expect(directoryEntry(detail)).toEqual({
      id: detail.id,
      name: 'Kwame Mensah',
      title: 'Engineer',
      team: detail.team,
      manager: { id: detail.manager!.id, name: 'Sofía' },
    });
  });
});

describe('goalsOfPath', () => {
  it('points at the goals page filtered by owner', () => {
    expect(goalsOfPath(detail.id)).toBe(`/goals?owner=${detail.id}`);
  });
});
