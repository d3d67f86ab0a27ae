// `development-plan/<personId>` (ONE40–ONE48): a person's skill gaps and development items. It
// opens to the person and their current manager (ONE41), read from `people` per check; a change of
// manager announces itself as a `development_plans` records notice (the people trigger in
// db/migrations/1765100600001_development-plans.sql), so the former manager's open connection is
// closed at once. Updates are judged by the domain's rules (ONE42, ONE44) and projected into
// `skills`, `skill_gaps` and `development_items` (ONE46).
import type { Queryable, SessionPerson } from '@threadline/db';
import { planOwner, writeDevelopmentPlanRows } from '@threadline/db/development';
import { developmentPlanAccess } from '@threadline/domain/development/access';
import {
  projectDevelopmentItems,
  projectSkillGaps,
  type DevelopmentItemRow,
  type SkillGapRow,
} from '@threadline/domain/development/projector';
import {
  judgeDevelopmentPlanUpdate,
  type DevelopmentVerdict,
  type PlanActor,
} from '@threadline/domain/development/update-check';
import { parseDocumentName } from '@threadline/domain/documents/names';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import type { DocumentKind, Verdict } from '../document-kind.ts';
import type { DocumentProjector } from '../../projection/document-projector.ts';

const GAPS = 'skill_gaps';
const ITEMS = 'development_items';

function asVerdict(verdict: DevelopmentVerdict): Verdict {
  if (verdict.ok) return { ok: true };
  if (verdict.reason === 'schema') {
    return { ok: false, reason: 'schema', detail: verdict.issues.slice(0, 10) };
  }
  return { ok: false, reason: 'forbidden', detail: verdict.refusal };
}

async function loadPlanActor(
  db: Queryable,
  person: SessionPerson,
  personId: string,
): Promise<PlanActor> {
  const owner = await planOwner(db, person.organisationId, personId);
  return { personId: person.id, employeeId: personId, managerId: owner?.managerId ?? null };
}

function personIdOf(name: string): string {
  const parsed = parseDocumentName(name);
  if (parsed?.kind !== 'development-plan') throw new Error(`not a development plan: ${name}`);
  return parsed.personId;
}

export const developmentPlanProjector: DocumentProjector<null> = {
  context: async () => null,
  follow: (doc) => ({
    *rows() {
      yield [
        ...projectSkillGaps(doc).map((row) => ({ table: GAPS, id: row.gapId, values: { ...row } })),
        ...projectDevelopmentItems(doc).map((row) => ({
          table: ITEMS,
          id: row.itemId,
          values: { ...row },
        })),
      ];
    },
    stop: () => {},
  }),
  async write(db, key, rows) {
    const of = <T>(table: string) =>
      rows.filter((row) => row.table === table).map((row) => row.values as unknown as T);
    await writeDevelopmentPlanRows(
      db,
      key.organisationId,
      personIdOf(key.name),
      of<SkillGapRow>(GAPS),
      of<DevelopmentItemRow>(ITEMS),
    );
  },
};

export const developmentPlanKind: DocumentKind<'development-plan', PlanActor> = {
  async access(db, person, { personId }) {
    const owner = await planOwner(db, person.organisationId, personId);
    const mode = owner && developmentPlanAccess(person.id, owner);
    if (!mode) return { granted: false, code: CloseCode.Forbidden };
    return { granted: true, organisationId: person.organisationId, mode };
  },
  affectedBy: (notice, { personId }) =>
    notice.table === 'development_plans' && notice.ids.includes(personId),
  loadActor: (db, person, { personId }) => loadPlanActor(db, person, personId),
  validate: (live, scratch, update, actor) =>
    asVerdict(judgeDevelopmentPlanUpdate(live, scratch, update, actor)),
  projector: developmentPlanProjector,
};
