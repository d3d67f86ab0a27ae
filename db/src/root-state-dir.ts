// Started as root from a folder the postgres user cannot enter (a clone in /root), the embedded
// engine keeps what that user must reach here instead: a copy of the PostgreSQL binaries and the
// cluster's files. /var/lib survives reboots and is not swept by tmp cleaners; the OS temp folder
// is the fallback on a machine where /var/lib cannot be written.
import { chmod, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { canReach, type PostgresUser } from './postgres-user.ts';

const CANDIDATES = ['/var/lib/threadline', path.join(os.tmpdir(), 'threadline-root')];

/** A root-owned folder (mode 0755) the postgres user can enter, created when missing. */
export async function rootStateDir(user: PostgresUser): Promise<string> {
  for (const candidate of CANDIDATES) {
    try {
      await mkdir(candidate, { recursive: true });
      // Explicit mode: root's umask may be 077, which would shut the postgres user out.
      await chmod(candidate, 0o755);
    } catch {
      continue;
    }
    if (canReach(user, candidate)) return candidate;
  }
  throw new Error(`None of ${CANDIDATES.join(', ')} can be entered by the postgres user.`);
}
