// GET /people/export/download → the organisation's export as a zip (EXP12–EXP21), streamed as it
// is read: HR admins only (ORG16), refused before anything is read. The browser shows the
// download's progress; a cancelled download stops the reading (EXP19).
import { PassThrough, Readable } from 'node:stream';
import { exportOrganisation } from '@threadline/db/org-export';
import { orgExportFileName } from '@threadline/domain/exports/org-format';
import { requireAdmin } from '$lib/people/admin-guard.server';
import { db } from '$lib/server/db';

export async function GET({ locals }) {
  const admin = requireAdmin(locals);
  const { rows } = await db().query<{ slug: string }>(
    'SELECT slug FROM organisations WHERE id = $1',
    [admin.organisationId],
  );
  const body = new PassThrough();
  const started = performance.now();
  exportOrganisation(db(), { organisationId: admin.organisationId, audience: 'hr-admin' }, body)
    .then((manifest) =>
      locals.log.info(
        {
          event: 'organisation-export',
          ms: Math.round(performance.now() - started),
          updates: manifest.documents.updates,
        },
        'organisation export written',
      ),
    )
    .catch((error: Error) =>
      locals.log.warn({ event: 'organisation-export', err: error }, 'organisation export stopped'),
    );
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${orgExportFileName(rows[0]!.slug, new Date())}"`,
      'cache-control': 'private, no-store',
    },
  });
}
