// Job levels that match titles (DEMO12): the seniority a title names is the level a person holds,
// so "Senior Software Engineer" is IC3 wherever it appears, generated or given for a well-known
// demo account.

/** Individual contributors IC1–IC6; managers M1 (team manager) to M6 (CEO). */
export const JOB_LEVELS = [
  'IC1',
  'IC2',
  'IC3',
  'IC4',
  'IC5',
  'IC6',
  'M1',
  'M2',
  'M3',
  'M4',
  'M5',
  'M6',
] as const;
export type JobLevel = (typeof JOB_LEVELS)[number];

/** Where a person sits: people managers are on the M ladder, everyone else on the IC ladder. */
export type Position = 'ceo' | 'department-head' | 'director' | 'team-manager' | 'individual';

/**
 * DEMO12: the level a title names. Individual contributors: Associate IC1, no seniority word IC2,
 * Senior IC3, Staff or Lead (first word, or Lead last) IC4, Principal IC5, Distinguished or Senior
 * Principal IC6. Managers: team manager M1, Senior … Manager M2, Director M3, Senior Director M4,
 * department head M5 (VP or Chief …), CEO M6.
 */
export function levelForTitle(title: string, position: Position): JobLevel {
  const words = title.trim().split(/\s+/);
  const [first = '', second = ''] = words;
  switch (position) {
    case 'ceo':
      return 'M6';
    case 'department-head':
      return 'M5';
    case 'director':
      return first === 'Senior' ? 'M4' : 'M3';
    case 'team-manager':
      return first === 'Senior' ? 'M2' : 'M1';
    case 'individual':
      if (first === 'Associate') return 'IC1';
      if (first === 'Distinguished' || (first === 'Senior' && second === 'Principal')) return 'IC6';
      if (first === 'Principal') return 'IC5';
      if (first === 'Staff' || first === 'Lead' || words.at(-1) === 'Lead') return 'IC4';
      if (first === 'Senior') return 'IC3';
      return 'IC2';
  }
}
