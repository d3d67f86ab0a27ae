import { describe, expect, it } from 'vitest';
import {
  describePayRangePosition,
  formatPayRangePosition,
  parseInviteFields,
  parsePersonEdit,
  payRangePercent,
} from './person-fields.ts';

const MANAGER = '0b7c6f3e-2a51-4d7e-9a1a-3f4e5d6c7b8a';

const edit = {
  name: ' Ada Lovelace ',
  title: 'Engineer',
  role: 'member',
  managerId: MANAGER,
  teamId: '',
  location: 'hybrid',
  hireDate: '2024-03-01',
  jobLevel: 'L4',
  payRangePercent: '95.5',
};

describe('person fields', () => {
  it('parses an invitation, normalising the email', () => {
    expect(
      parseInviteFields({
        name: 'Ada',
        email: ' Ada@Example.COM ',
        role: 'member',
        managerId: 'none',
        teamId: '',
      }),
    ).toEqual({
      ok: true,
      value: {
        name: 'Ada',
        email: 'ada@example.com',
        title: '',
        role: 'member',
        managerId: null,
        teamId: null,
      },
    });
  });

  it('reports each invalid invitation field once', () => {
    expect(parseInviteFields({ name: '', email: 'nope', role: 'owner' })).toEqual({
      ok: false,
      errors: {
        name: 'Enter a name.',
        email: 'Enter an email address like name@example.com.',
        role: 'Choose a role.',
      },
    });
  });

  it('[ORG11] stores the pay-range position as a fraction of the range', () => {
    const parsed = parsePersonEdit(edit);
    expect(parsed).toEqual({
      ok: true,
      value: {
        name: 'Ada Lovelace',
        title: 'Engineer',
        role: 'member',
        managerId: MANAGER,
        teamId: null,
        location: 'hybrid',
        hireDate: '2024-03-01',
        jobLevel: 'L4',
        payRangePosition: 0.955,
      },
    });
  });

  it('[ORG11] refuses a pay-range position outside 0–200%', () => {
    expect(parsePersonEdit({ ...edit, payRangePercent: '201' })).toMatchObject({
      ok: false,
      errors: { payRangePercent: 'Enter a percentage between 0 and 200.' },
    });
    expect(parsePersonEdit({ ...edit, payRangePercent: '-1' })).toMatchObject({ ok: false });
    expect(parsePersonEdit({ ...edit, payRangePercent: 'abc' })).toMatchObject({ ok: false });
  });

  it('[ORG11] shows a pay-range position as a percentage of the range', () => {
    expect(formatPayRangePosition(0.955)).toBe('95.5%');
    expect(formatPayRangePosition(1.2)).toBe('120%');
    expect(formatPayRangePosition(null)).toBe('');
    expect(payRangePercent(0.9555)).toBe('95.55');
  });

  it('[ORG11] describes a position as a share of the range, saying when it is above the top', () => {
    expect(describePayRangePosition(0.54)).toBe('54% of range');
    expect(describePayRangePosition(1)).toBe('100% of range');
    expect(describePayRangePosition(1.2636)).toBe('126% of range, above its top');
    expect(describePayRangePosition(null)).toBe('Unknown');
  });

  it('refuses a hire date that does not exist and a manager id that is not an id', () => {
    expect(parsePersonEdit({ ...edit, hireDate: '2024-02-30', managerId: 'x' })).toEqual({
      ok: false,
      errors: { hireDate: 'Enter a real date.', managerId: 'Choose a manager from the list.' },
    });
  });
});
