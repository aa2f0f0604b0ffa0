import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import type { AuditEvent } from '@readiness/backstage-plugin-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { formatDate, formatTimestamp } from '../../utils/format';
import { ReadinessErrorPanel } from '../ReadinessErrorPanel';

const ACTIONS: Record<AuditEvent['action'], string> = {
  'attestation.created': 'Attested',
  'attestation.revoked': 'Revoked attestation',
  'exemption.granted': 'Granted exemption',
  'exemption.revoked': 'Revoked exemption',
};

/** What the record said when it was made: evidence, reason or expiry. */
function detail(event: AuditEvent): string {
  if (event.action === 'attestation.created' && event.attestation) {
    const { notApplicableReason, evidenceUrl, expiresAt } = event.attestation;
    return `${
      notApplicableReason
        ? `Does not apply: ${notApplicableReason}`
        : evidenceUrl
    } (until ${formatDate(expiresAt)})`;
  }
  if (event.action === 'exemption.granted' && event.exemption) {
    return `${event.exemption.reason} (until ${formatDate(
      event.exemption.expiresAt,
    )})`;
  }
  return '';
}

/**
 * The entity's audit trail, newest first: who attested, granted or revoked
 * what and when. Records are append-only, so nothing here is ever edited.
 *
 * @public
 */
export function AuditTrailCard(props: {
  entityRef: string;
  /** Changes when a record was added, to read the trail again. */
  version?: number;
}) {
  const { entityRef, version } = props;
  const api = useApi(readinessApiRef);
  const { value, loading, error } = useAsync(
    () => api.getAuditTrail(entityRef),
    [api, entityRef, version],
  );

  let content: JSX.Element;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ReadinessErrorPanel error={error} />;
  } else if (!value?.length) {
    content = (
      <Typography variant="body2" color="textSecondary">
        No attestations or exemptions have been recorded for this entity.
      </Typography>
    );
  } else {
    content = (
      <Table size="small" aria-label="Audit trail">
        <TableHead>
          <TableRow>
            <TableCell>When</TableCell>
            <TableCell>Who</TableCell>
            <TableCell>What</TableCell>
            <TableCell>Check</TableCell>
            <TableCell>Details</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {[...value].reverse().map(event => (
            <TableRow key={`${event.recordId}-${event.action}`}>
              <TableCell>{formatTimestamp(event.at)}</TableCell>
              <TableCell>{event.by}</TableCell>
              <TableCell>{ACTIONS[event.action]}</TableCell>
              <TableCell>{event.checkId}</TableCell>
              <TableCell>{detail(event)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }
  return (
    <InfoCard
      title="Audit trail"
      subheader="Every attestation, exemption and revocation, newest first"
    >
      {content}
    </InfoCard>
  );
}
