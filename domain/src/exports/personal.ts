// A person's own export (EXP1–EXP11): what it holds, its JSON shape (docs/export-format.md) and
// its CSV tables. The web app's server reads each part under the documents' access rules
// (web/src/lib/exports/personal.server.ts); the page fetches the parts one by one, showing its
// progress (EXP11), and puts them together here.

export const PERSONAL_EXPORT_FORMAT = 'threadline-personal-export';
export const PERSONAL_EXPORT_VERSION = 1;

export interface ExportedPerson {
  id: string;
  name: string;
  email: string;
  title: string;
  location: string;
  hireDate: string | null;
  jobLevel: string;
  role: string;
  team: { id: string; name: string } | null;
  manager: { id: string; name: string } | null;
}

export interface ExportedCycle {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: string;
}

export interface ExportedCheckIn {
  id: string;
  value: number;
  progress: number;
  at: string;
  by: string;
}

/** One change of one field of a goal (GOAL24), names resolved as the history panel shows them. */
export interface ExportedGoalChange {
  at: string;
  by: { id: string; name: string } | null;
  field: string;
  from: string | number | boolean | null;
  to: string | number | boolean | null;
  detail?: string;
}

export interface ExportedGoal {
  id: string;
  cycleId: string;
  parentId: string | null;
  title: string;
  description: string;
  level: string;
  state: string;
  /** Always the exporting person (EXP2). */
  ownerId: string;
  teamId: string | null;
  startDate: string | null;
  dueDate: string | null;
  metric: {
    kind: string;
    start: number | null;
    target: number | null;
    current: number | null;
    unit: string | null;
    direction: string;
    milestones: { id: string; title: string; done: boolean }[];
  };
  progress: number | null;
  health: string | null;
  weight: number;
  difficulty: string;
  tags: string[];
  approvedBy: string | null;
  approvedAt: string | null;
  createdBy: string;
  createdAt: string;
  checkIns: ExportedCheckIn[];
  /** Oldest first. */
  history: ExportedGoalChange[];
}

/** Rich text as the editor keeps it (`xml`, re-importable into a Y.XmlFragment) and as plain
 *  text, one string per block. */
export interface ExportedNotes {
  blocks: string[];
  xml: string;
}

export interface ExportedPoint {
  id: string;
  section: string;
  text: string;
  done: boolean;
  authorId: string;
  createdAt: string;
}

export interface ExportedMeeting {
  id: string;
  date: string;
  cancelled: boolean;
  points: ExportedPoint[];
  sharedNotes: ExportedNotes | null;
  /** EXP4: the exporting person's own private notes for this meeting. */
  privateNotes: ExportedNotes | null;
  /** EXP5: the employee's own mood, only in the employee's export. */
  mood: { value: number; at: string } | null;
}

export interface ExportedActionItem {
  id: string;
  title: string;
  ownerId: string;
  dueDate: string | null;
  raisedIn: string;
  createdBy: string;
  createdAt: string;
  done: boolean;
  doneIn: string | null;
  doneAt: string | null;
  doneBy: string | null;
}

export interface ExportedSeries {
  id: string;
  /** The exporting person's part in it. */
  role: 'manager' | 'employee';
  manager: { id: string; name: string };
  employee: { id: string; name: string };
  cadence: string;
  weekday: number;
  time: string;
  startsOn: string;
  endedAt: string | null;
  /** Earliest first. */
  meetings: ExportedMeeting[];
  actionItems: ExportedActionItem[];
}

export interface ExportedRating {
  cycle: { id: string; name: string };
  sessionId: string;
  rating: number;
  ratingLabel: string;
  performance: string;
  potential: string;
  box: number;
  publishedAt: string;
}

export interface PersonalExport {
  format: typeof PERSONAL_EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  organisation: { id: string; name: string; slug: string };
  person: ExportedPerson;
  cycles: ExportedCycle[];
  goals: ExportedGoal[];
  oneOnOnes: ExportedSeries[];
  /** EXP7: the items of the person's development plan, with their titles; null when this server
   *  has no development plans (the feature is not there). */
  developmentItems: Record<string, unknown>[] | null;
  /** EXP7: the plan's skill gaps, with their notes; null as above. */
  skillGaps: Record<string, unknown>[] | null;
  ratings: ExportedRating[];
}

/** EXP11: the export is read in parts, so the page can say how far it has got. */
export type PersonalExportPartId = 'profile' | `goals/${string}` | `one-on-one/${string}`;

export interface PersonalExportPlan {
  parts: { id: PersonalExportPartId; label: string }[];
}

export type PersonalExportPart =
  | {
      kind: 'profile';
      organisation: PersonalExport['organisation'];
      person: ExportedPerson;
      cycles: ExportedCycle[];
      developmentItems: PersonalExport['developmentItems'];
      skillGaps: PersonalExport['skillGaps'];
      ratings: ExportedRating[];
    }
  | { kind: 'goals'; cycleId: string; goals: ExportedGoal[] }
  | { kind: 'one-on-one'; series: ExportedSeries | null };

/** EXP9: the parts, in any order, as one export; null when the profile part is missing. */
export function assemblePersonalExport(
  parts: readonly PersonalExportPart[],
  exportedAt: Date,
): PersonalExport | null {
  const profile = parts.find((part) => part.kind === 'profile');
  if (!profile) return null;
  const cycleOrder = new Map(profile.cycles.map((cycle, index) => [cycle.id, index]));
  const goals = parts
    .filter((part) => part.kind === 'goals')
    .sort((a, b) => (cycleOrder.get(a.cycleId) ?? 0) - (cycleOrder.get(b.cycleId) ?? 0))
    .flatMap((part) => part.goals);
  const oneOnOnes = parts.flatMap((part) =>
    part.kind === 'one-on-one' && part.series ? [part.series] : [],
  );
  return {
    format: PERSONAL_EXPORT_FORMAT,
    version: PERSONAL_EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    organisation: profile.organisation,
    person: profile.person,
    cycles: profile.cycles,
    goals,
    oneOnOnes,
    developmentItems: profile.developmentItems,
    skillGaps: profile.skillGaps,
    ratings: profile.ratings,
  };
}

/** The file names a download suggests. */
export function personalExportFileName(email: string, at: Date, table?: string): string {
  const who = email.split('@')[0]!.replace(/[^A-Za-z0-9._-]/g, '-');
  const day = at.toISOString().slice(0, 10);
  return table ? `threadline-${who}-${day}-${table}.csv` : `threadline-${who}-${day}.json`;
}
