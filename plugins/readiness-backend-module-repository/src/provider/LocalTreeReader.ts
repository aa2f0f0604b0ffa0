import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  Dirent,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { IGNORED_DIRECTORIES, RepositoryFile } from '../facts';
import { TreeBudget } from './TreeBudget';
import { TreeReadOptions, TreeReadResult } from './TreeRead';

/**
 * Files changed this recently (by modification or status change time, in
 * milliseconds) count by their content in the ETag, not only by their
 * metadata; see {@link LocalTreeReader}.
 */
export const SETTLING_MS = 2000;

/** Directory entries or file bytes handled between two yields to the event loop. */
const ENTRIES_PER_SLICE = 512;
const BYTES_PER_SLICE = 4 * 1024 * 1024;

/** A local tree and the repository it belongs to. */
export interface LocalLocation {
  dir: string;
  /** The nearest directory with `.git` inside the allowed root, else `dir`. */
  rootDir: string;
  /** `dir` relative to `rootDir`, `/`-separated; `''` when they are the same. */
  subpath: string;
}

/**
 * True when `child` is `parent` or lies inside it. Both are real paths
 * already, so no link needs resolving (Backstage's `isChildPath` resolves
 * both again).
 */
function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return (
    rel === '' ||
    (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
  );
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
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return undefined;
    throw error;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads `file:` trees, only inside `readiness.repository.allowedLocalRoots`.
 * Symbolic links are never followed, so nothing outside the tree is read.
 *
 * The ETag comes from a walk that lists directories and stats files without
 * reading them: every path with its size, modification and status change
 * times and inode. An edit changes the modification time (or, when the time
 * is set back, the status change time, which cannot be set), and a file
 * replaced by a rename changes its inode, so an unchanged tree is listed but
 * neither read nor parsed again. File times have a granularity (the kernel's
 * coarse clock, a few milliseconds; seconds on some file systems), so two
 * writes of the same size close together can leave all of them unchanged:
 * a file changed within the last {@link SETTLING_MS} therefore counts by a
 * hash of its content as well, which costs reading only the files being
 * written right now.
 *
 * Local trees are on local disk: the walk uses synchronous calls, each a few
 * microseconds where a promise round trip through the thread pool costs tens,
 * and yields to the event loop every few hundred entries or megabytes so
 * that a large tree does not hold it.
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
      real = realpathSync.native(dir);
    } catch {
      throw new NotFoundError(`The local tree ${dir} does not exist`);
    }
    const roots = this.allowedRoots.map(r => {
      try {
        return realpathSync.native(r);
      } catch {
        return undefined;
      }
    });
    const root = roots.find(r => r !== undefined && isInside(r, real));
    if (!root) {
      throw new NotAllowedError(
        `Reading the local tree ${dir} is not allowed: it is outside readiness.repository.allowedLocalRoots (${this.allowedRoots.join(
          ', ',
        )})`,
      );
    }
    if (!statSync(real).isDirectory()) {
      throw new NotFoundError(`The local location ${dir} is not a directory`);
    }
    let rootDir = real;
    for (
      let candidate = real;
      isInside(root, candidate);
      candidate = dirname(candidate)
    ) {
      if (lstatSync(join(candidate, '.git'), { throwIfNoEntry: false })) {
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
    /** Contents read during the walk: files still settling. */
    const settling = new Map<string, Buffer | undefined>();
    const listing = createHash('sha256');
    const settledBefore = Date.now() - SETTLING_MS;
    let work = 0;
    /** True when this much more work calls for a yield to the event loop. */
    const due = (amount: number): boolean => {
      work += amount;
      if (work < ENTRIES_PER_SLICE) return false;
      work = 0;
      return true;
    };
    const pause = async () => {
      await yieldToEventLoop();
      options.signal?.throwIfAborted();
    };

    /** Walks `current`, whose path in the tree is `prefix` (`''` at the top). */
    const walk = async (current: string, prefix: string): Promise<void> => {
      options.signal?.throwIfAborted();
      const entries: Dirent[] = readdirSync(current, { withFileTypes: true });
      entries.sort((a, b) => (a.name < b.name ? -1 : 1));
      for (const entry of entries) {
        if (due(1)) await pause();
        const absolute = join(current, entry.name);
        const path = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isSymbolicLink()) {
          budget.skipped.push({ path, reason: 'symlink' });
        } else if (entry.isDirectory()) {
          if (!IGNORED_DIRECTORIES.includes(entry.name.toLowerCase()))
            await walk(absolute, path);
        } else if (entry.isFile()) {
          const stats = lstatSync(absolute, { throwIfNoEntry: false });
          // Removed since it was listed.
          if (!stats) continue;
          const { size, mtimeMs, ctimeMs, ino } = stats;
          listing.update(`${path}\0${size}\0${mtimeMs}\0${ctimeMs}\0${ino}\n`);
          if (!budget.admit(path, size)) continue;
          admitted.push({ path, size });
          if (Math.max(mtimeMs, ctimeMs) >= settledBefore) {
            const content = await readRegularFile(absolute);
            settling.set(path, content);
            listing.update(
              content
                ? createHash('sha256').update(content).digest()
                : 'not a regular file',
            );
            if (due(Math.floor((size * ENTRIES_PER_SLICE) / BYTES_PER_SLICE)))
              await pause();
          }
        }
      }
    };
    await walk(dir, '');
    const etag = `local-${listing.digest('hex')}`;
    if (options.etag === etag) return { notModified: true };

    const files: RepositoryFile[] = [];
    if (!budget.exceeded) {
      for (const { path, size } of admitted) {
        options.signal?.throwIfAborted();
        const content = settling.has(path)
          ? settling.get(path)
          : await readRegularFile(join(dir, path));
        if (!content) {
          // Replaced by a link (or something else) after it was listed.
          budget.skipped.push({ path, reason: 'symlink' });
          continue;
        }
        const file = budget.toFile(path, content);
        if (file) files.push(file);
        if (due(1 + Math.floor((size * ENTRIES_PER_SLICE) / BYTES_PER_SLICE)))
          await pause();
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
