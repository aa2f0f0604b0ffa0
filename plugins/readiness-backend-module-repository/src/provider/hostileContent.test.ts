import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildRepositoryFacts, RepositoryFacts } from '../facts';
import { readRegularFile } from './LocalTreeReader';
import {
  createProvider,
  entityAt,
  tempDir,
} from '../__testUtils__/providerSetup';

/**
 * Repository content written by someone hostile: huge files, deep trees,
 * symbolic links and `..` paths, binary files named like YAML, YAML that is
 * not Kubernetes, YAML alias bombs; and source locations aimed at hosts the
 * portal does not read from. Every case ends in bounded facts with a clear
 * skip reason or a clear error, never a crash or a read outside the tree.
 */

const SOURCE = 'backstage.io/source-location';

/** Nine levels of nine aliases: 387 million strings once expanded. */
function yamlBomb(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 9; i++) {
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  }
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bomb\n${lines.join(
    '\n',
  )}\n`;
}

describe('hostile repository content', () => {
  let workDir: string;
  let allowed: string;
  let tree: string;

  beforeEach(() => {
    workDir = tempDir();
    allowed = join(workDir, 'allowed');
    tree = join(allowed, 'svc');
    mkdirSync(tree, { recursive: true });
    mkdirSync(join(workDir, 'outside'), { recursive: true });
    writeFileSync(join(workDir, 'outside/RUNBOOK.md'), '# stolen secret\n');
    writeFileSync(join(tree, 'README.md'), '# svc\n');
  });

  afterEach(() => rmSync(workDir, { recursive: true, force: true }));

  async function collect(
    location: string,
    limits: Record<string, number> = {},
  ) {
    const provider = createProvider({
      readiness: { repository: { allowedLocalRoots: [allowed], limits } },
    });
    const answers = await provider.collect({
      entities: [entityAt('svc', { [SOURCE]: location })],
    });
    return answers.get('component:default/svc')!;
  }

  async function factsOf(location = `file:${tree}`, limits = {}) {
    const answer = await collect(location, limits);
    if (answer.status !== 'ok') throw new Error(answer.error);
    return answer.data as unknown as RepositoryFacts;
  }

  it('lists a huge file without reading it, and refuses a tree over maxTreeSize', async () => {
    writeFileSync(join(tree, 'dump.sql'), Buffer.alloc(3 * 1024 * 1024, 'x'));
    const facts = await factsOf();
    expect(facts.tree.skipped).toEqual([
      { path: 'dump.sql', size: 3 * 1024 * 1024, reason: 'too-large' },
    ]);
    const refused = await collect(`file:${tree}`, {
      maxFileSize: 4 * 1024 * 1024,
      maxTreeSize: 1024 * 1024,
    });
    expect(refused).toEqual({
      status: 'error',
      error: expect.stringContaining(
        'larger than 1048576 bytes in total (readiness.repository.limits.maxTreeSize)',
      ),
    });
  });

  it('reads a tree 300 directories deep and stops at maxFiles in a wide one', async () => {
    let deep = tree;
    for (let i = 0; i < 300; i++) deep = join(deep, 'd');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'RUNBOOK.md'), '# deep\n');
    const facts = await factsOf();
    expect(facts.tree.fileCount).toBe(2);

    mkdirSync(join(tree, 'wide'));
    for (let i = 0; i < 60; i++) writeFileSync(join(tree, `wide/${i}.txt`), '');
    expect(await collect(`file:${tree}`, { maxFiles: 50 })).toEqual({
      status: 'error',
      error: expect.stringContaining(
        'more than 50 files (readiness.repository.limits.maxFiles)',
      ),
    });
  });

  it('never follows symbolic links: to files, directories, the root or the tree itself', async () => {
    symlinkSync('/', join(tree, 'root'));
    symlinkSync('/etc/passwd', join(tree, 'values.yaml'));
    symlinkSync(join(workDir, 'outside'), join(tree, 'docs'));
    symlinkSync('../../outside/RUNBOOK.md', join(tree, 'RUNBOOK.md'));
    symlinkSync(tree, join(tree, 'loop'));
    const facts = await factsOf();
    expect(facts.tree.paths).toEqual(['README.md']);
    expect(facts.files.runbooks).toEqual([]);
    expect(facts.tree.skipped.map(s => [s.path, s.reason]).sort()).toEqual([
      ['RUNBOOK.md', 'symlink'],
      ['docs', 'symlink'],
      ['loop', 'symlink'],
      ['root', 'symlink'],
      ['values.yaml', 'symlink'],
    ]);
    expect(JSON.stringify(facts)).not.toContain('stolen secret');

    // A location that is itself a link out of the allowed root is refused.
    symlinkSync(join(workDir, 'outside'), join(allowed, 'escape'));
    expect(await collect(`file:${join(allowed, 'escape')}`)).toEqual({
      status: 'error',
      error: expect.stringContaining(
        'outside readiness.repository.allowedLocalRoots',
      ),
    });
  });

  it('opens files without following a link that replaced them after listing', async () => {
    writeFileSync(join(tree, 'RUNBOOK.md'), '# runbook\n');
    await expect(readRegularFile(join(tree, 'RUNBOOK.md'))).resolves.toEqual(
      Buffer.from('# runbook\n'),
    );
    rmSync(join(tree, 'RUNBOOK.md'));
    symlinkSync(join(workDir, 'outside/RUNBOOK.md'), join(tree, 'RUNBOOK.md'));
    await expect(
      readRegularFile(join(tree, 'RUNBOOK.md')),
    ).resolves.toBeUndefined();
    mkdirSync(join(tree, 'dir'));
    await expect(readRegularFile(join(tree, 'dir'))).resolves.toBeUndefined();
  });

  it('refuses locations that climb out of the allowed root with ..', async () => {
    for (const location of [
      `file:${tree}/../../outside`,
      `file:${allowed}/../outside`,
      `file:${tree}/../../../../../../etc`,
    ]) {
      expect(await collect(location)).toEqual({
        status: 'error',
        error: expect.stringContaining(
          'outside readiness.repository.allowedLocalRoots',
        ),
      });
    }
  });

  it('keeps .. paths and absolute paths of posted files out of the facts', () => {
    const facts = buildRepositoryFacts({
      files: [
        { path: 'README.md', content: '# svc\n' },
        { path: '../../outside/RUNBOOK.md', content: '# stolen\n' },
        { path: '/etc/passwd', content: 'root:x:0:0\n' },
        { path: 'docs/../../RUNBOOK.md', content: '# climbing\n' },
      ],
    });
    expect(facts.files.runbooks).toEqual([]);
    expect(facts.tree.paths).not.toContain('../../outside/RUNBOOK.md');
    expect(JSON.stringify(facts)).not.toContain('stolen');
  });

  it('lists binary files named like YAML as binary, without parsing them', async () => {
    writeFileSync(
      join(tree, 'deployment.yaml'),
      Buffer.concat([
        Buffer.from('apiVersion: apps/v1\nkind: Deployment\n'),
        Buffer.from([0, 0xff, 0xfe, 0, 1, 2, 3]),
      ]),
    );
    const facts = await factsOf();
    expect(facts.tree.skipped).toEqual([
      { path: 'deployment.yaml', size: 44, reason: 'binary' },
    ]);
    expect(facts.kubernetes.manifests).toEqual([]);
  });

  it('skips YAML that is not a Kubernetes object without failing the tree', async () => {
    mkdirSync(join(tree, 'k8s'));
    const documents = {
      'list.yaml': '- a\n- b\n',
      'scalar.yaml': 'just a string\n',
      'nokind.yaml': 'apiVersion: v1\nmetadata:\n  name: x\n',
      'oddtypes.yaml':
        'apiVersion: 5\nkind: [Deployment]\nmetadata: nope\nspec: 7\n',
      'broken.yaml': 'kind: Deployment\n  metadata: : :\n\t- x\n',
      'nulls.yaml': '---\n---\n~\n',
      'deployment.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n',
    };
    for (const [name, content] of Object.entries(documents)) {
      writeFileSync(join(tree, 'k8s', name), content);
    }
    const facts = await factsOf();
    expect(facts.kubernetes.manifests.map(m => m.path)).toEqual([
      'k8s/deployment.yaml',
    ]);
  });

  it('does not expand YAML alias bombs', async () => {
    writeFileSync(join(tree, 'bomb.yaml'), yamlBomb());
    const started = Date.now();
    const facts = await factsOf();
    // Bounded: the bomb is read as a document without a parsed value.
    expect(JSON.stringify(facts).length).toBeLessThan(100_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(facts.tree.paths).toEqual(['README.md', 'bomb.yaml']);
  });

  describe('locations aimed at hosts the portal does not read from', () => {
    let target: Server;
    let redirector: Server;
    const requestsTo = { target: 0, redirector: 0 };
    const portOf = (server: Server) => (server.address() as AddressInfo).port;

    beforeEach(async () => {
      requestsTo.target = 0;
      requestsTo.redirector = 0;
      target = createServer((_req, res) => {
        requestsTo.target += 1;
        res.end('secret');
      });
      redirector = createServer((_req, res) => {
        requestsTo.redirector += 1;
        res
          .writeHead(302, {
            location: `http://127.0.0.1:${portOf(target)}/latest/meta-data/`,
          })
          .end();
      });
      await Promise.all(
        [target, redirector].map(
          s => new Promise<void>(r => s.listen(0, '127.0.0.1', r)),
        ),
      );
    });

    afterEach(async () => {
      await Promise.all(
        [target, redirector].map(s => new Promise(r => s.close(r))),
      );
    });

    it('refuses cloud metadata, loopback and other schemes without sending a request', async () => {
      for (const location of [
        'url:http://169.254.169.254/latest/meta-data/iam/',
        `url:http://127.0.0.1:${portOf(target)}/`,
        `url:http://localhost:${portOf(target)}/`,
        `url:http://[::1]:${portOf(target)}/`,
        'url:file:///etc/passwd',
        'url:gopher://127.0.0.1:6379/_INFO',
      ]) {
        const answer = await collect(location);
        expect(answer.status).toBe('error');
        expect(answer.status === 'error' && answer.error).toMatch(
          /not allowed|Invalid|invalid|unsupported|Unsupported/,
        );
      }
      expect(requestsTo.target).toBe(0);
    });

    it('never requests a plain allowed host, so no redirect from it can reach a host that is not allowed', async () => {
      const provider = createProvider({
        backend: {
          reading: {
            allow: [{ host: `127.0.0.1:${portOf(redirector)}` }],
          },
        },
        readiness: { repository: {} },
      });
      const answers = await provider.collect({
        entities: [
          entityAt('svc', {
            [SOURCE]: `url:http://127.0.0.1:${portOf(
              redirector,
            )}/o/r/tree/main/`,
          }),
        ],
      });
      const answer = answers.get('component:default/svc')!;
      // Plain hosts of backend.reading.allow serve single files only; the
      // provider reads trees, so nothing is requested and nothing redirected.
      expect(answer).toEqual({
        status: 'error',
        error: expect.stringContaining(
          'FetchUrlReader does not implement readTree',
        ),
      });
      expect(requestsTo).toEqual({ target: 0, redirector: 0 });
    });
  });
});
