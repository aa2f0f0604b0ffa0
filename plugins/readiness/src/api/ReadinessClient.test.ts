import { ReadinessClient } from './ReadinessClient';

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

const baseUrl = 'http://backend/api/readiness';

function clientAnswering(status: number, body: unknown) {
  const fetch = jest.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
    jsonResponse(status, body),
  );
  const discoveryApi = { getBaseUrl: jest.fn(async () => baseUrl) };
  return {
    client: new ReadinessClient({ discoveryApi, fetchApi: { fetch } }),
    fetch,
    discoveryApi,
  };
}

describe('ReadinessClient', () => {
  it('reads the health report from the plugin base URL', async () => {
    const health = {
      status: 'ok',
      database: { reachable: true },
      factProviders: ['kubernetes'],
    };
    const { client, fetch, discoveryApi } = clientAnswering(200, health);

    await expect(client.getHealth()).resolves.toEqual(health);
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('readiness');
    expect(fetch).toHaveBeenCalledWith(`${baseUrl}/health`);
  });

  it('returns the report of an unhealthy backend (503)', async () => {
    const { client } = clientAnswering(503, {
      status: 'error',
      database: { reachable: false, error: 'Error: down' },
      factProviders: [],
    });

    await expect(client.getHealth()).resolves.toMatchObject({
      database: { reachable: false, error: 'Error: down' },
    });
  });

  it('throws a ResponseError carrying the status and the backend message', async () => {
    const { client } = clientAnswering(403, {
      error: { name: 'NotAllowedError', message: 'Missing permission' },
      response: { statusCode: 403 },
    });

    await expect(client.getScorecards()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: { error: { message: 'Missing permission' } },
    });
  });

  it('addresses an entity by kind, namespace and name, URL-encoded', async () => {
    const { client, fetch } = clientAnswering(200, {
      entityRef: 'component:default/a b',
      scorecards: [],
    });

    await client.getEntityReadiness('component:default/a b');
    await client.getEntityReadiness({
      kind: 'Component',
      namespace: 'ns',
      name: 'x',
    });

    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/entities/component/default/a%20b`,
    );
    expect(fetch.mock.calls[1][0]).toBe(`${baseUrl}/entities/Component/ns/x`);
  });

  it('sends overview filters as repeated query parameters and leaves empty ones out', async () => {
    const { client, fetch } = clientAnswering(200, {
      groups: { items: [], total: 0 },
      topFailingChecks: [],
    });

    await client.getOverview({
      scorecard: 'default',
      groupBy: 'system',
      sort: 'averageScore',
      order: 'desc',
      limit: 25,
      offset: 50,
      filters: {
        owner: ['group:default/a', 'group:default/b'],
        level: ['none'],
        tier: [],
        search: '  pay ',
      },
    });

    const url = new URL(String(fetch.mock.calls[0][0]));
    expect(url.pathname).toBe('/api/readiness/overview');
    expect(url.searchParams.getAll('owner')).toEqual([
      'group:default/a',
      'group:default/b',
    ]);
    expect(url.searchParams.get('level')).toBe('none');
    expect(url.searchParams.has('tier')).toBe(false);
    expect(url.searchParams.get('search')).toBe('pay');
    expect(url.searchParams.get('groupBy')).toBe('system');
    expect(url.searchParams.get('sort')).toBe('averageScore');
    expect(url.searchParams.get('order')).toBe('desc');
    expect(url.searchParams.get('limit')).toBe('25');
    expect(url.searchParams.get('offset')).toBe('50');
  });

  it('unwraps the items of list answers', async () => {
    const trend = [
      { day: '2026-01-01', levels: { none: 1 }, averageScore: 10 },
    ];
    const { client, fetch } = clientAnswering(200, { items: trend });

    await expect(
      client.getTrend({ from: '2026-01-01', filters: { system: ['s'] } }),
    ).resolves.toEqual(trend);
    await expect(
      client.getEntityHistory('component:default/x', { from: '2026-01-01' }),
    ).resolves.toEqual(trend);
    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/trend?from=2026-01-01&system=s`,
    );
    expect(fetch.mock.calls[1][0]).toBe(
      `${baseUrl}/entities/component/default/x/history?from=2026-01-01`,
    );
  });

  it('asks for drill-down results of one check with statuses and paging', async () => {
    const { client, fetch } = clientAnswering(200, { items: [], total: 0 });

    await client.getCheckResults('k8s replicas', {
      status: ['fail', 'unknown'],
      limit: 10,
      offset: 0,
    });

    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/checks/k8s%20replicas/results?status=fail&status=unknown&limit=10&offset=0`,
    );
  });

  it('posts attestations and exemptions as JSON', async () => {
    const { client, fetch } = clientAnswering(201, { id: '1' });

    await client.createAttestation('component:default/x', {
      checkId: 'runbook',
      evidenceUrl: 'https://wiki/runbook',
    });
    await client.createExemption('component:default/x', {
      checkId: 'k8s-replicas',
      reason: 'Batch job, one replica is enough',
      expiresAt: '2030-01-01T00:00:00.000Z',
    });

    const [attestUrl, attestInit] = fetch.mock.calls[0];
    expect(attestUrl).toBe(
      `${baseUrl}/entities/component/default/x/attestations`,
    );
    expect(attestInit).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(JSON.parse(attestInit!.body as string)).toEqual({
      checkId: 'runbook',
      evidenceUrl: 'https://wiki/runbook',
    });
    expect(fetch.mock.calls[1][0]).toBe(
      `${baseUrl}/entities/component/default/x/exemptions`,
    );
  });

  it('refreshes with POST and revokes exemptions with DELETE', async () => {
    const { client, fetch } = clientAnswering(200, {});

    await client.refreshEntity('component:default/x');
    await client.revokeExemption('component:default/x', 'ex/1');

    expect(fetch.mock.calls[0]).toEqual([
      `${baseUrl}/entities/component/default/x/refresh`,
      { method: 'POST' },
    ]);
    expect(fetch.mock.calls[1]).toEqual([
      `${baseUrl}/entities/component/default/x/exemptions/ex%2F1`,
      { method: 'DELETE' },
    ]);
  });

  it('revokes attestations with DELETE and reads the audit trail', async () => {
    const { client, fetch } = clientAnswering(200, {
      items: [{ action: 'attestation.created', recordId: 'a1' }],
    });

    await client.revokeAttestation('component:default/x', 'a/1');
    const trail = await client.getAuditTrail('component:default/x');

    expect(fetch.mock.calls[0]).toEqual([
      `${baseUrl}/entities/component/default/x/attestations/a%2F1`,
      { method: 'DELETE' },
    ]);
    expect(fetch.mock.calls[1][0]).toBe(
      `${baseUrl}/entities/component/default/x/audit`,
    );
    expect(trail).toEqual([{ action: 'attestation.created', recordId: 'a1' }]);
  });

  it('downloads an export as a blob', async () => {
    const fetch = jest.fn(
      async () =>
        new Response('entityRef,level\ncomponent:default/x,gold\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv' },
        }),
    );
    const client = new ReadinessClient({
      discoveryApi: { getBaseUrl: async () => baseUrl },
      fetchApi: { fetch },
    });

    const blob = await client.exportResults({
      format: 'csv',
      filters: { owner: ['group:default/a'] },
    });

    expect(await blob.text()).toContain('component:default/x,gold');
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/export?format=csv&owner=group%3Adefault%2Fa`,
    );
  });
});
