import { describe, expect, it } from 'vitest';
import type { OrgChartPerson } from '@threadline/db/people';
import {
  ancestorsOf,
  buildOrgTree,
  defaultExpanded,
  reportsOf,
  searchOrgTree,
} from './org-tree.ts';

const person = (id: string, managerId: string | null, title = ''): OrgChartPerson => ({
  id,
  name: id,
  title,
  teamName: null,
  managerId,
  deactivated: false,
});

// ceo → (vp-b, vp-a) → vp-a: mgr → dev; vp-b: nobody; "lost" reports to someone not shown.
const tree = buildOrgTree([
  person('Dev', 'Mgr', 'Engineer'),
  person('Vp B', 'Ceo'),
  person('Mgr', 'Vp A', 'Engineering manager'),
  person('Ceo', null, 'Chief executive'),
  person('Vp A', 'Ceo'),
  person('Lost', 'Hidden'),
]);

describe('buildOrgTree', () => {
  it('puts people without a shown manager at the top and reports in name order', () => {
    expect(tree.roots).toEqual(['Ceo', 'Lost']);
    expect(reportsOf(tree, 'Ceo')).toEqual(['Vp A', 'Vp B']);
    expect(reportsOf(tree, 'Dev')).toEqual([]);
  });

  it('knows each depth and the way up', () => {
    expect(tree.depth.get('Dev')).toBe(3);
    expect(ancestorsOf(tree, 'Dev')).toEqual(['Mgr', 'Vp A', 'Ceo']);
    expect(ancestorsOf(tree, 'Lost')).toEqual([]);
  });
});

describe('defaultExpanded', () => {
  it('[ORG17] opens the top two levels that have reports, so three levels show', () => {
    expect([...defaultExpanded(tree)].sort()).toEqual(['Ceo', 'Vp A']);
  });
});

describe('searchOrgTree', () => {
  it('[ORG17] finds people by name, title or team, names starting with the query first', () => {
    expect(searchOrgTree(tree, 'eng').map((p) => p.id)).toEqual(['Dev', 'Mgr']);
    expect(searchOrgTree(tree, 'v').map((p) => p.id)).toEqual(['Vp A', 'Vp B', 'Dev', 'Ceo']);
    expect(searchOrgTree(tree, '   ')).toEqual([]);
  });
});
