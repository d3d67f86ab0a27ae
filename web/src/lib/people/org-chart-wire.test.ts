import { describe, expect, it } from 'vitest';
import type { OrgChartPerson } from '@threadline/db/people';
import { packOrgChart, unpackOrgChart } from './org-chart-wire.ts';
import { buildOrgTree } from './org-tree.ts';

const people: OrgChartPerson[] = [
  { id: 'a', name: 'Ada', title: 'CEO', teamName: null, managerId: null, deactivated: false },
  { id: 'b', name: 'Ben', title: 'Engineer', teamName: 'Core', managerId: 'd', deactivated: false },
  { id: 'c', name: 'Cy', title: 'Engineer', teamName: 'Core', managerId: 'd', deactivated: false },
  { id: 'd', name: 'Dee', title: 'Manager', teamName: 'Core', managerId: 'a', deactivated: true },
  {
    id: 'e',
    name: 'Eve',
    title: 'Engineer',
    teamName: 'Web',
    managerId: 'gone',
    deactivated: false,
  },
];

describe('the org chart as page data (ORG17)', () => {
  it('comes back as it went, in the same order', () => {
    const [ada, ben, cy, dee] = people;
    expect(unpackOrgChart(packOrgChart(people)).slice(0, 4)).toEqual([ada, ben, cy, dee]);
  });

  it('writes each title and team name once, and managers as positions', () => {
    const packed = packOrgChart(people);
    expect(packed.titleNames).toEqual(['CEO', 'Engineer', 'Manager']);
    expect(packed.teamNames).toEqual(['Core', 'Web']);
    expect(packed.managers).toEqual([-1, 3, 3, 0, -1]);
    expect(packed.deactivated).toEqual([3]);
    const asObjects = JSON.stringify(people).length;
    expect(JSON.stringify(packed).length).toBeLessThan(asObjects * 0.7);
  });

  it('gives a manager the chart does not show as none: the person is at the top either way', () => {
    const unpacked = unpackOrgChart(packOrgChart(people));
    expect(unpacked[4]).toMatchObject({ id: 'e', managerId: null });
    expect(buildOrgTree(unpacked).roots).toEqual(buildOrgTree(people).roots);
  });
});
