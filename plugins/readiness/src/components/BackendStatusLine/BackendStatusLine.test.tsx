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
