// Goal trees into analytics rows (GOAL19, GOAL20, GOAL27, SYNC24): the rows come from the domain's pure
// projector; this adds the cycle's dates it needs and the upserts into goal_analytics and
// goal_progress_events (migration 1763840007000). Rows travel as one JSON parameter, unpacked by
// jsonb_to_recordset, so a write is one statement per table whatever the number of rows.
import type { Queryable } from '@threadline/db';
import { parseDocumentName } from '@threadline/domain/documents/names';
import type { CycleWindow } from '@threadline/domain/goals/model';
import { GoalIndex, PendingChanges } from '@threadline/domain/goals/goal-index';
import {
  goalsToReproject,
  projectGoals,
  type ProgressedTree,
} from '@threadline/domain/goals/projector';
import { writeSnapshot } from '@threadline/domain/goals/snapshot';
import { writeFirstScreen } from '@threadline/domain/goals/first-screen';
import { FIRST_SCREEN_VIEW } from '@threadline/domain/goals/snapshot-views';
import type { DocumentKey } from '../../persistence/document-storage.ts';
import type { DocumentProjector, ProjectedRow } from '../../projection/document-projector.ts';

interface GoalContext {
  cycleId: string;
  cycle: CycleWindow | null;
}

const GOALS = 'goal_analytics';
/** Goals projected per batch: a whole large tree projected at once holds the event loop far
 *  longer than a room may wait (BENCHMARKS.md, tests/bench/projection-stall.ts). */
const GOALS_PER_BATCH = 500;
const EVENTS = 'goal_progress_events';

function cycleIdOf(key: DocumentKey): string {
  const name = parseDocumentName(key.name);
  if (name?.kind !== 'goals') throw new Error(`not a goal tree: ${key.name}`);
  return name.cycleId;
}

export const goalTreeProjector: DocumentProjector<GoalContext> = {
  async context(db, key) {
    const cycleId = cycleIdOf(key);
    const { rows } = await db.query<{ starts_on: string; ends_on: string }>(
      `SELECT starts_on, ends_on FROM cycles WHERE organisation_id = $1 AND id = $2`,
      [key.organisationId, cycleId],
    );
    const cycle = rows[0] ? { startsOn: rows[0].starts_on, endsOn: rows[0].ends_on } : null;
    return { cycleId, cycle };
  },

  follow(doc) {
    // The index follows the document transaction by transaction (as the page does), so a run
    // re-reads and re-projects only the goals GOAL27 says may have changed.
    const pending = new PendingChanges();
    const index = new GoalIndex(doc, (change) => pending.add(change));
    let projectedTree = index.tree;
    return {
      *rows({ cycleId, cycle }, all) {
        const changes = pending.take();
        const ids = all
          ? [...index.goals.keys()]
          : [...goalsToReproject(changes, projectedTree, index.tree)];
        projectedTree = index.tree;
        // Every batch reads the tree as the run found it: the index moves on while the rooms are
        // served between batches, and rows from two states of the tree could disagree (a parent's
        // rollup, a moved goal's depth) in ways the next run's changes would not point at. The
        // index replaces its tree and progress on a change but updates goals in place.
        const state: ProgressedTree =
          ids.length > GOALS_PER_BATCH
            ? { goals: new Map(index.goals), tree: index.tree, progress: index.progress }
            : index;
        const now = new Date();
        for (let at = 0; at < ids.length; at += GOALS_PER_BATCH) {
          const batch = ids.slice(at, at + GOALS_PER_BATCH);
          const projection = projectGoals(state, batch, { cycleId, cycle, now });
          yield [
            ...projection.goals.map((row): ProjectedRow => ({
              table: GOALS,
              id: row.goalId,
              values: { ...row },
            })),
            ...projection.progressEvents.map((event): ProjectedRow => ({
              table: EVENTS,
              id: event.eventId,
              values: { ...event },
            })),
          ];
        }
      },
      // The same index gives the snapshot a page draws its first rows from (GOAL28, SYNC27).
      snapshot: (part) =>
        part.kind === 'view' && part.view === FIRST_SCREEN_VIEW
          ? writeFirstScreen(index, part.personId)
          : writeSnapshot(index),
      stop: () => index.destroy(),
    };
  },

  async write(db, key, rows) {
    const goals = rows.filter((row) => row.table === GOALS).map((row) => row.values);
    const events = rows.filter((row) => row.table === EVENTS).map((row) => row.values);
    const cycleId = cycleIdOf(key);
    if (goals.length > 0) await writeGoals(db, key.organisationId, cycleId, goals);
    if (events.length > 0) await writeEvents(db, key.organisationId, cycleId, events);
  },
};

async function writeGoals(db: Queryable, organisationId: string, cycleId: string, rows: unknown[]) {
  await db.query(
    `INSERT INTO goal_analytics (
       organisation_id, cycle_id, goal_id, parent_id, depth, title, level, state, owner_id,
       team_id, metric_kind, metric_start, metric_target, metric_current, metric_unit, direction,
       progress, health, stale, clarity, clarity_colour, weight, difficulty, tags, start_date,
       due_date, last_progress_at, approved_by, approved_at, created_by, created_at, deleted,
       projected_at)
     SELECT $1, $2, r."goalId", r."parentId", r."depth", r."title", r."level", r."state",
            r."ownerId", r."teamId", r."metricKind", r."metricStart", r."metricTarget",
            r."metricCurrent", r."metricUnit", r."direction", r."progress", r."health", r."stale",
            r."clarity", r."clarityColour", r."weight", r."difficulty", r."tags", r."startDate",
            r."dueDate", r."lastProgressAt", r."approvedBy", r."approvedAt", r."createdBy",
            r."createdAt", r."deleted", now()
       FROM jsonb_to_recordset($3::jsonb) AS r(
            "goalId" uuid, "parentId" uuid, "depth" integer, "title" text, "level" text,
            "state" text, "ownerId" uuid, "teamId" uuid, "metricKind" text,
            "metricStart" double precision, "metricTarget" double precision,
            "metricCurrent" double precision, "metricUnit" text, "direction" text,
            "progress" double precision, "health" text, "stale" boolean, "clarity" integer,
            "clarityColour" text, "weight" double precision, "difficulty" text, "tags" text[],
            "startDate" date, "dueDate" date, "lastProgressAt" timestamptz, "approvedBy" uuid,
            "approvedAt" timestamptz, "createdBy" uuid, "createdAt" timestamptz,
            "deleted" boolean)
     ON CONFLICT (organisation_id, cycle_id, goal_id) DO UPDATE SET
       parent_id = EXCLUDED.parent_id, depth = EXCLUDED.depth, title = EXCLUDED.title,
       level = EXCLUDED.level, state = EXCLUDED.state, owner_id = EXCLUDED.owner_id,
       team_id = EXCLUDED.team_id, metric_kind = EXCLUDED.metric_kind,
       metric_start = EXCLUDED.metric_start, metric_target = EXCLUDED.metric_target,
       metric_current = EXCLUDED.metric_current, metric_unit = EXCLUDED.metric_unit,
       direction = EXCLUDED.direction, progress = EXCLUDED.progress, health = EXCLUDED.health,
       stale = EXCLUDED.stale, clarity = EXCLUDED.clarity,
       clarity_colour = EXCLUDED.clarity_colour, weight = EXCLUDED.weight,
       difficulty = EXCLUDED.difficulty, tags = EXCLUDED.tags, start_date = EXCLUDED.start_date,
       due_date = EXCLUDED.due_date, last_progress_at = EXCLUDED.last_progress_at,
       approved_by = EXCLUDED.approved_by, approved_at = EXCLUDED.approved_at,
       created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at,
       deleted = EXCLUDED.deleted, projected_at = EXCLUDED.projected_at`,
    [organisationId, cycleId, JSON.stringify(rows)],
  );
}

async function writeEvents(
  db: Queryable,
  organisationId: string,
  cycleId: string,
  rows: unknown[],
) {
  await db.query(
    `INSERT INTO goal_progress_events
       (organisation_id, cycle_id, event_id, goal_id, value, progress, at, by_person_id)
     SELECT $1, $2, r."eventId", r."goalId", r."value", r."progress", r."at", r."by"
       FROM jsonb_to_recordset($3::jsonb) AS r(
            "eventId" text, "goalId" uuid, "value" double precision,
            "progress" double precision, "at" timestamptz, "by" uuid)
     ON CONFLICT (organisation_id, cycle_id, event_id) DO UPDATE SET
       goal_id = EXCLUDED.goal_id, value = EXCLUDED.value, progress = EXCLUDED.progress,
       at = EXCLUDED.at, by_person_id = EXCLUDED.by_person_id`,
    [organisationId, cycleId, JSON.stringify(rows)],
  );
}
