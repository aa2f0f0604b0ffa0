import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deployment, exampleObjects } from './objects';
import { StandInApiServer, startStandInApiServer } from './standInApiServer';
import { selfSignedCertificate } from './tls';

const run = promisify(execFile);
const TOKEN = 'stand-in-token';

/**
 * These tests hold the stand-in to the real protocol: kubectl, the reference
 * client, must read it as it reads a real API server.
 */
describe('the stand-in Kubernetes API server', () => {
  let server: StandInApiServer;
  let home: string;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'kubectl-home-'));
    writeFileSync(join(home, 'config'), '');
    server = await startStandInApiServer({
      objects: [
        ...exampleObjects('prod-eu-west-1'),
        deployment('extra', 'shop', { team: 'a' }),
        deployment('extra-2', 'shop', { team: 'b' }),
      ],
      token: TOKEN,
      tls: selfSignedCertificate(),
      absentGroups: ['velero.io'],
    });
  });

  afterAll(async () => {
    await server.close();
    rmSync(home, { recursive: true, force: true });
  });

  const kubectl = (...args: string[]) =>
    run(
      'kubectl',
      [
        '--server',
        server.url,
        '--insecure-skip-tls-verify',
        '--cache-dir',
        join(home, 'cache'),
        '--request-timeout',
        '20s',
        ...args,
      ],
      { env: { ...process.env, HOME: home, KUBECONFIG: join(home, 'config') } },
    );

  it('serves kubectl get deployments -A -o json over TLS with a bearer token', async () => {
    const { stdout } = await kubectl(
      '--token',
      TOKEN,
      'get',
      'deployments',
      '-A',
      '-o',
      'json',
    );
    const list = JSON.parse(stdout);
    expect(list.kind).toBe('List');
    expect(
      list.items
        .map((d: any) => `${d.kind} ${d.metadata.namespace}/${d.metadata.name}`)
        .sort(),
    ).toEqual([
      'Deployment discovery/catalog-search',
      'Deployment shop/extra',
      'Deployment shop/extra-2',
    ]);
    expect(list.items[0].metadata.resourceVersion).toEqual(expect.any(String));
  });

  it('pages kubectl lists with limit and continue and filters by label selector', async () => {
    const before = server.requests.length;
    const { stdout } = await kubectl(
      '--token',
      TOKEN,
      'get',
      'deployments',
      '-n',
      'shop',
      '-l',
      'team in (a,b)',
      '--chunk-size',
      '1',
      '-o',
      'json',
    );
    expect(JSON.parse(stdout).items.map((d: any) => d.metadata.name)).toEqual([
      'extra',
      'extra-2',
    ]);
    const lists = server.requests
      .slice(before)
      .filter(r => r.path === '/apis/apps/v1/namespaces/shop/deployments');
    expect(lists.map(r => [r.query.limit, Boolean(r.query.continue)])).toEqual([
      ['1', false],
      ['1', true],
    ]);
  });

  it('serves custom resources and reports absent API groups as unknown resource types', async () => {
    const { stdout } = await kubectl(
      '--token',
      TOKEN,
      'get',
      'servicemonitors.monitoring.coreos.com',
      '-A',
      '-o',
      'json',
    );
    expect(
      JSON.parse(stdout)
        .items.map((s: any) => s.metadata.name)
        .sort(),
    ).toEqual(['catalog-search', 'payments-api']);
    await expect(
      kubectl('--token', TOKEN, 'get', 'schedules.velero.io', '-A'),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/doesn't have a resource type/),
    });
  });

  it('refuses kubectl without a valid token', async () => {
    await expect(
      kubectl('--token', 'wrong', 'get', 'pods', '-A'),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/Unauthorized|must be logged in/),
    });
  });
});
