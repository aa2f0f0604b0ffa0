import { screen } from '@testing-library/react';
import {
  mockReadinessApi,
  ownerCheck,
  paymentsEntity,
  paymentsReadiness,
  replicasCheck,
  responseError,
  scorecardOf,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { entityContentRouteRef } from '../../routes';
import { EntityReadinessCard } from './EntityReadinessCard';

describe('EntityReadinessCard', () => {
  it('shows level, score, progress to the next and the required level, and the top failing checks', async () => {
    const api = mockReadinessApi({
      getEntityReadiness: async () => paymentsReadiness,
    });

    await renderWithApis(<EntityReadinessCard />, {
      api,
      entity: paymentsEntity,
    });

    expect(await screen.findByText('Readiness')).toBeInTheDocument();
    expect(screen.getByText('Production readiness')).toBeInTheDocument();
    expect(api.getEntityReadiness).toHaveBeenCalledWith(
      'component:default/payments-api',
    );
    expect(screen.getByText('No level')).toBeInTheDocument();
    expect(screen.getByText('25%')).toBeInTheDocument();
    // Bronze: owner passes, replicas fails -> 1 of 2.
    expect(
      screen.getByLabelText('Next level: Bronze: 1 of 2 checks, 1 blocking'),
    ).toBeInTheDocument();
    // Silver (required): + runbook fail, probes unknown -> 1 of 4.
    expect(
      screen.getByLabelText(
        'Required level: Silver: 1 of 4 checks, 3 blocking',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Top failing checks (3 of 3)')).toBeInTheDocument();
    const items = screen.getAllByRole('listitem').map(li => li.textContent);
    expect(items[0]).toContain('Runs at least two replicas');
    expect(items[0]).toContain('Bronze · Kubernetes');
    expect(items[1]).toContain('Runbook reviewed');
    expect(items[2]).toContain('Has readiness probes');
  });

  it('limits the list and links to the Readiness tab when the app mounts it', async () => {
    const api = mockReadinessApi({
      getEntityReadiness: async () => paymentsReadiness,
    });

    await renderWithApis(<EntityReadinessCard maxChecks={1} />, {
      api,
      entity: paymentsEntity,
      mountedRoutes: { '/readiness-tab': entityContentRouteRef },
    });

    expect(
      await screen.findByText('Top failing checks (1 of 3)'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Runbook reviewed')).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /View all 4 checks/ }),
    ).toHaveAttribute('href', '/readiness-tab');
  });

  it('says when the entity has reached a level and nothing fails', async () => {
    const api = mockReadinessApi({
      getEntityReadiness: async () => ({
        entityRef: 'component:default/payments-api',
        scorecards: [
          scorecardOf([ownerCheck], {
            level: 'gold',
            score: 100,
            nextLevel: null,
            targetLevel: null,
          }),
        ],
      }),
    });

    await renderWithApis(<EntityReadinessCard />, {
      api,
      entity: paymentsEntity,
    });

    expect(await screen.findByText('Gold')).toBeInTheDocument();
    expect(screen.getByText('No failing checks')).toBeInTheDocument();
    expect(screen.getByText('Highest level reached: Gold')).toBeInTheDocument();
  });

  it('explains an entity that has not been scored', async () => {
    const api = mockReadinessApi({
      getEntityReadiness: async () => ({
        entityRef: 'component:default/payments-api',
        scorecards: [],
      }),
    });

    await renderWithApis(<EntityReadinessCard />, {
      api,
      entity: paymentsEntity,
    });

    expect(await screen.findByText('Not scored yet')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const api = mockReadinessApi({
      getEntityReadiness: async () => {
        throw await responseError(500, 'database is down');
      },
    });

    await renderWithApis(<EntityReadinessCard />, {
      api,
      entity: paymentsEntity,
    });

    expect(
      await screen.findByText(/database is down/, { selector: 'h6' }),
    ).toBeInTheDocument();
    expect(screen.queryByText(replicasCheck.title)).not.toBeInTheDocument();
  });
});
