import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { readinessApiRef, ReadinessClient } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';

/**
 * The Readiness frontend plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const readinessPlugin = createPlugin({
  id: 'readiness',
  apis: [
    createApiFactory({
      api: readinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ReadinessClient(deps),
    }),
  ],
  routes: { root: rootRouteRef, entityContent: entityContentRouteRef },
});

/**
 * The organisation-wide overview page; mount it at `/readiness`.
 *
 * @public
 */
export const ReadinessPage = readinessPlugin.provide(
  createRoutableExtension({
    name: 'ReadinessPage',
    component: () =>
      import('./components/ReadinessOverviewPage').then(
        m => m.ReadinessOverviewPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The Readiness tab of an entity page: every check with its evidence,
 * refresh, attest and exempt, and the history chart.
 *
 * @public
 */
export const EntityReadinessContent = readinessPlugin.provide(
  createRoutableExtension({
    name: 'EntityReadinessContent',
    component: () =>
      import('./components/EntityReadinessContent').then(
        m => m.EntityReadinessContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * The readiness card of an entity's overview: level, score, progress and the
 * top failing checks.
 *
 * @public
 */
export const EntityReadinessCard = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityReadinessCard',
    component: {
      lazy: () =>
        import('./components/EntityReadinessCard').then(
          m => m.EntityReadinessCard,
        ),
    },
  }),
);

/**
 * The readiness card of a Group page: the team's entities, their levels and
 * what blocks each one's next level.
 *
 * @public
 */
export const EntityTeamReadinessCard = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityTeamReadinessCard',
    component: {
      lazy: () =>
        import('./components/TeamReadinessCard').then(m => m.TeamReadinessCard),
    },
  }),
);
