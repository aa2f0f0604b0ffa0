import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EntityScoreRow } from '@readiness/backstage-plugin-readiness-common';
import {
  mockReadinessApi,
  paymentsReadiness,
  responseError,
  teamEntity,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { rootRouteRef } from '../../routes';
import { TeamReadinessCard } from './TeamReadinessCard';

const row = (
  name: string,
  level: string | null,
  score: number,
): EntityScoreRow => ({
  entityRef: `component:default/${name}`,
  title: name,
  kind: 'Component',
  type: 'service',
  owner: 'group:default/team-payments',
  system: null,
  domain: null,
  lifecycle: 'production',
  tier: '1',
  level,
  score,
  counts: { pass: 1, fail: 1, unknown: 0, exempt: 0, 'not-applicable': 0 },
  evaluatedAt: new Date().toISOString(),
});

describe('TeamReadinessCard', () => {
  it("lists the team's entities, lowest level first, with what blocks each next level", async () => {
    const api = mockReadinessApi({
      listEntityScores: async () => ({
        items: [
          row('payments-api', null, 25),
          row('fraud-scoring', 'gold', 100),
        ],
        total: 2,
      }),
      getEntityReadiness: async ref =>
        ref === 'component:default/payments-api'
          ? paymentsReadiness
          : {
              entityRef: String(ref),
              scorecards: [
                {
                  ...paymentsReadiness.scorecards[0],
                  level: 'gold',
                  nextLevel: null,
                },
              ],
            },
    });

    await renderWithApis(<TeamReadinessCard />, {
      api,
      entity: teamEntity,
      mountedRoutes: { '/readiness': rootRouteRef },
    });

    const rows = await screen.findAllByRole('row');
    expect(within(rows[1]).getByText('payments-api')).toBeInTheDocument();
    expect(within(rows[1]).getByText('No level')).toBeInTheDocument();
    expect(
      await within(rows[1]).findByText(/Runs at least two replicas/),
    ).toBeInTheDocument();
    expect(within(rows[2]).getByText('Gold')).toBeInTheDocument();
    expect(
      await within(rows[2]).findByText('Highest level reached'),
    ).toBeInTheDocument();
    expect(api.listEntityScores).toHaveBeenCalledWith({
      filters: { owner: ['group:default/team-payments'] },
      sort: 'level',
      order: 'asc',
      limit: 10,
      offset: 0,
    });
    expect(
      screen.getByRole('link', { name: /Open in the readiness overview/ }),
    ).toHaveAttribute(
      'href',
      '/readiness?owner=group%3Adefault%2Fteam-payments',
    );
  });

  it('pages through large teams on the server', async () => {
    const api = mockReadinessApi({
      listEntityScores: async () => ({
        items: [row('svc-1', null, 0), row('svc-2', null, 0)],
        total: 5,
      }),
      getEntityReadiness: async () => paymentsReadiness,
    });
    await renderWithApis(<TeamReadinessCard pageSize={2} />, {
      api,
      entity: teamEntity,
    });

    await userEvent.click(
      await screen.findByRole('button', { name: /next page/i }),
    );

    await waitFor(() =>
      expect(api.listEntityScores).toHaveBeenLastCalledWith(
        expect.objectContaining({ limit: 2, offset: 2 }),
      ),
    );
  });

  it('says when the team owns nothing scored', async () => {
    const api = mockReadinessApi({
      listEntityScores: async () => ({ items: [], total: 0 }),
    });
    await renderWithApis(<TeamReadinessCard />, { api, entity: teamEntity });

    expect(
      await screen.findByText(/This team owns no scored entity/),
    ).toBeInTheDocument();
  });

  it('shows a failed load', async () => {
    const api = mockReadinessApi({
      listEntityScores: async () => {
        throw await responseError(
          403,
          'Missing permission catalog.entity.read',
        );
      },
    });
    await renderWithApis(<TeamReadinessCard />, { api, entity: teamEntity });

    expect(
      await screen.findByText(
        /You are not allowed to do this: Missing permission catalog.entity.read/,
        { selector: 'h6' },
      ),
    ).toBeInTheDocument();
  });
});
