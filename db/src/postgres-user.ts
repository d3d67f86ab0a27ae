// PostgreSQL refuses to run as root. Started as root, the embedded engine runs initdb and postgres
// as the `postgres` system user (created when missing), and that user can only use the files it
// may reach: not those under a home folder of mode 0700 such as /root.
import { execFileSync, spawnSync } from 'node:child_process';

export interface PostgresUser {
  uid: number;
  gid: number;
}

/** The user PostgreSQL must run as, or undefined when it runs as we do (we are not root). */
export function postgresUserIfRoot(): PostgresUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const existing = lookUpPostgresUser();
  if (existing) return existing;
  createPostgresUser();
  const created = lookUpPostgresUser();
  if (!created) throw new Error('Could not create the postgres system user to run PostgreSQL as.');
  return created;
}

function lookUpPostgresUser(): PostgresUser | undefined {
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

function createPostgresUser(): void {
  // The group may exist without the user (status 9: it already exists).
  const group = spawnSync('groupadd', ['--system', 'postgres'], { stdio: 'pipe' });
  if (group.status !== 0 && group.status !== 9) {
    throw new Error(`groupadd postgres failed: ${group.stderr.toString().trim()}`);
  }
  execFileSync(
    'useradd',
    [
      '--system',
      '--gid',
      'postgres',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ],
    { stdio: 'pipe' },
  );
}

/**
 * Whether `user` can reach `target`: search every folder on the way and search or execute the
 * target itself. Asked of the system as that user, so ACLs and mount options count too.
 */
export function canReach(user: PostgresUser, target: string): boolean {
  const check = spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', target], {
    uid: user.uid,
    gid: user.gid,
    cwd: '/',
    stdio: 'ignore',
  });
  return check.status === 0;
}
