import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockReadinessApi, responseError } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { ReadinessOverview } from './ReadinessOverview';

const overview = {
  scorecardId: 'default',
  groupBy: 'owner' as const,
  groups: {
    items: [
      {
        key: 'group:default/team-payments',
        entities: 2,
        levels: { none: 1, gold: 1 },
        averageScore: 60,
      },
    ],
    total: 1,
  },
  topFailingChecks: [{ checkId: 'k8s-replicas', failing: 1 }],
};

const entityRow = {
  entityRef: 'component:default/legacy-reports',
  title: 'legacy-reports',
  kind: 'Component',
  type: 'service',
  owner: 'user:default/jdoe',
  system: null,
  domain: null,
  lifecycle: 'production',
  tier: null,
  level: null,
  score: 10,
  counts: { pass: 1, fail: 9, unknown: 0, exempt: 0, 'not-applicable': 0 },
  evaluatedAt: new Date().toISOString(),
};

function overviewApi(overrides = {}) {
  return mockReadinessApi({
    getHealth: async () => ({
      status: 'ok',
      database: { reachable: true },
      factProviders: ['kubernetes', 'repository'],
    }),
    getOverview: async () => overview,
    listEntityScores: async () => ({ items: [entityRow], total: 1 }),
    getCheckResults: async () => ({ items: [], total: 0 }),
    ...overrides,
  });
}

const render = (api = overviewApi()) =>
  renderWithApis(<ReadinessOverview />, { api }).then(() => api);

describe('ReadinessOverview', () => {
  beforeEach(() => window.history.replaceState(null, '', '/readiness'));

  it('groups by owner and shows distribution, failing checks and the entity table', async () => {
    const api = await render();

    expect(
      await screen.findByRole('img', { name: /Level distribution by Owner/ }),
    ).toBeInTheDocument();
    expect(api.getOverview).toHaveBeenCalledWith({
      scorecard: 'default',
      groupBy: 'owner',
      filters: {},
      sort: 'key',
      order: 'asc',
      limit: 10,
      offset: 0,
    });
    expect(
      screen.getByRole('list', { name: 'Checks failing most' }),
    ).toHaveTextContent('Runs at least two replicas');
    expect(await screen.findByText('legacy-reports')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Backend ok · database reachable · fact providers: kubernetes, repository',
      ),
    ).toBeInTheDocument();
  });

  it('takes grouping and filters from the URL', async () => {
    window.history.replaceState(
      null,
      '',
      '/readiness?groupBy=system&owner=group%3Adefault%2Fteam-payments&level=none&search=pay',
    );

    const api = await render();

    const filters = {
      owner: ['group:default/team-payments'],
      level: ['none'],
      search: 'pay',
    };
    await waitFor(() =>
      expect(api.getOverview).toHaveBeenCalledWith(
        expect.objectContaining({ groupBy: 'system', filters }),
      ),
    );
    await waitFor(() =>
      expect(api.listEntityScores).toHaveBeenCalledWith(
        expect.objectContaining({ filters }),
      ),
    );
    expect(
      screen.getByRole('button', { name: 'team-payments' }),
    ).toBeInTheDocument();
  });

  it('keeps a new grouping in the URL', async () => {
    const api = await render();

    await userEvent.click(
      await screen.findByRole('button', { name: /Group by/ }),
    );
    await userEvent.click(screen.getByRole('option', { name: 'Tier' }));

    await waitFor(() =>
      expect(api.getOverview).toHaveBeenLastCalledWith(
        expect.objectContaining({ groupBy: 'tier' }),
      ),
    );
    expect(window.location.search).toBe('?groupBy=tier');
  });

  it('narrows to a group and keeps the filter in the URL', async () => {
    const api = await render();

    const row = (await screen.findAllByRole('row')).find(r =>
      within(r).queryByRole('button', { name: 'Filter' }),
    )!;
    await userEvent.click(within(row).getByRole('button', { name: 'Filter' }));

    await waitFor(() =>
      expect(api.listEntityScores).toHaveBeenLastCalledWith(
        expect.objectContaining({
          filters: { owner: ['group:default/team-payments'] },
          offset: 0,
        }),
      ),
    );
    expect(window.location.search).toBe(
      '?owner=group%3Adefault%2Fteam-payments',
    );
  });

  it('drills down from a failing check and records it in the URL', async () => {
    const api = await render();

    await userEvent.click(
      await screen.findByRole('button', { name: /Runs at least two replicas/ }),
    );

    expect(
      await screen.findByRole('dialog', { name: 'Runs at least two replicas' }),
    ).toBeInTheDocument();
    expect(api.getCheckResults).toHaveBeenCalledWith(
      'k8s-replicas',
      expect.objectContaining({ status: ['fail'] }),
    );
    expect(window.location.search).toBe('?check=k8s-replicas');

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(window.location.search).toBe(''));
  });

  it('says when nothing has been scored yet', async () => {
    await render(
      overviewApi({
        getOverview: async () => ({
          ...overview,
          groups: { items: [], total: 0 },
          topFailingChecks: [],
        }),
      }),
    );

    expect(
      await screen.findByText('No entity has been scored yet'),
    ).toBeInTheDocument();
  });

  it('says when the filters match nothing, and clears them', async () => {
    window.history.replaceState(null, '', '/readiness?lifecycle=experimental');
    const api = overviewApi({
      getOverview: async (request: { filters?: object }) => ({
        ...overview,
        groups:
          request.filters && Object.keys(request.filters).length > 0
            ? { items: [], total: 0 }
            : overview.groups,
      }),
    });
    await render(api);

    expect(
      await screen.findByText('No entity matches these filters'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getAllByRole('button', { name: 'Clear filters' })[0],
    );

    await waitFor(() => expect(window.location.search).toBe(''));
    expect(
      await screen.findByRole('img', { name: /Level distribution/ }),
    ).toBeInTheDocument();
  });

  it('explains a backend without scorecards', async () => {
    await render(overviewApi({ getScorecards: async () => [] }));

    expect(
      await screen.findByText('No scorecard is configured'),
    ).toBeInTheDocument();
  });

  it('shows why the overview could not be loaded', async () => {
    await render(
      overviewApi({
        getOverview: async () => {
          throw await responseError(400, 'groupBy: Invalid option');
        },
      }),
    );

    expect(
      await screen.findByText(
        /The backend rejected the input: groupBy: Invalid option/,
        { selector: 'h6' },
      ),
    ).toBeInTheDocument();
  });
});
