import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ReadinessApi, readinessApiRef } from '../../api';
import { ReadinessPage } from './ReadinessPage';

function renderWith(api: Partial<ReadinessApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[readinessApiRef, api]]}>
      <ReadinessPage />
    </TestApiProvider>,
  );
}

describe('ReadinessPage', () => {
  it('shows the backend status and its fact providers', async () => {
    await renderWith({
      getHealth: async () => ({
        status: 'ok',
        database: { reachable: true },
        factProviders: ['kubernetes', 'repository'],
      }),
    });

    expect(screen.getByText('Production readiness')).toBeInTheDocument();
    expect(await screen.findByText('reachable')).toBeInTheDocument();
    expect(screen.getByText('kubernetes, repository')).toBeInTheDocument();
  });

  it('says why when the database is not reachable', async () => {
    await renderWith({
      getHealth: async () => ({
        status: 'error',
        database: { reachable: false, error: 'Error: connection refused' },
        factProviders: [],
      }),
    });

    expect(
      await screen.findByText('not reachable: Error: connection refused'),
    ).toBeInTheDocument();
    expect(screen.getByText('none installed')).toBeInTheDocument();
  });

  it('shows the error when the backend cannot be reached', async () => {
    await renderWith({
      getHealth: async () => {
        throw new Error('Failed to fetch');
      },
    });

    expect(
      await screen.findByText('Error: Failed to fetch', { selector: 'h6' }),
    ).toBeInTheDocument();
  });
});
