import { Box, Button } from '@material-ui/core';
import {
  type EntityCheckResult,
  recordInForce,
} from '@readiness/backstage-plugin-readiness-common';

/** What a user may do with one check and the handlers that do it. */
export interface CheckActionHandlers {
  canAttest: boolean;
  canExempt: boolean;
  onAttest(check: EntityCheckResult): void;
  onExempt(check: EntityCheckResult): void;
  onRevokeExemption(check: EntityCheckResult): void;
  onRevokeAttestation(check: EntityCheckResult): void;
}

/**
 * Attest, exempt or revoke, offered only where the user may and where it
 * makes sense (only attestation checks can be attested; only checks that
 * do not pass can be exempted; only attestations in force can be revoked).
 *
 * @public
 */
export function CheckActions(
  props: CheckActionHandlers & { check: EntityCheckResult },
) {
  const { check, canAttest, canExempt } = props;
  const attestable = canAttest && check.source === 'attestation';
  const exemptable =
    canExempt &&
    !check.exemption &&
    (check.status === 'fail' || check.status === 'unknown');
  const revocable = canExempt && !!check.exemption;
  const withdrawable =
    attestable &&
    !!check.attestation &&
    recordInForce(check.attestation, new Date());
  if (!attestable && !exemptable && !revocable) {
    return null;
  }
  return (
    <Box display="flex" gridGap={8}>
      {attestable && (
        <Button
          variant="contained"
          color="primary"
          size="small"
          onClick={() => props.onAttest(check)}
        >
          {check.attestation ? 'Attest again' : 'Attest'}
        </Button>
      )}
      {withdrawable && (
        <Button
          variant="outlined"
          size="small"
          onClick={() => props.onRevokeAttestation(check)}
        >
          Revoke attestation
        </Button>
      )}
      {exemptable && (
        <Button
          variant="outlined"
          size="small"
          onClick={() => props.onExempt(check)}
        >
          Grant exemption
        </Button>
      )}
      {revocable && (
        <Button
          variant="outlined"
          size="small"
          onClick={() => props.onRevokeExemption(check)}
        >
          Revoke exemption
        </Button>
      )}
    </Box>
  );
}
