import { startTestBackend } from '@backstage/backend-test-utils';
import readinessPlugin from '@readiness/backstage-plugin-readiness-backend';
import request from 'supertest';
import { readinessModuleRepository } from './module';

describe('readinessModuleRepository', () => {
  it('registers the repository fact provider with the readiness backend', async () => {
    const { server } = await startTestBackend({
      features: [readinessPlugin, readinessModuleRepository],
    });

    const response = await request(server).get('/api/readiness/health');

    expect(response.status).toBe(200);
    expect(response.body.factProviders).toEqual(['repository']);
  });
});
