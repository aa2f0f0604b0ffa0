import { collectCi } from '.';

const ci = (files: Record<string, string>, ref: string | null = 'main') =>
  collectCi(
    Object.entries(files).map(([path, content]) => ({
      path,
      size: content.length,
      content,
    })),
    ref,
  ).ci;

const workflow = (on: string, steps: string[]) =>
  `on: ${on}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps
    .map(s => `      - ${s}`)
    .join('\n')}\n`;

describe('collectCi', () => {
  describe('GitHub Actions', () => {
    it('checks push and pull_request branch filters against the ref read', () => {
      const facts = ci({
        '.github/workflows/main.yml': workflow(
          '{ push: { branches: [main] } }',
          ['run: go test ./...'],
        ),
        '.github/workflows/release.yml': workflow(
          '{ push: { branches: ["release/**"] } }',
          ['run: go test ./...'],
        ),
        '.github/workflows/pr.yml': workflow(
          '{ pull_request: { branches-ignore: [main] } }',
          ['run: go test ./...'],
        ),
      });
      expect(
        ci(
          { '.github/workflows/x.yml': workflow('[push]', ['run: make test']) },
          'trunk',
        ).definitions[0],
      ).toMatchObject({ onDefaultBranch: true });
      expect(
        facts.definitions.map(d => [
          d.path,
          d.onDefaultBranch,
          d.onPullRequest,
        ]),
      ).toEqual([
        ['.github/workflows/main.yml', true, false],
        ['.github/workflows/release.yml', false, false],
        ['.github/workflows/pr.yml', false, true],
      ]);
    });

    it('follows local reusable workflows and composite actions with the caller triggers', () => {
      const facts = ci({
        '.github/workflows/ci.yml':
          'on: pull_request\njobs:\n  checks:\n    uses: ./.github/workflows/checks.yml\n',
        '.github/workflows/checks.yml': workflow('workflow_call', [
          'uses: ./.github/actions/scan',
        ]),
        '.github/actions/scan/action.yml':
          'runs:\n  using: composite\n  steps:\n    - run: osv-scanner -r .\n      shell: bash\n',
      });
      expect(facts.dependencyScan).toEqual([
        expect.objectContaining({
          file: '.github/workflows/ci.yml',
          job: 'checks/build',
          tool: 'osv-scanner',
          onPullRequest: true,
        }),
        expect.objectContaining({
          file: '.github/workflows/checks.yml',
          onPullRequest: false,
        }),
      ]);
    });

    it('leaves a category out, instead of empty, when a workflow from another repository was not followed', () => {
      const facts = ci({
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  shared:\n    uses: example-org/workflows/.github/workflows/node.yml@v3\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx eslint .\n',
      });
      expect(facts.externalReferences).toEqual([
        {
          file: '.github/workflows/ci.yml',
          reference: 'example-org/workflows/.github/workflows/node.yml@v3',
        },
      ]);
      expect(facts.lint).toHaveLength(1);
      expect(facts.tests).toBeUndefined();
      expect(facts.imageScan).toBeUndefined();
    });

    it('ignores tool installation and records which severities fail an image scan', () => {
      const facts = ci({
        '.github/workflows/scan.yml': workflow('pull_request', [
          'run: pip install pip-audit',
          'run: grype registry.example.com/app:1 --fail-on high',
          'uses: anchore/scan-action@v4\n        with: { image: "app:1", fail-build: false }',
          'run: trivy image --severity CRITICAL app:1',
          'run: docker scout cves --exit-code --only-severity critical app:1',
        ]),
      });
      expect(facts.dependencyScan?.map(m => m.tool)).toEqual(['grype']);
      expect(facts.imageScan?.map(m => [m.tool, m.failsOn])).toEqual([
        ['grype', ['CRITICAL', 'HIGH']],
        ['anchore/scan-action', []],
        ['trivy image', []],
        ['docker scout cves', ['CRITICAL']],
      ]);
    });
  });

  describe('GitLab CI', () => {
    it('merges local includes and extends, and reads job rules', () => {
      const facts = ci({
        '.gitlab-ci.yml': [
          'include:',
          '  - local: /ci/test.yml',
          '  - template: Jobs/Dependency-Scanning.gitlab-ci.yml',
          'stages: [test, deploy]',
          'deploy:',
          '  stage: deploy',
          '  environment: { name: production }',
          '  rules: [{ if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH }]',
          '  script: [kubectl apply -k deploy/]',
        ].join('\n'),
        'ci/test.yml':
          '.node:\n  image: node:20\n  before_script: [npm ci]\nunit:\n  extends: .node\n  stage: test\n  script: [npm test]\n',
      });
      expect(facts.externalReferences).toEqual([]);
      expect(facts.tests).toEqual([
        expect.objectContaining({
          job: 'unit',
          step: 'npm test',
          onPullRequest: true,
        }),
      ]);
      expect(facts.dependencyScan?.map(m => m.tool)).toEqual([
        'gitlab dependency scanning',
      ]);
      expect(facts.deploy).toEqual([
        expect.objectContaining({
          job: 'deploy',
          environment: 'production',
          onPullRequest: false,
          onDefaultBranch: true,
        }),
      ]);
    });

    it('treats a pipeline whose workflow rules never match as switched off', () => {
      const facts = ci({
        '.gitlab-ci.yml':
          'workflow:\n  rules: [{ when: never }]\ntest:\n  script: [make test]\n',
      });
      expect(facts.definitions[0]).toMatchObject({
        onDefaultBranch: false,
        onPullRequest: false,
      });
    });
  });

  it('reads Jenkins, Azure Pipelines, CircleCI, Bitbucket, Buildkite and Tekton definitions', () => {
    const facts = ci({
      Jenkinsfile:
        'pipeline { stages { stage(\'Test\') { steps { sh \'mvn -B verify\' } } stage(\'Image\') { steps { sh """\n docker build -t app .\n""" } } } }',
      'azure-pipelines.yml':
        'trigger: none\npr: none\nsteps:\n  - script: dotnet test\n',
      '.circleci/config.yml':
        'version: 2.1\njobs:\n  test:\n    steps:\n      - checkout\n      - run: { name: lint, command: npm run lint }\n',
      'bitbucket-pipelines.yml':
        'pipelines:\n  pull-requests:\n    "**":\n      - step: { name: audit, script: [pnpm audit] }\n',
      '.buildkite/pipeline.yml':
        'steps:\n  - label: e2e\n    command: npx playwright test\n',
      '.tekton/push.yaml':
        'apiVersion: tekton.dev/v1\nkind: PipelineRun\nmetadata:\n  name: push\n  annotations:\n    pipelinesascode.tekton.dev/on-event: "[push]"\nspec:\n  pipelineSpec:\n    tasks:\n      - name: build\n        taskSpec:\n          steps:\n            - name: kaniko\n              image: gcr.io/kaniko-project/executor:v1.23.0\n',
    });
    const systems = Object.fromEntries(
      facts.definitions.map(d => [d.system, d]),
    );
    expect(systems['azure-pipelines']).toMatchObject({
      onPullRequest: false,
      onDefaultBranch: false,
    });
    expect(systems.jenkins).toMatchObject({
      onPullRequest: true,
      onDefaultBranch: true,
    });
    expect(systems.tekton).toMatchObject({
      onPullRequest: false,
      onDefaultBranch: true,
    });
    expect(facts.tests?.map(m => m.system).sort()).toEqual([
      'azure-pipelines',
      'jenkins',
    ]);
    expect(facts.imageBuild?.map(m => m.system).sort()).toEqual([
      'jenkins',
      'tekton',
    ]);
    expect(facts.lint?.map(m => m.system)).toEqual(['circleci']);
    expect(facts.dependencyScan?.map(m => m.system)).toEqual([
      'bitbucket-pipelines',
    ]);
    expect(facts.e2eTests?.map(m => m.system)).toEqual(['buildkite']);
  });
});
