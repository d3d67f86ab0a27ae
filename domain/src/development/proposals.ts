// ONE43: what the app proposes for a skill gap, by the 70/20/10 rule: one item of each kind, in
// that order — a stretch assignment (experience), a mentor or a peer (social), a course (formal) —
// each with a title naming the skill and a due day the pair can change. Pure: the same gap and day
// give the same proposals.
import { DEVELOPMENT_LIMITS } from './schema.ts';
import {
  DEVELOPMENT_SHARES,
  DEVELOPMENT_TYPES,
  normaliseSkillName,
  type DevelopmentType,
} from './model.ts';

export interface DevelopmentProposal {
  type: DevelopmentType;
  /** 70, 20 or 10: the share of learning the kind stands for. */
  share: number;
  title: string;
  /** 'YYYY-MM-DD': experience takes a quarter, a mentor two months, a course one. */
  dueDate: string;
}

const DAYS_TO_DUE: Record<DevelopmentType, number> = { experience: 90, social: 60, formal: 30 };

const TITLES: Record<DevelopmentType, (skill: string) => string> = {
  experience: (skill) => `Stretch assignment: lead a piece of work that needs ${skill}`,
  social: (skill) => `Meet a mentor or peer strong in ${skill} every two weeks`,
  formal: (skill) => `Complete a course on ${skill}`,
};

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** ONE43: one proposal per kind, experience first, for a gap in `skillName` flagged on `today`. */
export function proposeDevelopmentItems(skillName: string, today: string): DevelopmentProposal[] {
  const skill = normaliseSkillName(skillName) || 'this skill';
  return DEVELOPMENT_TYPES.map((type) => ({
    type,
    share: DEVELOPMENT_SHARES[type],
    title: TITLES[type](skill).slice(0, DEVELOPMENT_LIMITS.title),
    dueDate: addDays(today, DAYS_TO_DUE[type]),
  }));
}
