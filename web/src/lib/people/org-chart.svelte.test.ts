import { describe, expect, it } from 'vitest';
import type { OrgChartPerson } from '@threadline/db/people';
import { OrgChartState, REPORTS_PAGE } from './org-chart.svelte.ts';
import { buildOrgTree } from './org-tree.ts';

const person = (id: string, managerId: string | null): OrgChartPerson => ({
  id,
  name: id,
  title: '',
  teamName: null,
  managerId,
  deactivated: false,
});

/** ceo → a, b; a → a1; a1 → a1x; b → 60 reports b00…b59. */
function chart(): OrgChartState {
  const people = [
    person('ceo', null),
    person('a', 'ceo'),
    person('b', 'ceo'),
    person('a1', 'a'),
    person('a1x', 'a1'),
    ...Array.from({ length: 60 }, (_, i) => person(`b${String(i).padStart(2, '0')}`, 'b')),
  ];
  return new OrgChartState(buildOrgTree(people));
}

describe('OrgChartState', () => {
  it('[ORG17] opens with three levels on screen and long report lists a page at a time', () => {
    const state = chart();
    expect(state.visible.slice(0, 4)).toEqual(['ceo', 'a', 'a1', 'b']);
    expect(state.visible).not.toContain('a1x');
    expect(state.shownReports('b')).toHaveLength(REPORTS_PAGE);
    expect(state.hiddenCount('b')).toBe(60 - REPORTS_PAGE);
    state.showMore('b');
    expect(state.hiddenCount('b')).toBe(60 - 2 * REPORTS_PAGE);
  });

  it('[ORG17] revealing someone deep opens their managers and the page they are on', () => {
    const state = chart();
    state.toggle('b');
    expect(state.visible).not.toContain('b55');
    state.reveal('b55');
    expect(state.isExpanded('b')).toBe(true);
    expect(state.visible).toContain('b55');
    expect(state.focusedId).toBe('b55');
    state.reveal('a1x');
    expect(state.isExpanded('a1')).toBe(true);
    expect(state.visible).toContain('a1x');
  });

  it('walks the tree with the arrow keys, opening and closing', () => {
    const state = chart();
    expect(state.focusedId).toBe('ceo');
    state.key('ArrowDown');
    expect(state.focusedId).toBe('a');
    state.key('ArrowLeft'); // a is open: close it
    expect(state.isExpanded('a')).toBe(false);
    state.key('ArrowLeft'); // closed: go to the manager
    expect(state.focusedId).toBe('ceo');
    state.key('ArrowDown');
    state.key('ArrowRight'); // opens a
    expect(state.isExpanded('a')).toBe(true);
    state.key('ArrowRight'); // goes to its first report
    expect(state.focusedId).toBe('a1');
    state.key('End');
    expect(state.focusedId).toBe(state.visible.at(-1));
    expect(state.key('x')).toBe(false);
  });
});
