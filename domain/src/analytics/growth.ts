// The growth dashboard's rules (ANA25, ANA26).

import type { DevelopmentType } from '../development/model.ts';

/** ANA25: development items are typed by the 70/20/10 rule: the plans' own kinds and statuses
 *  (ONE43, ONE48). */
export {
  DEVELOPMENT_STATUS_LABELS,
  DEVELOPMENT_TYPES,
  type DevelopmentStatus,
  type DevelopmentType,
} from '../development/model.ts';

export const DEVELOPMENT_TYPE_LABELS: Record<DevelopmentType, string> = {
  experience: 'Experience (70)',
  social: 'Social (20)',
  formal: 'Formal (10)',
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
