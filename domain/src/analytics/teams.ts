// Grouping people and goals by team for the dashboards (ANA12).

export interface TeamNode {
  id: string;
  parentId: string | null;
  name: string;
}

export const NO_TEAM = 'No team';

/**
 * ANA12: charts "by team" show one group per team directly under the team filtered on (each with
 * everything under it), or per department when no team is chosen. Rows of the filtered team
 * itself form a group of its own, under its name; rows without a team (or of a team outside the
 * filtered one) fall in "No team". Returns a function from a row's team to its group's name.
 */
export function teamGrouping(
  teams: readonly TeamNode[],
  rootId: string | null,
): (teamId: string | null) => string {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const memo = new Map<string, string>();
  const groupOf = (teamId: string | null): string => {
    if (teamId === null) return NO_TEAM;
    const known = memo.get(teamId);
    if (known !== undefined) return known;
    let group = NO_TEAM;
    let current = byId.get(teamId);
    const seen = new Set<string>();
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      if (current.id === rootId) {
        group = current.name;
        break;
      }
      if (current.parentId === rootId) {
        group = current.name;
        break;
      }
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    memo.set(teamId, group);
    return group;
  };
  return groupOf;
}

/** ANA6, ANA12: the ids of a team and of every team under it. */
export function teamAndBelow(teams: readonly TeamNode[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const team of teams) {
    if (team.parentId === null) continue;
    const list = children.get(team.parentId) ?? [];
    list.push(team.id);
    children.set(team.parentId, list);
  }
  const found = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (found.has(id) || !teams.some((team) => team.id === id)) continue;
    found.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return found;
}
