// The growth dashboard's rules (ANA25, ANA26).

/** ANA25: development items are typed by the 70/20/10 rule. */
export const DEVELOPMENT_TYPES = ['experience', 'social', 'formal'] as const;
export type DevelopmentType = (typeof DEVELOPMENT_TYPES)[number];
export const DEVELOPMENT_TYPE_LABELS: Record<DevelopmentType, string> = {
  experience: 'Experience (70)',
  social: 'Social (20)',
  formal: 'Formal (10)',
};

export const DEVELOPMENT_STATUS_LABELS: Record<string, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

/** ANA26: the most frequent skill gaps: the skills most people have a gap in first (then by
 *  name), at most `limit`. */
export function topSkillGaps<T extends { skill: string; people: number }>(
  gaps: readonly T[],
  limit = 10,
): T[] {
  return [...gaps]
    .sort((a, b) => b.people - a.people || a.skill.localeCompare(b.skill))
    .slice(0, limit);
}
