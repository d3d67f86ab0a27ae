import { describe, expect, it } from 'vitest';
import type { PlannedPerson } from '@threadline/domain/org/people-csv';
import { updateChanges } from './update-changes.ts';

const current = {
  name: 'Kwame Mensah',
  title: 'Software Engineer',
  managerEmail: 'sofia@example.test',
  team: 'Platform',
  location: 'office' as const,
  hireDate: '2023-04-01',
};

const planned: PlannedPerson = {
  line: 2,
  name: 'Kwame Mensah',
  email: 'kwame@example.test',
  title: 'Senior Software Engineer',
  managerEmail: 'SOFIA@example.test',
  team: 'platform',
  location: 'remote',
  hireDate: '2023-04-01',
};

describe('updateChanges', () => {
  it('[CSV11] lists old → new for the fields the file changes, ignoring case where the import does', () => {
    expect(
      updateChanges(planned, current, [
        'name',
        'email',
        'title',
        'managerEmail',
        'team',
        'location',
        'hireDate',
      ]),
    ).toEqual({
      title: { from: 'Software Engineer', to: 'Senior Software Engineer' },
      location: { from: 'office', to: 'remote' },
    });
  });

  it('[CSV11] never shows a change for a column the file does not have', () => {
    expect(updateChanges(planned, current, ['name', 'email'])).toEqual({});
  });

  it('shows a field emptied by the file', () => {
    expect(updateChanges({ ...planned, title: '' }, current, ['title'])).toEqual({
      title: { from: 'Software Engineer', to: '' },
    });
  });
});
