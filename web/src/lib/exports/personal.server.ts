// The server side of a person's own export (EXP1–EXP11): the plan (its parts) and each part,
// read for the signed-in person only. Every document is read through its kind's access rule, as
// its socket applies it (EXP8: document-access.ts); rows are scoped by the person's organisation
// and id. The page fetches the parts one by one and puts them together (domain/src/exports).
import * as Y from 'yjs';
import type { Pool, SessionPerson } from '@threadline/db';
import { listCycles } from '@threadline/db/cycles';
import { seriesById, seriesOf } from '@threadline/db/one-on-ones';
import { readTree } from '@threadline/domain/goals/document';
import { goalHealth } from '@threadline/domain/goals/health';
import { treeProgress } from '@threadline/domain/goals/progress';
import { isUuid } from '@threadline/domain/ids';
import { developmentItems, skillGaps } from '@threadline/domain/development/plan';
import { actionItems, agendaOf } from '@threadline/domain/one-on-ones/agenda';
import { notesText } from '@threadline/domain/one-on-ones/notes-text';
import { meetingsOf, moodsOf, notesOf } from '@threadline/domain/one-on-ones/shape';
import type {
  ExportedGoal,
  ExportedMeeting,
  ExportedNotes,
  ExportedSeries,
  PersonalExportPart,
  PersonalExportPlan,
} from '@threadline/domain/exports/personal';
import { PostgresDocumentStorage } from '@threadline/sync-server/persistence/postgres-storage';
import type { DocumentKey } from '@threadline/sync-server/persistence/document-storage';
import { goalHistory } from '$lib/goals/panels/history.server';
import { readableDocument } from '$lib/server/document-access';

/** EXP11: the parts of the person's export: the profile, each cycle's goals, each series. */
export async function personalExportPlan(
  pool: Pool,
  person: SessionPerson,
): Promise<PersonalExportPlan> {
  const cycles = await listCycles(pool, person.organisationId);
  const series = await seriesOf(pool, person.organisationId, person.id);
  return {
    parts: [
      { id: 'profile', label: 'Your profile, ratings and development items' },
      ...cycles.map((cycle) => ({
        id: `goals/${cycle.id}` as const,
        label: `Your goals in ${cycle.name}`,
      })),
      ...series.map((s) => ({
        id: `one-on-one/${s.id}` as const,
        label: `Your 1:1s with ${s.managerId === person.id ? s.employeeName : s.managerName}`,
      })),
    ],
  };
}

/** One part of the export, or null when `partId` names nothing the person may export. */
export async function personalExportPart(
  pool: Pool,
  person: SessionPerson,
  partId: string,
): Promise<PersonalExportPart | null> {
  if (partId === 'profile') return profilePart(pool, person);
  const [kind, id, ...rest] = partId.split('/');
  if (rest.length > 0 || !isUuid(id)) return null;
  if (kind === 'goals') return goalsPart(pool, person, id);
  if (kind === 'one-on-one') return seriesPart(pool, person, id);
  return null;
}

async function loadDocument(pool: Pool, key: DocumentKey): Promise<Y.Doc> {
  const storage = new PostgresDocumentStorage(pool);
  try {
    const { updates } = await storage.load(key);
    const doc = new Y.Doc();
    for (const update of updates) Y.applyUpdate(doc, update);
    return doc;
  } finally {
    await storage.close();
  }
}

/** A document the person may open (EXP8), loaded; null when its rule refuses them. */
async function readable(pool: Pool, person: SessionPerson, name: string): Promise<Y.Doc | null> {
  const document = await readableDocument(pool, person, name);
  return document ? loadDocument(pool, document.key) : null;
}

async function profilePart(pool: Pool, person: SessionPerson): Promise<PersonalExportPart> {
  const org = person.organisationId;
  const [profile, organisation, cycles, ratings, plan] = await Promise.all([
    pool.query<{
      title: string;
      location: string;
      hire_date: string | null;
      job_level: string;
      role: string;
      team_id: string | null;
      team_name: string | null;
      manager_id: string | null;
      manager_name: string | null;
    }>(
      `SELECT p.title, p.location, to_char(p.hire_date, 'YYYY-MM-DD') AS hire_date, p.job_level,
              p.role, t.id AS team_id, t.name AS team_name, m.id AS manager_id,
              m.name AS manager_name
         FROM people p
         LEFT JOIN teams t ON t.organisation_id = p.organisation_id AND t.id = p.team_id
         LEFT JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id
        WHERE p.organisation_id = $1 AND p.id = $2`,
      [org, person.id],
    ),
    pool.query<{ id: string; name: string; slug: string }>(
      'SELECT id, name, slug FROM organisations WHERE id = $1',
      [org],
    ),
    listCycles(pool, org),
    pool.query<{
      cycle_id: string;
      cycle_name: string;
      session_id: string;
      rating: number;
      rating_label: string;
      performance: string;
      potential: string;
      box: number;
      published_at: Date;
    }>(
      `SELECT r.cycle_id, c.name AS cycle_name, r.session_id, r.rating, r.rating_label,
              r.performance, r.potential, r.box, r.published_at
         FROM published_ratings r
         JOIN cycles c ON c.organisation_id = r.organisation_id AND c.id = r.cycle_id
        WHERE r.organisation_id = $1 AND r.person_id = $2
        ORDER BY c.starts_on`,
      [org, person.id],
    ),
    ownDevelopmentPlan(pool, person),
  ]);
  const row = profile.rows[0]!;
  return {
    kind: 'profile',
    organisation: organisation.rows[0]!,
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      title: row.title,
      location: row.location,
      hireDate: row.hire_date,
      jobLevel: row.job_level,
      role: row.role,
      team: row.team_id ? { id: row.team_id, name: row.team_name! } : null,
      manager: row.manager_id ? { id: row.manager_id, name: row.manager_name! } : null,
    },
    cycles: cycles.map((c) => ({
      id: c.id,
      name: c.name,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      status: c.status,
    })),
    ratings: ratings.rows.map((r) => ({
      cycle: { id: r.cycle_id, name: r.cycle_name },
      sessionId: r.session_id,
      rating: r.rating,
      ratingLabel: r.rating_label,
      performance: r.performance,
      potential: r.potential,
      box: r.box,
      publishedAt: r.published_at.toISOString(),
    })),
    developmentItems: plan?.items ?? null,
    skillGaps: plan?.gaps ?? null,
  };
}

/** EXP7: the person's own development plan (`development-plan/<self>`, ONE41): its items and
 *  skill gaps with their titles and notes; null on a server without development plans. */
async function ownDevelopmentPlan(
  pool: Pool,
  person: SessionPerson,
): Promise<{ items: Record<string, unknown>[]; gaps: Record<string, unknown>[] } | null> {
  const plan = await readable(pool, person, `development-plan/${person.id}`);
  if (!plan) return null;
  try {
    return {
      items: developmentItems(plan).map(({ deleted: _deleted, ...item }) => item),
      gaps: skillGaps(plan).map(({ deleted: _deleted, ...gap }) => gap),
    };
  } finally {
    plan.destroy();
  }
}

/** EXP2: the goals the person owns in one cycle's tree, with check-ins and history. */
async function goalsPart(
  pool: Pool,
  person: SessionPerson,
  cycleId: string,
): Promise<PersonalExportPart | null> {
  const name = `goals/${cycleId}`;
  const document = await readableDocument(pool, person, name);
  if (!document) return null;
  const { rows } = await pool.query<{ starts_on: string; ends_on: string }>(
    `SELECT to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on
       FROM cycles WHERE organisation_id = $1 AND id = $2`,
    [person.organisationId, cycleId],
  );
  const cycle = rows[0] ? { startsOn: rows[0].starts_on, endsOn: rows[0].ends_on } : null;
  const doc = await loadDocument(pool, document.key);
  try {
    const { goals, tree } = readTree(doc);
    const progress = treeProgress(goals, tree);
    const now = new Date();
    const own = [...goals.values()].filter(
      (goal) => goal.ownerId === person.id && !goal.deleted && tree.parent.has(goal.id),
    );
    const exported: ExportedGoal[] = [];
    for (const goal of own) {
      const goalProgress = progress.get(goal.id) ?? null;
      const history = await goalHistory(pool, document.key, goal.id);
      exported.push({
        id: goal.id,
        cycleId,
        parentId: tree.parent.get(goal.id) ?? null,
        title: goal.title,
        description: goal.description,
        level: goal.level,
        state: goal.state,
        ownerId: person.id,
        teamId: goal.teamId,
        startDate: goal.startDate,
        dueDate: goal.dueDate,
        metric: {
          kind: goal.metric.kind,
          start: goal.metric.start,
          target: goal.metric.target,
          current: goal.metric.current,
          unit: goal.metric.unit,
          direction: goal.metric.direction,
          milestones: goal.metric.milestones.map(({ id, title, done }) => ({ id, title, done })),
        },
        progress: goalProgress,
        health: goalHealth(goal, goalProgress, cycle, now),
        weight: goal.weight,
        difficulty: goal.difficulty,
        tags: [...goal.tags],
        approvedBy: goal.approvedBy,
        approvedAt: goal.approvedAt,
        createdBy: goal.createdBy,
        createdAt: goal.createdAt,
        checkIns: goal.checkIns.map(({ id, value, progress: p, at, by }) => ({
          id,
          value,
          progress: p,
          at,
          by,
        })),
        history: history.reverse(),
      });
    }
    exported.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return { kind: 'goals', cycleId, goals: exported };
  } finally {
    doc.destroy();
  }
}

function notes(fragment: Y.XmlFragment): ExportedNotes | null {
  if (fragment.length === 0) return null;
  const blocks = fragment
    .toArray()
    .map((block) =>
      block instanceof Y.XmlText
        ? block.toString()
        : block instanceof Y.XmlElement
          ? notesText(block)
          : '',
    )
    .filter((block) => block.trim() !== '');
  return { blocks, xml: fragment.toString() };
}

/** EXP3–EXP5: one series the person is a member of: its shared parts, their own private notes
 *  and, for the employee, their own moods. */
async function seriesPart(
  pool: Pool,
  person: SessionPerson,
  seriesId: string,
): Promise<PersonalExportPart | null> {
  const series = await seriesById(pool, person.organisationId, seriesId);
  if (!series) return null;
  const role =
    series.managerId === person.id
      ? 'manager'
      : series.employeeId === person.id
        ? 'employee'
        : null;
  // EXP3: a person's own export holds their own series only, whatever else they may read.
  if (role === null) return { kind: 'one-on-one', series: null };
  const agenda = await readable(pool, person, `one-on-one/${seriesId}`);
  if (!agenda) return { kind: 'one-on-one', series: null };
  const privateNotes = await readable(pool, person, `private-notes/${seriesId}/${person.id}`);
  const moods =
    role === 'employee' ? await readable(pool, person, `one-on-one-mood/${seriesId}`) : null;
  try {
    const meetingList: ExportedMeeting[] = [...meetingsOf(agenda).entries()]
      .map(([id, value]) => ({ id, ...value }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
      .map((meeting) => {
        const mood = moods ? moodsOf(moods).get(meeting.id) : undefined;
        const points = Object.values(agendaOf(agenda, meeting.id)).flat();
        return {
          id: meeting.id,
          date: meeting.date,
          cancelled: meeting.cancelled === true,
          points: points.map((p) => ({
            id: p.id,
            section: p.section,
            text: p.text,
            done: p.done,
            authorId: p.authorId,
            createdAt: p.createdAt,
          })),
          sharedNotes: notes(notesOf(agenda, meeting.id)),
          privateNotes: privateNotes ? notes(notesOf(privateNotes, meeting.id)) : null,
          mood: mood ? { value: mood.value, at: mood.at } : null,
        };
      });
    const exported: ExportedSeries = {
      id: series.id,
      role,
      manager: { id: series.managerId, name: series.managerName },
      employee: { id: series.employeeId, name: series.employeeName },
      cadence: series.cadence,
      weekday: series.weekday,
      time: series.time,
      startsOn: series.startsOn,
      endedAt: series.endedAt,
      meetings: meetingList,
      actionItems: actionItems(agenda).map((a) => ({
        id: a.id,
        title: a.title,
        ownerId: a.ownerId,
        dueDate: a.dueDate,
        raisedIn: a.createdIn,
        createdBy: a.createdBy,
        createdAt: a.createdAt,
        done: a.done,
        doneIn: a.doneIn,
        doneAt: a.doneAt,
        doneBy: a.doneBy,
      })),
    };
    return { kind: 'one-on-one', series: exported };
  } finally {
    agenda.destroy();
    privateNotes?.destroy();
    moods?.destroy();
  }
}
