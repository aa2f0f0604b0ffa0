import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { RepositoryFactProvider } from '@readiness/backstage-plugin-readiness-backend-module-repository';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import {
  loadTemplate,
  TEMPLATE_DIR,
  TEMPLATE_VALUES,
} from './__testUtils__/template';
import { scaffolderModuleReadiness } from './module';

jest.setTimeout(120_000);

describe('the production-ready service template, run for real', () => {
  let publishRoot: string;

  beforeAll(async () => {
    publishRoot = await mkdtemp(join(tmpdir(), 'readiness-published-'));
  });
  afterAll(async () => {
    await rm(publishRoot, { recursive: true, force: true });
  });

  it('generates, checks and publishes the service where its GitHub URL points, offline', async () => {
    const { template } = await loadTemplate();
    const templateEntity: Entity = {
      ...template,
      metadata: {
        ...template.metadata,
        namespace: 'default',
        annotations: {
          'backstage.io/managed-by-location': `file:${join(
            TEMPLATE_DIR,
            'template.yaml',
          )}`,
        },
      },
    };
    const inMemory = catalogServiceMock({ entities: [templateEntity] });
    const catalog = catalogServiceMock.mock({
      getEntityByRef: inMemory.getEntityByRef.bind(inMemory),
      getEntitiesByRefs: inMemory.getEntitiesByRefs.bind(inMemory),
      getEntities: inMemory.getEntities.bind(inMemory),
    });
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleReadiness,
        catalog.factory,
        mockServices.rootConfig.factory({
          data: {
            readiness: {
              scaffolder: {
                localPublish: {
                  root: publishRoot,
                  catalogLocation:
                    'location:default/readiness-published-services',
                },
              },
            },
          },
        }),
      ],
    });

    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .send({
        templateRef: 'template:default/production-ready-service',
        values: TEMPLATE_VALUES,
      });
    expect({ status: created.status, body: created.body }).toMatchObject({
      status: 201,
    });

    let task: { status: string } = { status: 'open' };
    for (
      let i = 0;
      i < 200 && ['open', 'processing'].includes(task.status);
      i++
    ) {
      await new Promise(resolve => setTimeout(resolve, 250));
      task = (
        await request(server).get(`/api/scaffolder/v2/tasks/${created.body.id}`)
      ).body;
    }
    const events = await request(server)
      .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
      .query({});
    const log = (events.body as Array<{ body: { message?: string } }>)
      .map(e => e.body.message ?? '')
      .join('\n');
    expect({ status: task.status, log }).toMatchObject({ status: 'completed' });
    expect(log).toContain('No automatable check fails.');

    const published = join(
      publishRoot,
      'github.com/example-org/orders-api/tree/main',
    );
    const descriptor = await readFile(
      join(published, 'catalog-info.yaml'),
      'utf8',
    );
    expect(descriptor).toContain(
      'backstage.io/source-location: url:https://github.com/example-org/orders-api/tree/main/',
    );
    expect(
      await readFile(join(published, 'deploy/rollout.yaml'), 'utf8'),
    ).toContain('replicas: 2');
    expect(catalog.refreshEntity).toHaveBeenCalledWith(
      'location:default/readiness-published-services',
      expect.anything(),
    );

    // The demo's repository mirror reads the published tree at the
    // service's GitHub URL.
    const entity = parseAllDocuments(descriptor)[0].toJS() as Entity;
    const repositories = RepositoryFactProvider.fromConfig(
      mockServices.rootConfig({
        data: {
          readiness: {
            repository: {
              allowedLocalRoots: [publishRoot],
              mirrors: [
                {
                  from: 'https://github.com/',
                  to: `file:${publishRoot}/github.com/`,
                },
              ],
            },
          },
        },
      }),
      {
        urlReader: mockServices.urlReader.mock(),
        logger: mockServices.logger.mock(),
      },
    );
    const facts = await repositories.collect({ entities: [entity] });
    const collected = facts.get('component:default/orders-api');
    if (collected?.status !== 'ok') {
      throw new Error(
        `expected repository facts, got ${JSON.stringify(collected)}`,
      );
    }
    const { tree } = collected.data as { tree: { fileCount: number } };
    // Every file of the skeleton, read from the published directory.
    expect(tree.fileCount).toBeGreaterThan(30);
  });
});
