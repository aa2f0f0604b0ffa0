import { Minimatch } from 'minimatch';

/**
 * Directories never read: dependencies and VCS data (checklist section 4).
 *
 * @public
 */
export const IGNORED_DIRECTORIES: ReadonlyArray<string> = [
  'node_modules',
  'vendor',
  'third_party',
  '.git',
];

/**
 * Normalises a path inside a tree to `a/b/c`: backslashes become slashes,
 * `.` segments and leading slashes go, `..` is resolved. Returns undefined
 * for a path that leaves the tree or is empty.
 *
 * @public
 */
export function normalizeTreePath(raw: string): string | undefined {
  if (/^[a-zA-Z]:[\\/]/.test(raw)) return undefined;
  const out: string[] = [];
  for (const segment of raw.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else {
      out.push(segment);
    }
  }
  return out.length ? out.join('/') : undefined;
}

/**
 * True when a normalised path lies in an ignored directory.
 *
 * @public
 */
export function isIgnoredPath(path: string): boolean {
  const segments = path.toLowerCase().split('/');
  segments.pop();
  return segments.some(s => IGNORED_DIRECTORIES.includes(s));
}

/** The directory of a normalised path, `''` at the top. */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** The last segment of a path. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Joins a directory (`''` for the top) and a relative path. */
export function joinPath(dir: string, path: string): string | undefined {
  return normalizeTreePath(dir ? `${dir}/${path}` : path);
}

/** Matches paths against globs: case-insensitive, dot files included. */
export type PathMatcher = (path: string) => boolean;

/**
 * A matcher for any of the globs (checklist section 4 semantics). Each glob
 * is compiled once to minimatch's regular expression, which matches a
 * normalised path as `match` does at a fraction of its cost (every file of
 * every tree is matched against about a hundred globs).
 */
export function globs(...patterns: string[]): PathMatcher {
  const matchers = patterns.map(p => {
    const glob = new Minimatch(p, { nocase: true, dot: true });
    const re = glob.makeRe();
    return re
      ? (path: string) => re.test(path)
      : (path: string) => glob.match(path);
  });
  return path => matchers.some(m => m(path));
}
