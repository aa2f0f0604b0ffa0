/**
 * The repository fact provider for the Readiness backend, and the pure
 * function that turns a list of files into the same `repository` facts.
 *
 * @packageDocumentation
 */

export { readinessModuleRepository as default } from './module';
export { RepositoryFactProvider } from './provider/RepositoryFactProvider';
export { repositoryContentFacts } from './contentFacts';
export {
  buildRepositoryFacts,
  collectRootFacts,
  collectTreeFacts,
  combineRepositoryFacts,
  isRootEvidencePath,
} from './facts';
export {
  CI_CATEGORIES,
  type ApiSpec,
  type BaseImage,
  type CiCategory,
  type CiDefinition,
  type CiFacts,
  type CiMatch,
  type CodeownersFacts,
  type CoverageGate,
  type DependencyFacts,
  type DependencyManifest,
  type DependencyUpdateFacts,
  type DockerfileFacts,
  type FileEntry,
  type KubernetesManifestFacts,
  type ManifestDocument,
  type MigrationRunner,
  type RepositoryFacts,
  type RepositoryFile,
  type RepositoryFileGroups,
  type RepositoryLocationFacts,
  type RepositoryTreeInput,
  type RootFacts,
  type SdkDependency,
  type SkippedFile,
  type SloDefinition,
  type SmokeTestEvidence,
  type TechDocsSite,
  type TreeFacts,
} from './facts';
