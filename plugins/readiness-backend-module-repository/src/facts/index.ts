/**
 * The pure part of the repository module: turns a list of files into the
 * `repository` facts. No Node-only imports, so scaffolder actions, CLIs and
 * the stateless `POST /api/readiness/evaluate` path can use it.
 *
 * @packageDocumentation
 */
export {
  buildRepositoryFacts,
  collectRootFacts,
  collectTreeFacts,
  combineRepositoryFacts,
  isRootEvidencePath,
  type RepositoryTreeInput,
} from './buildFacts';
export { IGNORED_DIRECTORIES, isIgnoredPath, normalizeTreePath } from './paths';
export * from './types';
