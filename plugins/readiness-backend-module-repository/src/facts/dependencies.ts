import { LOCKFILES, parseManifest } from './manifests';
import { basename, dirname, joinPath } from './paths';
import type { TreeFile } from './groups';
import { DependencyFacts, DependencyManifest, SdkDependency } from './types';

/** Dependency name patterns per SDK kind, over `<ecosystem>:<name>`. */
const SDK_PATTERNS: Record<keyof DependencyFacts['sdks'], RegExp[]> = {
  errorTracking: [
    /^npm:(@sentry\/|@bugsnag\/|rollbar$|@rollbar\/|@honeybadger-io\/|@airbrake\/)/,
    /^pip:(sentry-sdk|raven|rollbar|bugsnag|honeybadger)$/,
    /^gomod:github\.com\/(getsentry\/sentry-go|bugsnag\/bugsnag-go|rollbar\/rollbar-go)/,
    /^(maven|gradle):(io\.sentry|com\.bugsnag|com\.rollbar):/,
    /^bundler:(sentry-ruby|sentry-rails|sentry-raven|bugsnag|rollbar|honeybadger)$/,
    /^cargo:sentry$/,
    /^composer:(sentry|bugsnag|rollbar)\//,
  ],
  featureFlags: [
    /^npm:(@openfeature\/|launchdarkly-|@launchdarkly\/|unleash-client|unleash-proxy-client|@unleash\/|flagsmith|@flagsmith\/|@growthbook\/|growthbook|@flipt-io\/|configcat-|@configcat\/|@splitsoftware\/)/,
    /^pip:(openfeature-sdk|launchdarkly-server-sdk|ldclient-py|unleashclient|flagsmith|growthbook|flipt|configcat-client|splitio-client)/i,
    /^gomod:(github\.com\/open-feature\/go-sdk|github\.com\/launchdarkly\/|gopkg\.in\/launchdarkly\/|github\.com\/unleash\/|github\.com\/flagsmith\/|github\.com\/growthbook\/|go\.flipt\.io\/|github\.com\/configcat\/|github\.com\/splitio\/)/i,
    /^(maven|gradle):(dev\.openfeature|com\.launchdarkly|io\.getunleash|com\.flagsmith|io\.growthbook|io\.flipt|com\.configcat|io\.split\.client):/,
    /^bundler:(openfeature-sdk|launchdarkly-server-sdk|unleash|flagsmith|growthbook|configcat|splitclient-rb)$/,
    /^cargo:(open-feature|launchdarkly-server-sdk|unleash-api-client|flagsmith|configcat)$/,
    /^composer:(open-feature|launchdarkly|unleash|flagsmith|growthbook|configcat|splitsoftware)\//,
  ],
  testcontainers: [
    /^npm:(testcontainers$|@testcontainers\/)/,
    /^pip:testcontainers/,
    /^gomod:github\.com\/testcontainers\//,
    /^(maven|gradle):org\.testcontainers:/,
    /^cargo:testcontainers/,
    /^bundler:testcontainers/,
  ],
  openTelemetry: [
    /^npm:@opentelemetry\//,
    /^pip:opentelemetry-/,
    /^gomod:go\.opentelemetry\.io\//,
    /^(maven|gradle):io\.opentelemetry/,
    /^bundler:opentelemetry-/,
    /^cargo:opentelemetry/,
  ],
};

/** The lockfile for a manifest: in its directory or the nearest one above. */
function findLockfile(
  manifestPath: string,
  names: string[],
  paths: Set<string>,
): string | null {
  let dir = dirname(manifestPath);
  for (;;) {
    for (const name of names) {
      const candidate = joinPath(dir, name);
      if (candidate && paths.has(candidate)) return candidate;
    }
    if (!dir) return null;
    dir = dirname(dir);
  }
}

/**
 * Dependency manifests, their lockfiles and pinning, declared names and
 * notable SDKs. `hasDockerfile` adds the `docker` ecosystem.
 */
export function collectDependencies(
  files: TreeFile[],
  hasDockerfile: boolean,
): DependencyFacts {
  const paths = new Set(files.map(f => f.path));
  const manifests: DependencyManifest[] = [];
  const names = new Set<string>();
  const sdks: DependencyFacts['sdks'] = {
    errorTracking: [],
    featureFlags: [],
    testcontainers: [],
    openTelemetry: [],
  };
  const parsedRequirements = new Map<string, boolean>();

  const parsed = files
    .filter(f => f.content !== undefined)
    .map(f => ({ file: f, manifest: parseManifest(f.path, f.content!) }))
    .filter(p => p.manifest);

  for (const { file, manifest } of parsed) {
    if (manifest!.pinsInline && manifest!.ecosystem === 'pip') {
      const dir = dirname(file.path);
      const pinned = manifest!.dependencies.every(d => !d.unpinned);
      parsedRequirements.set(
        dir,
        (parsedRequirements.get(dir) ?? true) && pinned,
      );
    }
  }

  for (const { file, manifest: m } of parsed) {
    const manifest = m!;
    const unpinned = manifest.dependencies
      .filter(d => d.unpinned)
      .map(d => d.name);
    const lockfile = manifest.lockfiles.length
      ? findLockfile(file.path, manifest.lockfiles, paths)
      : null;
    let pinned: boolean;
    if (manifest.pinsInline) {
      pinned = unpinned.length === 0;
    } else if (manifest.dependencies.length === 0) {
      pinned = true;
    } else {
      pinned =
        !!lockfile ||
        (manifest.ecosystem === 'pip' &&
          parsedRequirements.get(dirname(file.path)) === true);
    }
    manifests.push({
      path: file.path,
      ecosystem: manifest.ecosystem,
      lockfile,
      pinned,
      unpinned: unpinned.slice(0, 20),
      dependencyCount: manifest.dependencies.length,
    });
    for (const dependency of manifest.dependencies) {
      const key = `${manifest.ecosystem}:${dependency.name}`;
      names.add(key);
      for (const [kind, patterns] of Object.entries(SDK_PATTERNS)) {
        if (patterns.some(p => p.test(key))) {
          const list = sdks[kind as keyof typeof sdks];
          if (
            !list.some(s => s.name === dependency.name && s.file === file.path)
          ) {
            const sdk: SdkDependency = {
              ecosystem: manifest.ecosystem,
              name: dependency.name,
              file: file.path,
            };
            list.push(sdk);
          }
        }
      }
    }
  }

  const lockfiles: Record<string, string[]> = {};
  for (const path of paths) {
    for (const [ecosystem, lockNames] of Object.entries(LOCKFILES)) {
      if (lockNames.includes(basename(path))) {
        (lockfiles[ecosystem] ??= []).push(path);
      }
    }
  }
  const ecosystems = new Set(manifests.map(m => m.ecosystem));
  if (hasDockerfile) ecosystems.add('docker');

  return {
    manifests,
    ecosystems: [...ecosystems].sort(),
    lockfiles,
    unpinnedManifests: manifests.filter(m => !m.pinned).map(m => m.path),
    names: [...names].sort(),
    sdks,
  };
}
