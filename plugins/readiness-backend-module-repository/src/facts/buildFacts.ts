import { collectCi, isCiDefinition, isCiSupportFile } from './ci';
import { collectCodeowners, CODEOWNERS_PATHS } from './codeowners';
import { collectCoverageGates } from './coverage';
import { collectDependencies } from './dependencies';
import { collectDependencyUpdates } from './dependencyUpdates';
import { parseDockerfile } from './dockerfile';
import { migrationRunnerEvidence, smokeTestEvidence } from './evidence';
import { collectGroups, GROUP_RULES, TreeFile } from './groups';
import {
  collectApiSpecs,
  collectKubernetes,
  collectSlos,
  manifestMigrationRunners,
} from './kubernetes';
import { isIgnoredPath, normalizeTreePath } from './paths';
import { collectTechDocs } from './techdocs';
import {
  RepositoryFacts,
  RepositoryFile,
  RepositoryLocationFacts,
  RootFacts,
  SkippedFile,
  TreeFacts,
} from './types';
import { readYamlDocuments } from './yamlDocuments';

/** Default for `maxListedPaths`: trees with more files get no `tree.paths`. */
export const DEFAULT_MAX_LISTED_PATHS = 5000;

/**
 * Normalises paths, drops ignored directories and paths that leave the tree,
 * and sorts by path so that facts do not depend on the reader's order.
 */
function prepare(files: RepositoryFile[]): {
  files: TreeFile[];
  skipped: SkippedFile[];
} {
  const byPath = new Map<string, TreeFile>();
  const skipped: SkippedFile[] = [];
  for (const file of files) {
    const path = normalizeTreePath(file.path);
    if (!path) {
      skipped.push({
        path: file.path,
        size: file.size,
        reason: 'outside-tree',
      });
      continue;
    }
    if (isIgnoredPath(path)) continue;
    byPath.set(path, {
      path,
      size: file.size ?? file.content?.length ?? 0,
      content: file.content,
    });
  }
  return {
    files: [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : 1)),
    skipped,
  };
}

/**
 * True for files the repository root contributes when the source location
 * is a subdirectory: CI definitions and what they include, CODEOWNERS, and
 * Renovate and Dependabot configs.
 *
 * @public
 */
export function isRootEvidencePath(path: string): boolean {
  return (
    isCiDefinition(path) ||
    isCiSupportFile(path) ||
    CODEOWNERS_PATHS.includes(path) ||
    GROUP_RULES.renovateConfigs.paths(path) ||
    GROUP_RULES.dependabotConfigs.paths(path)
  );
}

/**
 * Facts from the tree at the source location (everything but CI and
 * CODEOWNERS). Paths are relative to the location.
 *
 * @public
 */
export function collectTreeFacts(
  input: RepositoryFile[],
  options: { skipped?: SkippedFile[]; maxListedPaths?: number } = {},
): TreeFacts {
  const { files, skipped } = prepare(input);
  const documents = readYamlDocuments(files);
  const dockerfiles = files
    .filter(
      f => GROUP_RULES.dockerfiles.paths(f.path) && f.content !== undefined,
    )
    .map(f => parseDockerfile(f.path, f.content!));
  const kubernetes = collectKubernetes(documents);
  const apiSpecs = collectApiSpecs(
    documents,
    files
      .filter(f => /\.json$/i.test(f.path) && f.content !== undefined)
      .map(f => ({ path: f.path, content: f.content! })),
    files.filter(f => GROUP_RULES.apiSpecs.paths(f.path)).map(f => f.path),
  );
  const groups = collectGroups(files, {
    apiSpecs: apiSpecs.map(s => s.path),
  });
  const maxListedPaths = options.maxListedPaths ?? DEFAULT_MAX_LISTED_PATHS;
  return {
    tree: {
      fileCount: files.length,
      totalBytes: files.reduce((n, f) => n + f.size, 0),
      skipped: [...(options.skipped ?? []), ...skipped],
      ...(files.length <= maxListedPaths
        ? { paths: files.map(f => f.path) }
        : {}),
    },
    files: groups,
    readme:
      groups.readme.sort(
        (a, b) => readmeRank(a.path) - readmeRank(b.path),
      )[0] ?? null,
    dockerfiles,
    baseImages: dockerfiles.flatMap(d => d.baseImages),
    dependencies: collectDependencies(files, dockerfiles.length > 0),
    coverageGates: collectCoverageGates(files),
    kubernetes,
    slos: collectSlos(documents),
    apiSpecs,
    techdocs: collectTechDocs(files),
    migrationRunners: manifestMigrationRunners(documents, kubernetes),
    updateConfigs: files
      .filter(
        f =>
          GROUP_RULES.renovateConfigs.paths(f.path) ||
          GROUP_RULES.dependabotConfigs.paths(f.path),
      )
      .map(f => ({ path: f.path, content: f.content, size: f.size })),
  };
}

function readmeRank(path: string): number {
  const order = ['readme.md', 'readme.rst', 'readme.adoc', 'readme'];
  const index = order.indexOf(path.toLowerCase());
  return index < 0 ? order.length : index;
}

/**
 * Facts from the repository root: CI definitions and CODEOWNERS.
 * `subpath` is the source location inside the repository (`''` at the root).
 *
 * @public
 */
export function collectRootFacts(
  input: RepositoryFile[],
  options: { subpath: string | null; ref: string | null },
): RootFacts {
  const { files } = prepare(input);
  const { ci, coverageGates } = collectCi(files, options.ref);
  return {
    ci,
    codeowners: collectCodeowners(files, options.subpath),
    updateConfigs: files
      .filter(
        f =>
          GROUP_RULES.renovateConfigs.paths(f.path) ||
          GROUP_RULES.dependabotConfigs.paths(f.path),
      )
      .map(f => ({ path: f.path, content: f.content, size: f.size })),
    coverageGates,
  };
}

/**
 * Joins the facts of the tree and of the repository root (or the reason the
 * root could not be read) into the `repository` facts.
 *
 * @public
 */
export function combineRepositoryFacts(
  tree: TreeFacts,
  root: RootFacts | { error: string },
  location: RepositoryLocationFacts,
): RepositoryFacts {
  const { updateConfigs, migrationRunners, ...treeFacts } = tree;
  if ('error' in root) {
    const smokeTests = smokeTestEvidence(tree.kubernetes, undefined);
    return {
      ...treeFacts,
      location,
      rootError: root.error,
      ...(updateConfigs.length
        ? {
            dependencyUpdates: collectDependencyUpdates(
              updateConfigs,
              tree.dependencies.ecosystems,
            ),
          }
        : {}),
      ...(smokeTests.some(s => s.wired) ? { smokeTests } : {}),
      ...(migrationRunners.length ? { migrationRunners } : {}),
    };
  }
  return {
    ...treeFacts,
    location,
    coverageGates: [...tree.coverageGates, ...root.coverageGates],
    ci: root.ci,
    codeowners: root.codeowners,
    dependencyUpdates: collectDependencyUpdates(
      [...updateConfigs, ...root.updateConfigs],
      tree.dependencies.ecosystems,
    ),
    smokeTests: smokeTestEvidence(tree.kubernetes, root.ci),
    migrationRunners: migrationRunnerEvidence(migrationRunners, root.ci),
  };
}

/**
 * Everything {@link buildRepositoryFacts} needs.
 *
 * @public
 */
export interface RepositoryTreeInput {
  /** The files of the tree at the source location (paths relative to it). */
  files: RepositoryFile[];
  /**
   * When the source location is a subdirectory: the repository root's files
   * (at least CI definitions and CODEOWNERS), or why they could not be read.
   * Omit it when the location is the repository root.
   */
  root?: { files: RepositoryFile[] } | { error: string };
  /** Where the tree comes from; `ref` checks CI branch filters. */
  location?: Partial<RepositoryLocationFacts>;
  /** Files the reader left out (too large, symlinks, ...), reported in `tree.skipped`. */
  skipped?: SkippedFile[];
  /** Trees with more files than this get no `tree.paths` (default 5000). */
  maxListedPaths?: number;
}

/**
 * Turns a list of files into the `repository` facts, exactly as the
 * repository fact provider does for a tree it reads. Pure: no I/O, usable
 * for stateless evaluation (`POST /api/readiness/evaluate`) and scaffolder
 * actions.
 *
 * @public
 */
export function buildRepositoryFacts(
  input: RepositoryTreeInput,
): RepositoryFacts {
  const location: RepositoryLocationFacts = {
    ref: input.location?.ref ?? null,
    subpath: input.location?.subpath ?? (input.root ? null : ''),
    ...input.location,
  };
  const tree = collectTreeFacts(input.files, {
    skipped: input.skipped,
    maxListedPaths: input.maxListedPaths,
  });
  let root: RootFacts | { error: string };
  if (!input.root) {
    root = collectRootFacts(input.files, { subpath: '', ref: location.ref });
  } else if ('error' in input.root) {
    root = { error: input.root.error };
  } else {
    root = collectRootFacts(input.root.files, {
      subpath: location.subpath,
      ref: location.ref,
    });
  }
  return combineRepositoryFacts(tree, root, location);
}
