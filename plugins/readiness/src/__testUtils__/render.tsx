import { Entity } from '@backstage/catalog-model';
import {
  alertApiRef,
  AlertApi,
  identityApiRef,
  RouteRef,
} from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ReactElement } from 'react';
import { ReadinessApi, readinessApiRef } from '../api';

/** Options of {@link renderWithApis}. */
export interface RenderOptions {
  api: ReadinessApi;
  entity?: Entity;
  /** Ownership refs of the signed-in user. */
  ownershipEntityRefs?: string[];
  alertApi?: Partial<AlertApi>;
  mountedRoutes?: Record<string, RouteRef>;
}

/** Renders an element in a test app with the readiness API, an identity and (optionally) an entity. */
export async function renderWithApis(
  element: ReactElement,
  options: RenderOptions,
): Promise<{ alertApi: Partial<AlertApi> }> {
  const alertApi = options.alertApi ?? { post: jest.fn() };
  const content = options.entity ? (
    <EntityProvider entity={options.entity}>{element}</EntityProvider>
  ) : (
    element
  );
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [readinessApiRef, options.api],
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: 'user:default/alice',
            ownershipEntityRefs: options.ownershipEntityRefs ?? [
              'user:default/alice',
            ],
          }),
        ],
        [alertApiRef, alertApi],
      ]}
    >
      {content}
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...options.mountedRoutes,
      },
    },
  );
  return { alertApi };
}
