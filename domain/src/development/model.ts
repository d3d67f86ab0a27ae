// A person's development plan (PRODUCT §2, "Skill gaps → development"; ONE40–ONE49 in
// domain/SPEC.md): skill gaps flagged in 1:1s and the development items that close them, typed by
// the 70/20/10 rule — most learning from experience, some from other people, a little from
// courses. The plan belongs to the employee, not to a 1:1 series: it follows them when their
// manager changes, and lives in its own document, `development-plan/<personId>` (shape.ts).

/** ONE43: the three kinds of development item, in the order the app proposes them. */
export const DEVELOPMENT_TYPES = ['experience', 'social', 'formal'] as const;
export type DevelopmentType = (typeof DEVELOPMENT_TYPES)[number];

/** ONE43: the share of learning each kind stands for (70/20/10). */
export const DEVELOPMENT_SHARES: Record<DevelopmentType, number> = {
  experience: 70,
  social: 20,
  formal: 10,
};

export const DEVELOPMENT_TYPE_LABELS: Record<DevelopmentType, string> = {
  experience: 'Experience',
  social: 'Social',
  formal: 'Formal',
};

/** What each kind of item is, in a few words. */
export const DEVELOPMENT_TYPE_HINTS: Record<DevelopmentType, string> = {
  experience: 'a stretch assignment',
  social: 'a mentor or a peer',
  formal: 'a course',
};

export const DEVELOPMENT_STATUSES = ['not-started', 'in-progress', 'done'] as const;
export type DevelopmentStatus = (typeof DEVELOPMENT_STATUSES)[number];

export const DEVELOPMENT_STATUS_LABELS: Record<DevelopmentStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

/** ONE40: a skill of the organisation's list. */
export interface Skill {
  id: string;
  name: string;
}

/** ONE40: a skill's name: trimmed, single spaces, 1–80 characters. */
export const SKILL_NAME_MAX = 80;

export function normaliseSkillName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

export function isSkillName(name: string): boolean {
  const normal = normaliseSkillName(name);
  return normal.length > 0 && normal.length <= SKILL_NAME_MAX && normal === name;
}

/** ONE40: the skill of `list` named `name`, ignoring case, if there is one. */
export function findSkill(list: readonly Skill[], name: string): Skill | undefined {
  const key = normaliseSkillName(name).toLocaleLowerCase();
  return list.find((skill) => skill.name.toLocaleLowerCase() === key);
}
