// Where an embedded cluster's files really live. Normally in the folder asked for. Started as
// root, PostgreSQL runs as the postgres user, who may not be able to reach that folder (a clone
// under /root, mode 0700); the files then live in the root state folder and the folder asked for
// becomes a symbolic link to them, so `ls -l` shows where they are and deleting the link starts
// afresh, as deleting the folder does.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  chmod,
  chown,
  lstat,
  mkdir,
  readdir,
  readlink,
  rm,
  rmdir,
  symlink,
} from 'node:fs/promises';
import path from 'node:path';
import { canReach, type PostgresUser } from './postgres-user.ts';
import { rootStateDir } from './root-state-dir.ts';

export interface PlacedDataDir {
  /** The cluster's real folder (no symbolic link on the way out of the root state folder). */
  real: string;
  /** True when the folder asked for is a link to `real` in the root state folder. */
  relocated: boolean;
}

export async function placeDataDir(
  dataDir: string,
  user: PostgresUser | undefined,
  log: (message: string) => void,
): Promise<PlacedDataDir> {
  const asked = path.resolve(dataDir);
  await mkdir(path.dirname(asked), { recursive: true });
  const existing = await lstat(asked).catch(() => undefined);
  if (existing?.isSymbolicLink()) {
    return { real: path.resolve(path.dirname(asked), await readlink(asked)), relocated: true };
  }
  if (!user) return { real: asked, relocated: false };
  if (canReach(user, path.dirname(asked))) {
    await mkdir(asked, { recursive: true });
    if (!existsSync(path.join(asked, 'PG_VERSION'))) await chown(asked, user.uid, user.gid);
    return { real: asked, relocated: false };
  }

  if (existing) {
    // An empty folder is what a start that failed here before (no relocation then) left behind.
    if ((await readdir(asked)).length > 0) {
      throw new Error(
        `The postgres user cannot reach ${asked}, and the folder is not empty. Move it where that ` +
          'user can enter every folder on the way, and point THREADLINE_DATA_DIR at it.',
      );
    }
    await rmdir(asked);
  }
  const clusters = path.join(await rootStateDir(user), 'clusters');
  await mkdir(clusters, { recursive: true });
  await chmod(clusters, 0o755);
  const hash = createHash('sha256').update(asked).digest('hex').slice(0, 12);
  const real = path.join(clusters, `${path.basename(asked)}-${hash}`);
  if (existsSync(real)) {
    // Its link was deleted: that is how a cluster is thrown away (README), so start afresh.
    log(`Removing ${real}, the cluster ${asked} linked to before it was deleted.`);
    await rm(real, { recursive: true, force: true });
  }
  await mkdir(real);
  await chown(real, user.uid, user.gid);
  await chmod(real, 0o700);
  await symlink(real, asked);
  return { real, relocated: true };
}
