// Reads the records of an import request: JSON, possibly gzip-compressed, with limits on the size
// after decompression so a small compressed body cannot expand into gigabytes.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { MAX_IMPORT_ROWS } from '@threadline/domain/org/people-csv';

/** Decompressed JSON beyond this is refused: ~100 times a 5,000-person file. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
const MAX_CELLS = 200;
const MAX_CELL_LENGTH = 10_000;
/** Blank lines are records too, so allow some beyond the rows limit. */
const MAX_RECORDS = MAX_IMPORT_ROWS * 2;

const recordsSchema = z.object({
  records: z
    .array(z.array(z.string().max(MAX_CELL_LENGTH)).max(MAX_CELLS))
    .max(MAX_RECORDS, `A file may hold at most ${MAX_IMPORT_ROWS} people.`),
});

async function readCapped(body: ReadableStream<Uint8Array>): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_IMPORT_BYTES) {
      await reader.cancel();
      error(413, 'The file is too large to import in one go.');
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export async function readImportRecords(request: Request): Promise<string[][]> {
  if (!request.headers.get('content-type')?.startsWith('application/json')) {
    error(415, 'Send the records as JSON.');
  }
  if (!request.body) error(400, 'The request has no body.');
  const encoding = request.headers.get('content-encoding');
  let body: ReadableStream<Uint8Array> = request.body;
  if (encoding === 'gzip') {
    body = body.pipeThrough(
      new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>,
    );
  } else if (encoding && encoding !== 'identity') {
    error(415, `Unsupported content encoding '${encoding}'.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(await readCapped(body));
  } catch (caught) {
    if (caught && typeof caught === 'object' && 'status' in caught) throw caught;
    error(400, 'The request is not valid JSON.');
  }
  const parsed = recordsSchema.safeParse(json);
  if (!parsed.success) {
    error(400, parsed.error.issues[0]?.message ?? 'The request does not hold CSV records.');
  }
  return parsed.data.records;
}
