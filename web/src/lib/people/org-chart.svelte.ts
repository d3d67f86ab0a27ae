// State of the org chart (ORG17): who is open, how many of each person's reports are shown, and
// which person has the keyboard focus. The tree comes whole from the page; only open people's
// reports are rendered, and a long list of reports a page at a time, so 5,000 people stay light.
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { ancestorsOf, defaultExpanded, reportsOf, type OrgTree } from './org-tree.ts';

/** Reports shown at once under one person (and people at the top); "Show more" adds as many. */
export const REPORTS_PAGE = 25;
/** The key of the list of people at the top. */
const TOP = '';

export class OrgChartState {
  readonly tree: OrgTree;
  readonly expanded: SvelteSet<string>;
  /** How many reports are shown per manager ('' for the top), when more than a page. */
  readonly #shown = new SvelteMap<string, number>();
  focusedId = $state<string | null>(null);

  constructor(tree: OrgTree) {
    this.tree = tree;
    this.expanded = new SvelteSet(defaultExpanded(tree));
    this.focusedId = tree.roots[0] ?? null;
  }

  isExpanded(id: string): boolean {
    return this.expanded.has(id);
  }

  /** The reports of `managerId` ('' for the top) on screen now: the first pages of them. */
  shownReports(managerId: string): readonly string[] {
    const all = managerId === TOP ? this.tree.roots : reportsOf(this.tree, managerId);
    return all.slice(0, this.#shown.get(managerId) ?? REPORTS_PAGE);
  }

  hiddenCount(managerId: string): number {
    const all = managerId === TOP ? this.tree.roots : reportsOf(this.tree, managerId);
    return all.length - this.shownReports(managerId).length;
  }

  showMore(managerId: string): void {
    this.#shown.set(managerId, this.shownReports(managerId).length + REPORTS_PAGE);
  }

  toggle(id: string): void {
    if (this.expanded.has(id)) this.expanded.delete(id);
    else if (reportsOf(this.tree, id).length > 0) this.expanded.add(id);
  }

  /** Opens the way to `id` (its managers, and enough pages of each list) and focuses it. */
  reveal(id: string): void {
    if (!this.tree.people.has(id)) return;
    const chain = [id, ...ancestorsOf(this.tree, id)];
    for (let index = 0; index < chain.length; index += 1) {
      const manager = chain[index + 1] ?? TOP;
      if (manager !== TOP) this.expanded.add(manager);
      const siblings = manager === TOP ? this.tree.roots : reportsOf(this.tree, manager);
      const position = siblings.indexOf(chain[index]!);
      if (position >= this.shownReports(manager).length) {
        this.#shown.set(manager, Math.ceil((position + 1) / REPORTS_PAGE) * REPORTS_PAGE);
      }
    }
    this.focusedId = id;
  }

  /** Everyone on screen, in reading order (depth first): what the arrow keys walk. */
  readonly visible: string[] = $derived.by(() => {
    const order: string[] = [];
    const walk = (managerId: string) => {
      for (const id of this.shownReports(managerId)) {
        order.push(id);
        if (this.expanded.has(id)) walk(id);
      }
    };
    walk(TOP);
    return order;
  });

  /**
   * The tree's keys (WAI-ARIA tree pattern): ↑/↓ previous/next person on screen, → opens or goes
   * to the first report, ← closes or goes to the manager, Home/End first/last. Returns whether
   * the key was the chart's.
   */
  key(key: string): boolean {
    const id = this.focusedId;
    if (id === null) return false;
    const at = this.visible.indexOf(id);
    const manager = this.tree.people.get(id)?.managerId ?? null;
    const reports = reportsOf(this.tree, id);
    switch (key) {
      case 'ArrowDown':
        this.focusedId = this.visible[Math.min(at + 1, this.visible.length - 1)] ?? id;
        return true;
      case 'ArrowUp':
        this.focusedId = this.visible[Math.max(at - 1, 0)] ?? id;
        return true;
      case 'Home':
        this.focusedId = this.visible[0] ?? id;
        return true;
      case 'End':
        this.focusedId = this.visible.at(-1) ?? id;
        return true;
      case 'ArrowRight':
        if (reports.length === 0) return true;
        if (!this.expanded.has(id)) this.expanded.add(id);
        else this.focusedId = reports[0]!;
        return true;
      case 'ArrowLeft':
        if (this.expanded.has(id)) this.expanded.delete(id);
        else if (manager !== null && this.tree.people.has(manager)) this.focusedId = manager;
        return true;
      default:
        return false;
    }
  }
}
