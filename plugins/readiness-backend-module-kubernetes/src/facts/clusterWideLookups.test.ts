import fc from 'fast-check';
import { arr, at, bool, obj, objs, str } from './json';
import { kubernetesFactsFromManifests } from './manifests';
import { KubeObject, labelsOf, nameOf, namespaceOf } from './objects';
import { fromLabelSelector, selects } from './selectors';
import { component } from '../__testUtils__/demo';
import { deployment } from '../__testUtils__/objects';

/**
 * Cluster-wide kinds (ServiceMonitors and PodMonitors with namespace
 * selectors, Velero Schedules, ClusterRoleBindings, Nodes, Namespaces) are
 * looked up through per-snapshot indexes. These tests hold the facts to what
 * a scan of every object with the rule written out plainly gives.
 */

const now = new Date('2025-06-01T12:00:00Z');
const web = deployment('web', 'shop', { 'backstage.io/kubernetes-id': 'web' });
(web.spec as any).template.spec.serviceAccountName = 'web';
const service: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
  spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] },
};

function facts(objects: KubeObject[]) {
  const result = kubernetesFactsFromManifests({
    entity: component('web'),
    clusters: [
      {
        cluster: {
          name: 'c',
          live: true,
          installed: ['monitoring.coreos.com', 'velero.io'],
        },
        manifests: [web, service, ...objects],
      },
    ],
    options: { now },
  });
  return result.workloads[0];
}

const names = fc.array(
  fc.oneof(fc.constantFrom('shop', 'other', '*'), fc.constant(3)),
  { maxLength: 3 },
);
const namespace = fc.constantFrom('shop', 'other', 'monitoring');

describe('cluster-wide lookups', () => {
  it("credit the monitors whose namespaceSelector covers the workload's namespace and whose selector selects its Services or pods", () => {
    const monitor = fc.record(
      {
        namespace,
        any: fc.constantFrom(true, false, 'true'),
        matchNames: names,
        selector: fc.constantFrom<unknown>(
          {},
          { matchLabels: { app: 'web' } },
          { matchLabels: { app: 'db' } },
          {
            matchExpressions: [
              { key: 'app', operator: 'In', values: ['db', 'web'] },
            ],
          },
          {
            matchExpressions: [
              { key: 'app', operator: 'NotIn', values: ['db'] },
            ],
          },
          null,
        ),
      },
      { requiredKeys: ['namespace', 'selector'] },
    );
    fc.assert(
      fc.property(fc.array(monitor, { maxLength: 8 }), specs => {
        const monitors = specs.flatMap((m, i) => {
          const namespaceSelector = {
            ...('any' in m ? { any: m.any } : {}),
            ...('matchNames' in m ? { matchNames: m.matchNames } : {}),
          };
          const metadata = { name: `m${i}`, namespace: m.namespace };
          return [
            {
              apiVersion: 'monitoring.coreos.com/v1',
              kind: 'ServiceMonitor',
              metadata,
              spec: {
                namespaceSelector,
                selector: m.selector,
                endpoints: [{ port: 'http' }],
              },
            },
            {
              apiVersion: 'monitoring.coreos.com/v1',
              kind: 'PodMonitor',
              metadata,
              spec: { namespaceSelector, selector: m.selector },
            },
          ];
        });
        const covers = (m: KubeObject) => {
          const selector = obj(at(m, 'spec', 'namespaceSelector'));
          if (bool(selector.any)) return true;
          const listed = arr(selector.matchNames);
          if (listed.length) return listed.includes('shop');
          return namespaceOf(m) === 'shop';
        };
        const selected = (m: KubeObject) =>
          selects(
            fromLabelSelector(at(m, 'spec', 'selector')),
            m.kind === 'ServiceMonitor'
              ? labelsOf(service)
              : { 'backstage.io/kubernetes-id': 'web', app: 'web' },
          );
        const expected = (kind: string) =>
          monitors
            .filter(m => m.kind === kind && covers(m) && selected(m))
            .map(m => m.metadata.name);
        const { scraping } = facts(monitors);
        expect(scraping.serviceMonitors).toEqual(expected('ServiceMonitor'));
        expect(scraping.podMonitors).toEqual(expected('PodMonitor'));
      }),
    );
  });

  it('credit the Velero Schedules that include and do not exclude the namespace', () => {
    const schedule = fc.record(
      { included: names, excluded: names, paused: fc.boolean() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(schedule, { maxLength: 8 }), specs => {
        const schedules = specs.map((s, i) => ({
          apiVersion: 'velero.io/v1',
          kind: 'Schedule',
          metadata: { name: `s${i}`, namespace: 'velero' },
          spec: {
            schedule: '@every 1h',
            paused: s.paused,
            template: {
              ...('included' in s ? { includedNamespaces: s.included } : {}),
              ...('excluded' in s ? { excludedNamespaces: s.excluded } : {}),
            },
          },
          status: {
            lastBackup: new Date(now.getTime() - 60_000).toISOString(),
          },
        }));
        const covers = (s: KubeObject) => {
          const template = at(s, 'spec', 'template');
          const included = arr(at(template, 'includedNamespaces'));
          const excluded = arr(at(template, 'excludedNamespaces'));
          return (
            (included.length === 0 ||
              included.includes('*') ||
              included.includes('shop')) &&
            !excluded.includes('shop') &&
            !bool(at(s, 'spec', 'paused'))
          );
        };
        expect(facts(schedules).volumeBackup.via).toEqual(
          schedules
            .filter(covers)
            .map(s => `velero Schedule velero/${s.metadata.name}`),
        );
      }),
    );
  });

  it("list the ClusterRoleBindings naming the workload's ServiceAccount, with or without a namespace", () => {
    const subject = fc.record(
      {
        kind: fc.constantFrom('ServiceAccount', 'User'),
        name: fc.oneof(fc.constantFrom('web', 'default'), fc.constant(5)),
        namespace: fc.oneof(namespace, fc.constant(7)),
      },
      { requiredKeys: ['kind', 'name'] },
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(subject, { maxLength: 3 }), { maxLength: 8 }),
        subjectLists => {
          const bindings = subjectLists.map((subjects, i) => ({
            apiVersion: 'rbac.authorization.k8s.io/v1',
            kind: 'ClusterRoleBinding',
            metadata: { name: `b${i}` },
            roleRef: { name: 'view' },
            subjects,
          }));
          const bound = bindings
            .filter(b =>
              objs(b.subjects).some(
                s =>
                  s.kind === 'ServiceAccount' &&
                  s.name === 'web' &&
                  (str(s.namespace) ?? 'shop') === 'shop',
              ),
            )
            .map(nameOf);
          expect(facts(bindings).serviceAccount.bindings).toEqual(
            bound.map(name => ({
              kind: 'ClusterRoleBinding',
              name,
              role: 'view',
            })),
          );
        },
      ),
    );
  });

  it('read the zone of a Node listed twice from the last listing and a Namespace listed twice from the first', () => {
    const node = (zone: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n1', labels: { 'topology.kubernetes.io/zone': zone } },
    });
    const ns = (enforce: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'shop',
        labels: { 'pod-security.kubernetes.io/enforce': enforce },
      },
    });
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-1', namespace: 'shop', labels: { app: 'web' } },
      spec: { nodeName: 'n1', containers: [{ name: 'app', image: 'web:1' }] },
      status: { phase: 'Running' },
    };
    const workload = facts([
      node('eu-1a'),
      node('eu-1b'),
      ns('restricted'),
      ns('baseline'),
      pod,
    ]);
    expect(workload.zoneSpread.podZones).toEqual(['eu-1b']);
    expect(workload.podSecurity.namespaceEnforcesRestricted).toBe(true);
  });
});
