import { describe, expect, it } from 'vitest';
import type { OrgChartNode } from '@threadline/db/people';
import { OrgChart } from './org-chart.svelte.ts';

function person(id: string, reportCount = 0): OrgChartNode {
  return { id, name: id, title: '', status: 'active', teamName: null, reportCount };
}

/** A fake endpoint: `reports` maps a manager to everyone below them; pages of two. */
function fakeLevels(reports: Record<string, OrgChartNode[]>) {
  const requests: string[] = [];
  const fetcher = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://test');
    requests.push(`${url.pathname}?${url.searchParams}`);
    const all = reports[url.searchParams.get('manager') ?? ''] ?? [];
    const offset = Number(url.searchParams.get('offset'));
    return Response.json({ nodes: all.slice(offset, offset + 2), total: all.length });
  }) as typeof fetch;
  return { fetcher, requests };
}

describe('org chart state', () => {
  it('fetches nothing until someone is expanded, then only their level, once', async () => {
    const { fetcher, requests } = fakeLevels({ ceo: [person('vp', 1)], vp: [person('dev')] });
    const chart = new OrgChart({ nodes: [person('ceo', 1)], total: 1 }, fetcher);
    expect(requests).toEqual([]);
    expect(chart.level('ceo')).toBeUndefined();

    await chart.toggle('ceo');
    expect(chart.isExpanded('ceo')).toBe(true);
    expect(requests).toEqual(['/people/org-chart/level?offset=0&manager=ceo']);
    expect(chart.level('ceo')?.nodes.map((node) => node.id)).toEqual(['vp']);
    expect(chart.level('vp')).toBeUndefined();

    await chart.toggle('ceo');
    expect(chart.isExpanded('ceo')).toBe(false);
    await chart.toggle('ceo');
    expect(requests).toHaveLength(1); // expanding again reuses the loaded level
  });

  it('pages a long level with "show more"', async () => {
    const reports = ['a', 'b', 'c'].map((id) => person(id));
    const { fetcher, requests } = fakeLevels({ boss: reports });
    const chart = new OrgChart({ nodes: [person('boss', 3)], total: 1 }, fetcher);
    await chart.toggle('boss');
    expect(chart.level('boss')?.hasMore).toBe(true);
    await chart.loadMore('boss');
    expect(chart.level('boss')?.nodes.map((node) => node.id)).toEqual(['a', 'b', 'c']);
    expect(chart.level('boss')?.hasMore).toBe(false);
    expect(requests.at(-1)).toBe('/people/org-chart/level?offset=2&manager=boss');
  });

  it('marks a level that failed to load and loads it again on the next expand', async () => {
    let fail = true;
    const fetcher = (async () =>
      fail
        ? new Response('nope', { status: 500 })
        : Response.json({ nodes: [person('x')], total: 1 })) as typeof fetch;
    const chart = new OrgChart({ nodes: [person('boss', 1)], total: 1 }, fetcher);
    await chart.toggle('boss');
    expect(chart.level('boss')?.failed).toBe(true);
    fail = false;
    await chart.toggle('boss');
    await chart.toggle('boss');
    expect(chart.level('boss')?.nodes.map((node) => node.id)).toEqual(['x']);
  });
});
