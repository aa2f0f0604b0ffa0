import { constants, Dirent } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { parseAllDocuments } from 'yaml';
import { EvaluationContent } from '../extensions';

/**
 * A file or directory that a workspace read left out, and why.
 *
 * @public
 */
export interface SkippedPath {
  path: string;
  reason: 'symlink' | 'too-large' | 'binary' | 'file-limit';
}

/**
 * Limits of a workspace read; the defaults match what
 * `POST /api/readiness/evaluate` accepts.
 *
 * @public
 */
export interface WorkspaceReadLimits {
  /** Default 20000 files. */
  maxFiles?: number;
  /** Files larger than this are skipped; default 1 MiB. */
  maxFileBytes?: number;
}

/** Directories never read: they hold no evidence and can be huge. */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

const toPosix = (path: string) => path.split(sep).join('/');

/**
 * Resolves `path` (relative, `/`-separated) inside `root` without following
 * symbolic links: the path may not leave the root with `..` or be absolute,
 * and no part of it may be a symbolic link.
 *
 * @public
 * @throws InputError naming the path when it leaves the root or crosses a
 * symbolic link; NotFoundError when it does not exist.
 */
export async function resolveInsideWorkspace(
  root: string,
  path: string,
  field = 'path',
): Promise<string> {
  const base = resolve(root);
  const target = resolve(base, path);
  const rel = relative(base, target);
  if (isAbsolute(path) || rel === '..' || rel.startsWith(`..${sep}`)) {
    throw new InputError(
      `${field}: "${path}" is outside the workspace; give a path relative to it`,
    );
  }
  let current = base;
  for (const part of rel ? rel.split(sep) : []) {
    current = join(current, part);
    const stats = await lstat(current).catch(() => undefined);
    if (!stats) {
      throw new NotFoundError(`${field}: "${path}" does not exist`);
    }
    if (stats.isSymbolicLink()) {
      throw new InputError(
        `${field}: "${path}" crosses the symbolic link ${toPosix(
          relative(base, current),
        )}, which is not followed`,
      );
    }
  }
  return target;
}

/**
 * Reads a regular file without following a symbolic link, even one that
 * replaced the file after it was listed (`O_NOFOLLOW`).
 *
 * @public
 * @throws the `ELOOP` error of the open call when the path is a link.
 */
export async function readFileNoFollow(path: string): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * Reads the text files of a directory tree, paths relative to it. Symbolic
 * links are never followed (they are listed as skipped), nor are `.git` and
 * `node_modules`; binary and oversized files are skipped.
 *
 * @public
 */
export async function readTreeFiles(
  dir: string,
  limits: WorkspaceReadLimits = {},
): Promise<{
  files: Array<{ path: string; content: string }>;
  skipped: SkippedPath[];
}> {
  const maxFiles = limits.maxFiles ?? 20000;
  const maxFileBytes = limits.maxFileBytes ?? 1024 * 1024;
  const files: Array<{ path: string; content: string }> = [];
  const skipped: SkippedPath[] = [];
  const walk = async (current: string): Promise<void> => {
    const entries: Dirent[] = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const absolute = join(current, entry.name);
      const path = toPosix(relative(dir, absolute));
      if (entry.isSymbolicLink()) {
        skipped.push({ path, reason: 'symlink' });
      } else if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(absolute);
      } else if (entry.isFile()) {
        if (files.length >= maxFiles) {
          skipped.push({ path, reason: 'file-limit' });
          continue;
        }
        const { size } = await lstat(absolute);
        if (size > maxFileBytes) {
          skipped.push({ path, reason: 'too-large' });
          continue;
        }
        const buffer = await readFileNoFollow(absolute).catch(error => {
          if (error.code === 'ELOOP') return undefined;
          throw error;
        });
        if (!buffer) {
          skipped.push({ path, reason: 'symlink' });
          continue;
        }
        if (buffer.subarray(0, 8000).includes(0)) {
          skipped.push({ path, reason: 'binary' });
          continue;
        }
        files.push({ path, content: buffer.toString('utf8') });
      }
    }
  };
  await walk(resolve(dir));
  return { files, skipped };
}

const isObject = (value: unknown): value is Record<string, any> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every YAML document of a text; a syntax error names the file. */
function yamlDocuments(text: string, file: string): unknown[] {
  const values: unknown[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      throw new InputError(`${file}: ${doc.errors[0].message}`);
    }
    const value = doc.toJS();
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}

/**
 * The Kubernetes objects of the YAML and JSON files in a directory tree
 * (multi-document files; `List` kinds are unpacked). Documents without
 * `apiVersion` and `kind`, such as Helm values, are left out.
 *
 * @public
 */
export function manifestsFromFiles(
  files: ReadonlyArray<{ path: string; content: string }>,
): unknown[] {
  const objects: unknown[] = [];
  for (const file of files) {
    if (!/\.(ya?ml|json)$/i.test(file.path)) continue;
    for (const value of yamlDocuments(file.content, file.path)) {
      const items =
        isObject(value) &&
        Array.isArray(value.items) &&
        /List$/.test(value.kind)
          ? value.items
          : [value];
      objects.push(
        ...items.filter(
          (item: unknown) =>
            isObject(item) &&
            typeof item.apiVersion === 'string' &&
            typeof item.kind === 'string',
        ),
      );
    }
  }
  return objects;
}

/**
 * The catalog entity of a descriptor file: the entity named `name`, or else
 * its only `Component` (or its only entity).
 *
 * @public
 * @throws InputError naming the file when it holds no such entity or
 * several candidates.
 */
export function entityFromDescriptor(
  text: string,
  file: string,
  name?: string,
): Entity {
  const entities = yamlDocuments(text, file).filter(
    (doc): doc is Entity =>
      isObject(doc) &&
      typeof doc.apiVersion === 'string' &&
      typeof doc.kind === 'string' &&
      isObject(doc.metadata) &&
      typeof doc.metadata.name === 'string',
  );
  const names = entities.map(e => `${e.kind}:${e.metadata.name}`).join(', ');
  let candidates = name
    ? entities.filter(e => e.metadata.name === name)
    : entities.filter(e => e.kind === 'Component');
  if (!name && candidates.length === 0) candidates = entities;
  if (candidates.length > 1) {
    candidates = candidates.filter(e => e.kind === 'Component');
  }
  if (candidates.length !== 1) {
    throw new InputError(
      `${file}: ${
        candidates.length
          ? `holds several candidate entities (${names}); name one`
          : `holds no entity${name ? ` named "${name}"` : ''}${
              names ? ` (found ${names})` : ''
            }`
      }`,
    );
  }
  return candidates[0];
}

/**
 * Where the content of a directory evaluation is read from. Relative paths of
 * `manifests` and `entity` are resolved inside `repo` without following
 * symbolic links when `confine` is set (the scaffolder workspace); otherwise
 * against the working directory (the CLI).
 *
 * @public
 */
export interface DirectoryContentOptions {
  /** The repository tree: every file becomes repository evidence. */
  repo: string;
  /** Directory of rendered Kubernetes manifests; no manifests when absent. */
  manifests?: string;
  /** The catalog descriptor; default `catalog-info.yaml` in `repo`. */
  entity?: string;
  /** Picks the entity by `metadata.name` when the descriptor holds several. */
  entityName?: string;
  /** Resolve `manifests` and `entity` inside `repo` only. */
  confine?: boolean;
  limits?: WorkspaceReadLimits;
}

/**
 * Reads what a stateless evaluation needs from directories: the entity, the
 * Kubernetes objects and the repository files.
 *
 * @public
 */
export async function readDirectoryContent(
  options: DirectoryContentOptions,
): Promise<{ content: EvaluationContent; skipped: SkippedPath[] }> {
  const locate = async (path: string, field: string) =>
    options.confine
      ? resolveInsideWorkspace(options.repo, path, field)
      : resolve(path);
  const entityPath = options.entity
    ? await locate(options.entity, 'entity')
    : await resolveInsideWorkspace(options.repo, 'catalog-info.yaml', 'entity');
  const entityStats = await lstat(entityPath).catch(() => undefined);
  if (!entityStats?.isFile()) {
    throw new NotFoundError(
      `entity: ${entityPath} is not a file; the catalog descriptor is needed`,
    );
  }
  const entity = entityFromDescriptor(
    (await readFileNoFollow(entityPath)).toString('utf8'),
    options.entity ?? 'catalog-info.yaml',
    options.entityName,
  );
  const repo = await readTreeFiles(options.repo, options.limits);
  let manifests: unknown[] | undefined;
  const skipped = [...repo.skipped];
  if (options.manifests) {
    const dir = await locate(options.manifests, 'manifests');
    const stats = await lstat(dir).catch(() => undefined);
    if (!stats?.isDirectory()) {
      throw new NotFoundError(`manifests: ${dir} is not a directory`);
    }
    const tree = await readTreeFiles(dir, options.limits);
    manifests = manifestsFromFiles(tree.files);
    if (!options.confine) skipped.push(...tree.skipped);
  }
  return { content: { entity, manifests, files: repo.files }, skipped };
}
