import { createHash } from 'node:crypto';
import { Dirent } from 'node:fs';
import { constants } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { isChildPath } from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { IGNORED_DIRECTORIES, RepositoryFile } from '../facts';
import { TreeBudget } from './TreeBudget';
import { TreeReadOptions, TreeReadResult } from './TreeRead';

/** A local tree and the repository it belongs to. */
export interface LocalLocation {
  dir: string;
  /** The nearest directory with `.git` inside the allowed root, else `dir`. */
  rootDir: string;
  /** `dir` relative to `rootDir`, `/`-separated; `''` when they are the same. */
  subpath: string;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/**
 * The content of a regular file, opened without following a symbolic link:
 * undefined when the path is (or has become, since it was listed) a link or
 * anything but a regular file.
 */
export async function readRegularFile(
  path: string,
): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return undefined;
    throw error;
  }
  try {
    if (!(await handle.stat()).isFile()) return undefined;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * Reads `file:` trees, only inside `readiness.repository.allowedLocalRoots`.
 * Symbolic links are never followed, so nothing outside the tree is read.
 * The ETag is a hash of every path, size and modification time, so an
 * unchanged tree is listed but not read again.
 */
export class LocalTreeReader {
  constructor(private readonly allowedRoots: string[]) {}

  /** Checks that `dir` lies in an allowed root and finds its repository root. */
  async locate(dir: string): Promise<LocalLocation> {
    if (!this.allowedRoots.length) {
      throw new NotAllowedError(
        `Reading the local tree ${dir} is not allowed: no directory is listed in readiness.repository.allowedLocalRoots`,
      );
    }
    let real: string;
    try {
      real = await realpath(dir);
    } catch {
      throw new NotFoundError(`The local tree ${dir} does not exist`);
    }
    const roots = await Promise.all(
      this.allowedRoots.map(r => realpath(r).catch(() => undefined)),
    );
    const root = roots.find(r => r !== undefined && isChildPath(r, real));
    if (!root) {
      throw new NotAllowedError(
        `Reading the local tree ${dir} is not allowed: it is outside readiness.repository.allowedLocalRoots (${this.allowedRoots.join(
          ', ',
        )})`,
      );
    }
    if (!(await stat(real)).isDirectory()) {
      throw new NotFoundError(`The local location ${dir} is not a directory`);
    }
    let rootDir = real;
    for (
      let candidate = real;
      isChildPath(root, candidate);
      candidate = dirname(candidate)
    ) {
      if (
        await lstat(join(candidate, '.git')).then(
          () => true,
          () => false,
        )
      ) {
        rootDir = candidate;
        break;
      }
      if (candidate === root) break;
    }
    return { dir: real, rootDir, subpath: toPosix(relative(rootDir, real)) };
  }

  async read(dir: string, options: TreeReadOptions): Promise<TreeReadResult> {
    const budget = new TreeBudget(options.limits, options.select);
    const admitted: Array<{ path: string; size: number }> = [];
    const listing = createHash('sha256');

    const walk = async (current: string): Promise<void> => {
      options.signal?.throwIfAborted();
      const entries: Dirent[] = await readdir(current, { withFileTypes: true });
      entries.sort((a, b) => (a.name < b.name ? -1 : 1));
      for (const entry of entries) {
        const absolute = join(current, entry.name);
        const path = toPosix(relative(dir, absolute));
        if (entry.isSymbolicLink()) {
          budget.skipped.push({ path, reason: 'symlink' });
        } else if (entry.isDirectory()) {
          if (!IGNORED_DIRECTORIES.includes(entry.name.toLowerCase()))
            await walk(absolute);
        } else if (entry.isFile()) {
          const { size, mtimeMs } = await lstat(absolute);
          listing.update(`${path}\0${size}\0${mtimeMs}\n`);
          if (budget.admit(path, size)) admitted.push({ path, size });
        }
      }
    };
    await walk(dir);
    const etag = `local-${listing.digest('hex')}`;
    if (options.etag === etag) return { notModified: true };

    const files: RepositoryFile[] = [];
    if (!budget.exceeded) {
      for (const { path } of admitted) {
        options.signal?.throwIfAborted();
        const content = await readRegularFile(join(dir, path));
        if (!content) {
          // Replaced by a link (or something else) after it was listed.
          budget.skipped.push({ path, reason: 'symlink' });
          continue;
        }
        const file = budget.toFile(path, content);
        if (file) files.push(file);
      }
    }
    return {
      notModified: false,
      etag,
      files: [...files, ...budget.large],
      skipped: budget.skipped,
      exceeded: budget.exceeded,
    };
  }
}
