import { createBackendModule } from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { readinessFactProvidersExtensionPoint } from '@readiness/backstage-plugin-readiness-node';
import request from 'supertest';
import { readinessPlugin } from './plugin';

const testProviderModule = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'test-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: readinessFactProvidersExtensionPoint },
      async init({ providers }) {
        providers.addFactProvider({
          id: 'test',
          collect: async () => new Map(),
        });
      },
    });
  },
});

describe('readinessPlugin', () => {
  it('serves /api/readiness/health without credentials, listing module providers', async () => {
    const { server } = await startTestBackend({
      features: [readinessPlugin, testProviderModule],
    });

    const response = await request(server).get('/api/readiness/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ok',
      database: { reachable: true },
      factProviders: ['test'],
    });
  });
});
