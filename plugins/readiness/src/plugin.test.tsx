import { screen } from '@testing-library/react';
import {
  mockReadinessApi,
  paymentsEntity,
  paymentsReadiness,
} from './__testUtils__/fixtures';
import { renderWithApis } from './__testUtils__/render';
import { readinessApiRef } from './api';
import {
  EntityReadinessCard,
  EntityReadinessContent,
  EntityTeamReadinessCard,
  readinessPlugin,
  ReadinessPage,
} from './plugin';
import { entityContentRouteRef, rootRouteRef } from './routes';
import { ReadinessOverviewPage } from './components/ReadinessOverviewPage';

describe('readinessPlugin (legacy frontend system)', () => {
  it('provides the readiness API and its routes', () => {
    expect(readinessPlugin.getId()).toBe('readiness');
    expect([...readinessPlugin.getApis()].map(f => f.api.id)).toEqual([
      readinessApiRef.id,
    ]);
    expect(readinessPlugin.routes).toEqual({
      root: rootRouteRef,
      entityContent: entityContentRouteRef,
    });
    expect(EntityReadinessContent).toBeDefined();
    expect(EntityTeamReadinessCard).toBeDefined();
  });

  it('renders the overview page with its own header', async () => {
    // The component ReadinessPage lazy-loads; routable extensions only render
    // inside an app's routes.
    expect(ReadinessPage).toBeDefined();
    await renderWithApis(<ReadinessOverviewPage />, {
      api: mockReadinessApi({
        getScorecards: async () => [],
      }),
    });

    expect(
      await screen.findByRole('heading', { name: 'Production readiness' }),
    ).toBeInTheDocument();
    expect(screen.getByText('No scorecard is configured')).toBeInTheDocument();
  });

  it('renders the entity card lazily', async () => {
    await renderWithApis(<EntityReadinessCard />, {
      api: mockReadinessApi({
        getEntityReadiness: async () => paymentsReadiness,
      }),
      entity: paymentsEntity,
    });

    expect(await screen.findByText(/Top failing checks/)).toBeInTheDocument();
  });
});
