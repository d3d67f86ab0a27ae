// A person's development plan passes the document-kind contract (KIND1–KIND7) as the product
// serves it (ONE41): written by the person's manager, kept from HR admins, and taken away from
// the manager when the person moves to another manager (the plan follows the person).
import type * as Y from 'yjs';
import { addDevelopmentItem, flagSkillGap } from '@threadline/domain/development/edits';
import { PRODUCTION_KINDS } from '@threadline/sync-server/documents/production-kinds';
import { createOrganisation } from '../support/factories.ts';
import { signInWith } from '../integration/sync-support.ts';
import { documentKindContract, type KindDocument } from './document-kind.contract.ts';

const gap = 'b0000000-0000-4000-8000-000000000001';
const skill = 'b0000000-0000-4000-8000-000000000002';

documentKindContract('development plan', {
  kind: 'development-plan',
  kinds: PRODUCTION_KINDS,
  noReaders: 'A plan opens read-write to its person and their manager, and to nobody else.',
  async document(db): Promise<KindDocument> {
    const organisationId = (await createOrganisation(db)).id;
    const manager = await signInWith(db, organisationId);
    const employee = await signInWith(db, organisationId, { managerId: manager.personId });
    const by = { by: manager.personId };
    return {
      name: `development-plan/${employee.personId}`,
      organisationId,
      writer: manager,
      edit(doc: Y.Doc) {
        flagSkillGap(
          doc,
          gap,
          { skillId: skill, skillName: 'Negotiation', note: '', raisedOn: '2026-12-07' },
          by,
        );
        addDevelopmentItem(
          doc,
          'b0000000-0000-4000-8000-000000000003',
          {
            gapId: gap,
            skillId: skill,
            skillName: 'Negotiation',
            type: 'formal',
            title: 'Negotiation course',
            ownerId: employee.personId,
            dueDate: null,
            raisedOn: '2026-12-07',
          },
          by,
        );
      },
      outsider: () => signInWith(db, organisationId, { role: 'admin' }),
      async revoke() {
        const other = await signInWith(db, organisationId);
        await db.query('UPDATE people SET manager_id = $2 WHERE id = $1', [
          employee.personId,
          other.personId,
        ]);
      },
    };
  },
});
