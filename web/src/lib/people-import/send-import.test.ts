import { afterEach, describe, expect, it, vi } from 'vitest';
import { ndjsonMessages, sendImport } from './send-import.ts';

function streamOf(...pieces: string[]): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(pieces.join(''));
  // Cut the bytes at awkward places, inside a line and inside the 'é'.
  const cuts = [0, 5, 31, 32, bytes.length].filter((cut) => cut <= bytes.length);
  return new ReadableStream({
    start(controller) {
      for (let i = 1; i < cuts.length; i++) controller.enqueue(bytes.slice(cuts[i - 1], cuts[i]));
      controller.close();
    },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ndjsonMessages', () => {
  it('splits a stream into messages whatever the chunk boundaries', async () => {
    const messages = [];
    for await (const message of ndjsonMessages(
      streamOf(
        '{"type":"progress","done":0,"total":2}\n',
        '{"type":"failed","message":"é"}\n',
        '{"type":"progress","done":2,"total":2}',
      ),
    )) {
      messages.push(message);
    }
    expect(messages).toEqual([
      { type: 'progress', done: 0, total: 2 },
      { type: 'failed', message: 'é' },
      { type: 'progress', done: 2, total: 2 },
    ]);
  });
});

describe('sendImport', () => {
  it('posts gzip-compressed JSON and reports progress until done', async () => {
    const fetch = vi.fn(
      async (_url: string, _init: RequestInit) =>
        new Response(
          streamOf(
            '{"type":"progress","done":0,"total":4}\n',
            '{"type":"progress","done":4,"total":4}\n',
            '{"type":"done","created":1,"updated":1,"teams":0}\n',
          ),
        ),
    );
    vi.stubGlobal('fetch', fetch);
    const progress: number[] = [];
    const result = await sendImport([['Name', 'Email']], (done) => progress.push(done));
    expect(result).toEqual({ kind: 'done', created: 1, updated: 1, teams: 0 });
    expect(progress).toEqual([0, 4]);
    const init = fetch.mock.calls[0]![1];
    expect(init.headers).toEqual({
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    const body = await new Response(
      (init.body as Blob).stream().pipeThrough(new DecompressionStream('gzip')),
    ).json();
    expect(body).toEqual({ records: [['Name', 'Email']] });
  });

  it('returns the errors of a 400 answer', async () => {
    const errors = [
      {
        line: 3,
        column: 'email',
        message: "email 'x' belongs to an account in another organisation",
      },
    ];
    vi.stubGlobal('fetch', async () => Response.json({ errors, errorCount: 1 }, { status: 400 }));
    expect(await sendImport([], () => {})).toEqual({ kind: 'invalid', errors, errorCount: 1 });
  });

  it('says nothing was imported when the server fails or cannot be reached', async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json({ message: 'Only administrators can import people.' }, { status: 403 }),
    );
    expect(await sendImport([], () => {})).toEqual({
      kind: 'failed',
      message: 'Nothing was imported: Only administrators can import people.',
    });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await sendImport([], () => {})).toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('nothing was imported'),
    });
  });

  it('cannot tell whether an import went through when the answer breaks off', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response(streamOf('{"type":"progress","done":0,"total":4}\n')),
    );
    expect(await sendImport([], () => {})).toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('written completely or not at all'),
    });
  });
});
