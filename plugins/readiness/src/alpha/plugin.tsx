import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import AssessmentIcon from '@material-ui/icons/Assessment';
import { entityContentRouteRef, rootRouteRef } from '../routes';
import {
  readinessApi,
  readinessEntityCard,
  readinessEntityContent,
  readinessPage,
  readinessTeamCard,
} from './extensions';

/**
 * The Readiness frontend plugin for the new frontend system.
 *
 * @alpha
 */
export const readinessPlugin = createFrontendPlugin({
  pluginId: 'readiness',
  title: 'Readiness',
  icon: <AssessmentIcon />,
  extensions: [
    readinessApi,
    readinessPage,
    readinessEntityContent,
    readinessEntityCard,
    readinessTeamCard,
  ],
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
    entityContent: convertLegacyRouteRef(entityContentRouteRef),
  },
});
