/**
 * The Kubernetes kinds the provider lists, one paginated LIST per kind per
 * cluster (per namespace when a cluster is limited to namespaces).
 */

/**
 * The key of a listed kind in snapshots and facts.
 *
 * @internal
 */
export type KindKey =
  | 'deployments'
  | 'statefulSets'
  | 'daemonSets'
  | 'cronJobs'
  | 'jobs'
  | 'pods'
  | 'services'
  | 'endpointSlices'
  | 'ingresses'
  | 'horizontalPodAutoscalers'
  | 'podDisruptionBudgets'
  | 'networkPolicies'
  | 'nodes'
  | 'namespaces'
  | 'serviceAccounts'
  | 'roleBindings'
  | 'clusterRoleBindings'
  | 'configMaps'
  | 'rollouts'
  | 'serviceMonitors'
  | 'podMonitors'
  | 'prometheusRules'
  | 'alertmanagerConfigs'
  | 'certificates'
  | 'scaledObjects'
  | 'canaries'
  | 'veleroSchedules'
  | 'cnpgScheduledBackups'
  | 'cnpgBackups'
  | 'ciliumNetworkPolicies'
  | 'calicoNetworkPolicies'
  | 'httpRoutes'
  | 'gateways';

/**
 * How a kind's absence is treated:
 * `required`: any failure fails the cluster;
 * `readable`: core kinds the provider's account may not be allowed to list
 * (403 makes the facts that need them unknown, the cluster stays healthy);
 * `crd`: custom resources (404 means "not installed").
 *
 * @internal
 */
export type KindRequirement = 'required' | 'readable' | 'crd';

/**
 * One listed kind.
 *
 * @internal
 */
export interface KindSpec {
  key: KindKey;
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  requirement: KindRequirement;
}

function spec(
  key: KindKey,
  apiVersion: string,
  kind: string,
  plural: string,
  requirement: KindRequirement,
  namespaced = true,
): KindSpec {
  const [group, version] = apiVersion.includes('/')
    ? apiVersion.split('/')
    : ['', apiVersion];
  return { key, group, version, kind, plural, namespaced, requirement };
}

/**
 * Every kind the provider reads, in listing order.
 *
 * @internal
 */
export const KINDS: readonly KindSpec[] = [
  spec('deployments', 'apps/v1', 'Deployment', 'deployments', 'required'),
  spec('statefulSets', 'apps/v1', 'StatefulSet', 'statefulsets', 'required'),
  spec('daemonSets', 'apps/v1', 'DaemonSet', 'daemonsets', 'required'),
  spec('cronJobs', 'batch/v1', 'CronJob', 'cronjobs', 'required'),
  spec('jobs', 'batch/v1', 'Job', 'jobs', 'required'),
  spec('pods', 'v1', 'Pod', 'pods', 'required'),
  spec('services', 'v1', 'Service', 'services', 'required'),
  spec(
    'endpointSlices',
    'discovery.k8s.io/v1',
    'EndpointSlice',
    'endpointslices',
    'required',
  ),
  spec('ingresses', 'networking.k8s.io/v1', 'Ingress', 'ingresses', 'required'),
  spec(
    'horizontalPodAutoscalers',
    'autoscaling/v2',
    'HorizontalPodAutoscaler',
    'horizontalpodautoscalers',
    'required',
  ),
  spec(
    'podDisruptionBudgets',
    'policy/v1',
    'PodDisruptionBudget',
    'poddisruptionbudgets',
    'required',
  ),
  spec(
    'networkPolicies',
    'networking.k8s.io/v1',
    'NetworkPolicy',
    'networkpolicies',
    'required',
  ),
  spec('nodes', 'v1', 'Node', 'nodes', 'readable', false),
  spec('namespaces', 'v1', 'Namespace', 'namespaces', 'readable', false),
  spec(
    'serviceAccounts',
    'v1',
    'ServiceAccount',
    'serviceaccounts',
    'readable',
  ),
  spec(
    'roleBindings',
    'rbac.authorization.k8s.io/v1',
    'RoleBinding',
    'rolebindings',
    'readable',
  ),
  spec(
    'clusterRoleBindings',
    'rbac.authorization.k8s.io/v1',
    'ClusterRoleBinding',
    'clusterrolebindings',
    'readable',
    false,
  ),
  spec('configMaps', 'v1', 'ConfigMap', 'configmaps', 'readable'),
  spec('rollouts', 'argoproj.io/v1alpha1', 'Rollout', 'rollouts', 'crd'),
  spec(
    'serviceMonitors',
    'monitoring.coreos.com/v1',
    'ServiceMonitor',
    'servicemonitors',
    'crd',
  ),
  spec(
    'podMonitors',
    'monitoring.coreos.com/v1',
    'PodMonitor',
    'podmonitors',
    'crd',
  ),
  spec(
    'prometheusRules',
    'monitoring.coreos.com/v1',
    'PrometheusRule',
    'prometheusrules',
    'crd',
  ),
  spec(
    'alertmanagerConfigs',
    'monitoring.coreos.com/v1alpha1',
    'AlertmanagerConfig',
    'alertmanagerconfigs',
    'crd',
  ),
  spec(
    'certificates',
    'cert-manager.io/v1',
    'Certificate',
    'certificates',
    'crd',
  ),
  spec(
    'scaledObjects',
    'keda.sh/v1alpha1',
    'ScaledObject',
    'scaledobjects',
    'crd',
  ),
  spec('canaries', 'flagger.app/v1beta1', 'Canary', 'canaries', 'crd'),
  spec('veleroSchedules', 'velero.io/v1', 'Schedule', 'schedules', 'crd'),
  spec(
    'cnpgScheduledBackups',
    'postgresql.cnpg.io/v1',
    'ScheduledBackup',
    'scheduledbackups',
    'crd',
  ),
  spec('cnpgBackups', 'postgresql.cnpg.io/v1', 'Backup', 'backups', 'crd'),
  spec(
    'ciliumNetworkPolicies',
    'cilium.io/v2',
    'CiliumNetworkPolicy',
    'ciliumnetworkpolicies',
    'crd',
  ),
  spec(
    'calicoNetworkPolicies',
    'projectcalico.org/v3',
    'NetworkPolicy',
    'networkpolicies',
    'crd',
  ),
  spec(
    'httpRoutes',
    'gateway.networking.k8s.io/v1',
    'HTTPRoute',
    'httproutes',
    'crd',
  ),
  spec(
    'gateways',
    'gateway.networking.k8s.io/v1',
    'Gateway',
    'gateways',
    'crd',
  ),
];

/** The apiVersion of a kind spec (`apps/v1`, `v1`). */
export function apiVersionOf(k: KindSpec): string {
  return k.group ? `${k.group}/${k.version}` : k.version;
}

/**
 * The kind spec of an object by its apiVersion group and kind (any version of
 * the group matches, so rendered manifests with another served version are
 * still read); undefined for anything else, including values that are not
 * strings.
 */
export function kindSpecFor(
  apiVersion: unknown,
  kind: unknown,
): KindSpec | undefined {
  // Rendered or posted manifests may hold anything; only strings name a kind.
  if (typeof kind !== 'string') return undefined;
  const value = typeof apiVersion === 'string' ? apiVersion : '';
  const group = value.includes('/') ? value.slice(0, value.indexOf('/')) : '';
  return KINDS.find(k => k.kind === kind && k.group === group);
}

/** The collection path of a kind, cluster-wide or in one namespace. */
export function listPath(k: KindSpec, namespace?: string): string {
  const base = k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`;
  return namespace && k.namespaced
    ? `${base}/namespaces/${encodeURIComponent(namespace)}/${k.plural}`
    : `${base}/${k.plural}`;
}
