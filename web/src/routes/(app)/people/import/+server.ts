// POST the records of a CSV file to import its people (SPEC CSV15). Checked against the database
// first: any error answers 400 with the errors and writes nothing. Otherwise the import runs in one
// transaction while the answer streams its progress as NDJSON (see $lib/people-import/protocol).
import { error, json } from '@sveltejs/kit';
import { importPeople, planImport } from '@threadline/db/people-import';
import { readPeopleCsv } from '@threadline/domain/org/people-csv';
import {
  MAX_ERRORS_SENT,
  NOTHING_IMPORTED,
  type ImportMessage,
  type ImportRejection,
} from '$lib/people-import/protocol';
import { readImportRecords } from '$lib/people-import/read-records.server';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, locals }) => {
  const person = locals.person;
  if (!person) error(401, 'Sign in to import people.');
  if (person.role !== 'admin') error(403, 'Only administrators can import people.');

  const csv = readPeopleCsv(await readImportRecords(request));
  const plan = await planImport(db(), person.organisationId, csv);
  if (plan.errors.length > 0) {
    const rejection: ImportRejection = {
      errors: plan.errors.slice(0, MAX_ERRORS_SENT),
      errorCount: plan.errors.length,
    };
    return json(rejection, { status: 400 });
  }

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      // A browser that goes away does not stop the import: it finishes, or rolls back, alone.
      const send = (message: ImportMessage) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
        } catch {
          // the reader is gone
        }
      };
      try {
        const outcome = await importPeople(db(), person.organisationId, csv, (progress) =>
          send({ type: 'progress', ...progress }),
        );
        send(
          outcome.ok
            ? {
                type: 'done',
                created: outcome.created,
                updated: outcome.updated,
                teams: outcome.teams,
              }
            : {
                type: 'invalid',
                errors: outcome.errors.slice(0, MAX_ERRORS_SENT),
                errorCount: outcome.errors.length,
              },
        );
      } catch (caught) {
        locals.log.error({ err: caught }, 'people import failed');
        send({ type: 'failed', message: NOTHING_IMPORTED });
      } finally {
        try {
          controller.close();
        } catch {
          // already closed by a reader that went away
        }
      }
    },
  });
  return new Response(body, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' },
  });
};
