/**
 * The shape of the `repository` facts. Checks read them with fact paths such
 * as `repository.files.runbooks` or `repository.ci.tests`; the package README
 * has the full reference.
 */

/**
 * One file of a source tree, as given to {@link buildRepositoryFacts}.
 *
 * @public
 */
export interface RepositoryFile {
  /** Path relative to the tree, with `/` separators. */
  path: string;
  /** UTF-8 text; absent when the file was too large or binary. */
  content?: string;
  /** Size in bytes; defaults to the length of `content`. */
  size?: number;
}

/**
 * A file the reader saw but left out of the facts.
 *
 * @public
 */
export interface SkippedFile {
  path: string;
  size?: number;
  reason: 'too-large' | 'binary' | 'symlink' | 'outside-tree';
}

/**
 * A file that matched one of the named groups of `repository.files`.
 *
 * @public
 */
export interface FileEntry {
  path: string;
  size: number;
  /** Markdown, reStructuredText and AsciiDoc: characters of trimmed text. */
  length?: number;
  /** Markdown, reStructuredText and AsciiDoc: number of lines. */
  lines?: number;
  /** Markdown, reStructuredText and AsciiDoc: heading texts in order. */
  headings?: string[];
  /** Changelogs: SemVer numbers found in headings, newest first as written. */
  versions?: string[];
  /** Architecture docs: `document` or `diagram`. */
  kind?: string;
}

/**
 * The named file groups of `repository.files`. Every group is present; an
 * empty list means no file matched.
 *
 * @public
 */
export interface RepositoryFileGroups {
  readme: FileEntry[];
  developmentDocs: FileEntry[];
  architectureDocs: FileEntry[];
  runbooks: FileEntry[];
  changelogs: FileEntry[];
  releaseConfigs: FileEntry[];
  testFiles: FileEntry[];
  integrationTests: FileEntry[];
  e2eTests: FileEntry[];
  lintConfigs: FileEntry[];
  loadTests: FileEntry[];
  migrations: FileEntry[];
  configDocs: FileEntry[];
  dockerfiles: FileEntry[];
  techdocsConfigs: FileEntry[];
  securityPolicies: FileEntry[];
  snykPolicies: FileEntry[];
  renovateConfigs: FileEntry[];
  dependabotConfigs: FileEntry[];
  helmCharts: FileEntry[];
  kustomizations: FileEntry[];
  apiSpecs: FileEntry[];
}

/**
 * A base image named by a Dockerfile `FROM`, after resolving `ARG` defaults.
 *
 * @public
 */
export interface BaseImage {
  /** The Dockerfile. */
  file: string;
  /** The image reference as resolved. */
  image: string;
  /** The reference as written. */
  raw: string;
  tag: string | null;
  digest: string | null;
  /** An explicit tag other than `latest`, or a digest. */
  pinned: boolean;
  /** `@sha256:` followed by 64 hex characters. */
  digestPinned: boolean;
  /** The stage name given with `AS`. */
  stage: string | null;
  /** `ARG`s without a default that the reference uses. */
  unresolvedArgs: string[];
}

/**
 * A parsed Dockerfile.
 *
 * @public
 */
export interface DockerfileFacts {
  path: string;
  /** Every `FROM`, in order; `scratch` and build-stage references included. */
  stages: Array<{
    from: string;
    name: string | null;
    kind: 'image' | 'scratch' | 'stage';
  }>;
  /** External base images only (not `scratch`, not earlier stages). */
  baseImages: BaseImage[];
  /** The last `USER` of the final stage; null when none is set. */
  finalUser: string | null;
  /** True when the final stage sets no USER, or `root` / `0`. */
  finalUserIsRoot: boolean;
  allBasesPinned: boolean;
  allBasesDigestPinned: boolean;
}

/**
 * A dependency manifest and whether its versions are pinned.
 *
 * @public
 */
export interface DependencyManifest {
  path: string;
  /** Dependabot's ecosystem name: npm, pip, gomod, cargo, bundler, composer, maven, gradle. */
  ecosystem: string;
  /** The committed lockfile that covers the manifest, if any. */
  lockfile: string | null;
  /** Lockfile present, or (pip requirements, Maven, Gradle) no unpinned or dynamic version. */
  pinned: boolean;
  /** Names whose version is unpinned or dynamic (first 20). */
  unpinned: string[];
  dependencyCount: number;
}

/**
 * A dependency on a notable SDK.
 *
 * @public
 */
export interface SdkDependency {
  ecosystem: string;
  name: string;
  file: string;
}

/**
 * Dependency manifests, lockfiles and SDKs.
 *
 * @public
 */
export interface DependencyFacts {
  manifests: DependencyManifest[];
  /** Ecosystems found in the tree, `docker` included when a Dockerfile exists. */
  ecosystems: string[];
  /** Lockfile paths per ecosystem. */
  lockfiles: Record<string, string[]>;
  /** Paths of manifests that are not pinned. */
  unpinnedManifests: string[];
  /** Every declared dependency as `<ecosystem>:<name>`, sorted. */
  names: string[];
  sdks: {
    errorTracking: SdkDependency[];
    featureFlags: SdkDependency[];
    testcontainers: SdkDependency[];
    openTelemetry: SdkDependency[];
  };
}

/**
 * Automated dependency updates.
 *
 * @public
 */
export interface DependencyUpdateFacts {
  /** `renovate`, `dependabot`, or null when neither is configured. */
  tool: string | null;
  renovate: { path: string; enabledManagers: string[] | null } | null;
  dependabot: { path: string; ecosystems: string[] } | null;
  /** Ecosystems found in the tree (see `dependencies.ecosystems`). */
  ecosystemsFound: string[];
  /** Found ecosystems the configured tool does not update. */
  uncoveredEcosystems: string[];
}

/**
 * A coverage threshold found in test or CI configuration.
 *
 * @public
 */
export interface CoverageGate {
  path: string;
  tool: string;
  /** The lowest threshold in percent, or null when it cannot be read. */
  threshold: number | null;
}

/**
 * A Kubernetes-style YAML document (`apiVersion` and `kind` at the top).
 *
 * @public
 */
export interface ManifestDocument {
  path: string;
  apiVersion: string;
  kind: string;
  name: string | null;
}

/**
 * Kubernetes manifests in the tree.
 *
 * @public
 */
export interface KubernetesManifestFacts {
  manifests: ManifestDocument[];
  deprecatedApiVersions: Array<
    ManifestDocument & {
      expected: string;
      foundIn: 'manifest' | 'last-applied-configuration';
    }
  >;
  /** Documents whose `apiVersion` is a template expression. */
  unresolvedApiVersions: Array<{ path: string; kind: string }>;
  hooks: Array<{
    path: string;
    kind: string;
    name: string | null;
    tool: 'argocd' | 'helm';
    phases: string[];
    /** What the hook appears to do, from its names and commands. */
    purpose: 'migration' | 'smoke' | 'other';
  }>;
  helmReleases: Array<{
    path: string;
    name: string | null;
    testEnabled: boolean;
  }>;
}

/**
 * A service-level objective defined as code.
 *
 * @public
 */
export interface SloDefinition {
  path: string;
  format: 'openslo' | 'sloth' | 'sloth-kubernetes' | 'pyrra';
  name: string | null;
}

/**
 * A machine-readable API definition.
 *
 * @public
 */
export interface ApiSpec {
  path: string;
  type: 'openapi' | 'asyncapi' | 'grpc' | 'graphql';
  version: string | null;
}

/**
 * A TechDocs (MkDocs) site in the tree.
 *
 * @public
 */
export interface TechDocsSite {
  path: string;
  /** Directory of `mkdocs.yml`, `.` for the tree's top. */
  dir: string;
  docsDir: string;
  hasIndex: boolean;
  /** The `backstage.io/techdocs-ref` values that name this directory. */
  refs: string[];
}

/**
 * Evidence that smoke tests run after a deployment.
 *
 * @public
 */
export interface SmokeTestEvidence {
  via: 'argocd-postsync' | 'helm-test' | 'ci';
  path: string;
  name: string | null;
  /** True when something runs them after deploying. */
  wired: boolean;
  detail: string;
}

/**
 * Evidence that schema migrations run during deployment.
 *
 * @public
 */
export interface MigrationRunner {
  via: 'argocd-hook' | 'helm-hook' | 'job' | 'init-container' | 'ci';
  path: string;
  name: string | null;
  detail: string;
}

/**
 * A CI definition file.
 *
 * @public
 */
export interface CiDefinition {
  path: string;
  system:
    | 'github-actions'
    | 'gitlab-ci'
    | 'jenkins'
    | 'azure-pipelines'
    | 'circleci'
    | 'bitbucket-pipelines'
    | 'buildkite'
    | 'tekton';
  /** Some job runs for pull (merge) requests. */
  onPullRequest: boolean;
  /** Some job runs for pushes or pull requests to the default branch. */
  onDefaultBranch: boolean;
  onSchedule: boolean;
  /** Steps found in the file (after following local includes). */
  steps: number;
}

/**
 * A CI step that matched a category, e.g. a test or scan command.
 *
 * @public
 */
export interface CiMatch {
  file: string;
  system: CiDefinition['system'];
  job: string;
  /** The command or action, shortened to 200 characters. */
  step: string;
  /** What matched, e.g. `npm audit` or `aquasecurity/trivy-action`. */
  tool: string;
  onPullRequest: boolean;
  onDefaultBranch: boolean;
  onSchedule: boolean;
  /** The deployment environment the job is bound to. */
  environment: string | null;
  /** False when `environment` names production. */
  nonProduction: boolean;
  /** Image scans: severities that fail the build (upper case). */
  failsOn?: string[];
  /** Smoke steps: a deploy step runs before this one. */
  afterDeploy?: boolean;
}

/**
 * The CI step categories of `repository.ci`.
 *
 * @public
 */
export const CI_CATEGORIES = [
  'tests',
  'integrationTests',
  'e2eTests',
  'lint',
  'dependencyScan',
  'imageScan',
  'sbom',
  'signing',
  'imageBuild',
  'manifestValidation',
  'smoke',
  'deploy',
  'migrations',
] as const;

/**
 * One CI step category.
 *
 * @public
 */
export type CiCategory = (typeof CI_CATEGORIES)[number];

/**
 * CI definitions read at the repository root, and the steps found per
 * category. A category is absent (rather than empty) when nothing matched
 * but some workflow or include could not be followed, so that a check listing
 * it in `unknownWhenMissing` is unknown rather than failing.
 *
 * @public
 */
export type CiFacts = {
  definitions: CiDefinition[];
  /** Reusable workflows, remote includes and libraries that were not followed. */
  externalReferences: Array<{ file: string; reference: string }>;
} & Partial<Record<CiCategory, CiMatch[]>>;

/**
 * A parsed CODEOWNERS file.
 *
 * @public
 */
export interface CodeownersFacts {
  /** The CODEOWNERS file used; null when the repository has none. */
  path: string | null;
  rules: Array<{ line: number; pattern: string; owners: string[] }>;
  /** A rule covers every file of the source location. */
  coversLocation: boolean;
  /** Owners of the last rule covering the source location. */
  locationOwners: string[];
  /** `locationOwners` that are teams, without the leading `@` (e.g. `org/team`). */
  locationTeams: string[];
}

/**
 * Facts from the repository root: CI definitions and CODEOWNERS.
 *
 * @public
 */
export interface RootFacts {
  ci: CiFacts;
  codeowners: CodeownersFacts;
  /** Renovate and Dependabot configs at the root (for monorepo subdirectories). */
  updateConfigs: RepositoryFile[];
  /** Coverage thresholds set on CI command lines (e.g. `--cov-fail-under`). */
  coverageGates: CoverageGate[];
}

/**
 * Facts from the tree at the source location.
 *
 * @public
 */
export interface TreeFacts {
  tree: {
    fileCount: number;
    totalBytes: number;
    skipped: SkippedFile[];
    /** Every path, present only when there are at most `maxListedPaths`. */
    paths?: string[];
  };
  files: RepositoryFileGroups;
  readme: FileEntry | null;
  dockerfiles: DockerfileFacts[];
  baseImages: BaseImage[];
  dependencies: DependencyFacts;
  coverageGates: CoverageGate[];
  kubernetes: KubernetesManifestFacts;
  slos: SloDefinition[];
  apiSpecs: ApiSpec[];
  techdocs: TechDocsSite[];
  /** Jobs, hooks and init containers in the manifests that run migrations. */
  migrationRunners: MigrationRunner[];
  /** Renovate and Dependabot configs in the tree (combined with the root's later). */
  updateConfigs: RepositoryFile[];
}

/**
 * Where the facts were read from.
 *
 * @public
 */
export interface RepositoryLocationFacts {
  /** The annotation the location came from. */
  annotation?: string;
  /** The location as written in the annotation (or the directory of managed-by-location). */
  target?: string;
  /** Where it was read, when a mirror or local root replaced it. */
  readFrom?: string;
  /** The branch or ref named by the location, when it names one. */
  ref: string | null;
  /** Path of the location inside the repository; `''` at the root, null when unknown. */
  subpath: string | null;
}

/**
 * The `repository` facts of one entity.
 *
 * @public
 */
export interface RepositoryFacts
  extends Omit<TreeFacts, 'updateConfigs' | 'migrationRunners'>,
    Partial<Omit<RootFacts, 'updateConfigs' | 'coverageGates'>> {
  location: RepositoryLocationFacts;
  /**
   * Why the repository root could not be read. `ci` and `codeowners` are
   * absent then, and so are `dependencyUpdates`, `smokeTests` and
   * `migrationRunners` when the tree alone has no evidence for them.
   */
  rootError?: string;
  dependencyUpdates?: DependencyUpdateFacts;
  smokeTests?: SmokeTestEvidence[];
  migrationRunners?: MigrationRunner[];
}
