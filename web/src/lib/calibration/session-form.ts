// The session form's fields as the domain reads them (CAL1–CAL6): repeated inputs become lists,
// and the form's starting values for a new session or a draft being edited.
import {
  defaultBands,
  defaultGuideline,
  defaultScale,
  type ParticipantRole,
  type RawSessionConfig,
} from '@threadline/domain/calibration/session-config';

export function sessionFormInput(data: FormData): RawSessionConfig {
  const one = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  const all = (name: string) =>
    data.getAll(name).filter((value): value is string => typeof value === 'string');
  const roles = all('participantRole');
  return {
    name: one('name'),
    cycleId: one('cycleId'),
    scaleLabels: all('scaleLabel'),
    lowUpTo: one('lowUpTo'),
    highFrom: one('highFrom'),
    guideline: all('guideline'),
    populationKind: one('populationKind'),
    populationTeamId: one('populationTeamId'),
    populationPersonIds: all('populationPersonId'),
    participants: all('participantId').map((personId, index) => ({
      personId,
      role: roles[index] ?? 'leader',
    })),
  };
}

export interface PickedPerson {
  id: string;
  name: string;
  title: string;
}

/** What the form shows when it opens. */
export interface SessionFormValues {
  name: string;
  cycleId: string;
  labels: string[];
  lowUpTo: number;
  highFrom: number;
  guideline: number[];
  populationKind: 'team' | 'people';
  populationTeamId: string;
  populationPeople: PickedPerson[];
  participants: (PickedPerson & { role: ParticipantRole })[];
}

export function newSessionValues(activeCycleId: string): SessionFormValues {
  const scale = defaultScale();
  const bands = defaultBands(scale.length);
  const guideline = defaultGuideline(scale.length);
  return {
    name: '',
    cycleId: activeCycleId,
    labels: scale.map((point) => point.label),
    lowUpTo: Math.max(...bands.low),
    highFrom: Math.min(...bands.high),
    guideline: scale.map((point) => guideline[String(point.value)] ?? 0),
    populationKind: 'team',
    populationTeamId: '',
    populationPeople: [],
    participants: [],
  };
}
