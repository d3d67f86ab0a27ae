// The goal tree passes the document-kind contract (KIND1–KIND7) as the product serves it: its
// writer is anyone active in the cycle's organisation editing their own goal, a closed cycle
// makes the tree read-only, and deleting the cycle takes the tree away.
import type { Pool } from '@threadline/db';
import { addGoal } from '@threadline/domain/goals/edits';
import { PRODUCTION_KINDS } from '@threadline/sync-server/documents/production-kinds';
import { createCycle, signIn } from '../integration/sync-support.ts';
import { documentKindContract, type KindDocument } from './document-kind.contract.ts';

documentKindContract('goal tree', {
  kind: 'goals',
  kinds: PRODUCTION_KINDS,
  async document(db: Pool): Promise<KindDocument> {
    const writer = await signIn(db);
    const cycleId = await createCycle(db, writer.organisationId);
    return {
      name: `goals/${cycleId}`,
      organisationId: writer.organisationId,
      writer,
      edit: (doc) =>
        void addGoal(
          doc,
          {
            title: 'Ship the contract suite',
            level: 'person',
            ownerId: writer.personId,
            parentId: null,
          },
          { by: writer.personId },
        ),
      outsider: () => signIn(db),
      async reader() {
        await db.query(`UPDATE cycles SET status = 'closed' WHERE id = $1`, [cycleId]);
        return writer;
      },
      async revoke() {
        await db.query('DELETE FROM cycles WHERE id = $1', [cycleId]);
      },
    };
  },
});
