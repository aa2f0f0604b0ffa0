import { Chip, makeStyles, Theme } from '@material-ui/core';
import CancelIcon from '@material-ui/icons/Cancel';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import HelpIcon from '@material-ui/icons/Help';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import type { CheckStatus } from '@readiness/backstage-plugin-readiness-common';
import { ReactElement } from 'react';

const LABELS: Record<CheckStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  unknown: 'Unknown',
  exempt: 'Exempt',
  'not-applicable': 'Not applicable',
};

const ICONS: Record<CheckStatus, ReactElement> = {
  pass: <CheckCircleIcon />,
  fail: <CancelIcon />,
  unknown: <HelpIcon />,
  exempt: <VerifiedUserIcon />,
  'not-applicable': <RemoveCircleOutlineIcon />,
};

/** The theme colour that stands for a status. */
export function statusColor(theme: Theme, status: CheckStatus): string {
  switch (status) {
    case 'pass':
      return theme.palette.success.main;
    case 'fail':
      return theme.palette.error.main;
    case 'unknown':
      return theme.palette.warning.main;
    case 'exempt':
      return theme.palette.info.main;
    default:
      return theme.palette.text.secondary;
  }
}

/** The label users read for a status. */
export function statusLabel(status: CheckStatus): string {
  return LABELS[status] ?? status;
}

const useStyles = makeStyles<Theme, { status: CheckStatus }>(theme => ({
  chip: {
    borderColor: ({ status }) => statusColor(theme, status),
    color: theme.palette.text.primary,
    fontWeight: 500,
    margin: 0,
  },
  icon: {
    color: ({ status }) => `${statusColor(theme, status)} !important`,
  },
}));

/**
 * The status of a check as an outlined chip with a coloured icon: the label
 * carries the meaning, colour and icon only repeat it.
 *
 * @public
 */
export function StatusChip(props: {
  status: CheckStatus;
  size?: 'small' | 'medium';
}) {
  const { status, size = 'small' } = props;
  const classes = useStyles({ status });
  return (
    <Chip
      variant="outlined"
      size={size}
      icon={ICONS[status]}
      label={statusLabel(status)}
      classes={{ root: classes.chip, icon: classes.icon }}
      data-testid={`status-${status}`}
    />
  );
}
