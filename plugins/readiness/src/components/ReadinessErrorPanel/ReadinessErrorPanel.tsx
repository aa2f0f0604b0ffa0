import { ResponseErrorPanel } from '@backstage/core-components';
import { describeError } from '../../utils/errors';

/**
 * A backend error with the backend's own message in the title (not only
 * "Request failed with 403"); details stay expandable.
 *
 * @public
 */
export function ReadinessErrorPanel(props: { error: Error; title?: string }) {
  const detail = describeError(props.error);
  return (
    <ResponseErrorPanel
      error={props.error}
      title={props.title ? `${props.title}: ${detail}` : detail}
    />
  );
}
