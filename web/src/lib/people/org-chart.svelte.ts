// State of the org chart: which people are expanded and the levels loaded so far. Only expanded
// people's reports are fetched and rendered, so a 5,000-person organisation stays light.
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { OrgChartNode } from '@threadline/db/people';

export class OrgLevel {
  nodes = $state<OrgChartNode[]>([]);
  total = $state(0);
  loading = $state(false);
  failed = $state(false);

  get hasMore(): boolean {
    return this.nodes.length < this.total;
  }
}

export class OrgChart {
  /** Loaded levels by manager id ('' is the top). */
  readonly levels = new SvelteMap<string, OrgLevel>();
  readonly expanded = new SvelteSet<string>();
  readonly #fetch: typeof fetch;

  constructor(top: { nodes: OrgChartNode[]; total: number }, fetcher: typeof fetch = fetch) {
    this.#fetch = fetcher;
    const level = new OrgLevel();
    level.nodes = top.nodes;
    level.total = top.total;
    this.levels.set('', level);
  }

  level(managerId: string): OrgLevel | undefined {
    return this.levels.get(managerId);
  }

  isExpanded(personId: string): boolean {
    return this.expanded.has(personId);
  }

  async toggle(personId: string): Promise<void> {
    if (this.expanded.has(personId)) {
      this.expanded.delete(personId);
      return;
    }
    this.expanded.add(personId);
    const level = this.levels.get(personId);
    if (!level || level.failed) await this.#load(personId, 0);
  }

  async loadMore(managerId: string): Promise<void> {
    const level = this.levels.get(managerId);
    if (level && !level.loading) await this.#load(managerId, level.nodes.length);
  }

  async #load(managerId: string, offset: number): Promise<void> {
    let level = this.levels.get(managerId);
    if (!level) {
      level = new OrgLevel();
      this.levels.set(managerId, level);
    }
    level.loading = true;
    level.failed = false;
    const manager = managerId ? `&manager=${encodeURIComponent(managerId)}` : '';
    const params = `offset=${offset}${manager}`;
    try {
      const response = await this.#fetch(`/people/org-chart/level?${params}`);
      if (!response.ok) throw new Error(`org chart level: ${response.status}`);
      const page: { nodes: OrgChartNode[]; total: number } = await response.json();
      level.nodes = offset === 0 ? page.nodes : [...level.nodes, ...page.nodes];
      level.total = page.total;
    } catch {
      level.failed = true;
    } finally {
      level.loading = false;
    }
  }
}
