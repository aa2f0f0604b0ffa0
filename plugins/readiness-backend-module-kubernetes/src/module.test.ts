import { startTestBackend } from '@backstage/backend-test-utils';
import readinessPlugin from '@readiness/backstage-plugin-readiness-backend';
import request from 'supertest';
import { readinessModuleKubernetes } from './module';

describe('readinessModuleKubernetes', () => {
  it('registers the kubernetes fact provider with the readiness backend', async () => {
    const { server } = await startTestBackend({
      features: [readinessPlugin, readinessModuleKubernetes],
    });

    const response = await request(server).get('/api/readiness/health');

    expect(response.status).toBe(200);
    expect(response.body.factProviders).toEqual(['kubernetes']);
  });
});
