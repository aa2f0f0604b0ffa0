import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { ReadinessStore } from '../database/ReadinessStore';
import { FactProviderRegistry } from '../providers/FactProviderRegistry';
import { createRouter } from './router';

describe('createRouter', () => {
  const store: jest.Mocked<ReadinessStore> = { ping: jest.fn() };
  let app: express.Express;

  beforeEach(async () => {
    jest.resetAllMocks();
    const providers = new FactProviderRegistry();
    providers.add({ id: 'kubernetes', collect: async () => new Map() });
    app = express().use(
      await createRouter({
        store,
        providers,
        logger: mockServices.logger.mock(),
      }),
    );
  });

  it('GET /health reports a reachable database and the fact providers', async () => {
    store.ping.mockResolvedValue();
    const response = await request(app).get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ok',
      database: { reachable: true },
      factProviders: ['kubernetes'],
    });
  });

  it('GET /health answers 503 and names the cause when the database is down', async () => {
    store.ping.mockRejectedValue(
      new Error('connect ECONNREFUSED 127.0.0.1:5432'),
    );
    const response = await request(app).get('/health');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      status: 'error',
      database: {
        reachable: false,
        error: 'Error: connect ECONNREFUSED 127.0.0.1:5432',
      },
      factProviders: ['kubernetes'],
    });
  });
});
