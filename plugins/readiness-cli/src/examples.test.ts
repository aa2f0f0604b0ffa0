import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import readinessPlugin from '@readiness/backstage-plugin-readiness-backend';
import readinessModuleKubernetes, {
  parseManifests,
} from '@readiness/backstage-plugin-readiness-backend-module-kubernetes';
import readinessModuleRepository from '@readiness/backstage-plugin-readiness-backend-module-repository';
import { CheckResult } from '@readiness/backstage-plugin-readiness-common';
import { parseAllDocuments } from 'yaml';
import request from 'supertest';
import { EvaluateReport } from './evaluate';
import { main } from './main';

jest.setTimeout(120_000);

const EXAMPLES = resolve(__dirname, '../../../examples');

/** Each demo service with the cluster recording that holds its workloads. */
const SERVICES = [
  { name: 'payments-api', cluster: 'prod-eu-west-1' },
  { name: 'catalog-search', cluster: 'prod-eu-west-1' },
  { name: 'legacy-reports', cluster: 'prod-legacy' },
];

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(entry => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.isFile() ? [path] : [];
    }),
  );
  return nested.flat();
}

/** What a pipeline would post to the backend for one service. */
async function evaluateBody(service: { name: string; cluster: string }) {
  const entities = parseAllDocuments(
    await readFile(join(EXAMPLES, 'catalog/services.yaml'), 'utf8'),
  ).map(d => d.toJS() as Entity);
  const entity = entities.find(e => e?.metadata?.name === service.name)!;
  const clusterDir = join(EXAMPLES, 'kubernetes', service.cluster);
  const manifests = [];
  for (const file of (await walk(clusterDir)).filter(f => /\.ya?ml$/.test(f))) {
    manifests.push(...parseManifests(await readFile(file, 'utf8'), file));
  }
  const repoDir = join(EXAMPLES, 'repositories', service.name);
  const files = await Promise.all(
    (
      await walk(repoDir)
    ).map(async file => ({
      path: relative(repoDir, file).split(sep).join('/'),
      content: await readFile(file, 'utf8'),
    })),
  );
  return { entity, manifests, files };
}

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
    cwd: EXAMPLES,
  });
  return { code, stdout, stderr };
}

describe('readiness evaluate on the examples', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        readinessPlugin,
        readinessModuleKubernetes,
        readinessModuleRepository,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: { readiness: { kubernetes: { clusters: [] } } },
        }),
      ],
    }));
  });

  it.each(SERVICES)(
    'gives $name the statuses POST /api/readiness/evaluate gives for every automatable check',
    async service => {
      const run = await cli([
        'evaluate',
        '--repo',
        `repositories/${service.name}`,
        '--manifests',
        `kubernetes/${service.cluster}`,
        '--entity',
        'catalog/services.yaml',
        '--name',
        service.name,
        '--format',
        'json',
      ]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as EvaluateReport;
      expect(report.entityRef).toBe(`component:default/${service.name}`);

      const response = await request(server)
        .post('/api/readiness/evaluate')
        .send({
          ...(await evaluateBody(service)),
          scorecard: report.scorecardId,
        });
      expect(response.status).toBe(200);
      const backend = new Map(
        (response.body.items[0].results as CheckResult[]).map(r => [
          r.checkId,
          r.status,
        ]),
      );

      const automatable = report.checks.filter(c => c.source !== 'attestation');
      expect(automatable).toHaveLength(70);
      expect(
        Object.fromEntries(automatable.map(c => [c.id, c.status])),
      ).toEqual(
        Object.fromEntries(automatable.map(c => [c.id, backend.get(c.id)])),
      );
      const statuses = new Set(automatable.map(c => c.status));
      expect(statuses.has('pass')).toBe(true);
    },
  );

  it('orders the services as their evidence does: payments-api above catalog-search above legacy-reports', async () => {
    const levels = [];
    for (const service of SERVICES) {
      const run = await cli([
        'evaluate',
        '--repo',
        `repositories/${service.name}`,
        '--manifests',
        `kubernetes/${service.cluster}`,
        '--entity',
        'catalog/services.yaml',
        '--name',
        service.name,
        '--format',
        'json',
      ]);
      const report = JSON.parse(run.stdout) as EvaluateReport;
      levels.push(report.score ?? 0);
    }
    expect(levels[0]).toBeGreaterThan(levels[1]);
    expect(levels[1]).toBeGreaterThan(levels[2]);
  });
});
