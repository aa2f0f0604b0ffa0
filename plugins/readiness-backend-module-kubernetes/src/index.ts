/**
 * The Kubernetes fact provider for the Readiness backend, and the pure
 * function that computes the same facts from rendered manifests.
 *
 * @packageDocumentation
 */

export { readinessModuleKubernetes as default } from './module';
export { kubernetesContentFacts } from './contentFacts';
export {
  kubernetesFactsFromManifests,
  parseManifests,
  type ManifestClusterOptions,
} from './facts/manifests';
export type { FactOptions, PromotionRecord } from './facts/options';
export type { ImageReference } from './facts/image';
export type {
  AlertRuleFacts,
  AutoscalerFacts,
  ClusterFacts,
  ContainerFacts,
  CronJobFacts,
  EntitySelectorFacts,
  HttpRouteFacts,
  IngressFacts,
  KubernetesFacts,
  NetworkPolicyFacts,
  PdbFacts,
  ProbeFacts,
  PromotionFacts,
  ServiceFacts,
  SummaryFacts,
  WorkloadFacts,
  WorkloadHealthFacts,
} from './facts/types';
