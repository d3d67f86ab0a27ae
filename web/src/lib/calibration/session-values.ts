// A saved session as the form's starting values (editing a draft, CAL8).
import type { SessionDetail } from '@threadline/db/calibration-sessions';
import type { SessionFormValues } from './session-form.ts';

export function sessionValues(session: SessionDetail): SessionFormValues {
  return {
    name: session.name,
    cycleId: session.cycleId,
    labels: session.scale.map((point) => point.label),
    lowUpTo: Math.max(...session.performanceBands.low),
    highFrom: Math.min(...session.performanceBands.high),
    guideline: session.scale.map((point) => session.guideline[String(point.value)] ?? 0),
    populationKind: session.populationTeam ? 'team' : 'people',
    populationTeamId: session.populationTeam?.id ?? '',
    populationPeople: session.populationTeam
      ? []
      : session.population.map(({ id, name, title }) => ({ id, name, title })),
    participants: session.participants.map(({ id, name, title, role }) => ({
      id,
      name,
      title,
      role,
    })),
  };
}
