import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { readKubernetesConfig } from './config';

describe('readKubernetesConfig', () => {
  it('reads api and manifests clusters with defaults', () => {
    const config = readKubernetesConfig(
      new ConfigReader({
        readiness: {
          kubernetes: {
            cacheTtl: { minutes: 5 },
            clusters: [
              {
                name: 'prod',
                environment: 'production',
                region: 'eu-west-1',
                url: 'https://k8s.example.com',
                auth: { tokenEnv: 'K8S_TOKEN' },
                namespaces: ['shop'],
                timeout: '15s',
                namespaceEnvironments: { 'shop-staging': 'staging' },
              },
              {
                name: 'gitops',
                type: 'manifests',
                environment: 'production',
                path: 'deploy/rendered',
              },
            ],
          },
        },
      }),
      {},
    );
    expect(config).toMatchObject({
      cacheTtlMs: 300_000,
      pageSize: 500,
      concurrency: 4,
      alertRoutingLabel: 'team',
    });
    expect(config.clusters).toEqual([
      expect.objectContaining({
        type: 'api',
        timeoutMs: 15_000,
        skipTLSVerify: false,
        auth: { tokenEnv: 'K8S_TOKEN' },
        namespaces: ['shop'],
        namespaceEnvironments: { 'shop-staging': 'staging' },
      }),
      expect.objectContaining({
        type: 'manifests',
        path: 'deploy/rendered',
        live: false,
        observedForMs: 0,
      }),
    ]);
  });

  it('reads the cluster the backend runs in when no clusters are configured', () => {
    const config = readKubernetesConfig(new ConfigReader({}), {
      KUBERNETES_SERVICE_HOST: '10.0.0.1',
      KUBERNETES_SERVICE_PORT: '443',
    });
    expect(config.clusters).toEqual([
      expect.objectContaining({
        name: 'in-cluster',
        url: 'https://10.0.0.1:443',
        auth: {
          tokenFile: '/var/run/secrets/kubernetes.io/serviceaccount/token',
        },
        caFile: '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt',
      }),
    ]);
    expect(readKubernetesConfig(new ConfigReader({}), {}).clusters).toEqual([]);
  });

  it('rejects duplicate names, unknown types and unknown kinds, naming the cluster', () => {
    const read = (clusters: JsonValue[]) => () =>
      readKubernetesConfig(
        new ConfigReader({ readiness: { kubernetes: { clusters } } }),
        {},
      );
    const api = { name: 'a', environment: 'production', url: 'https://a' };
    expect(read([api, api])).toThrow(/cluster name a is used twice/);
    expect(read([{ ...api, type: 'helm' }])).toThrow(
      /type of a must be api or manifests/,
    );
    expect(read([{ ...api, url: 'http://a' }])).toThrow(/a uses plain HTTP/);
    expect(read([{ ...api, skipKinds: ['widgets'] }])).toThrow(
      /a skips unknown kind widgets/,
    );
  });
});
