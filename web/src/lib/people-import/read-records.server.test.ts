import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, readImportRecords } from './read-records.server.ts';

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return new Request('http://localhost/people/import', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

const records = [
  ['Name', 'Email'],
  ['Chloé', 'chloe@x.io'],
];

describe('readImportRecords', () => {
  it('reads plain JSON records', async () => {
    expect(await readImportRecords(post(JSON.stringify({ records })))).toEqual(records);
  });

  it('reads gzip-compressed JSON records', async () => {
    const body = gzipSync(JSON.stringify({ records }));
    expect(await readImportRecords(post(body, { 'content-encoding': 'gzip' }))).toEqual(records);
  });

  it('refuses a body that expands beyond the limit once decompressed', async () => {
    const huge = gzipSync(Buffer.alloc(MAX_IMPORT_BYTES + 1024, 0x20));
    expect(huge.length).toBeLessThan(1024 * 1024);
    expect(await status(readImportRecords(post(huge, { 'content-encoding': 'gzip' })))).toBe(413);
  });

  it('refuses other content types, encodings, broken JSON and other shapes', async () => {
    const text = post('x', { 'content-type': 'text/plain' });
    expect(await status(readImportRecords(text))).toBe(415);
    const brotli = post(JSON.stringify({ records }), { 'content-encoding': 'br' });
    expect(await status(readImportRecords(brotli))).toBe(415);
    expect(await status(readImportRecords(post('{"records": [')))).toBe(400);
    expect(await status(readImportRecords(post('{"records": [[1, 2]]}')))).toBe(400);
    expect(await status(readImportRecords(post('{"rows": []}')))).toBe(400);
  });
});
