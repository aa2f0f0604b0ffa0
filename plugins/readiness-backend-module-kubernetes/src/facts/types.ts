/**
 * The shape of the `kubernetes` facts of one entity. Checks read them with
 * fact paths such as `kubernetes.workloads` or, inside `forEach`, `$.replicas`.
 *
 * Conventions: `null` means "cannot be known" (a CRD that is not installed, a
 * kind the provider may not read, live status that a rendered manifest does
 * not have). Checks list such paths in `unknownWhenMissing` so that they turn
 * `unknown` rather than `fail`. Empty lists mean "known to be none".
 * The package README has the same reference as a table.
 */

import type { ImageReference } from './image';

/**
 * How the entity is matched to Kubernetes objects.
 *
 * @public
 */
export interface EntitySelectorFacts {
  /** The entity has `backstage.io/kubernetes-id` or `backstage.io/kubernetes-label-selector`. */
  annotated: boolean;
  /** Value of `backstage.io/kubernetes-id`, if set. */
  kubernetesId: string | null;
  /** The label selector used (from the annotation, or `backstage.io/kubernetes-id=<id>`). */
  labelSelector: string | null;
  /** Value of `backstage.io/kubernetes-namespace`, which limits matching to that namespace. */
  namespace: string | null;
  /** Why the selector annotation could not be read, if it could not. */
  error: string | null;
}

/**
 * One configured cluster as seen in this collection.
 *
 * @public
 */
export interface ClusterFacts {
  name: string;
  /** `production`, `staging`, ... from config. */
  environment: string;
  region: string | null;
  /** `api`: read through the Kubernetes API; `manifests`: read from YAML files. */
  type: 'api' | 'manifests';
  /** Whether live status (Pods, object status) is available from this cluster. */
  live: boolean;
  /** `error`: the cluster could not be listed; its objects are not in these facts. */
  status: 'ok' | 'error';
  error: string | null;
  /** When the listing these facts come from was taken. */
  collectedAt: string | null;
  /** Per optional custom resource kind (e.g. `serviceMonitors`): whether the cluster serves it. */
  installed: Record<string, boolean>;
  /** Per optional core kind (e.g. `nodes`): whether the provider may list it. */
  readable: Record<string, boolean>;
  /** The cluster's Prometheus scrapes pods by `prometheus.io/scrape` annotations (from config). */
  annotationScraping: boolean;
  /** Workloads of the entity in this cluster. */
  workloadCount: number;
  /** Of those, workloads that report themselves available; null when not live. */
  availableWorkloadCount: number | null;
}

/**
 * A Kubernetes probe, normalised.
 *
 * @public
 */
export interface ProbeFacts {
  handler: 'httpGet' | 'grpc' | 'tcpSocket' | 'exec' | null;
  /** What the handler calls, for comparing probes: `httpGet /health :http`, `tcpSocket :8080`, `exec sleep 1`. */
  target: string | null;
  initialDelaySeconds: number;
  periodSeconds: number;
  failureThreshold: number;
}

/**
 * One container of a workload's pod template (or of a CronJob's job template).
 *
 * @public
 */
export interface ContainerFacts {
  /** `container app of Rollout payments/payments-api in prod-eu-west-1`. */
  label: string;
  name: string;
  cluster: string;
  environment: string;
  region: string | null;
  namespace: string;
  workloadKind: string;
  workloadName: string;
  /** From a CronJob's job template: counts for image, resource and security checks only. */
  fromCronJob: boolean;
  /** An init container (`initContainers`), including native sidecars. */
  init: boolean;
  /** A native sidecar: an init container with `restartPolicy: Always`. */
  sidecar: boolean;
  /** Declares ports, or is the target of a Service `targetPort`. */
  serving: boolean;
  ports: Array<{ name: string | null; containerPort: number }>;
  image: ImageReference;
  resources: {
    cpuRequest: string | null;
    cpuLimit: string | null;
    memoryRequest: string | null;
    memoryLimit: string | null;
    cpuRequestMillicores: number | null;
    memoryRequestBytes: number | null;
    memoryLimitBytes: number | null;
  };
  probes: {
    readiness: ProbeFacts | null;
    liveness: ProbeFacts | null;
    startup: ProbeFacts | null;
  };
  /** Liveness and readiness call different things; null without a liveness probe. */
  livenessDiffersFromReadiness: boolean | null;
  preStop: {
    handler: 'sleep' | 'exec' | 'httpGet' | 'tcpSocket';
    /** Seconds the hook sleeps, when that can be read. */
    sleepSeconds: number | null;
  } | null;
  /** The pod's `terminationGracePeriodSeconds` (default 30). */
  terminationGracePeriodSeconds: number;
  /** Effective security context: container settings over pod settings. */
  securityContext: {
    runAsNonRoot: boolean | null;
    runAsUser: number | null;
    privileged: boolean;
    allowPrivilegeEscalation: boolean | null;
    readOnlyRootFilesystem: boolean;
    capabilitiesDrop: string[];
    capabilitiesAdd: string[];
    seccompProfile: string | null;
  };
  /** `runAsNonRoot: true` or `runAsUser` >= 1, and not privileged. */
  runsAsNonRoot: boolean;
  /** The restricted Pod Security profile holds (or the namespace enforces it); read-only root excluded. */
  restrictedProfile: boolean;
  /** Why `restrictedProfile` is false. */
  restrictedProblems: string[];
  /** Environment variables by name and source; values are never collected. */
  env: Array<{
    name: string;
    source:
      | 'value'
      | 'secretKeyRef'
      | 'configMapKeyRef'
      | 'fieldRef'
      | 'resourceFieldRef'
      | 'other';
  }>;
  /** Env names that look like credentials (PASSWORD, TOKEN, ...) and have a literal value. */
  inlineSecretEnv: string[];
  /** Digests the live pods run for this container; null when not live. */
  runningDigests: string[] | null;
  /** Earliest `startedAt` of this container in the live pods; null when not live or not running. */
  runningSince: string | null;
  /** Staging-to-production promotion; null outside production or when not live. */
  promotion: PromotionFacts | null;
}

/**
 * Whether a production container's artefact was seen in staging first.
 *
 * @public
 */
export interface PromotionFacts {
  /** Image repositories that containers of this name run in staging. */
  stagingRepositories: string[];
  /** The production repository is the staging one; null when there is no staging container of this name. */
  sameRepository: boolean | null;
  /** The digest running in production. */
  digest: string | null;
  firstSeenInProduction: string | null;
  firstSeenInStaging: string | null;
  /** Since when the provider's record of staging digests reaches back. */
  recordSince: string | null;
  /** The digest ran in staging before production; null when the record cannot tell. */
  seenInStagingFirst: boolean | null;
}

/**
 * Live health of a workload (null in facts when not live).
 *
 * @public
 */
export interface WorkloadHealthFacts {
  /** Every part below holds. */
  healthy: boolean;
  /** Each part that does not hold, phrased for the owner. */
  problems: string[];
  available: boolean;
  rolloutInProgress: boolean;
  rolloutFailed: boolean;
  desiredReplicas: number;
  availableReplicas: number;
  /** Available equals desired; null while a rollout is in progress. */
  replicasMatch: boolean | null;
  crashLooping: Array<{ name: string; reason: string }>;
  /** OOM kills that finished within the last 24 hours. */
  recentOomKills: Array<{ name: string; finishedAt: string }>;
  /** Services of the workload without a ready endpoint. */
  servicesWithoutReadyEndpoints: string[];
}

/**
 * An autoscaler that targets a workload.
 *
 * @public
 */
export interface AutoscalerFacts {
  kind: 'HorizontalPodAutoscaler' | 'ScaledObject';
  name: string;
  minReplicas: number;
  maxReplicas: number;
  /** Metrics (HPA) or triggers (KEDA). */
  metricCount: number;
  /** Resource metrics used, e.g. `cpu`. */
  resourceMetrics: string[];
  /** Every container requests every resource the autoscaler scales on. */
  resourceRequestsPresent: boolean;
}

/**
 * A PodDisruptionBudget that selects a workload's pods.
 *
 * @public
 */
export interface PdbFacts {
  name: string;
  minAvailable: number | string | null;
  maxUnavailable: number | string | null;
  /** Disruptions allowed at the workload's `minReplicas`. */
  allowedDisruptions: number;
}

/**
 * A network policy that selects a workload's pods.
 *
 * @public
 */
export interface NetworkPolicyFacts {
  kind: 'NetworkPolicy' | 'CiliumNetworkPolicy' | 'CalicoNetworkPolicy';
  name: string;
  /** The policy restricts ingress. */
  ingress: boolean;
  egress: boolean;
}

/**
 * One Deployment, StatefulSet, DaemonSet or Argo Rollout of the entity.
 *
 * @public
 */
export interface WorkloadFacts {
  /** `Rollout payments/payments-api in prod-eu-west-1`. */
  label: string;
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Rollout';
  apiVersion: string;
  name: string;
  namespace: string;
  cluster: string;
  /** The cluster's environment, or the one config gives the namespace. */
  environment: string;
  region: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  templateLabels: Record<string, string>;
  templateAnnotations: Record<string, string>;
  /** `spec.replicas` (default 1); null for DaemonSets. */
  replicas: number | null;
  /** The autoscaler's minimum when one targets the workload, else `replicas`. */
  minReplicas: number | null;
  minReplicasSource: 'spec' | 'HorizontalPodAutoscaler' | 'ScaledObject' | null;
  update: {
    /** `RollingUpdate`, `Recreate`, `OnDelete`, `canary` or `blueGreen`. */
    strategy: string;
    /** `maxUnavailable` resolved against `replicas` (percentages rounded down). */
    maxUnavailable: number | null;
    /** `maxUnavailable` < `replicas`; null when not a Deployment. */
    keepsCapacity: boolean | null;
    /** `revisionHistoryLimit` (default 10). */
    revisionHistoryLimit: number;
  };
  health: WorkloadHealthFacts | null;
  pods: { count: number; ready: number } | null;
  autoscalers: AutoscalerFacts[];
  pdbs: PdbFacts[];
  /** Names of the Services that select the pods. */
  services: string[];
  networkPolicies: NetworkPolicyFacts[];
  scraping: {
    /** ServiceMonitors scraping a Service of the pods; null when the CRD is absent. */
    serviceMonitors: string[] | null;
    /** PodMonitors selecting the pods; null when the CRD is absent. */
    podMonitors: string[] | null;
    /** The template has `prometheus.io/scrape: "true"`. */
    scrapeAnnotation: boolean;
    /** Scraped by any of these; null when no Prometheus Operator CRD exists and annotation scraping is not declared. */
    scraped: boolean | null;
  };
  tracing: {
    /** `instrumentation.opentelemetry.io/inject-<language>` annotations that are not "false". */
    injectAnnotations: string[];
    /** A container sets `OTEL_EXPORTER_OTLP_ENDPOINT` or `..._TRACES_ENDPOINT` (or a configured vendor variable). */
    exporterConfigured: boolean;
    /** `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none` is set. */
    disabled: boolean;
    enabled: boolean;
  };
  zoneSpread: {
    /** A zone `topologySpreadConstraints` entry or preferred zone anti-affinity. */
    templateSpreadsZones: boolean;
    /** Required pod anti-affinity on `kubernetes.io/hostname`. */
    requiredHostnameAntiAffinity: boolean;
    /** Zones of the nodes the pods run on; null when not live or Nodes are not readable. */
    podZones: string[] | null;
  };
  volumes: {
    persistentVolumeClaims: string[];
    hostPaths: string[];
    /** StatefulSet `volumeClaimTemplates`. */
    claimTemplates: string[];
  };
  serviceAccount: {
    name: string | null;
    /** Effective `automountServiceAccountToken` (pod over ServiceAccount, default true); null when the ServiceAccount cannot be read. */
    automountToken: boolean | null;
    /** Role bindings granting the account; null when bindings are not readable. */
    bindings: Array<{ kind: string; name: string; role: string }> | null;
    /** A binding grants `cluster-admin`, `admin` or `edit`; null when not readable. */
    broadRole: boolean | null;
  };
  podSecurity: {
    hostNetwork: boolean;
    hostPID: boolean;
    hostIPC: boolean;
    hostPathVolumes: string[];
    /** The namespace has `pod-security.kubernetes.io/enforce: restricted`; null when Namespaces are not readable. */
    namespaceEnforcesRestricted: boolean | null;
  };
  /** `argocd.argoproj.io/tracking-id`, `kustomize.toolkit.fluxcd.io/name` or `helm.toolkit.fluxcd.io/name`, whichever is present. */
  gitOpsMarker: string | null;
  progressiveDelivery: {
    rolloutStrategy: 'canary' | 'blueGreen' | null;
    /** The Rollout uses AnalysisTemplates. */
    analysis: boolean;
    /** A Flagger Canary with metrics targets the workload. */
    flaggerCanary: string | null;
    enabled: boolean;
  };
  volumeBackup: {
    /** The pods mount PersistentVolumeClaims (or claim templates). */
    required: boolean;
    /** A recent backup covers the namespace; null when no backup CRD is installed. */
    covered: boolean | null;
    /** What covers it, e.g. `velero Schedule velero/daily`. */
    via: string[];
  };
  configMaps: {
    names: string[];
    /** Keys of those ConfigMaps that look like credentials; null when ConfigMaps are not readable. */
    sensitiveKeys: string[] | null;
  };
}

/**
 * A CronJob of the entity.
 *
 * @public
 */
export interface CronJobFacts {
  label: string;
  name: string;
  namespace: string;
  cluster: string;
  environment: string;
  region: string | null;
  schedule: string;
  suspend: boolean;
  /** Default `Allow`. */
  concurrencyPolicy: string;
  activeDeadlineSeconds: number | null;
  /** Longest gap between two scheduled runs; null when the schedule cannot be read. */
  scheduleIntervalSeconds: number | null;
  lastSuccessfulTime: string | null;
  /** The last success lies within twice the interval (or the CronJob is younger than that); null when not live. */
  lastSuccessRecent: boolean | null;
  /** The most recent Job it created (by owner reference); null when not live or none is left. */
  lastJob: {
    name: string;
    state: 'succeeded' | 'failed' | 'running';
    startedAt: string | null;
  } | null;
}

/**
 * A Service of the entity.
 *
 * @public
 */
export interface ServiceFacts {
  label: string;
  name: string;
  namespace: string;
  cluster: string;
  environment: string;
  type: string;
  selector: Record<string, string>;
  selectorKeyCount: number;
  /** Workloads or pods not of this entity that the selector matches. */
  foreignSelected: string[];
  /** Ready endpoints in its EndpointSlices; null when not live. */
  readyEndpoints: number | null;
  ports: Array<{
    name: string | null;
    port: number;
    targetPort: string | number | null;
  }>;
}

/**
 * An Ingress of the entity (labelled, or routing to one of its Services).
 *
 * @public
 */
export interface IngressFacts {
  label: string;
  name: string;
  namespace: string;
  cluster: string;
  environment: string;
  hosts: string[];
  tlsHosts: string[];
  /** Hosts of `rules` not listed in `tls`. */
  uncoveredHosts: string[];
  /** An annotation switches HTTPS redirection off. */
  sslRedirectDisabled: boolean;
  /** cert-manager Certificates of the TLS secrets; null when cert-manager is not installed. */
  certificates: Array<{
    name: string;
    secretName: string;
    ready: boolean;
    notAfter: string | null;
    daysUntilExpiry: number | null;
  }> | null;
  /** Every TLS secret has a Ready Certificate valid for more than 14 days; null without cert-manager. */
  certificatesValid: boolean | null;
}

/**
 * A Gateway API HTTPRoute of the entity.
 *
 * @public
 */
export interface HttpRouteFacts {
  label: string;
  name: string;
  namespace: string;
  cluster: string;
  environment: string;
  hostnames: string[];
  /** A parent Gateway listener uses HTTPS, or the route only redirects to https. */
  https: boolean;
}

/**
 * One alerting rule (`alert:`) of a PrometheusRule of the entity.
 *
 * @public
 */
export interface AlertRuleFacts {
  label: string;
  /** The alert name. */
  name: string;
  group: string;
  prometheusRule: string;
  namespace: string;
  cluster: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  runbookUrl: string | null;
  severity: string | null;
  /** Value of the routing label (config, default `team`). */
  routingLabel: string | null;
  /** The routing label names the entity's owner Group. */
  routedToOwner: boolean;
}

/**
 * Entity-wide facts that a condition cannot compute from lists.
 *
 * @public
 */
export interface SummaryFacts {
  /** Annotated, and at least one Deployment, StatefulSet or Rollout in a production cluster. */
  discoverable: boolean;
  productionWorkloads: number;
  /** Production clusters with workloads of the entity. */
  productionClusters: string[];
  /** Distinct regions of production clusters with available workloads; null when no production cluster is live. */
  productionRegions: string[] | null;
  /** Available workloads in staging clusters or staging namespaces; null when none of those is live. */
  stagingAvailableWorkloads: number | null;
  /** Pods of the entity mount PersistentVolumeClaims (stateful). */
  mountsPersistentVolumeClaims: boolean;
}

/**
 * All `kubernetes` facts of one entity.
 *
 * @public
 */
export interface KubernetesFacts {
  selector: EntitySelectorFacts;
  clusters: ClusterFacts[];
  workloads: WorkloadFacts[];
  cronJobs: CronJobFacts[];
  containers: ContainerFacts[];
  services: ServiceFacts[];
  ingresses: IngressFacts[];
  /** Null when no cluster with the entity's workloads serves the Gateway API. */
  httpRoutes: HttpRouteFacts[] | null;
  /** Alerting rules in production clusters; null when none of the production clusters with the entity's workloads has the PrometheusRule CRD. */
  alertRules: AlertRuleFacts[] | null;
  /** AlertmanagerConfigs in the entity's production namespaces with a PagerDuty or Opsgenie receiver; null when the CRD is absent. */
  pagingAlertmanagerConfigs: string[] | null;
  summary: SummaryFacts;
}
