import { ReadinessClient } from './ReadinessClient';

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('ReadinessClient', () => {
  const discoveryApi = {
    getBaseUrl: jest.fn(async () => 'http://backend/api/readiness'),
  };

  it('reads the health report from the plugin base URL', async () => {
    const fetch = jest.fn(async () =>
      jsonResponse(200, {
        status: 'ok',
        database: { reachable: true },
        factProviders: ['kubernetes'],
      }),
    );
    const client = new ReadinessClient({ discoveryApi, fetchApi: { fetch } });

    await expect(client.getHealth()).resolves.toEqual({
      status: 'ok',
      database: { reachable: true },
      factProviders: ['kubernetes'],
    });
    expect(fetch).toHaveBeenCalledWith('http://backend/api/readiness/health');
  });

  it('returns the report of an unhealthy backend (503)', async () => {
    const fetch = jest.fn(async () =>
      jsonResponse(503, {
        status: 'error',
        database: { reachable: false, error: 'Error: down' },
        factProviders: [],
      }),
    );
    const client = new ReadinessClient({ discoveryApi, fetchApi: { fetch } });

    await expect(client.getHealth()).resolves.toMatchObject({
      database: { reachable: false, error: 'Error: down' },
    });
  });

  it('throws a ResponseError for other failures', async () => {
    const fetch = jest.fn(async () =>
      jsonResponse(500, {
        error: { name: 'Error', message: 'boom' },
        response: { statusCode: 500 },
      }),
    );
    const client = new ReadinessClient({ discoveryApi, fetchApi: { fetch } });

    await expect(client.getHealth()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 500,
    });
  });
});
