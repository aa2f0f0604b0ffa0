import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  entityFromDescriptor,
  readFileNoFollow,
  manifestsFromFiles,
  readTreeFiles,
  resolveInsideWorkspace,
} from './workspace';

describe('workspace reading', () => {
  let root: string;
  let tree: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'readiness-workspace-'));
    tree = join(root, 'tree');
    await mkdir(join(tree, 'docs'), { recursive: true });
    await mkdir(join(tree, 'node_modules', 'x'), { recursive: true });
    await mkdir(join(root, 'outside'));
    await writeFile(join(root, 'outside', 'secret.md'), 'secret');
    await writeFile(join(tree, 'README.md'), '# readme');
    await writeFile(join(tree, 'docs', 'runbook.md'), '# runbook');
    await writeFile(join(tree, 'node_modules', 'x', 'index.js'), 'x');
    await writeFile(join(tree, 'logo.png'), Buffer.from([0x89, 0, 1, 2]));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reads text files, skipping symbolic links, binaries, large files and node_modules', async () => {
    await symlink(join(root, 'outside'), join(tree, 'linked-dir'));
    await symlink(
      join(root, 'outside', 'secret.md'),
      join(tree, 'docs', 'linked.md'),
    );
    await writeFile(join(tree, 'big.txt'), 'x'.repeat(2000));
    const { files, skipped } = await readTreeFiles(tree, {
      maxFileBytes: 1000,
    });
    expect(files.map(f => f.path)).toEqual(['README.md', 'docs/runbook.md']);
    expect(files.some(f => f.content.includes('secret'))).toBe(false);
    expect(skipped).toEqual([
      { path: 'big.txt', reason: 'too-large' },
      { path: 'docs/linked.md', reason: 'symlink' },
      { path: 'linked-dir', reason: 'symlink' },
      { path: 'logo.png', reason: 'binary' },
    ]);
  });

  it('stops at the file limit and lists what it left out', async () => {
    const { files, skipped } = await readTreeFiles(tree, { maxFiles: 1 });
    expect(files.map(f => f.path)).toEqual(['README.md']);
    expect(skipped).toContainEqual({
      path: 'docs/runbook.md',
      reason: 'file-limit',
    });
  });

  it('resolves paths inside the root and refuses .., absolute paths and links', async () => {
    await expect(resolveInsideWorkspace(tree, 'docs/runbook.md')).resolves.toBe(
      join(tree, 'docs', 'runbook.md'),
    );
    await expect(
      resolveInsideWorkspace(tree, 'docs/../../outside'),
    ).rejects.toThrow('path: "docs/../../outside" is outside the workspace');
    await expect(
      resolveInsideWorkspace(tree, join(root, 'outside'), 'manifests'),
    ).rejects.toThrow('is outside the workspace');
    await symlink(join(root, 'outside'), join(tree, 'linked-dir'));
    await expect(
      resolveInsideWorkspace(tree, 'linked-dir/secret.md'),
    ).rejects.toThrow(
      'path: "linked-dir/secret.md" crosses the symbolic link linked-dir, which is not followed',
    );
    await expect(resolveInsideWorkspace(tree, 'missing.yaml')).rejects.toThrow(
      'path: "missing.yaml" does not exist',
    );
  });

  it('turns YAML files into Kubernetes objects, unpacking lists and leaving out other documents', () => {
    const objects = manifestsFromFiles([
      {
        path: 'deploy/all.yaml',
        content:
          'apiVersion: v1\nkind: Service\nmetadata: { name: a }\n---\nreplicaCount: 2\n---\napiVersion: v1\nkind: List\nitems:\n  - { apiVersion: v1, kind: ConfigMap, metadata: { name: b } }\n',
      },
      { path: 'deploy/notes.md', content: 'kind: Service' },
    ]);
    expect(objects.map((o: any) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Service/a',
      'ConfigMap/b',
    ]);
    expect(() =>
      manifestsFromFiles([{ path: 'deploy/bad.yaml', content: 'a: [' }]),
    ).toThrow('deploy/bad.yaml:');
  });

  it('picks the Component of a descriptor, or the entity named, and explains what it found otherwise', () => {
    const text = [
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: one }',
      'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: { name: one-api }',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: two }',
    ].join('\n---\n');
    expect(
      entityFromDescriptor(text, 'services.yaml', 'two').metadata.name,
    ).toBe('two');
    expect(() => entityFromDescriptor(text, 'services.yaml')).toThrow(
      'services.yaml: holds several candidate entities (Component:one, API:one-api, Component:two); name one',
    );
    expect(() => entityFromDescriptor(text, 'services.yaml', 'three')).toThrow(
      'services.yaml: holds no entity named "three" (found Component:one, API:one-api, Component:two)',
    );
  });

  it('refuses to read through a link that replaced a file', async () => {
    await symlink(
      join(root, 'outside', 'secret.md'),
      join(tree, 'docs', 'swapped.md'),
    );
    await expect(
      readFileNoFollow(join(tree, 'docs', 'swapped.md')),
    ).rejects.toMatchObject({ code: 'ELOOP' });
    expect(
      (await readFileNoFollow(join(tree, 'README.md'))).toString('utf8'),
    ).toBe('# readme');
  });
});
