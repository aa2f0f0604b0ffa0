import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  contentVerdict,
  evaluateContent,
  loadDefaultScorecard,
  readDirectoryContent,
} from '@readiness/backstage-plugin-readiness-node';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import request from 'supertest';
import { CONTENT_SOURCES } from './actions/evaluateWorkspace';
import { loadTemplate, TEMPLATE_VALUES } from './__testUtils__/template';
import { scaffolderModuleReadiness } from './module';

jest.setTimeout(120_000);

const publishRoot = join(tmpdir(), 'readiness-template-publish-unused');

interface DryRunResponse {
  log: Array<{ body: { message: string; stepId?: string; status?: string } }>;
  directoryContents: Array<{ path: string; base64Content: string }>;
  steps: Array<{ id: string }>;
  output: Record<string, unknown>;
}

async function dryRun(values: Record<string, string>) {
  const { server } = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModuleReadiness,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({
        data: {
          readiness: { scaffolder: { localPublish: { root: publishRoot } } },
        },
      }),
    ],
  });
  const { template, directoryContents } = await loadTemplate();
  return request(server)
    .post('/api/scaffolder/v2/dry-run')
    .send({ template, values, directoryContents });
}

describe('the production-ready service template', () => {
  let workspace: string;

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'readiness-template-'));
  });
  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true });
  });

  it('runs through the scaffolder dry-run and its readiness step reports no failing check', async () => {
    const response = await dryRun(TEMPLATE_VALUES);
    expect({
      status: response.status,
      error: response.body.error?.message,
    }).toEqual({ status: 200, error: undefined });
    const body = response.body as DryRunResponse;
    const messages = body.log.map(l => l.body.message).join('\n');
    expect(messages).toContain(
      'Readiness of component:default/orders-api on scorecard production-readiness',
    );
    expect(messages).toContain('No automatable check fails.');
    expect(messages).toContain(
      'Dry run: would publish https://github.com/example-org/orders-api to',
    );
    expect(body.output).toMatchObject({
      links: [
        {
          title: 'Repository',
          url: 'https://github.com/example-org/orders-api',
        },
        { title: 'Open in catalog', entityRef: 'component:default/orders-api' },
      ],
    });

    for (const file of body.directoryContents) {
      const path = join(workspace, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, Buffer.from(file.base64Content, 'base64'));
    }
  });

  it('generates a workspace with zero failing automatable checks at gold', async () => {
    const scorecard = await loadDefaultScorecard();
    const { content } = await readDirectoryContent({
      repo: workspace,
      manifests: 'deploy',
      confine: true,
    });
    const [evaluation] = evaluateContent({
      content,
      scorecards: [scorecard],
      sources: CONTENT_SOURCES,
    });
    const verdict = contentVerdict(scorecard, evaluation);
    expect(verdict.failing).toEqual([]);
    expect(verdict.level).toBe('gold');
  });

  it('renders the parameters into the files that need them', async () => {
    const read = (path: string) => readFile(join(workspace, path), 'utf8');
    expect(await read('.github/CODEOWNERS')).toContain(
      '* @example-org/team-payments',
    );
    expect(await read('slo/orders-api.yaml')).toContain('target: 0.999');
    const rules = await read('deploy/prometheusrule.yaml');
    expect(rules).toContain('alert: OrdersApiHighErrorRate');
    expect(rules).toContain('> 0.001 * 14.4');
    expect(rules).toContain(
      'labels: { team: team-payments, severity: critical }',
    );
    const workflow = await read('.github/workflows/ci.yml');
    expect(workflow).toContain(
      'tags: registry.example.com/orders-api:${{ github.sha }}',
    );
    expect(workflow).not.toContain('{% raw %}');
    const descriptor = await read('catalog-info.yaml');
    expect(descriptor).toContain("readiness/tier: '1'");
    expect(descriptor).toContain('pagerduty.com/service-id: "PORDERS1"');
    expect(descriptor).toContain('system: checkout');
    expect(descriptor).not.toContain('${{');
  });
});
