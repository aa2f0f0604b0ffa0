import { screen } from '@testing-library/react';
import { mockReadinessApi } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { BackendStatusLine } from './BackendStatusLine';

describe('BackendStatusLine', () => {
  it('says why the database is not reachable', async () => {
    const api = mockReadinessApi({
      getHealth: async () => ({
        status: 'error',
        database: { reachable: false, error: 'Error: connection refused' },
        factProviders: [],
      }),
    });

    await renderWithApis(<BackendStatusLine />, { api });

    expect(
      await screen.findByText(
        'Backend error · database not reachable: Error: connection refused · fact providers: none installed',
      ),
    ).toBeInTheDocument();
  });

  it('names each failing fact source and unhealthy cluster with its cause', async () => {
    const api = mockReadinessApi({
      getHealth: async () => ({
        status: 'ok',
        database: { reachable: true },
        factProviders: ['kubernetes', 'repository'],
      }),
      getStatus: async () => ({
        providers: ['catalog', 'kubernetes', 'repository'],
        sources: [
          {
            source: 'catalog',
            entities: 12,
            failing: 0,
            lastSuccessAt: '2026-11-23T10:00:00.000Z',
            lastAttemptAt: '2026-11-23T10:00:00.000Z',
            lastError: null,
          },
          {
            source: 'kubernetes',
            entities: 12,
            failing: 3,
            lastSuccessAt: '2026-11-23T09:00:00.000Z',
            lastAttemptAt: '2026-11-23T10:00:00.000Z',
            lastError: 'cluster prod-legacy: 500 Internal Server Error',
          },
          {
            source: 'repository',
            entities: 2,
            failing: 2,
            lastSuccessAt: null,
            lastAttemptAt: '2026-11-23T10:00:00.000Z',
            lastError: 'Could not read https://github.example.com/a/b',
          },
        ],
        targets: [
          {
            provider: 'kubernetes',
            targets: [
              { name: 'prod-a', healthy: true },
              {
                name: 'prod-legacy',
                healthy: false,
                lastSuccessAt: '2026-11-23T09:00:00.000Z',
                lastError: '500 Internal Server Error (GET /api/v1/pods)',
              },
            ],
          },
        ],
      }),
    });

    await renderWithApis(<BackendStatusLine />, { api });

    expect(
      await screen.findByText(
        'kubernetes: 3 of 12 entities not refreshed, earlier facts stay in use until they reach their maximum age: cluster prod-legacy: 500 Internal Server Error',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'repository: 2 of 2 entities not refreshed, their checks are unknown: Could not read https://github.example.com/a/b',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'kubernetes prod-legacy unhealthy (last answer 2026-11-23T09:00:00.000Z): 500 Internal Server Error (GET /api/v1/pods)',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/catalog:/)).not.toBeInTheDocument();
    expect(screen.queryByText(/prod-a/)).not.toBeInTheDocument();
  });

  it('says when the backend cannot be reached', async () => {
    const api = mockReadinessApi({
      getHealth: async () => {
        throw new Error('Failed to fetch');
      },
    });

    await renderWithApis(<BackendStatusLine />, { api });

    expect(
      await screen.findByText('Readiness backend unreachable: Failed to fetch'),
    ).toBeInTheDocument();
  });
});
