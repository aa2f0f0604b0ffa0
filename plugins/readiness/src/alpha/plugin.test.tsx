import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import {
  mockReadinessApi,
  paymentsEntity,
  paymentsReadiness,
  teamEntity,
} from '../__testUtils__/fixtures';
import { readinessApiRef } from '../api';
import {
  readinessEntityCard,
  readinessEntityContent,
  readinessPage,
  readinessTeamCard,
} from './extensions';
import { readinessPlugin } from './plugin';

const api = () =>
  mockReadinessApi({
    getEntityReadiness: async () => paymentsReadiness,
    getOverview: async () => ({
      scorecardId: 'default',
      groupBy: 'owner',
      groups: { items: [], total: 0 },
      topFailingChecks: [],
    }),
    getHealth: async () => ({
      status: 'ok',
      database: { reachable: true },
      factProviders: [],
    }),
    listEntityScores: async () => ({ items: [], total: 0 }),
  });

const apis = (readinessApi = api()) =>
  [
    [readinessApiRef, readinessApi],
    mockApis.identity({ ownershipEntityRefs: ['user:default/alice'] }),
    mockApis.permission(),
  ] as const;

describe('readinessPlugin (new frontend system)', () => {
  it('provides the API, the page with its nav entry, the entity tab and both cards', () => {
    expect(readinessPlugin.pluginId).toBe('readiness');
    for (const id of [
      'api:readiness',
      'page:readiness',
      'entity-content:readiness',
      'entity-card:readiness/scorecard',
      'entity-card:readiness/team',
    ]) {
      expect(readinessPlugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('mounts the overview at /readiness with a title and icon for navigation', async () => {
    const tester = createExtensionTester(readinessPage, { apis: apis() });

    expect(tester.get(coreExtensionData.routePath)).toBe('/readiness');
    expect(tester.get(coreExtensionData.title)).toBe('Readiness');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();

    renderInTestApp(tester.reactElement(), { apis: apis() });
    expect(
      await screen.findByText('No entity has been scored yet'),
    ).toBeInTheDocument();
  });

  it('adds a Readiness tab to Component pages only, showing the checks', async () => {
    const tester = createExtensionTester(readinessEntityContent, {
      apis: apis(),
    });

    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Readiness');
    expect(tester.get(coreExtensionData.routePath)).toBe('/readiness');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(paymentsEntity)).toBe(true);
    expect(filter?.(teamEntity)).toBe(false);

    renderInTestApp(
      <EntityProvider entity={paymentsEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: apis() },
    );
    expect(
      await screen.findByText('Runs at least two replicas'),
    ).toBeInTheDocument();
  });

  it('adds the readiness card to Component pages', async () => {
    const tester = createExtensionTester(readinessEntityCard, { apis: apis() });

    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(paymentsEntity)).toBe(true);
    expect(filter?.(teamEntity)).toBe(false);

    renderInTestApp(
      <EntityProvider entity={paymentsEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: apis() },
    );
    expect(await screen.findByText(/Top failing checks/)).toBeInTheDocument();
  });

  it('adds the team card to Group pages', async () => {
    const tester = createExtensionTester(readinessTeamCard, { apis: apis() });

    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(teamEntity)).toBe(true);
    expect(filter?.(paymentsEntity)).toBe(false);

    renderInTestApp(
      <EntityProvider entity={teamEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: apis() },
    );
    expect(
      await screen.findByText(/This team owns no scored entity/),
    ).toBeInTheDocument();
  });
});
