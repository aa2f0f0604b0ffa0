import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { parse } from 'yaml';
import {
  CheckStatus,
  evaluateScorecard,
  parseScorecardDocument,
  Scorecard,
} from '@readiness/backstage-plugin-readiness-common';
import { CollectedFacts } from '@readiness/backstage-plugin-readiness-node';
import { readKubernetesConfig } from '../config';
import { KubernetesFactProvider } from '../KubernetesFactProvider';

/** The repository root, where `examples/` lives. */
export const REPO_ROOT = resolve(__dirname, '../../../..');

/**
 * The four clusters of checklist section 8 as manifests clusters over
 * examples/kubernetes, the way the demo portal configures them.
 */
export const DEMO_CLUSTERS = [
  {
    name: 'prod-eu-west-1',
    environment: 'production',
    region: 'eu-west-1',
    installed: [
      'monitoring.coreos.com',
      'cert-manager.io',
      'argoproj.io',
      'velero.io',
    ],
  },
  {
    name: 'prod-eu-central-1',
    environment: 'production',
    region: 'eu-central-1',
    installed: ['monitoring.coreos.com', 'cert-manager.io', 'argoproj.io'],
  },
  {
    name: 'staging-eu-west-1',
    environment: 'staging',
    region: 'eu-west-1',
    installed: [
      'monitoring.coreos.com',
      'cert-manager.io',
      'argoproj.io',
      'velero.io',
    ],
  },
  {
    name: 'prod-legacy',
    environment: 'production',
    region: 'eu-west-1',
    installed: [],
  },
].map(c => ({
  ...c,
  type: 'manifests',
  path: `examples/kubernetes/${c.name}`,
  live: true,
  relativeTimes: true,
  observedFor: '48h',
}));

/** A provider over the demo clusters. */
export function demoProvider(): KubernetesFactProvider {
  const config = readKubernetesConfig(
    new ConfigReader({
      readiness: { kubernetes: { clusters: DEMO_CLUSTERS } },
    }),
  );
  return new KubernetesFactProvider({
    config,
    logger: mockServices.logger.mock(),
    workingDirectory: REPO_ROOT,
  });
}

/** A Component annotated the way the fixtures are. */
export function component(
  name: string,
  annotations: Record<string, string> = {},
  owner = 'group:default/team-payments',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': name, ...annotations },
    },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

/** The entity without `backstage.io/kubernetes-id`, e.g. to match by label selector only. */
export function withoutKubernetesId(entity: Entity): Entity {
  const annotations = { ...entity.metadata.annotations };
  delete annotations['backstage.io/kubernetes-id'];
  return { ...entity, metadata: { ...entity.metadata, annotations } };
}

/** The fixture entities of checklist section 8 (Kubernetes-relevant parts). */
export const FIXTURE_ENTITIES = {
  paymentsApi: component('payments-api', {}, 'group:default/team-payments'),
  catalogSearch: component(
    'catalog-search',
    {},
    'group:default/team-discovery',
  ),
  legacyReports: component('legacy-reports', {}, 'user:default/jdoe'),
};

const REFERENCE_FILE = resolve(__dirname, 'kubernetes-checks.yaml');

/** The reference conditions of all Kubernetes checks (kubernetes-checks.yaml). */
export function referenceScorecard(): Scorecard {
  const text = readFileSync(REFERENCE_FILE, 'utf8');
  const [scorecard] = parseScorecardDocument(text, { file: REFERENCE_FILE });
  return scorecard;
}

/** The same scorecard as plain config, for `readiness.scorecards`. */
export function referenceScorecardConfig(): JsonObject {
  return parse(readFileSync(REFERENCE_FILE, 'utf8')).scorecards[0];
}

/** Evaluates the reference checks on collected facts; check id to status. */
export function evaluateReference(
  entity: Entity,
  collected: CollectedFacts | undefined,
  now = new Date(),
): Record<string, CheckStatus> {
  const source =
    collected?.status === 'ok'
      ? {
          status: 'ok' as const,
          data: collected.data,
          collectedAt: now.toISOString(),
        }
      : {
          status: 'error' as const,
          error: collected?.status === 'error' ? collected.error : 'none',
        };
  const { results } = evaluateScorecard(
    referenceScorecard(),
    { entity, sources: { kubernetes: source } },
    { now },
  );
  return Object.fromEntries(results.map(r => [r.checkId, r.status]));
}
