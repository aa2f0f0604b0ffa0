import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  check,
  mockReadinessApi,
  ownerCheck,
  paymentsEntity,
  paymentsReadiness,
  probeCheck,
  replicasCheck,
  responseError,
  runbookCheck,
  scorecardOf,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { EntityReadinessContent } from './EntityReadinessContent';

const mockAllowed = new Set<string>();
jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: ({ permission }: { permission: { name: string } }) => ({
    loading: false,
    allowed: mockAllowed.has(permission.name),
  }),
}));

const OWNER = ['user:default/alice', 'group:default/team-payments'];
const STRANGER = ['user:default/mallory'];

function render(
  api = mockReadinessApi({ getEntityReadiness: async () => paymentsReadiness }),
  ownershipEntityRefs = STRANGER,
) {
  return renderWithApis(<EntityReadinessContent />, {
    api,
    entity: paymentsEntity,
    ownershipEntityRefs,
  }).then(r => ({ ...r, api }));
}

const expand = async (title: string) =>
  userEvent.click(
    await screen.findByRole('button', { name: new RegExp(title) }),
  );

describe('EntityReadinessContent', () => {
  beforeEach(() => mockAllowed.clear());

  it('lists every check grouped by category with its status', async () => {
    await render();

    for (const category of ['Kubernetes', 'Operations', 'Ownership']) {
      expect(
        await screen.findByRole('region', { name: category }),
      ).toBeInTheDocument();
    }
    const kubernetes = screen.getByRole('region', { name: 'Kubernetes' });
    expect(
      within(kubernetes).getByText('Runs at least two replicas'),
    ).toBeInTheDocument();
    expect(
      within(kubernetes).getByText('Has readiness probes'),
    ).toBeInTheDocument();
    expect(within(kubernetes).getByText('Fail')).toBeInTheDocument();
    expect(within(kubernetes).getByText('Unknown')).toBeInTheDocument();
    const ownership = screen.getByRole('region', { name: 'Ownership' });
    expect(within(ownership).getByText('Pass')).toBeInTheDocument();
    expect(screen.getByText('4 checks in 3 categories')).toBeInTheDocument();
  });

  it('shows evidence, remediation, source and age of a check when expanded', async () => {
    await render();

    await expand('Runs at least two replicas');

    expect(
      await screen.findByText(
        'deployment payments/checkout runs 1 replica, 2 required',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('deployment payments/checkout'),
    ).toBeInTheDocument();
    expect(screen.getByText(/spec.replicas/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Remediation guide/ }),
    ).toHaveAttribute('href', 'https://example.com/replicas');
    expect(
      screen.getByText(/Check k8s-replicas · source kubernetes/),
    ).toBeInTheDocument();
  });

  it('flags checks evaluated longer ago than the staleness threshold', async () => {
    await render();

    const probes = await screen.findByRole('button', {
      name: /Has readiness probes/,
    });
    expect(within(probes).getByText(/Stale: 10 days ago/)).toBeInTheDocument();
    const replicas = screen.getByRole('button', {
      name: /Runs at least two replicas/,
    });
    expect(within(replicas).queryByText(/Stale/)).not.toBeInTheDocument();
  });

  it('shows why a check is unknown when its source failed or its facts are stale', async () => {
    const stale = check({
      ...probeCheck,
      evidence: [
        {
          status: 'unknown',
          message:
            'kubernetes facts are stale (last collected 2026-11-20T08:00:00.000Z): Facts from kubernetes were collected at 2026-11-20T08:00:00.000Z, older than the maximum age; the last attempt failed: cluster prod-eu: 403 Forbidden (GET /apis/apps/v1/deployments)',
        },
      ],
    });
    await render(
      mockReadinessApi({
        getEntityReadiness: async () => ({
          ...paymentsReadiness,
          scorecards: [scorecardOf([replicasCheck, ownerCheck, stale])],
        }),
      }),
    );

    await expand('Has readiness probes');

    expect(
      await screen.findByText(/kubernetes facts are stale/),
    ).toHaveTextContent(
      'the last attempt failed: cluster prod-eu: 403 Forbidden (GET /apis/apps/v1/deployments)',
    );
  });

  it('reminds owners to renew an attestation that expires within 14 days', async () => {
    const expiring = check({
      ...runbookCheck,
      status: 'pass',
      renewBy: '2026-12-03T13:00:00.000Z',
    });
    await render(
      mockReadinessApi({
        getEntityReadiness: async () => ({
          ...paymentsReadiness,
          scorecards: [scorecardOf([replicasCheck, expiring])],
        }),
      }),
    );

    const row = await screen.findByRole('button', {
      name: new RegExp(runbookCheck.title),
    });
    expect(within(row).getByText(/^Renew by /)).toBeInTheDocument();
    const replicas = screen.getByRole('button', {
      name: /Runs at least two replicas/,
    });
    expect(within(replicas).queryByText(/Renew by/)).not.toBeInTheDocument();
  });

  it('narrows the list to failing and unknown checks', async () => {
    await render();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Failing or unknown (3)' }),
    );

    expect(screen.queryByText('Has an owning team')).not.toBeInTheDocument();
    expect(screen.getByText('Runbook reviewed')).toBeInTheDocument();
  });

  it('offers "Refresh now" with the refresh permission and shows the fresh result', async () => {
    mockAllowed.add('readiness.refresh');
    const refreshed = {
      ...paymentsReadiness,
      scorecards: [
        scorecardOf(
          [
            { ...replicasCheck, status: 'pass' as const },
            runbookCheck,
            ownerCheck,
            probeCheck,
          ],
          { level: 'bronze', score: 50 },
        ),
      ],
    };
    const api = mockReadinessApi({
      getEntityReadiness: async () => paymentsReadiness,
      refreshEntity: async () => refreshed,
    });
    const { alertApi } = await render(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Refresh now' }),
    );

    expect(await screen.findByText('50%')).toBeInTheDocument();
    expect(screen.getByText('Bronze')).toBeInTheDocument();
    expect(api.refreshEntity).toHaveBeenCalledWith(
      'component:default/payments-api',
    );
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({ severity: 'success' }),
    );
  });

  it('hides "Refresh now" without the refresh permission', async () => {
    await render();

    expect(await screen.findByText('Runbook reviewed')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Refresh now' }),
    ).not.toBeInTheDocument();
  });

  it('reports a refused refresh', async () => {
    mockAllowed.add('readiness.refresh');
    const api = mockReadinessApi({
      getEntityReadiness: async () => paymentsReadiness,
      refreshEntity: async () => {
        throw await responseError(403, 'Missing permission readiness.refresh');
      },
    });
    const { alertApi } = await render(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Refresh now' }),
    );

    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith(
        expect.objectContaining({
          severity: 'error',
          message:
            'Refresh failed. You are not allowed to do this: Missing permission readiness.refresh',
        }),
      ),
    );
  });

  it('lets owners attest attestation checks, and shows the new status', async () => {
    let current = paymentsReadiness;
    const api = mockReadinessApi({
      getEntityReadiness: async () => current,
      createAttestation: async (_ref, request) => {
        current = {
          ...paymentsReadiness,
          scorecards: [
            scorecardOf([
              replicasCheck,
              { ...runbookCheck, status: 'pass' },
              ownerCheck,
              probeCheck,
            ]),
          ],
        };
        return {
          id: 'a1',
          entityRef: 'component:default/payments-api',
          checkId: request.checkId,
          attestedBy: 'user:default/alice',
          attestedAt: new Date().toISOString(),
          expiresAt: new Date(Date.now() + 86400000).toISOString(),
          evidenceUrl: request.evidenceUrl,
        };
      },
    });
    await render(api, OWNER);

    await expand('Runbook reviewed');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Attest' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText(/Evidence URL/),
      'https://wiki.example.com/runbooks/payments',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Attest' }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.createAttestation).toHaveBeenCalledWith(
      'component:default/payments-api',
      expect.objectContaining({
        checkId: 'runbook-reviewed',
        evidenceUrl: 'https://wiki.example.com/runbooks/payments',
      }),
    );
    const operations = screen.getByRole('region', { name: 'Operations' });
    expect(await within(operations).findByText('Pass')).toBeInTheDocument();
  });

  it('never offers to attest checks that facts decide', async () => {
    await render(undefined, OWNER);

    await expand('Runs at least two replicas');

    expect(await screen.findByText(/source kubernetes/)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Attest' }),
    ).not.toBeInTheDocument();
  });

  it('hides attest and exempt from users who are neither owners nor permitted', async () => {
    await render(undefined, STRANGER);

    await expand('Runbook reviewed');

    expect(await screen.findByText(/source attestation/)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Attest' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Grant exemption' }),
    ).not.toBeInTheDocument();
  });

  it('lets holders of the attest permission attest entities they do not own', async () => {
    mockAllowed.add('readiness.attestation.create');
    await render(undefined, STRANGER);

    await expand('Runbook reviewed');

    expect(
      await screen.findByRole('button', { name: 'Attest' }),
    ).toBeInTheDocument();
  });

  it('lets owners revoke an attestation in force, and reads the audit trail again', async () => {
    const attestation = {
      id: 'att-1',
      entityRef: 'component:default/payments-api',
      checkId: runbookCheck.checkId,
      attestedBy: 'user:default/alice',
      attestedAt: new Date(Date.now() - 86400000).toISOString(),
      expiresAt: new Date(Date.now() + 30 * 86400000).toISOString(),
      evidenceUrl: 'https://wiki.example.com/runbooks/payments',
    };
    const attested = check({ ...runbookCheck, status: 'pass', attestation });
    const api = mockReadinessApi({
      getEntityReadiness: async () => ({
        ...paymentsReadiness,
        scorecards: [scorecardOf([replicasCheck, attested])],
      }),
      revokeAttestation: async () => ({
        ...attestation,
        revokedAt: new Date().toISOString(),
        revokedBy: 'user:default/alice',
      }),
    });
    await render(api, OWNER);

    await expand('Runbook reviewed');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Revoke attestation' }),
    );

    await waitFor(() =>
      expect(api.revokeAttestation).toHaveBeenCalledWith(
        'component:default/payments-api',
        'att-1',
      ),
    );
    await waitFor(() => expect(api.getAuditTrail).toHaveBeenCalledTimes(2));
  });

  it('offers no revocation of an expired attestation', async () => {
    const expired = check({
      ...runbookCheck,
      attestation: {
        id: 'att-0',
        entityRef: 'component:default/payments-api',
        checkId: runbookCheck.checkId,
        attestedBy: 'user:default/alice',
        attestedAt: '2026-01-01T00:00:00.000Z',
        expiresAt: '2026-04-01T00:00:00.000Z',
        evidenceUrl: 'https://wiki.example.com/runbooks/payments',
      },
    });
    await render(
      mockReadinessApi({
        getEntityReadiness: async () => ({
          ...paymentsReadiness,
          scorecards: [scorecardOf([replicasCheck, expired])],
        }),
      }),
      OWNER,
    );

    await expand('Runbook reviewed');
    expect(
      await screen.findByRole('button', { name: 'Attest again' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Revoke attestation' }),
    ).not.toBeInTheDocument();
  });

  it('lets holders of the exemption permission grant and revoke exemptions', async () => {
    mockAllowed.add('readiness.exemption.create');
    const exempted = check({
      checkId: 'k8s-pdb',
      title: 'Has a disruption budget',
      status: 'exempt',
      exemption: {
        id: 'ex-1',
        entityRef: 'component:default/payments-api',
        checkId: 'k8s-pdb',
        grantedBy: 'user:default/sre',
        grantedAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 30 * 86400000).toISOString(),
        reason: 'Singleton by design until Q3',
      },
    });
    const api = mockReadinessApi({
      getEntityReadiness: async () => ({
        ...paymentsReadiness,
        scorecards: [scorecardOf([replicasCheck, exempted])],
      }),
      revokeExemption: async () => exempted.exemption!,
    });
    await render(api, STRANGER);

    await expand('Runs at least two replicas');
    expect(
      await screen.findByRole('button', { name: 'Grant exemption' }),
    ).toBeInTheDocument();

    await expand('Has a disruption budget');
    expect(
      await screen.findByText(
        /Exempted by user:default\/sre .*Singleton by design/,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Revoke exemption' }),
    );

    await waitFor(() =>
      expect(api.revokeExemption).toHaveBeenCalledWith(
        'component:default/payments-api',
        'ex-1',
      ),
    );
    expect(api.getEntityReadiness).toHaveBeenCalledTimes(2);
  });

  it('explains an entity without results and offers a refresh', async () => {
    mockAllowed.add('readiness.refresh');
    const api = mockReadinessApi({
      getEntityReadiness: async () => ({
        entityRef: 'component:default/payments-api',
        scorecards: [],
      }),
    });
    await render(api);

    expect(await screen.findByText('Not scored yet')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Refresh now' }),
    ).toBeInTheDocument();
  });

  it('says why the readiness could not be loaded', async () => {
    const api = mockReadinessApi({
      getEntityReadiness: async () => {
        throw await responseError(
          404,
          'No entity component:default/payments-api',
        );
      },
    });
    await render(api);

    expect(
      await screen.findByText(
        'Not found: No entity component:default/payments-api',
        { exact: false },
      ),
    ).toBeInTheDocument();
  });
});
