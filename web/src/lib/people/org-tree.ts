// The org chart as a tree built in the browser from the flat list the page loads: children in
// name order, each person's depth and the way up to the top, and a name search (ORG17).
import type { OrgChartPerson } from '@threadline/db/people';

export interface OrgTree {
  people: ReadonlyMap<string, OrgChartPerson>;
  /** The people at the top: no manager, or a manager the chart does not show. */
  roots: readonly string[];
  children: ReadonlyMap<string, readonly string[]>;
  depth: ReadonlyMap<string, number>;
}

const byName = (a: OrgChartPerson, b: OrgChartPerson) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);

export function buildOrgTree(list: readonly OrgChartPerson[]): OrgTree {
  const people = new Map(list.map((person) => [person.id, person]));
  const sorted = [...list].sort(byName);
  const roots: string[] = [];
  const children = new Map<string, string[]>();
  for (const person of sorted) {
    const manager = person.managerId;
    if (manager === null || !people.has(manager)) roots.push(person.id);
    else {
      const siblings = children.get(manager);
      if (siblings) siblings.push(person.id);
      else children.set(manager, [person.id]);
    }
  }
  // Breadth first from the top; people on a reporting loop (the rules forbid one, ORG3) would
  // have no depth and are simply not reachable.
  const depth = new Map<string, number>();
  let level = roots;
  for (let d = 0; level.length > 0; d += 1) {
    const next: string[] = [];
    for (const id of level) {
      depth.set(id, d);
      next.push(...(children.get(id) ?? []));
    }
    level = next;
  }
  return { people, roots, children, depth };
}

export function reportsOf(tree: OrgTree, id: string): readonly string[] {
  return tree.children.get(id) ?? [];
}

/** The managers above `id`, nearest first. */
export function ancestorsOf(tree: OrgTree, id: string): string[] {
  const ancestors: string[] = [];
  const seen = new Set([id]);
  for (let at = tree.people.get(id)?.managerId; at && tree.people.has(at) && !seen.has(at);) {
    ancestors.push(at);
    seen.add(at);
    at = tree.people.get(at)!.managerId;
  }
  return ancestors;
}

/** ORG17: who is open when the chart opens: everyone with reports above `openDepth`. */
export function defaultExpanded(tree: OrgTree, openDepth = 2): Set<string> {
  const open = new Set<string>();
  for (const [id, depth] of tree.depth) {
    if (depth < openDepth && reportsOf(tree, id).length > 0) open.add(id);
  }
  return open;
}

/** People whose name, title or team contains every word of `query`, names starting with it first. */
export function searchOrgTree(tree: OrgTree, query: string, limit = 8): OrgChartPerson[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored: { person: OrgChartPerson; rank: number }[] = [];
  for (const person of tree.people.values()) {
    const name = person.name.toLocaleLowerCase();
    const text = `${name} ${person.title.toLocaleLowerCase()} ${(person.teamName ?? '').toLocaleLowerCase()}`;
    if (!words.every((word) => text.includes(word))) continue;
    const rank = name.startsWith(words[0]!)
      ? 0
      : words.every((word) => name.includes(word))
        ? 1
        : 2;
    scored.push({ person, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || byName(a.person, b.person));
  return scored.slice(0, limit).map((entry) => entry.person);
}
