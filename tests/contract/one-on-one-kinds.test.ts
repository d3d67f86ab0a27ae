// The three kinds of a 1:1 series pass the document-kind contract (KIND1–KIND7) as the product
// serves them: the shared agenda (written by a member, read by HR with the setting on), a member's
// private notes (read-only once the series ended) and the employee's mood (read by the manager).
// Deleting the series takes each away.
import * as Y from 'yjs';
import type { Pool } from '@threadline/db';
import { addMeeting, addPoint, setMood } from '@threadline/domain/one-on-ones/edits';
import { notesOf } from '@threadline/domain/one-on-ones/shape';
import { PRODUCTION_KINDS } from '@threadline/sync-server/documents/production-kinds';
import { createOrganisation, createSeries } from '../support/factories.ts';
import { signIn, signInWith } from '../integration/sync-support.ts';
import { documentKindContract, type KindDocument } from './document-kind.contract.ts';

const meeting = '2026-12-07';

async function series(db: Pool) {
  const organisationId = (await createOrganisation(db)).id;
  const manager = await signInWith(db, organisationId);
  const employee = await signInWith(db, organisationId, { managerId: manager.personId });
  const seriesId = await createSeries(db, organisationId, manager.personId, employee.personId);
  const revoke = async () => {
    await db.query('DELETE FROM one_on_one_series WHERE id = $1', [seriesId]);
  };
  const end = async () => {
    await db.query('UPDATE one_on_one_series SET ended_at = now() WHERE id = $1', [seriesId]);
  };
  return { organisationId, manager, employee, seriesId, revoke, end };
}

documentKindContract('1:1 shared agenda', {
  kind: 'one-on-one',
  kinds: PRODUCTION_KINDS,
  async document(db): Promise<KindDocument> {
    const s = await series(db);
    return {
      name: `one-on-one/${s.seriesId}`,
      organisationId: s.organisationId,
      writer: s.manager,
      edit(doc: Y.Doc) {
        addMeeting(doc, meeting, meeting, { by: s.manager.personId });
        addPoint(
          doc,
          'b0000000-0000-4000-8000-000000000001',
          { meetingId: meeting, section: 'track', text: 'Hiring' },
          { by: s.manager.personId },
        );
      },
      outsider: () => signInWith(db, s.organisationId),
      async reader() {
        await db.query('UPDATE organisations SET hr_may_read_one_on_ones = true WHERE id = $1', [
          s.organisationId,
        ]);
        return signInWith(db, s.organisationId, { role: 'admin' });
      },
      revoke: s.revoke,
    };
  },
});

documentKindContract('1:1 private notes', {
  kind: 'private-notes',
  kinds: PRODUCTION_KINDS,
  async document(db): Promise<KindDocument> {
    const s = await series(db);
    return {
      name: `private-notes/${s.seriesId}/${s.employee.personId}`,
      organisationId: s.organisationId,
      writer: s.employee,
      edit: (doc: Y.Doc) => notesOf(doc, meeting).insert(0, [new Y.XmlElement('paragraph')]),
      outsider: async () => s.manager,
      async reader() {
        await s.end();
        return s.employee;
      },
      revoke: s.revoke,
    };
  },
});

documentKindContract('1:1 mood', {
  kind: 'one-on-one-mood',
  kinds: PRODUCTION_KINDS,
  async document(db): Promise<KindDocument> {
    const s = await series(db);
    return {
      name: `one-on-one-mood/${s.seriesId}`,
      organisationId: s.organisationId,
      writer: s.employee,
      edit: (doc: Y.Doc) => setMood(doc, meeting, 3, { by: s.employee.personId }),
      outsider: () => signIn(db),
      reader: async () => s.manager,
      revoke: s.revoke,
    };
  },
});
