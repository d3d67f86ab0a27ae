// The built web server when something nobody anticipated fails — here, a database that does not
// answer — (WEB1, WEB2): the page names a request id and nothing of the error, and the log has
// the error once under that id. Needs the production build (pnpm build).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@threadline/db/free-port';
import { SESSION_COOKIE_NAME } from '@threadline/db/sessions';
import { waitForHttp } from '../../scripts/lib/wait-for-http.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
let server: ChildProcess;
let base: string;
let output = '';

beforeAll(async () => {
  const [port, closedPort] = [await findFreePort(), await findFreePort()];
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join('build', 'index.js')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      // Nothing listens there: every query fails as an outage would.
      DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/none`,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN: base,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      TRUST_REQUEST_ID: '',
    },
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForHttp(`${base}/login`);
});
afterAll(() => {
  server.kill('SIGTERM');
});

/** The log's JSON lines about one request. */
function logLinesOf(requestId: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.requestId === requestId);
}

function expectNothingOfTheError(body: string) {
  expect(body).not.toMatch(/ECONNREFUSED|node_modules|build\/server|\bat \S+ \(|Error:/);
}

describe('an unexpected error in the built web server', () => {
  it('[WEB2] shows a page that names the request id and nothing of the error, logged once with it', async () => {
    const response = await fetch(`${base}/login`, {
      headers: { 'x-request-id': 'spoofed-id-1234' },
    });
    const body = await response.text();
    const requestId = response.headers.get('x-request-id');
    expect(response.status).toBe(500);
    // [WEB1] not the client's id: no proxy is trusted here.
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toContain(`quote request ${requestId}`);
    expectNothingOfTheError(body);
    await expect.poll(() => logLinesOf(requestId!).length).toBe(1);
    const [line] = logLinesOf(requestId!);
    expect(line).toMatchObject({ level: 50, service: 'web', path: '/login', status: 500 });
    expect(JSON.stringify(line)).toContain('ECONNREFUSED');
  });

  it('[WEB2] answers a failure in the hooks themselves with the static page, naming the id', async () => {
    // The session check queries the database before any page is chosen.
    const response = await fetch(`${base}/people`, {
      headers: { cookie: `${SESSION_COOKIE_NAME}=some-token` },
      redirect: 'manual',
    });
    const body = await response.text();
    expect(response.status).toBe(500);
    const requestId = /quote request ([0-9a-f-]{36})/.exec(body)?.[1];
    expect(requestId).toBeDefined();
    expectNothingOfTheError(body);
    await expect.poll(() => logLinesOf(requestId!).length).toBe(1);
    expect(logLinesOf(requestId!)[0]).toMatchObject({ path: '/people', msg: 'unexpected error' });
  });
});
