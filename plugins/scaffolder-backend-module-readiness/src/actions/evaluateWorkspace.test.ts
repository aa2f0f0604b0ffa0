import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { loadDefaultScorecard } from '@readiness/backstage-plugin-readiness-node';
import { createEvaluateWorkspaceAction } from './evaluateWorkspace';

const catalogInfo = (tier: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: tiny
  description: A tiny service that exists to be evaluated by the tests.
  annotations:
    backstage.io/kubernetes-id: tiny
    readiness/tier: '${tier}'
spec:
  type: service
  lifecycle: production
  owner: group:default/team-a
`;

const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: tiny
  namespace: tiny
  labels: { backstage.io/kubernetes-id: tiny }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: tiny } }
  template:
    metadata: { labels: { app: tiny, backstage.io/kubernetes-id: tiny } }
    spec:
      containers:
        - name: app
          image: registry.example.com/tiny:latest
`;

describe('readiness:evaluate', () => {
  let root: string;
  let workspacePath: string;
  const action = createEvaluateWorkspaceAction({
    scorecards: async () => [await loadDefaultScorecard()],
  });

  async function write(files: Record<string, string>) {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(workspacePath, path)), { recursive: true });
      await writeFile(join(workspacePath, path), content);
    }
  }

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'readiness-action-'));
    workspacePath = join(root, 'workspace');
    await mkdir(workspacePath);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('outputs level, score and the failing checks with evidence, and logs a summary', async () => {
    await write({
      'catalog-info.yaml': catalogInfo('2'),
      'deploy/deployment.yaml': deployment(1),
      'README.md': '# tiny\n',
    });
    const ctx = createMockActionContext({
      workspacePath,
      input: {},
      logger: mockServices.logger.mock(),
    });
    await action.handler(ctx as any);

    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
    );
    expect(outputs.scorecardId).toBe('production-readiness');
    expect(outputs.entityRef).toBe('component:default/tiny');
    expect(outputs.level).toBe('none');
    expect(typeof outputs.score).toBe('number');
    const replicas = outputs.failingChecks.find(
      (c: { id: string }) => c.id === 'k8s-min-replicas',
    );
    expect(replicas).toMatchObject({ level: 'bronze' });
    expect(replicas.evidence.length).toBeGreaterThan(0);
    expect(outputs.failingChecks.map((c: { id: string }) => c.id)).toContain(
      'k8s-image-tag-pinned',
    );
    const logged = (ctx.logger.info as jest.Mock).mock.calls
      .map(([m]) => m)
      .join('\n');
    expect(logged).toContain(
      'Readiness of component:default/tiny on scorecard production-readiness: level none',
    );
    expect(logged).toContain('FAIL [bronze] k8s-min-replicas');
  });

  it('fails the task when the minimum level is not reached, naming the failing checks', async () => {
    await write({
      'catalog-info.yaml': catalogInfo('2'),
      'deploy/deployment.yaml': deployment(1),
    });
    const ctx = createMockActionContext({
      workspacePath,
      input: { minimumLevel: 'bronze' },
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      /component:default\/tiny reaches level none on scorecard production-readiness, below the minimum level bronze; failing: .*k8s-min-replicas \(bronze\)/,
    );
  });

  it('takes "target" as the scorecard target of the entity tier', async () => {
    await write({
      'catalog-info.yaml': catalogInfo('3'),
      'deploy/deployment.yaml': deployment(1),
    });
    const ctx = createMockActionContext({
      workspacePath,
      input: { minimumLevel: 'target' },
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      'below the minimum level bronze',
    );
    expect(ctx.output).toHaveBeenCalledWith('minimumLevel', 'bronze');
  });

  it('rejects a minimum level the scorecard does not have', async () => {
    await write({ 'catalog-info.yaml': catalogInfo('2') });
    const ctx = createMockActionContext({
      workspacePath,
      input: { minimumLevel: 'platinum' },
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      'minimumLevel: minimum level "platinum" is not a level of scorecard production-readiness; use one of bronze, silver, gold or target',
    );
  });

  it('rejects "target" when the scorecard has no target for the entity', async () => {
    await write({
      'catalog-info.yaml': catalogInfo('2').replace(
        "    readiness/tier: '2'\n",
        '',
      ),
    });
    const ctx = createMockActionContext({
      workspacePath,
      input: { minimumLevel: 'target' },
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      'minimumLevel: minimum level "target": scorecard production-readiness has no target for Component:tiny; set its readiness/tier annotation or name a level (bronze, silver, gold)',
    );
  });

  it('refuses paths that leave the workspace', async () => {
    await write({ 'catalog-info.yaml': catalogInfo('2') });
    await writeFile(join(root, 'outside.yaml'), catalogInfo('1'));
    const ctx = createMockActionContext({
      workspacePath,
      input: { entityPath: '../outside.yaml' },
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      'entity: "../outside.yaml" is outside the workspace',
    );
    const manifests = createMockActionContext({
      workspacePath,
      input: { manifestsPath: '../' },
    });
    await expect(action.handler(manifests as any)).rejects.toThrow(
      'manifests: "../" is outside the workspace',
    );
  });

  it('never follows symbolic links out of the workspace', async () => {
    await mkdir(join(root, 'secret'));
    await writeFile(
      join(root, 'secret', 'catalog-info.yaml'),
      catalogInfo('1'),
    );
    await writeFile(
      join(root, 'secret', 'deployment.yaml'),
      deployment(5).replace('tiny:latest', 'tiny:1.0.0'),
    );
    await writeFile(join(root, 'secret', 'README.md'), '# secret\n');
    await symlink(join(root, 'secret'), join(workspacePath, 'deploy'));
    await symlink(
      join(root, 'secret', 'catalog-info.yaml'),
      join(workspacePath, 'catalog-info.yaml'),
    );

    const linkedEntity = createMockActionContext({
      workspacePath,
      input: {},
      logger: mockServices.logger.mock(),
    });
    await expect(action.handler(linkedEntity as any)).rejects.toThrow(
      'entity: "catalog-info.yaml" crosses the symbolic link catalog-info.yaml, which is not followed',
    );

    await rm(join(workspacePath, 'catalog-info.yaml'));
    await write({ 'catalog-info.yaml': catalogInfo('2') });
    const linkedManifests = createMockActionContext({
      workspacePath,
      input: { manifestsPath: 'deploy' },
    });
    await expect(action.handler(linkedManifests as any)).rejects.toThrow(
      'manifests: "deploy" crosses the symbolic link deploy, which is not followed',
    );

    const tree = createMockActionContext({
      workspacePath,
      input: {},
      logger: mockServices.logger.mock(),
    });
    await action.handler(tree as any);
    expect(tree.logger.warn).toHaveBeenCalledWith('Not read: deploy (symlink)');
    const unknown = (tree.output as jest.Mock).mock.calls.find(
      ([k]) => k === 'unknownChecks',
    )[1];
    // The manifests behind the link were not read: no workload is known.
    expect(unknown).toContain('k8s-workloads-discoverable');
  });
});
