import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RepositoryFacts } from '../facts';
import {
  createProvider,
  entityAt,
  tempDir,
} from '../__testUtils__/providerSetup';

/**
 * A local tree is read again only when its listing changes; these edits must
 * change the facts of a tree whose facts are cached.
 */
describe('changes to a cached local tree', () => {
  let allowed: string;
  let tree: string;

  beforeEach(() => {
    allowed = tempDir();
    tree = join(allowed, 'svc');
    mkdirSync(join(tree, 'docs'), { recursive: true });
    writeFileSync(join(tree, 'Dockerfile'), 'FROM node:20\n');
    writeFileSync(join(tree, 'docs/runbook.md'), '# Runbook\n');
  });

  afterEach(() => {
    rmSync(allowed, { recursive: true, force: true });
  });

  async function collect(
    p: ReturnType<typeof createProvider>,
  ): Promise<RepositoryFacts> {
    const answers = await p.collect({
      entities: [
        entityAt('svc', { 'backstage.io/source-location': `file:${tree}` }),
      ],
    });
    const answer = answers.get('component:default/svc')!;
    if (answer.status !== 'ok') throw new Error(answer.error);
    return answer.data as unknown as RepositoryFacts;
  }

  function provider() {
    return createProvider({
      readiness: { repository: { allowedLocalRoots: [allowed] } },
    });
  }

  /** Sets a file's modification time back by an hour, or to `at`. */
  function age(path: string, at = new Date(Date.now() - 3600_000)): Date {
    utimesSync(path, at, at);
    return at;
  }

  const imagesOf = (facts: RepositoryFacts) => facts.baseImages.map(b => b.raw);

  it('picks up an edit that keeps the size, made right after the last read', async () => {
    const p = provider();
    expect(imagesOf(await collect(p))).toEqual(['node:20']);

    writeFileSync(join(tree, 'Dockerfile'), 'FROM node:22\n');

    expect(imagesOf(await collect(p))).toEqual(['node:22']);
  });

  it('picks up an edit that keeps the size and the modification time of a settled file', async () => {
    const mtime = age(join(tree, 'Dockerfile'));
    const p = provider();
    expect(imagesOf(await collect(p))).toEqual(['node:20']);

    writeFileSync(join(tree, 'Dockerfile'), 'FROM node:22\n');
    age(join(tree, 'Dockerfile'), mtime);

    expect(imagesOf(await collect(p))).toEqual(['node:22']);
  });

  it('picks up an edit of a settled file', async () => {
    age(join(tree, 'Dockerfile'));
    const p = provider();
    expect(imagesOf(await collect(p))).toEqual(['node:20']);

    writeFileSync(join(tree, 'Dockerfile'), 'FROM node:22-alpine\n');

    expect(imagesOf(await collect(p))).toEqual(['node:22-alpine']);
  });

  it('picks up a deleted file', async () => {
    age(join(tree, 'Dockerfile'));
    age(join(tree, 'docs/runbook.md'));
    const p = provider();
    const before = await collect(p);
    expect(before.files.runbooks.map(f => f.path)).toEqual(['docs/runbook.md']);

    rmSync(join(tree, 'docs/runbook.md'));

    const after = await collect(p);
    expect(after.files.runbooks).toEqual([]);
    expect(after.tree.paths).toEqual(['Dockerfile']);
  });
});
