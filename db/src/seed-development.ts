// Seeds the development plans of a generated organisation (DEMO45–DEMO47): the skill list, each
// chosen person's `development-plan/<personId>` in the document log (the same writer as the sync
// server's accepted updates), and the rows its projector would write (ONE46), so analytics and
// calibration's player cards have them before anyone opens a plan. Run inside the seed's
// transaction, after the 1:1 series.
import { generateDemoDevelopment } from '@threadline/domain/demo/development';
import {
  projectDevelopmentItems,
  projectSkillGaps,
} from '@threadline/domain/development/projector';
import { formatDocumentName } from '@threadline/domain/documents/names';
import type { Cadence } from '@threadline/domain/one-on-ones/model';
import type { Queryable } from './connection.ts';
import { appendToDocumentLog, type DocumentLogRow } from './document-log.ts';

export interface SeedDevelopmentInput {
  organisationId: string;
  today: string;
  seed: number;
  /** The well-known employee (DEMO47); null outside the demo. */
  featuredEmployeeId: string | null;
}

export async function seedDevelopment(
  db: Queryable,
  input: SeedDevelopmentInput,
): Promise<{ plans: number; gaps: number; items: number }> {
  const { rows: series } = await db.query<{
    employee_id: string;
    manager_id: string;
    starts_on: string;
    cadence: Cadence;
  }>(
    `SELECT employee_id, manager_id, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, cadence
       FROM one_on_one_series WHERE organisation_id = $1 AND ended_at IS NULL
      ORDER BY employee_id`,
    [input.organisationId],
  );
  const development = generateDemoDevelopment(
    series.map((row) => ({
      employeeId: row.employee_id,
      managerId: row.manager_id,
      startsOn: row.starts_on,
      cadence: row.cadence,
      featured: row.employee_id === input.featuredEmployeeId,
    })),
    { seed: input.seed, today: input.today },
  );
  await db.query(
    `INSERT INTO skills (id, organisation_id, name)
     SELECT s.id, $1, s.name FROM unnest($2::uuid[], $3::text[]) AS s (id, name)`,
    [
      input.organisationId,
      development.skills.map((s) => s.id),
      development.skills.map((s) => s.name),
    ],
  );
  const log: DocumentLogRow[] = [];
  const gaps: Record<string, unknown>[] = [];
  const items: Record<string, unknown>[] = [];
  for (const plan of development.plans) {
    const documentName = formatDocumentName({ kind: 'development-plan', personId: plan.personId });
    for (const entry of plan.entries) {
      log.push({ organisationId: input.organisationId, documentName, ...entry });
    }
    for (const gap of projectSkillGaps(plan.doc)) gaps.push({ ...gap, personId: plan.personId });
    for (const item of projectDevelopmentItems(plan.doc)) {
      items.push({ ...item, personId: plan.personId });
    }
    plan.doc.destroy();
  }
  for (let i = 0; i < log.length; i += 2_000) {
    await appendToDocumentLog(db, log.slice(i, i + 2_000), { unseenDocuments: true });
  }
  await db.query(
    `INSERT INTO skill_gaps (organisation_id, id, person_id, skill_id, flagged_on, flagged_by)
     SELECT $1, r."gapId", r."personId", r."skillId", r."flaggedOn", r."flaggedBy"
       FROM jsonb_to_recordset($2::jsonb) AS r("gapId" uuid, "personId" uuid, "skillId" uuid,
                                               "flaggedOn" date, "flaggedBy" uuid)`,
    [input.organisationId, JSON.stringify(gaps)],
  );
  await db.query(
    `INSERT INTO development_items (organisation_id, id, person_id, gap_id, skill_id, type, status,
                                    owner_id, created_at, due_date, done_at)
     SELECT $1, r."itemId", r."personId", r."gapId", r."skillId", r."type", r."status",
            r."ownerId", r."createdAt", r."dueDate", r."doneAt"
       FROM jsonb_to_recordset($2::jsonb) AS r("itemId" uuid, "personId" uuid, "gapId" uuid,
                                               "skillId" uuid, "type" text, "status" text,
                                               "ownerId" uuid, "createdAt" timestamptz,
                                               "dueDate" date, "doneAt" timestamptz)`,
    [input.organisationId, JSON.stringify(items)],
  );
  return { plans: development.plans.length, gaps: gaps.length, items: items.length };
}
