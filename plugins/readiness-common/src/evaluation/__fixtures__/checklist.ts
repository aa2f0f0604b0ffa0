import type { Entity } from '@backstage/catalog-model';
import type { EntityFacts } from '../../facts/types';

// Checks of readiness-checklist.md section 5, as written in the README.
export const checklistDefinitions = `
scorecards:
  - id: production-readiness
    title: Production readiness
    levels: [bronze, silver, gold]
    checks:
      - id: own-description
        title: The entity states in a sentence what the service does and for whom.
        category: Ownership & documentation
        level: bronze
        description: A description of at least 30 characters that is not the name or title.
        source: catalog
        condition:
          all:
            - { fact: entity.metadata.description, trim: true, minLength: 30 }
            - { fact: entity.metadata.description, ne: { fact: entity.metadata.name } }
            - { fact: entity.metadata.description, ne: { fact: entity.metadata.title } }
      - id: own-tier
        title: The business criticality of the service is declared.
        category: Ownership & documentation
        level: bronze
        description: Annotation readiness/tier is 1, 2 or 3.
        source: catalog
        condition: { fact: 'entity.metadata.annotations["readiness/tier"]', in: ['1', '2', '3'] }
      - id: own-readme
        title: The repository explains how to build, run and change the service.
        category: Ownership & documentation
        level: bronze
        description: A README of 500 characters or more with a setup heading.
        source: repository
        condition:
          some:
            in: repository.files
            where: { fact: $.path, matches: '^README(\\.(md|rst|adoc))?$', flags: i }
            check:
              all:
                - { fact: $.text, minLength: 500 }
                - fact: $.text
                  matches: '^#+ .*(setup|getting started|development|local|build|run)'
                  flags: im
      - id: k8s-workloads-discoverable
        title: The entity's workloads can be found in production clusters.
        category: Deployment & Kubernetes hygiene
        level: bronze
        description: At least one Deployment, StatefulSet or Rollout matches the entity.
        source: kubernetes
        condition:
          all:
            - any:
                - { fact: 'entity.metadata.annotations["backstage.io/kubernetes-id"]', exists: true }
                - { fact: 'entity.metadata.annotations["backstage.io/kubernetes-label-selector"]', exists: true }
            - count:
                in: kubernetes.workloads
                where: { fact: $.kind, in: [Deployment, StatefulSet, Rollout] }
                gte: 1
      - id: k8s-min-replicas
        title: Every workload runs at least two replicas.
        category: Deployment & Kubernetes hygiene
        level: bronze
        description: spec.replicas >= 2, or the HPA's minReplicas >= 2 when an HPA targets the workload.
        remediation: { text: Set spec.replicas (or the HPA's minReplicas) to 2 or more. }
        source: kubernetes
        requires: [k8s-workloads-discoverable]
        forEach:
          in: kubernetes.workloads
          where: { fact: $.kind, in: [Deployment, StatefulSet, Rollout] }
        objectLabel: '{kind} {metadata.namespace}/{metadata.name}'
        condition:
          if: { fact: $.hpa, exists: true }
          then: { fact: $.hpa.spec.minReplicas, gte: 2 }
          else: { fact: $.spec.replicas, gte: 2 }
      - id: k8s-image-tag-pinned
        title: No container runs a floating image tag.
        category: Deployment & Kubernetes hygiene
        level: bronze
        description: Every image has a digest, or a tag that is not latest or another moving tag.
        source: kubernetes
        requires: [k8s-workloads-discoverable]
        forEach: kubernetes.workloads
        condition:
          every:
            in: $.spec.template.spec.containers
            label: 'container {name}'
            check:
              any:
                - { fact: $.image, matches: '@sha256:[0-9a-f]{64}$' }
                - all:
                    - { fact: $.image, matches: ':[^:/@]+$' }
                    - not:
                        fact: $.image
                        matches: ':(latest|main|master|develop|dev|stable|edge|nightly|prod|production|staging)$'
      - id: res-pdb
        title: A PodDisruptionBudget protects the pods without blocking node drains.
        category: Resilience & scaling
        level: silver
        description: Exactly one PDB selects the pods and allows at least one disruption.
        source: kubernetes
        requires: [k8s-workloads-discoverable]
        forEach:
          in: kubernetes.workloads
          where: { fact: $.kind, in: [Deployment, StatefulSet, Rollout] }
        condition:
          all:
            - count: { in: $.pdbs, eq: 1 }
            - every:
                in: $.pdbs
                check:
                  any:
                    - { fact: $.spec.maxUnavailable, gte: 1 }
                    - { fact: $.spec.minAvailable, lt: { fact: $$.spec.replicas } }
      - id: oncall-runbook-content
        title: The runbook and architecture overview are current.
        category: On-call & incident response
        level: silver
        description: The owner confirms the runbook was reviewed in the last 180 days.
        source: attestation
        attestation: { expiryDays: 180 }
`;

// readiness-checklist.md 8.3
export const legacyReports: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'legacy-reports',
    annotations: { 'backstage.io/kubernetes-id': 'legacy-reports' },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'user:default/jdoe',
  },
};

export const legacyFacts: EntityFacts = {
  entity: legacyReports,
  sources: {
    kubernetes: {
      status: 'ok',
      collectedAt: '2025-05-31T23:00:00Z',
      data: {
        workloads: [
          {
            kind: 'Deployment',
            metadata: { namespace: 'reports', name: 'legacy-reports' },
            spec: {
              replicas: 1,
              template: {
                spec: {
                  containers: [
                    {
                      name: 'reports',
                      image: 'registry.example.com/legacy-reports:latest',
                    },
                  ],
                },
              },
            },
            pdbs: [],
          },
        ],
      },
    },
    repository: {
      status: 'ok',
      collectedAt: '2025-05-31T23:00:00Z',
      data: {
        files: [{ path: 'README.md', text: '# legacy-reports\nReports.\n' }],
      },
    },
  },
};

const digest = 'a'.repeat(64);
/** payments-api (readiness-checklist.md 8.1), reduced to what the checks read. */
export const paymentsFacts: EntityFacts = {
  entity: {
    ...legacyReports,
    metadata: {
      name: 'payments-api',
      description:
        'Authorises, captures and refunds card payments for the web-shop checkout.',
      annotations: {
        'backstage.io/kubernetes-id': 'payments-api',
        'readiness/tier': '1',
      },
    },
  },
  sources: {
    kubernetes: {
      status: 'ok',
      collectedAt: '2025-05-31T23:00:00Z',
      data: {
        workloads: [
          {
            kind: 'Rollout',
            metadata: { namespace: 'payments', name: 'payments-api' },
            spec: {
              template: {
                spec: {
                  containers: [
                    {
                      name: 'app',
                      image: `registry.example.com/payments-api:2.14.1@sha256:${digest}`,
                    },
                  ],
                },
              },
            },
            hpa: { spec: { minReplicas: 3, maxReplicas: 12 } },
            pdbs: [
              {
                metadata: { name: 'payments-api' },
                spec: { maxUnavailable: 1 },
              },
            ],
          },
          {
            kind: 'Deployment',
            metadata: { namespace: 'payments', name: 'payments-worker' },
            spec: {
              replicas: 2,
              template: {
                spec: {
                  containers: [
                    {
                      name: 'worker',
                      image: 'registry.example.com/payments-worker:2.14.1',
                    },
                  ],
                },
              },
            },
            pdbs: [
              {
                metadata: { name: 'payments-worker' },
                spec: { minAvailable: 1 },
              },
            ],
          },
        ],
      },
    },
    repository: {
      status: 'ok',
      collectedAt: '2025-05-31T23:00:00Z',
      data: {
        files: [
          {
            path: 'README.md',
            text: `# payments-api\n\n## Local development\n\n${'x'.repeat(
              500,
            )}`,
          },
        ],
      },
    },
  },
};
