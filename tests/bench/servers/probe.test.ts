// The probe inside every server under test: one reply per request, profiles written where asked,
// and a failure reported in the reply rather than ending the server.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const PROBE = fileURLToPath(new URL('./probe.ts', import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => child?.kill());

/** A process that does nothing but stay up, with the probe loaded as in the benchmark. */
function probed() {
  child = spawn(process.execPath, ['--import', PROBE, '-e', 'setInterval(() => {}, 1000)'], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const replies: { id: number; probe: string; error?: string }[] = [];
  child.on('message', (message: { id: number; probe: string; error?: string }) =>
    replies.push(message),
  );
  let next = 1;
  const ask = async (probe: string, extra: object = {}) => {
    const id = next++;
    child!.send({ probe, id, ...extra });
    for (let waited = 0; waited < 10_000; waited += 10) {
      const reply = replies.find((r) => r.id === id);
      if (reply) return reply;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no reply to ${probe}`);
  };
  return { ask, replies };
}

describe('the probe', () => {
  it('writes a CPU profile of the window between start and stop', async () => {
    const { ask, replies } = probed();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'probe-')), 'work.cpuprofile');
    expect((await ask('profile-start')).error).toBeUndefined();
    expect((await ask('profile-stop', { path: file })).error).toBeUndefined();
    const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: unknown[] };
    expect(profile.nodes.length).toBeGreaterThan(0);
    expect(replies.map((r) => r.probe)).toEqual(['profile-start', 'profile-stop']);
  });

  it('reports a profile it cannot write, and goes on answering', async () => {
    const { ask } = probed();
    const file = path.join(os.tmpdir(), 'no-such-folder-for-probe', 'x.cpuprofile');
    await ask('profile-start');
    const stop = await ask('profile-stop', { path: file });
    expect(stop.error).toMatch(/ENOENT/);
    expect(existsSync(file)).toBe(false);
    expect((await ask('stats')).error).toBeUndefined();
    expect(child!.exitCode).toBeNull();
  });
});
