import {
  mkdir,
  mkdtemp,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createPublishRepositoryAction } from './publishRepository';

const integrations = ScmIntegrations.fromConfig(mockServices.rootConfig());
const repoUrl = 'github.com?owner=example-org&repo=orders-api';

describe('readiness:repository:publish', () => {
  let dir: string;
  let workspacePath: string;
  let root: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'readiness-publish-'));
    workspacePath = join(dir, 'workspace');
    root = join(dir, 'published');
    await mkdir(join(workspacePath, 'docs'), { recursive: true });
    await writeFile(
      join(workspacePath, 'catalog-info.yaml'),
      'kind: Component\n',
    );
    await writeFile(join(workspacePath, 'docs', 'runbook.md'), '# Runbook\n');
    await writeFile(join(dir, 'secret.txt'), 'secret');
    await symlink(
      join(dir, 'secret.txt'),
      join(workspacePath, 'docs', 'linked.txt'),
    );
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the workspace where its tree URL points, skips links and refreshes the catalog Location', async () => {
    const catalog = catalogServiceMock.mock();
    const action = createPublishRepositoryAction({
      publish: { root, catalogLocation: 'location:default/published-services' },
      integrations,
      catalog,
    });
    const ctx = createMockActionContext({
      workspacePath,
      input: { repoUrl, defaultBranch: 'main' },
      logger: mockServices.logger.mock(),
    });
    await action.handler(ctx as any);

    const target = join(root, 'github.com/example-org/orders-api/tree/main');
    expect(await readFile(join(target, 'docs/runbook.md'), 'utf8')).toBe(
      '# Runbook\n',
    );
    await expect(readFile(join(target, 'docs/linked.txt'))).rejects.toThrow(
      'ENOENT',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'remoteUrl',
      'https://github.com/example-org/orders-api',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'repoContentsUrl',
      'https://github.com/example-org/orders-api/tree/main/',
    );
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      'Symbolic links not published: docs/linked.txt',
    );
    expect(catalog.refreshEntity).toHaveBeenCalledWith(
      'location:default/published-services',
      {
        credentials: mockCredentials.user(),
      },
    );

    const again = createMockActionContext({
      workspacePath,
      input: { repoUrl, defaultBranch: 'main' },
    });
    await expect(action.handler(again as any)).rejects.toThrow(
      'https://github.com/example-org/orders-api is already published',
    );
  });

  it('writes nothing in a dry run', async () => {
    const action = createPublishRepositoryAction({
      publish: { root },
      integrations,
      catalog: catalogServiceMock.mock(),
    });
    const ctx = {
      ...createMockActionContext({
        workspacePath,
        input: { repoUrl, defaultBranch: 'main' },
      }),
      isDryRun: true,
    };
    await action.handler(ctx as any);
    await expect(
      readFile(
        join(
          root,
          'github.com/example-org/orders-api/tree/main/catalog-info.yaml',
        ),
      ),
    ).rejects.toThrow('ENOENT');
  });

  it('names the missing config and refuses paths out of the workspace', async () => {
    const unconfigured = createPublishRepositoryAction({
      integrations,
      catalog: catalogServiceMock.mock(),
    });
    await expect(
      unconfigured.handler(
        createMockActionContext({
          workspacePath,
          input: { repoUrl, defaultBranch: 'main' },
        }) as any,
      ),
    ).rejects.toThrow('readiness.scaffolder.localPublish.root');

    const action = createPublishRepositoryAction({
      publish: { root },
      integrations,
      catalog: catalogServiceMock.mock(),
    });
    await expect(
      action.handler(
        createMockActionContext({
          workspacePath,
          input: { repoUrl, defaultBranch: 'main', sourcePath: '../' },
        }) as any,
      ),
    ).rejects.toThrow('sourcePath: "../" is outside the workspace');
    await expect(
      action.handler(
        createMockActionContext({
          workspacePath,
          input: {
            repoUrl: 'github.com?owner=..&repo=x',
            defaultBranch: 'main',
          },
        }) as any,
      ),
    ).rejects.toThrow('needs an owner and a repo');
  });
});
