import { Button, ButtonGroup } from '@material-ui/core';

/** The time ranges charts offer, in days. */
export const RANGE_OPTIONS = [30, 90, 365] as const;

const label = (days: number) => (days === 365 ? '1 year' : `${days} days`);

/**
 * Picks how many days a chart covers.
 *
 * @public
 */
export function RangePicker(props: {
  days: number;
  onChange(days: number): void;
}) {
  return (
    <ButtonGroup size="small" aria-label="Time range">
      {RANGE_OPTIONS.map(days => (
        <Button
          key={days}
          variant={props.days === days ? 'contained' : 'outlined'}
          color={props.days === days ? 'primary' : 'default'}
          aria-pressed={props.days === days}
          onClick={() => props.onChange(days)}
        >
          {label(days)}
        </Button>
      ))}
    </ButtonGroup>
  );
}
