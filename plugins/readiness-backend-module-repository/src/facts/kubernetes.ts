import { asRecord, YamlDocument } from './yamlDocuments';
import {
  ApiSpec,
  KubernetesManifestFacts,
  MigrationRunner,
  SloDefinition,
} from './types';

/** Deprecated or removed API versions per kind, and the current one. */
const CURRENT_API_VERSIONS: Record<string, { current: string; old: string[] }> =
  {
    Deployment: {
      current: 'apps/v1',
      old: ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'],
    },
    StatefulSet: { current: 'apps/v1', old: ['apps/v1beta1', 'apps/v1beta2'] },
    DaemonSet: {
      current: 'apps/v1',
      old: ['extensions/v1beta1', 'apps/v1beta2'],
    },
    ReplicaSet: {
      current: 'apps/v1',
      old: ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'],
    },
    Ingress: {
      current: 'networking.k8s.io/v1',
      old: ['extensions/v1beta1', 'networking.k8s.io/v1beta1'],
    },
    IngressClass: {
      current: 'networking.k8s.io/v1',
      old: ['networking.k8s.io/v1beta1'],
    },
    NetworkPolicy: {
      current: 'networking.k8s.io/v1',
      old: ['extensions/v1beta1'],
    },
    PodDisruptionBudget: { current: 'policy/v1', old: ['policy/v1beta1'] },
    HorizontalPodAutoscaler: {
      current: 'autoscaling/v2',
      old: ['autoscaling/v1', 'autoscaling/v2beta1', 'autoscaling/v2beta2'],
    },
    CronJob: { current: 'batch/v1', old: ['batch/v1beta1', 'batch/v2alpha1'] },
    PodSecurityPolicy: {
      current: '(removed in Kubernetes 1.25)',
      old: ['policy/v1beta1', 'extensions/v1beta1'],
    },
  };

const MIGRATION_WORDS =
  /migrat|flyway|liquibase|alembic\s+upgrade|prisma\s+migrate|db:migrate|goose\s|dbmate|atlas\s+migrate/i;
const SMOKE_WORDS = /smoke/i;

function isTemplated(value: string | undefined): boolean {
  return !!value && /\{\{|\$\{/.test(value);
}

function lastAppliedVersion(doc: YamlDocument): string | undefined {
  const raw =
    doc.annotations['kubectl.kubernetes.io/last-applied-configuration'];
  if (!raw) return undefined;
  try {
    const applied = JSON.parse(raw);
    return typeof applied?.apiVersion === 'string'
      ? applied.apiVersion
      : undefined;
  } catch {
    return undefined;
  }
}

function purposeOf(doc: YamlDocument): 'migration' | 'smoke' | 'other' {
  if (MIGRATION_WORDS.test(doc.text)) return 'migration';
  if (SMOKE_WORDS.test(doc.text)) return 'smoke';
  return 'other';
}

/** Init containers of a pod template, a Job or a workload, by name and command. */
function initContainerTexts(value: unknown): string[] {
  const object = asRecord(value);
  const spec = asRecord(object?.spec);
  const templateSpec =
    asRecord(asRecord(spec?.template)?.spec) ??
    asRecord(
      asRecord(asRecord(asRecord(spec?.jobTemplate)?.spec)?.template)?.spec,
    );
  const init = templateSpec?.initContainers;
  if (!Array.isArray(init)) return [];
  return init.map(raw => {
    const container = asRecord(raw) ?? {};
    const words = [
      container.name,
      container.image,
      container.command,
      container.args,
    ].flat();
    return words.filter(w => typeof w === 'string').join(' ');
  });
}

/** Kubernetes manifests: API versions, hooks, HelmReleases. */
export function collectKubernetes(
  documents: YamlDocument[],
): KubernetesManifestFacts {
  const facts: KubernetesManifestFacts = {
    manifests: [],
    deprecatedApiVersions: [],
    unresolvedApiVersions: [],
    hooks: [],
    helmReleases: [],
  };
  for (const doc of documents) {
    if (!doc.apiVersion || !doc.kind) continue;
    const base = {
      path: doc.path,
      apiVersion: doc.apiVersion,
      kind: doc.kind,
      name: doc.name ?? null,
    };
    facts.manifests.push(base);
    const rule = CURRENT_API_VERSIONS[doc.kind];
    if (rule) {
      if (isTemplated(doc.apiVersion)) {
        facts.unresolvedApiVersions.push({ path: doc.path, kind: doc.kind });
      } else if (rule.old.includes(doc.apiVersion)) {
        facts.deprecatedApiVersions.push({
          ...base,
          expected: rule.current,
          foundIn: 'manifest',
        });
      }
      const applied = lastAppliedVersion(doc);
      if (applied && rule.old.includes(applied)) {
        facts.deprecatedApiVersions.push({
          ...base,
          apiVersion: applied,
          expected: rule.current,
          foundIn: 'last-applied-configuration',
        });
      }
    }
    const argo = doc.annotations['argocd.argoproj.io/hook'];
    const helm = doc.annotations['helm.sh/hook'];
    for (const [tool, phases] of [
      ['argocd', argo],
      ['helm', helm],
    ] as const) {
      if (!phases) continue;
      facts.hooks.push({
        path: doc.path,
        kind: doc.kind,
        name: doc.name ?? null,
        tool,
        phases: phases
          .split(',')
          .map(p => p.trim())
          .filter(Boolean),
        purpose: purposeOf(doc),
      });
    }
    if (doc.kind === 'HelmRelease' && /fluxcd\.io\//.test(doc.apiVersion)) {
      const spec = asRecord(asRecord(doc.value)?.spec);
      const testEnabled =
        asRecord(spec?.test)?.enable === true ||
        (!doc.value && /^\s+test:\s*\n\s+enable:\s*true/m.test(doc.text));
      facts.helmReleases.push({
        path: doc.path,
        name: doc.name ?? null,
        testEnabled,
      });
    }
  }
  return facts;
}

/** Jobs, hooks and init containers in the manifests that run migrations. */
export function manifestMigrationRunners(
  documents: YamlDocument[],
  kubernetes: KubernetesManifestFacts,
): MigrationRunner[] {
  const runners: MigrationRunner[] = [];
  for (const hook of kubernetes.hooks) {
    if (hook.purpose !== 'migration') continue;
    const argo =
      hook.tool === 'argocd' &&
      hook.phases.some(p => /^(PreSync|Sync)$/i.test(p));
    const helm =
      hook.tool === 'helm' &&
      hook.phases.some(p => /^pre-(upgrade|install)$/i.test(p));
    if (argo || helm) {
      runners.push({
        via: argo ? 'argocd-hook' : 'helm-hook',
        path: hook.path,
        name: hook.name,
        detail: `${hook.kind} ${hook.name ?? ''} (${
          hook.tool
        } hook ${hook.phases.join(', ')})`.trim(),
      });
    }
  }
  for (const doc of documents) {
    const hooked = runners.some(
      r => r.path === doc.path && r.name === (doc.name ?? null),
    );
    if (!hooked && doc.kind === 'Job' && MIGRATION_WORDS.test(doc.text)) {
      runners.push({
        via: 'job',
        path: doc.path,
        name: doc.name ?? null,
        detail: `Job ${doc.name ?? ''}`.trim(),
      });
    }
    if (initContainerTexts(doc.value).some(t => MIGRATION_WORDS.test(t))) {
      runners.push({
        via: 'init-container',
        path: doc.path,
        name: doc.name ?? null,
        detail: `init container of ${doc.kind} ${doc.name ?? ''}`.trim(),
      });
    }
  }
  return runners;
}

/** SLOs as code: OpenSLO, Sloth (plain and Kubernetes) and Pyrra. */
export function collectSlos(documents: YamlDocument[]): SloDefinition[] {
  const slos: SloDefinition[] = [];
  for (const doc of documents) {
    const value = asRecord(doc.value);
    const name =
      doc.name ?? (typeof value?.service === 'string' ? value.service : null);
    if (/^openslo\/v1/i.test(doc.apiVersion ?? '') && doc.kind === 'SLO') {
      slos.push({ path: doc.path, format: 'openslo', name });
    } else if (
      value?.version === 'prometheus/v1' &&
      Array.isArray(value?.slos)
    ) {
      slos.push({ path: doc.path, format: 'sloth', name });
    } else if (
      /^sloth\.slok\.dev\//.test(doc.apiVersion ?? '') &&
      doc.kind === 'PrometheusServiceLevel'
    ) {
      slos.push({ path: doc.path, format: 'sloth-kubernetes', name });
    } else if (
      /^pyrra\.dev\//.test(doc.apiVersion ?? '') &&
      doc.kind === 'ServiceLevelObjective'
    ) {
      slos.push({ path: doc.path, format: 'pyrra', name });
    }
  }
  return slos;
}

/** OpenAPI and AsyncAPI documents among the YAML documents and JSON files. */
export function collectApiSpecs(
  documents: YamlDocument[],
  jsonFiles: Array<{ path: string; content: string }>,
  otherSpecs: string[],
): ApiSpec[] {
  const specs: ApiSpec[] = [];
  const consider = (path: string, value: unknown) => {
    const object = asRecord(value);
    if (!object) return;
    for (const key of ['openapi', 'swagger', 'asyncapi'] as const) {
      const version = object[key];
      if (typeof version === 'string' || typeof version === 'number') {
        specs.push({
          path,
          type: key === 'asyncapi' ? 'asyncapi' : 'openapi',
          version: String(version),
        });
        return;
      }
    }
  };
  for (const doc of documents) consider(doc.path, doc.value);
  for (const file of jsonFiles) {
    if (!/"(openapi|swagger|asyncapi)"\s*:/.test(file.content.slice(0, 2000)))
      continue;
    try {
      consider(file.path, JSON.parse(file.content));
    } catch {
      // not JSON after all
    }
  }
  for (const path of otherSpecs) {
    specs.push({
      path,
      type: /\.proto$/i.test(path) ? 'grpc' : 'graphql',
      version: null,
    });
  }
  return specs;
}
