import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { RepositoryFactProvider } from '../provider/RepositoryFactProvider';
import { EXAMPLE_REPOSITORIES } from './exampleTrees';

/** A fresh temporary directory. */
export function tempDir(prefix = 'readiness-repo-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A provider with Backstage's real UrlReaders built from `config`. */
export function createProvider(config: JsonObject): RepositoryFactProvider {
  const reader = new ConfigReader(config);
  const logger = mockServices.logger.mock();
  return RepositoryFactProvider.fromConfig(reader, {
    urlReader: UrlReaders.default({ config: reader, logger }),
    logger,
  });
}

/** A Component whose annotations point at a tree. */
export function entityAt(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team',
    },
  };
}

/** The files of an example repository as `path -> content`, for committing. */
export function exampleFiles(name: string): Record<string, string> {
  const root = join(EXAMPLE_REPOSITORIES, name);
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else
        files[relative(root, path).split('\\').join('/')] = readFileSync(
          path,
          'utf8',
        );
    }
  };
  walk(root);
  return files;
}
