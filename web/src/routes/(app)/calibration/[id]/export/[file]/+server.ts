// GET /calibration/<id>/export/ratings.csv and …/moves.csv (CAL79): a finalized session's final
// ratings and move history, for the board's readers; never kept by the browser (no-store).
import { error } from '@sveltejs/kit';
import { requireSignedIn } from '$lib/calibration/access.server';
import { EXPORT_FILES, sessionExport, type ExportFile } from '$lib/calibration/export.server';

export async function GET({ locals, params }) {
  const person = requireSignedIn(locals);
  const file = params.file.replace(/\.csv$/, '');
  if (!(EXPORT_FILES as readonly string[]).includes(file)) error(404, 'No such export.');
  const { csv, filename } = await sessionExport(person, params.id, file as ExportFile);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename.replace(/"/g, '')}"`,
      'cache-control': 'no-store, private',
    },
  });
}
