import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { RepositoryFacts } from '../facts';
import { RepositoryFactProvider } from './RepositoryFactProvider';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

function provider() {
  return RepositoryFactProvider.fromConfig(new ConfigReader({}), {
    urlReader: mockServices.urlReader.mock(),
    logger: mockServices.logger.mock(),
  });
}

describe('RepositoryFactProvider.factsFromContent', () => {
  it('turns posted files into repository facts without reading anything', () => {
    const facts = provider().factsFromContent({
      entity,
      files: [
        {
          path: 'SECURITY.md',
          content: '# Security\n\nMail security@example.com.',
        },
        { path: 'Dockerfile', content: 'FROM node:22.11.0-slim\nUSER node\n' },
      ],
    }) as unknown as RepositoryFacts;
    expect(facts.tree.fileCount).toBe(2);
    expect(facts.dockerfiles[0].finalUser).toBe('node');
  });

  it('has nothing to say when no files are posted', () => {
    expect(provider().factsFromContent({ entity })).toBeUndefined();
  });
});
