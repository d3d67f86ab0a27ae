// The org chart's page data in columns: the whole organisation goes to the browser (search and the
// way to anyone need no request per level, ORG17), so its size is the page's. As objects, 5,000
// people were 980 KiB of HTML, each repeating its keys, its manager's id and its team's and
// title's words; here every id, name, title and team name is written once, and a manager, team
// or title is a number (BENCHMARKS.md, "The org chart at 5,000 people").
import type { OrgChartPerson } from '@threadline/db/people';

export interface PackedOrgChart {
  ids: string[];
  names: string[];
  /** Each person's title, as an index into `titleNames`. */
  titles: number[];
  titleNames: string[];
  /** Each person's team, as an index into `teamNames`; -1 for none. */
  teams: number[];
  teamNames: string[];
  /** Each person's manager, as an index into `ids`; -1 for none or one the chart does not show. */
  managers: number[];
  /** Indexes of the deactivated people (those who still have reports). */
  deactivated: number[];
}

export function packOrgChart(people: readonly OrgChartPerson[]): PackedOrgChart {
  const index = new Map(people.map((person, at) => [person.id, at]));
  const titleNames = new Interned();
  const teamNames = new Interned();
  const packed: PackedOrgChart = {
    ids: [],
    names: [],
    titles: [],
    titleNames: titleNames.values,
    teams: [],
    teamNames: teamNames.values,
    managers: [],
    deactivated: [],
  };
  people.forEach((person, at) => {
    packed.ids.push(person.id);
    packed.names.push(person.name);
    packed.titles.push(titleNames.of(person.title));
    packed.teams.push(person.teamName === null ? -1 : teamNames.of(person.teamName));
    packed.managers.push(person.managerId === null ? -1 : (index.get(person.managerId) ?? -1));
    if (person.deactivated) packed.deactivated.push(at);
  });
  return packed;
}

/** The people again, in the same order; a manager the chart does not show comes back as none. */
export function unpackOrgChart(packed: PackedOrgChart): OrgChartPerson[] {
  const deactivated = new Set(packed.deactivated);
  return packed.ids.map((id, at) => {
    const team = packed.teams[at]!;
    const manager = packed.managers[at]!;
    return {
      id,
      name: packed.names[at]!,
      title: packed.titleNames[packed.titles[at]!]!,
      teamName: team < 0 ? null : packed.teamNames[team]!,
      managerId: manager < 0 ? null : packed.ids[manager]!,
      deactivated: deactivated.has(at),
    };
  });
}

/** Distinct strings, each given the index it was first seen at. */
class Interned {
  readonly values: string[] = [];
  readonly #at = new Map<string, number>();

  of(value: string): number {
    let at = this.#at.get(value);
    if (at === undefined) {
      at = this.values.length;
      this.values.push(value);
      this.#at.set(value, at);
    }
    return at;
  }
}
