import { ApiClusterConfig } from '../config';
import {
  StandInApiServer,
  startStandInApiServer,
} from '../__testUtils__/standInApiServer';
import { selfSignedCertificate } from '../__testUtils__/tls';
import { deployment } from '../__testUtils__/objects';
import { ApiClusterSource } from './ApiClusterSource';

/**
 * Listings stay in memory for the cache's lifetime, so what a cluster adds
 * to every object for its own bookkeeping, and no fact reads, is dropped when
 * the object is listed (page by page); everything else is kept as the
 * server sent it, for kinds of any size.
 */

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const TOKEN = 'token';

describe('ApiClusterSource', () => {
  let server: StandInApiServer;
  let config: ApiClusterConfig;
  const web = deployment('web', 'shop', {
    'backstage.io/kubernetes-id': 'web',
  });
  const applied = {
    ...web,
    metadata: {
      ...web.metadata,
      annotations: {
        'argocd.argoproj.io/tracking-id': 'shop:apps/Deployment:shop/web',
        [LAST_APPLIED]: JSON.stringify({ spec: web.spec }),
      },
      managedFields: [
        {
          manager: 'kubectl-client-side-apply',
          operation: 'Update',
          fieldsType: 'FieldsV1',
          fieldsV1: { 'f:spec': { 'f:replicas': {} } },
        },
      ],
    },
  };
  const bare = deployment('db', 'shop', { 'backstage.io/kubernetes-id': 'db' });
  const node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'node-1',
      labels: { 'topology.kubernetes.io/zone': 'eu-west-1a' },
    },
    spec: { podCIDR: '10.0.1.0/24' },
    status: {
      images: [{ names: ['registry.example.com/web:1.0.0'], sizeBytes: 1 }],
    },
  };

  beforeAll(async () => {
    const tls = selfSignedCertificate();
    server = await startStandInApiServer({
      tls,
      token: TOKEN,
      objects: [applied, bare, node],
    });
    config = {
      type: 'api',
      name: 'prod',
      environment: 'production',
      url: server.url,
      auth: { token: TOKEN },
      caData: Buffer.from(tls.cert).toString('base64'),
      skipTLSVerify: false,
      timeoutMs: 10_000,
      skipKinds: [],
      annotationScraping: false,
      namespaceEnvironments: {},
      podSpecSource: 'template',
    };
  });
  afterAll(() => server.close());

  it('drops managedFields and the last-applied-configuration annotation at list time and keeps the rest', async () => {
    const source = new ApiClusterSource(config, {
      pageSize: 500,
      concurrency: 2,
    });
    const { snapshot } = await source.list();
    const [listedWeb, listedBare] = snapshot.objects.deployments!;

    const { managedFields, annotations, ...metadata } = applied.metadata;
    expect(listedWeb).toEqual({
      ...applied,
      metadata: {
        ...metadata,
        uid: expect.any(String),
        resourceVersion: expect.any(String),
        creationTimestamp: expect.any(String),
        annotations: {
          'argocd.argoproj.io/tracking-id': 'shop:apps/Deployment:shop/web',
        },
      },
    });
    expect(listedBare).toEqual({
      ...bare,
      metadata: {
        ...bare.metadata,
        uid: expect.any(String),
        resourceVersion: expect.any(String),
        creationTimestamp: expect.any(String),
      },
    });
  });

  it('keeps only the names and labels of Nodes, the only parts facts read', async () => {
    const source = new ApiClusterSource(config, {
      pageSize: 500,
      concurrency: 2,
    });
    const { snapshot } = await source.list();
    expect(snapshot.objects.nodes).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          ...node.metadata,
          uid: expect.any(String),
          resourceVersion: expect.any(String),
          creationTimestamp: expect.any(String),
        },
      },
    ]);
  });

  it('lists a kind with more objects than a call can take as arguments', async () => {
    const count = 150_000;
    const tls = selfSignedCertificate();
    const many = await startStandInApiServer({
      tls,
      token: TOKEN,
      objects: Array.from({ length: count }, (_, i) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `p${i}`, namespace: 'shop' },
      })),
    });
    try {
      const source = new ApiClusterSource(
        {
          ...config,
          url: many.url,
          caData: Buffer.from(tls.cert).toString('base64'),
        },
        { pageSize: 50_000, concurrency: 2 },
      );
      const { snapshot } = await source.list();
      expect(snapshot.objects.pods).toHaveLength(count);
    } finally {
      await many.close();
    }
  });
});
