// The sample file linked from the import page: the canonical header and a few people.
import { error } from '@sveltejs/kit';
import { sampleCsv } from '@threadline/domain/org/people-csv';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => {
  if (!locals.person) error(401, 'Sign in to download the sample file.');
  return new Response(sampleCsv(), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="threadline-people-sample.csv"',
    },
  });
};
