import { buildRepositoryFacts } from './buildFacts';

const files = (entries: Record<string, string>) =>
  Object.entries(entries).map(([path, content]) => ({ path, content }));

describe('Kubernetes manifests in the tree', () => {
  it('lists deprecated API versions, also in last-applied-configuration and Helm templates', () => {
    const facts = buildRepositoryFacts({
      files: files({
        'deploy/app.yaml': [
          'apiVersion: extensions/v1beta1',
          'kind: Ingress',
          'metadata: { name: web }',
          '---',
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          '  name: web',
          '  annotations:',
          '    kubectl.kubernetes.io/last-applied-configuration: \'{"apiVersion":"apps/v1beta2","kind":"Deployment"}\'',
        ].join('\n'),
        'charts/web/templates/pdb.yaml':
          'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  minAvailable: {{ .Values.min }}\n',
        'charts/web/templates/hpa.yaml':
          'apiVersion: {{ include "hpa.apiVersion" . }}\nkind: HorizontalPodAutoscaler\n',
      }),
    });
    expect(
      facts.kubernetes.deprecatedApiVersions.map(d => [
        d.path,
        d.kind,
        d.apiVersion,
        d.expected,
        d.foundIn,
      ]),
    ).toEqual([
      [
        'charts/web/templates/pdb.yaml',
        'PodDisruptionBudget',
        'policy/v1beta1',
        'policy/v1',
        'manifest',
      ],
      [
        'deploy/app.yaml',
        'Ingress',
        'extensions/v1beta1',
        'networking.k8s.io/v1',
        'manifest',
      ],
      [
        'deploy/app.yaml',
        'Deployment',
        'apps/v1beta2',
        'apps/v1',
        'last-applied-configuration',
      ],
    ]);
    expect(facts.kubernetes.unresolvedApiVersions).toEqual([
      {
        path: 'charts/web/templates/hpa.yaml',
        kind: 'HorizontalPodAutoscaler',
      },
    ]);
  });

  it('finds migration runners and smoke tests in hooks, Jobs, init containers and CI', () => {
    const facts = buildRepositoryFacts({
      files: files({
        'k8s/migrate.yaml':
          'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: pre-upgrade,pre-install\nspec:\n  template:\n    spec:\n      containers:\n        - name: m\n          command: [flyway, migrate]\n',
        'k8s/deploy.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: schema\n          args: [alembic, upgrade, head]\n',
        'k8s/test.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata:\n  name: smoke\n  annotations:\n    helm.sh/hook: test\n',
        '.gitlab-ci.yml': [
          'stages: [build, deploy, verify]',
          'deploy:',
          '  stage: deploy',
          '  environment: production',
          '  script: [helm upgrade --install api charts/api]',
          'smoke:',
          '  stage: verify',
          '  script: [./scripts/smoke.sh https://api.example.com]',
        ].join('\n'),
      }),
    });
    expect(facts.migrationRunners?.map(r => r.via)).toEqual([
      'helm-hook',
      'init-container',
    ]);
    expect(facts.smokeTests).toEqual([
      expect.objectContaining({ via: 'helm-test', wired: false }),
      expect.objectContaining({
        via: 'ci',
        path: '.gitlab-ci.yml',
        wired: true,
      }),
    ]);
    expect(facts.ci?.deploy).toEqual([
      expect.objectContaining({
        tool: 'helm',
        environment: 'production',
        nonProduction: false,
      }),
    ]);
  });

  it('recognises SLOs, API specs and TechDocs sites', () => {
    const facts = buildRepositoryFacts({
      files: files({
        'slo/pyrra.yaml':
          'apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata:\n  name: api\n',
        'api/openapi.json': '{"openapi": "3.1.0", "info": {"title": "x"}}',
        'proto/search.proto': 'syntax = "proto3";\n',
        'site/mkdocs.yml': 'site_name: x\ndocs_dir: pages\n',
        'site/pages/index.md': '# x\n',
      }),
    });
    expect(facts.slos).toEqual([
      { path: 'slo/pyrra.yaml', format: 'pyrra', name: 'api' },
    ]);
    expect(facts.apiSpecs.map(s => [s.path, s.type])).toEqual([
      ['api/openapi.json', 'openapi'],
      ['proto/search.proto', 'grpc'],
    ]);
    expect(facts.techdocs).toEqual([
      {
        path: 'site/mkdocs.yml',
        dir: 'site',
        docsDir: 'pages',
        hasIndex: true,
        refs: ['dir:site', 'dir:./site', 'dir:site/', 'dir:./site/'],
      },
    ]);
  });
});
