import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import AssessmentIcon from '@material-ui/icons/Assessment';
import { readinessApiRef, ReadinessClient } from '../api';
import { entityContentRouteRef, rootRouteRef } from '../routes';

/**
 * `api:readiness`: the {@link ReadinessApi} client.
 *
 * @alpha
 */
export const readinessApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: readinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ReadinessClient(deps),
    }),
});

/**
 * `page:readiness`: the overview at `/readiness`, with its nav item.
 *
 * @alpha
 */
export const readinessPage = PageBlueprint.make({
  params: {
    path: '/readiness',
    title: 'Readiness',
    icon: <AssessmentIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('../components/ReadinessOverviewPage').then(m =>
        compatWrapper(<m.ReadinessOverviewContent />),
      ),
  },
});

/**
 * `entity-content:readiness`: the Readiness tab of Component pages.
 *
 * @alpha
 */
export const readinessEntityContent = EntityContentBlueprint.make({
  params: {
    path: '/readiness',
    title: 'Readiness',
    routeRef: convertLegacyRouteRef(entityContentRouteRef),
    filter: { kind: 'component' },
    loader: () =>
      import('../components/EntityReadinessContent').then(m =>
        compatWrapper(<m.EntityReadinessContent />),
      ),
  },
});

/**
 * `entity-card:readiness/scorecard`: the readiness card of Component pages.
 *
 * @alpha
 */
export const readinessEntityCard = EntityCardBlueprint.make({
  name: 'scorecard',
  params: {
    type: 'info',
    filter: { kind: 'component' },
    loader: () =>
      import('../components/EntityReadinessCard').then(m =>
        compatWrapper(<m.EntityReadinessCard />),
      ),
  },
});

/**
 * `entity-card:readiness/team`: the team card of Group pages.
 *
 * @alpha
 */
export const readinessTeamCard = EntityCardBlueprint.make({
  name: 'team',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('../components/TeamReadinessCard').then(m =>
        compatWrapper(<m.TeamReadinessCard />),
      ),
  },
});
