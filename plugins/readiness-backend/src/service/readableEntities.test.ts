import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { ReadableEntities } from './readableEntities';

const stored = ['component:default/a', 'component:default/b'];

function readableWith(decision: PolicyDecision) {
  const catalog = catalogServiceMock.mock({
    getEntitiesByRefs: async ({ entityRefs }) => ({
      items: entityRefs.map(ref =>
        ref === stored[0]
          ? { apiVersion: 'v1', kind: 'Component', metadata: { name: 'a' } }
          : undefined,
      ),
    }),
  });
  const permissions = mockServices.permissions.mock({
    authorizeConditional: async () => [decision] as any,
  });
  const readable = new ReadableEntities({
    catalog,
    permissions,
    store: { listScoredEntityRefs: async () => stored },
  });
  return { readable, catalog, permissions };
}

describe('ReadableEntities', () => {
  const credentials = mockCredentials.user('user:default/alice');

  it('restricts nothing, without asking the catalog, when the policy allows reading every entity', async () => {
    const { readable, catalog, permissions } = readableWith({
      result: AuthorizeResult.ALLOW,
    });
    await expect(readable.refs(credentials)).resolves.toBeUndefined();
    expect(catalog.getEntitiesByRefs).not.toHaveBeenCalled();
    expect(permissions.authorizeConditional).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({ name: 'catalog.entity.read' }),
        },
      ],
      { credentials },
    );
  });

  it('restricts to nothing when the policy denies reading entities', async () => {
    const { readable, catalog } = readableWith({
      result: AuthorizeResult.DENY,
    });
    await expect(readable.refs(credentials)).resolves.toEqual([]);
    expect(catalog.getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('asks the catalog, with the caller credentials, which stored entities it returns on a conditional decision, and reuses the answer', async () => {
    const { readable, catalog } = readableWith({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: ['user:default/alice'] },
      },
    });
    await expect(readable.refs(credentials)).resolves.toEqual([stored[0]]);
    await expect(readable.refs(credentials)).resolves.toEqual([stored[0]]);
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledWith(
      expect.objectContaining({ entityRefs: stored }),
      { credentials },
    );
  });
});
