// The organisation's skill list and the development plans' analytics rows (ONE40, ONE41, ONE46).
// Every statement is scoped by organisation_id; the plans themselves live in their documents
// (development-plan/<personId>).
import type { Outcome } from '@threadline/domain/org/violation';
import {
  isSkillName,
  normaliseSkillName,
  SKILL_NAME_MAX,
  type Skill,
} from '@threadline/domain/development/model';
import type { DevelopmentItemRow, SkillGapRow } from '@threadline/domain/development/projector';
import type { Queryable } from './connection.ts';
import { isUniqueViolation } from './people.ts';

/** ONE40: the organisation's skills, by name. */
export async function listSkills(db: Queryable, organisationId: string): Promise<Skill[]> {
  const { rows } = await db.query<Skill>(
    'SELECT id, name FROM skills WHERE organisation_id = $1 ORDER BY lower(name), id',
    [organisationId],
  );
  return rows;
}

const DUPLICATE = 'There is already a skill of that name.';

function checkName(raw: string): Outcome<string> {
  const name = normaliseSkillName(raw);
  if (!isSkillName(name)) {
    return {
      ok: false,
      errors: { name: `A skill's name is 1 to ${SKILL_NAME_MAX} characters.` },
    };
  }
  return { ok: true, value: name };
}

/** ONE40: adds a skill to the list (admins on the skills page). */
export async function addSkill(
  db: Queryable,
  organisationId: string,
  raw: string,
  createdBy: string,
): Promise<Outcome<Skill>> {
  const name = checkName(raw);
  if (!name.ok) return name;
  try {
    const { rows } = await db.query<Skill>(
      `INSERT INTO skills (organisation_id, name, created_by) VALUES ($1, $2, $3)
       RETURNING id, name`,
      [organisationId, name.value, createdBy],
    );
    return { ok: true, value: rows[0]! };
  } catch (error) {
    if (isUniqueViolation(error, 'skills_name')) return { ok: false, errors: { name: DUPLICATE } };
    throw error;
  }
}

/** ONE40: renames a skill; gaps that name it by id show the new name. */
export async function renameSkill(
  db: Queryable,
  organisationId: string,
  id: string,
  raw: string,
): Promise<Outcome<Skill>> {
  const name = checkName(raw);
  if (!name.ok) return name;
  try {
    const { rows } = await db.query<Skill>(
      'UPDATE skills SET name = $3 WHERE organisation_id = $1 AND id = $2 RETURNING id, name',
      [organisationId, id, name.value],
    );
    const skill = rows[0];
    if (!skill) return { ok: false, errors: { form: 'There is no such skill.' } };
    return { ok: true, value: skill };
  } catch (error) {
    if (isUniqueViolation(error, 'skills_name')) return { ok: false, errors: { name: DUPLICATE } };
    throw error;
  }
}

/** ONE41: the plan's person and their current manager, or null when there is no such person. */
export async function planOwner(
  db: Queryable,
  organisationId: string,
  personId: string,
): Promise<{ personId: string; managerId: string | null } | null> {
  const { rows } = await db.query<{ manager_id: string | null }>(
    'SELECT manager_id FROM people WHERE organisation_id = $1 AND id = $2',
    [organisationId, personId],
  );
  const row = rows[0];
  return row ? { personId, managerId: row.manager_id } : null;
}

/**
 * ONE46: writes one plan's projected rows. Skills its gaps name that the list lacks join it (a
 * name already there, ignoring case, is that skill); deleted gaps and items are removed; the
 * others are upserted. Rows travel as JSON parameters, one statement per table.
 */
export async function writeDevelopmentPlanRows(
  db: Queryable,
  organisationId: string,
  personId: string,
  gaps: readonly SkillGapRow[],
  items: readonly DevelopmentItemRow[],
): Promise<void> {
  const live = gaps.filter((gap) => !gap.deleted);
  if (live.length > 0) {
    await db.query(
      `INSERT INTO skills (id, organisation_id, name, created_by)
       SELECT DISTINCT ON (lower(r."skillName")) r."skillId", $1::uuid, r."skillName", p.id
         FROM jsonb_to_recordset($2::jsonb) AS r("skillId" uuid, "skillName" text,
                                                 "flaggedBy" uuid)
         LEFT JOIN people p ON p.organisation_id = $1 AND p.id = r."flaggedBy"
        WHERE NOT EXISTS (SELECT 1 FROM skills s
                           WHERE s.organisation_id = $1
                             AND (s.id = r."skillId" OR lower(s.name) = lower(r."skillName")))
       ON CONFLICT DO NOTHING`,
      [organisationId, JSON.stringify(live)],
    );
    await db.query(
      `INSERT INTO skill_gaps (organisation_id, id, person_id, skill_id, flagged_on, flagged_by,
                               projected_at)
       SELECT $1::uuid, r."gapId", $2::uuid, s.id, r."flaggedOn", p.id, now()
         FROM jsonb_to_recordset($3::jsonb) AS r("gapId" uuid, "skillId" uuid, "skillName" text,
                                                 "flaggedOn" date, "flaggedBy" uuid)
         CROSS JOIN LATERAL (SELECT id FROM skills
                              WHERE organisation_id = $1
                                AND (id = r."skillId" OR lower(name) = lower(r."skillName"))
                              ORDER BY (id = r."skillId") DESC LIMIT 1) s
         LEFT JOIN people p ON p.organisation_id = $1 AND p.id = r."flaggedBy"
       ON CONFLICT (organisation_id, id) DO UPDATE SET
         skill_id = EXCLUDED.skill_id, flagged_on = EXCLUDED.flagged_on,
         flagged_by = EXCLUDED.flagged_by, projected_at = EXCLUDED.projected_at`,
      [organisationId, personId, JSON.stringify(live)],
    );
  }
  const deletedGaps = gaps.filter((gap) => gap.deleted).map((gap) => gap.gapId);
  if (deletedGaps.length > 0) {
    await db.query(
      'DELETE FROM skill_gaps WHERE organisation_id = $1 AND person_id = $2 AND id = ANY($3)',
      [organisationId, personId, deletedGaps],
    );
  }
  const liveItems = items.filter((item) => !item.deleted);
  if (liveItems.length > 0) {
    await db.query(
      `INSERT INTO development_items (organisation_id, id, person_id, gap_id, skill_id, type,
                                      status, owner_id, created_at, due_date, done_at,
                                      projected_at)
       SELECT $1::uuid, r."itemId", $2::uuid, r."gapId", s.id, r."type", r."status", r."ownerId",
              r."createdAt", r."dueDate", r."doneAt", now()
         FROM jsonb_to_recordset($3::jsonb) AS r("itemId" uuid, "gapId" uuid, "skillId" uuid,
                                                 "type" text, "status" text, "ownerId" uuid,
                                                 "createdAt" timestamptz, "dueDate" date,
                                                 "doneAt" timestamptz)
         LEFT JOIN skills s ON s.organisation_id = $1 AND s.id = r."skillId"
       ON CONFLICT (organisation_id, id) DO UPDATE SET
         gap_id = EXCLUDED.gap_id, skill_id = EXCLUDED.skill_id, type = EXCLUDED.type,
         status = EXCLUDED.status, owner_id = EXCLUDED.owner_id,
         created_at = EXCLUDED.created_at, due_date = EXCLUDED.due_date,
         done_at = EXCLUDED.done_at, projected_at = EXCLUDED.projected_at`,
      [organisationId, personId, JSON.stringify(liveItems)],
    );
  }
  const deletedItems = items.filter((item) => item.deleted).map((item) => item.itemId);
  if (deletedItems.length > 0) {
    await db.query(
      `DELETE FROM development_items
        WHERE organisation_id = $1 AND person_id = $2 AND id = ANY($3)`,
      [organisationId, personId, deletedItems],
    );
  }
}
