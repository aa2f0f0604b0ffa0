import { Link, MarkdownContent } from '@backstage/core-components';
import { Box, makeStyles, Typography } from '@material-ui/core';
import type { EntityCheckResult } from '@readiness/backstage-plugin-readiness-common';
import { ReactNode } from 'react';
import { formatDate, formatTimestamp } from '../../utils/format';
import { EvidenceList } from '../EvidenceList';

const useStyles = makeStyles(theme => ({
  section: {
    marginBottom: theme.spacing(2),
  },
  remediation: {
    borderLeft: `4px solid ${theme.palette.info.main}`,
    paddingLeft: theme.spacing(1.5),
  },
}));

function Section(props: { title: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Box className={classes.section}>
      <Typography variant="overline" component="h4">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/**
 * Everything about one check of an entity: what it asks for, the evidence,
 * how to fix it, and the attestation or exemption behind its status.
 *
 * @public
 */
export function CheckDetails(props: {
  check: EntityCheckResult;
  actions?: ReactNode;
}) {
  const { check, actions } = props;
  const classes = useStyles();
  const { attestation, exemption } = check;
  return (
    <Box width="100%">
      <Section title="What it asks">
        <MarkdownContent content={check.description} />
      </Section>
      <Section title="Evidence">
        <EvidenceList evidence={check.evidence} />
      </Section>
      {check.remediation && (
        <Section title="How to fix it">
          <Box className={classes.remediation}>
            <MarkdownContent content={check.remediation.text} />
            {check.remediation.link && (
              <Link to={check.remediation.link} target="_blank" rel="noopener">
                Remediation guide
              </Link>
            )}
          </Box>
        </Section>
      )}
      {attestation && (
        <Section title="Attestation">
          <Typography variant="body2">
            {attestation.notApplicableReason
              ? `Does not apply: ${attestation.notApplicableReason}`
              : 'Attested'}{' '}
            by {attestation.attestedBy} on{' '}
            {formatTimestamp(attestation.attestedAt)}; expires{' '}
            {formatDate(attestation.expiresAt)}.
          </Typography>
          {attestation.note && (
            <Typography variant="body2">Note: {attestation.note}</Typography>
          )}
          <Link to={attestation.evidenceUrl} target="_blank" rel="noopener">
            Attestation evidence
          </Link>
        </Section>
      )}
      {exemption && (
        <Section title="Exemption">
          <Typography variant="body2">
            Exempted by {exemption.grantedBy} on{' '}
            {formatTimestamp(exemption.grantedAt)} until{' '}
            {formatDate(exemption.expiresAt)}: {exemption.reason}
          </Typography>
        </Section>
      )}
      <Typography variant="caption" color="textSecondary" component="p">
        Check {check.checkId} · source {check.source} · {check.status} since{' '}
        {formatTimestamp(check.changedAt)} · evaluated{' '}
        {formatTimestamp(check.evaluatedAt)}
      </Typography>
      {actions && <Box marginTop={1}>{actions}</Box>}
    </Box>
  );
}
