import { describe, expect, it } from 'vitest';
import { filterPlayers, type BoardFilter } from './board-filter.ts';

const none: BoardFilter = { search: '', managerId: '', department: '', location: '' };
const people = [
  {
    name: 'Zoë Ångström',
    title: 'Staff Engineer',
    managerId: 'm1',
    departmentName: 'Engineering',
    location: 'remote' as const,
  },
  {
    name: 'Kwame Mensah',
    title: 'Engineer',
    managerId: 'm2',
    departmentName: 'Engineering',
    location: 'office' as const,
  },
  {
    name: 'Lena Fischer',
    title: 'Designer',
    managerId: 'm2',
    departmentName: 'Design',
    location: 'hybrid' as const,
  },
];
const names = (filter: Partial<BoardFilter>) =>
  filterPlayers(people, { ...none, ...filter }).map((p) => p.name);

describe('board filters', () => {
  it('[CAL43] filters by manager, department and location together', () => {
    expect(names({})).toHaveLength(3);
    expect(names({ managerId: 'm2' })).toEqual(['Kwame Mensah', 'Lena Fischer']);
    expect(names({ managerId: 'm2', department: 'Engineering' })).toEqual(['Kwame Mensah']);
    expect(names({ location: 'remote' })).toEqual(['Zoë Ångström']);
  });

  it('[CAL43] searches name and title, any word order, ignoring case and accents', () => {
    expect(names({ search: 'zoe angstrom' })).toEqual(['Zoë Ångström']);
    expect(names({ search: 'engineer' })).toEqual(['Zoë Ångström', 'Kwame Mensah']);
    expect(names({ search: 'mensah KWAME' })).toEqual(['Kwame Mensah']);
    expect(names({ search: 'nobody' })).toEqual([]);
  });
});
