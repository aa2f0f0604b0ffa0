import { EmptyState } from '@backstage/core-components';
import { Typography } from '@material-ui/core';

/**
 * What an entity without a stored evaluation shows: either no scorecard
 * applies to it, or the refresh engine has not reached it yet.
 *
 * @public
 */
export function NotScored(props: { action?: JSX.Element; compact?: boolean }) {
  const description =
    'No scorecard result is stored for this entity yet. Either no scorecard applies to it, or the refresh engine has not evaluated it since it appeared in the catalog.';
  if (props.compact) {
    return (
      <>
        <Typography variant="body1" gutterBottom>
          Not scored yet
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {description}
        </Typography>
        {props.action}
      </>
    );
  }
  return (
    <EmptyState
      missing="data"
      title="Not scored yet"
      description={description}
      action={props.action}
    />
  );
}
