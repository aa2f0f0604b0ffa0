import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { KINDS, KindKey } from './facts/kinds';

/** How an `api` cluster authenticates. */
export interface ClusterAuthConfig {
  /** A bearer token (service-account token), usually `${ENV_VAR}` in config. */
  token?: string;
  /** Name of an environment variable holding the token, read at every listing. */
  tokenEnv?: string;
  /** A file holding the token (e.g. a projected service-account token), read at every listing. */
  tokenFile?: string;
}

/** Settings every cluster type shares. */
interface CommonClusterConfig {
  name: string;
  environment: string;
  region?: string;
  annotationScraping: boolean;
  namespaceEnvironments: Record<string, string>;
  podSpecSource: 'template' | 'pods';
}

/** A cluster read through the Kubernetes API. */
export interface ApiClusterConfig extends CommonClusterConfig {
  type: 'api';
  url: string;
  auth: ClusterAuthConfig;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
  /** List only these namespaces (one LIST per kind per namespace); all when unset. */
  namespaces?: string[];
  /** Time limit of every API request. */
  timeoutMs: number;
  /** Kinds not to list at all; their facts are unknown. */
  skipKinds: KindKey[];
}

/** A cluster whose state is read from YAML files. */
export interface ManifestsClusterConfig extends CommonClusterConfig {
  type: 'manifests';
  /** Directory, relative to the backend's working directory. */
  path: string;
  live: boolean;
  relativeTimes: boolean;
  installed: string[];
  /** How far back the snapshot counts as observed for the staging-digest record. */
  observedForMs: number;
}

/** One configured cluster. */
export type ClusterConfig = ApiClusterConfig | ManifestsClusterConfig;

/** The module's configuration, with defaults applied. */
export interface KubernetesModuleConfig {
  clusters: ClusterConfig[];
  cacheTtlMs: number;
  pageSize: number;
  concurrency: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
  alertRoutingLabel: string;
  secretNameAllowList: string[];
  tracingEnvVars: string[];
}

function duration(config: Config, key: string, fallbackMs: number): number {
  return config.has(key)
    ? durationToMilliseconds(readDurationFromConfig(config, { key }))
    : fallbackMs;
}

function stringMap(config: Config, key: string): Record<string, string> {
  const sub = config.getOptionalConfig(key);
  if (!sub) return {};
  return Object.fromEntries(sub.keys().map(k => [k, sub.getString(k)]));
}

function readCommon(c: Config): CommonClusterConfig {
  const podSpecSource = c.getOptionalString('podSpecSource') ?? 'template';
  if (podSpecSource !== 'template' && podSpecSource !== 'pods') {
    throw new InputError(
      `readiness.kubernetes.clusters: podSpecSource of ${c.getString(
        'name',
      )} must be template or pods`,
    );
  }
  return {
    name: c.getString('name'),
    environment: c.getString('environment'),
    region: c.getOptionalString('region'),
    annotationScraping: c.getOptionalBoolean('annotationScraping') ?? false,
    namespaceEnvironments: stringMap(c, 'namespaceEnvironments'),
    podSpecSource,
  };
}

function readCluster(c: Config): ClusterConfig {
  const common = readCommon(c);
  const type = c.getOptionalString('type') ?? 'api';
  if (type === 'manifests') {
    return {
      ...common,
      type,
      path: c.getString('path'),
      live: c.getOptionalBoolean('live') ?? false,
      relativeTimes: c.getOptionalBoolean('relativeTimes') ?? false,
      installed: c.getOptionalStringArray('installed') ?? [],
      observedForMs: duration(c, 'observedFor', 0),
    };
  }
  if (type !== 'api') {
    throw new InputError(
      `readiness.kubernetes.clusters: type of ${common.name} must be api or manifests, got ${type}`,
    );
  }
  const skipKinds = c.getOptionalStringArray('skipKinds') ?? [];
  const unknownKind = skipKinds.find(k => !KINDS.some(s => s.key === k));
  if (unknownKind) {
    throw new InputError(
      `readiness.kubernetes.clusters: ${
        common.name
      } skips unknown kind ${unknownKind}; known: ${KINDS.map(k => k.key).join(
        ', ',
      )}`,
    );
  }
  const url = c.getString('url');
  const skipTLSVerify = c.getOptionalBoolean('skipTLSVerify') ?? false;
  if (url.startsWith('http:') && !skipTLSVerify) {
    throw new InputError(
      `readiness.kubernetes.clusters: ${common.name} uses plain HTTP (${url}); use https, or set skipTLSVerify for development`,
    );
  }
  const auth = c.getOptionalConfig('auth');
  return {
    ...common,
    type,
    url,
    auth: {
      token: auth?.getOptionalString('token'),
      tokenEnv: auth?.getOptionalString('tokenEnv'),
      tokenFile: auth?.getOptionalString('tokenFile'),
    },
    caData: c.getOptionalString('caData'),
    caFile: c.getOptionalString('caFile'),
    skipTLSVerify,
    namespaces: c.getOptionalStringArray('namespaces'),
    timeoutMs: duration(c, 'timeout', 10_000),
    skipKinds: skipKinds as KindKey[],
  };
}

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * The cluster the backend runs in, when it runs in a pod: read with the pod's
 * service account and taken as `production`.
 */
function inClusterDefault(env: NodeJS.ProcessEnv): ClusterConfig[] {
  const host = env.KUBERNETES_SERVICE_HOST;
  if (!host) return [];
  const port = env.KUBERNETES_SERVICE_PORT ?? '443';
  return [
    {
      type: 'api',
      name: 'in-cluster',
      environment: 'production',
      url: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
      auth: { tokenFile: `${SERVICE_ACCOUNT_DIR}/token` },
      caFile: `${SERVICE_ACCOUNT_DIR}/ca.crt`,
      skipTLSVerify: false,
      timeoutMs: 10_000,
      skipKinds: [],
      annotationScraping: false,
      namespaceEnvironments: {},
      podSpecSource: 'template',
    },
  ];
}

/**
 * Reads `readiness.kubernetes`. Without `clusters`, a backend running in a
 * pod reads its own cluster as `in-cluster` (production); elsewhere no
 * cluster is read.
 */
export function readKubernetesConfig(
  root: Config,
  env: NodeJS.ProcessEnv = process.env,
): KubernetesModuleConfig {
  const config = root.getOptionalConfig('readiness.kubernetes');
  const configured = config?.getOptionalConfigArray('clusters');
  const clusters = configured
    ? configured.map(readCluster)
    : inClusterDefault(env);
  const names = new Set<string>();
  for (const cluster of clusters) {
    if (names.has(cluster.name)) {
      throw new InputError(
        `readiness.kubernetes.clusters: cluster name ${cluster.name} is used twice`,
      );
    }
    names.add(cluster.name);
  }
  return {
    clusters,
    cacheTtlMs: config ? duration(config, 'cacheTtl', 120_000) : 120_000,
    pageSize: config?.getOptionalNumber('pageSize') ?? 500,
    concurrency: config?.getOptionalNumber('concurrency') ?? 4,
    initialBackoffMs: config
      ? duration(config, 'retry.initialBackoff', 30_000)
      : 30_000,
    maxBackoffMs: config
      ? duration(config, 'retry.maxBackoff', 600_000)
      : 600_000,
    alertRoutingLabel: config?.getOptionalString('alertRoutingLabel') ?? 'team',
    secretNameAllowList:
      config?.getOptionalStringArray('secretNameAllowList') ?? [],
    tracingEnvVars: config?.getOptionalStringArray('tracingEnvVars') ?? [],
  };
}
