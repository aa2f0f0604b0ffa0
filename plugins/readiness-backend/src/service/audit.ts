import {
  Attestation,
  AuditEvent,
  Exemption,
} from '@readiness/backstage-plugin-readiness-common';

/**
 * The audit trail of one entity from its append-only records: every
 * attestation, exemption and revocation, oldest first (ties in a stable
 * order: by record id, creation before revocation).
 */
export function buildAuditTrail(records: {
  attestations: Attestation[];
  exemptions: Exemption[];
}): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const attestation of records.attestations) {
    const common = { checkId: attestation.checkId, recordId: attestation.id };
    events.push({
      action: 'attestation.created',
      at: attestation.attestedAt,
      by: attestation.attestedBy,
      ...common,
      attestation,
    });
    if (attestation.revokedAt) {
      events.push({
        action: 'attestation.revoked',
        at: attestation.revokedAt,
        by: attestation.revokedBy ?? 'unknown',
        ...common,
        attestation,
      });
    }
  }
  for (const exemption of records.exemptions) {
    const common = { checkId: exemption.checkId, recordId: exemption.id };
    events.push({
      action: 'exemption.granted',
      at: exemption.grantedAt,
      by: exemption.grantedBy,
      ...common,
      exemption,
    });
    if (exemption.revokedAt) {
      events.push({
        action: 'exemption.revoked',
        at: exemption.revokedAt,
        by: exemption.revokedBy ?? 'unknown',
        ...common,
        exemption,
      });
    }
  }
  const rank = (e: AuditEvent) => (e.action.endsWith('revoked') ? 1 : 0);
  return events.sort(
    (a, b) =>
      Date.parse(a.at) - Date.parse(b.at) ||
      rank(a) - rank(b) ||
      a.recordId.localeCompare(b.recordId, 'en'),
  );
}
