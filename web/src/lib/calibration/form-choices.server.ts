// The session form's choices: the organisation's cycles and its departments and teams.
import { listCycles } from '@threadline/db/cycles';
import { listTeams } from '@threadline/db/teams';
import { teamOptions } from '$lib/people/options';
import { db } from '$lib/server/db';

export async function sessionFormChoices(organisationId: string) {
  const [cycles, teams] = await Promise.all([
    listCycles(db(), organisationId),
    listTeams(db(), organisationId),
  ]);
  return {
    cycles: cycles.map(({ id, name, status }) => ({ id, name, status })),
    teams: teamOptions(teams),
  };
}
