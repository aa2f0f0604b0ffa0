import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonObject } from '@backstage/types';
import { parseAllDocuments } from 'yaml';
import { component } from './__testUtils__/demo';
import { deployment, exampleObjects } from './__testUtils__/objects';
import { providerFromConfig } from './__testUtils__/providers';
import {
  StandInApiServer,
  startStandInApiServer,
} from './__testUtils__/standInApiServer';
import { selfSignedCertificate } from './__testUtils__/tls';
import { KINDS } from './facts/kinds';

/**
 * What the provider asks of a cluster, checked against the ClusterRole the
 * README documents: read-only requests on exactly the listed kinds, never
 * Secrets, ConfigMap values dropped, the token never logged or returned.
 */

const TOKEN = 'prod-token-7f3a9c';
const DB_PASSWORD = 'hunter2-do-not-leak';

type Rule = { apiGroups: string[]; resources: string[]; verbs: string[] };

/** The rules of the ClusterRole in README.md's RBAC section. */
function documentedRules(): Rule[] {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### RBAC'));
  const yaml = /```yaml\n([\s\S]*?)```/.exec(section)![1];
  const role = parseAllDocuments(yaml)
    .map(d => d.toJS())
    .find(d => d.kind === 'ClusterRole');
  return role.rules;
}

/** Group and resource of an API path; undefined for discovery requests. */
function resourceOf(
  path: string,
): { group: string; resource: string } | undefined {
  const core = /^\/api\/v1\/(?:namespaces\/[^/]+\/)?([a-z]+)$/.exec(path);
  if (core) return { group: '', resource: core[1] };
  const grouped =
    /^\/apis\/([^/]+)\/[^/]+\/(?:namespaces\/[^/]+\/)?([a-z]+)$/.exec(path);
  return grouped ? { group: grouped[1], resource: grouped[2] } : undefined;
}

describe('cluster access', () => {
  let server: StandInApiServer;
  let cluster: JsonObject;

  beforeAll(async () => {
    const tls = selfSignedCertificate();
    server = await startStandInApiServer({
      tls,
      objects: [
        ...exampleObjects('prod-eu-west-1'),
        deployment('checkout', 'shop', {
          'backstage.io/kubernetes-id': 'checkout',
        }),
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'checkout-config', namespace: 'shop' },
          data: { DB_PASSWORD, LOG_LEVEL: 'info' },
        },
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'checkout-db', namespace: 'shop' },
          data: { password: Buffer.from(DB_PASSWORD).toString('base64') },
        },
      ],
      token: TOKEN,
    });
    cluster = {
      name: 'prod-eu-west-1',
      environment: 'production',
      url: server.url,
      auth: { token: TOKEN },
      caData: Buffer.from(tls.cert).toString('base64'),
    };
  });
  afterAll(() => server.close());

  it('documents a read-only ClusterRole without Secrets that covers every kind the provider lists', () => {
    const rules = documentedRules();
    for (const rule of rules) {
      expect(rule.verbs).toEqual(['get', 'list']);
      expect(rule.resources).not.toContain('secrets');
    }
    const granted = rules.flatMap(r =>
      r.apiGroups.flatMap(g => r.resources.map(res => `${g}/${res}`)),
    );
    expect(granted.sort()).toEqual(
      KINDS.map(k => `${k.group}/${k.plural}`).sort(),
    );
  });

  it('makes only GET requests the documented ClusterRole allows, and never for Secrets', async () => {
    const { provider } = providerFromConfig({
      clusters: [cluster],
    });
    await provider.collect({ entities: [component('checkout')] });
    const rules = documentedRules();
    expect(server.requests.length).toBeGreaterThan(KINDS.length - 1);
    const outsideTheRole = server.requests.filter(request => {
      const resource = resourceOf(request.path);
      return (
        request.method !== 'GET' ||
        /secrets/.test(request.path) ||
        (resource &&
          !rules.some(
            r =>
              r.apiGroups.includes(resource.group) &&
              r.resources.includes(resource.resource),
          ))
      );
    });
    expect(outsideTheRole).toEqual([]);
  });

  it('drops ConfigMap values and never logs or returns the token', async () => {
    const { provider, logger } = providerFromConfig({
      clusters: [cluster],
    });
    const facts = await provider.collect({
      entities: [component('checkout')],
    });
    const status = await provider.status();
    const everything = JSON.stringify({
      facts: [...facts.values()],
      status,
      logs: [
        logger.debug.mock.calls,
        logger.info.mock.calls,
        logger.warn.mock.calls,
        logger.error.mock.calls,
      ],
    });
    // The ConfigMap was listed, and only its keys kept.
    expect(server.listCalls().configmaps).toBeGreaterThan(0);
    expect(everything).not.toContain(DB_PASSWORD);
    expect(everything).not.toContain(TOKEN);
  });
});
