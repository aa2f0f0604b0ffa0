import { screen, within } from '@testing-library/react';
import { mockReadinessApi } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { AuditTrailCard } from './AuditTrailCard';

const attestation = {
  id: 'a1',
  entityRef: 'component:default/payments-api',
  checkId: 'oncall-runbook-content',
  attestedBy: 'user:default/alice',
  attestedAt: '2026-05-01T10:00:00.000Z',
  expiresAt: '2026-10-28T10:00:00.000Z',
  evidenceUrl: 'https://wiki.example.com/runbook',
  revokedAt: '2026-05-03T09:00:00.000Z',
  revokedBy: 'user:default/bob',
};

describe('AuditTrailCard', () => {
  it('lists attestations, exemptions and revocations, newest first, with their details', async () => {
    const api = mockReadinessApi({
      getAuditTrail: async () => [
        {
          action: 'attestation.created',
          at: attestation.attestedAt,
          by: attestation.attestedBy,
          checkId: attestation.checkId,
          recordId: 'a1',
          attestation,
        },
        {
          action: 'exemption.granted',
          at: '2026-05-02T10:00:00.000Z',
          by: 'user:default/kim',
          checkId: 'sec-network-policy',
          recordId: 'e1',
          exemption: {
            id: 'e1',
            entityRef: attestation.entityRef,
            checkId: 'sec-network-policy',
            grantedBy: 'user:default/kim',
            grantedAt: '2026-05-02T10:00:00.000Z',
            expiresAt: '2026-07-01T10:00:00.000Z',
            reason: 'Istio default-deny',
          },
        },
        {
          action: 'attestation.revoked',
          at: attestation.revokedAt,
          by: attestation.revokedBy,
          checkId: attestation.checkId,
          recordId: 'a1',
          attestation,
        },
      ],
    });
    await renderWithApis(
      <AuditTrailCard entityRef="component:default/payments-api" />,
      { api },
    );

    const table = await screen.findByRole('table', { name: 'Audit trail' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(r => within(r).getAllByRole('cell')[2].textContent),
    ).toEqual(['Revoked attestation', 'Granted exemption', 'Attested']);
    expect(rows[1]).toHaveTextContent(/Istio default-deny \(until /);
    expect(rows[2]).toHaveTextContent('https://wiki.example.com/runbook');
    expect(rows[0]).toHaveTextContent('user:default/bob');
    expect(api.getAuditTrail).toHaveBeenCalledWith(
      'component:default/payments-api',
    );
  });

  it('says when nothing has been recorded', async () => {
    await renderWithApis(
      <AuditTrailCard entityRef="component:default/payments-api" />,
      { api: mockReadinessApi() },
    );
    expect(
      await screen.findByText(
        /No attestations or exemptions have been recorded/,
      ),
    ).toBeInTheDocument();
  });
});
