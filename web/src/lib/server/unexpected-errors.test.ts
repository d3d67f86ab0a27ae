import { Writable } from 'node:stream';
import type { RequestEvent } from '@sveltejs/kit';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { handleUnexpectedErrors } from './unexpected-errors.ts';

/** A pino log whose JSON lines land in `lines`. */
function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, log: pino({ base: { service: 'web' } }, destination) };
}

function eventFor(locals: Partial<App.Locals>, path = '/people') {
  const url = new URL(`http://localhost${path}`);
  return { locals, url, request: new Request(url) } as unknown as RequestEvent;
}

const secretError = () => new Error('connect ECONNREFUSED 10.0.0.7:5432 in people.ts');

describe('unexpected errors', () => {
  it('[WEB2] show a generic message with the request id, never the error’s message or stack', async () => {
    const { log } = capturedLog();
    const handleError = handleUnexpectedErrors(() => log);
    const error = secretError();
    const shown = await handleError({
      error,
      event: eventFor({ requestId: 'req-12345678', log: log.child({ requestId: 'req-12345678' }) }),
      status: 500,
      message: 'Internal Error',
    });
    expect(shown).toEqual({
      message:
        'Something went wrong on our side. If it keeps happening, quote request req-12345678.',
      requestId: 'req-12345678',
    });
    expect(JSON.stringify(shown)).not.toMatch(/ECONNREFUSED|people\.ts|at /);
  });

  it('[WEB2] are logged once, with the request id, stack, status, method and path', async () => {
    const { lines, log } = capturedLog();
    const handleError = handleUnexpectedErrors(() => log);
    const event = eventFor({
      requestId: 'req-12345678',
      log: log.child({ requestId: 'req-12345678' }),
    });
    const error = secretError();
    await handleError({ error, event, status: 500, message: 'Internal Error' });
    await handleError({ error, event, status: 500, message: 'Internal Error' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 50,
      service: 'web',
      requestId: 'req-12345678',
      status: 500,
      method: 'GET',
      path: '/people',
      msg: 'unexpected error',
      err: { message: error.message, stack: error.stack },
    });
  });

  it('[WEB2] still get an id and a log line when SvelteKit failed before the hooks ran', async () => {
    const { lines, log } = capturedLog();
    const shown = await handleUnexpectedErrors(() => log)({
      error: secretError(),
      event: eventFor({}),
      status: 500,
      message: 'Internal Error',
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(shown?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.requestId).toBe(shown?.requestId);
  });

  it('[WEB2] leave SvelteKit’s own answers below 500 as they are, unlogged', async () => {
    const { lines, log } = capturedLog();
    const shown = await handleUnexpectedErrors(() => log)({
      error: new Error('Not found: /nowhere'),
      event: eventFor({ requestId: 'req-12345678', log }, '/nowhere'),
      status: 404,
      message: 'Not Found',
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(shown).toEqual({ message: 'Not Found', requestId: 'req-12345678' });
    expect(lines).toHaveLength(0);
  });
});
