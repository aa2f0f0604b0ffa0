import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ManifestsClusterConfig } from '../config';
import {
  kubernetesFactsFromManifests,
  parseManifests,
} from '../facts/manifests';
import { deployment } from '../__testUtils__/objects';
import { component } from '../__testUtils__/demo';
import {
  ManifestsClusterSource,
  MAX_MANIFEST_FILE_BYTES,
} from './ManifestsClusterSource';

/**
 * A manifests cluster whose directory holds hostile content: links out of
 * it, binary files named like YAML, YAML that is not Kubernetes, alias bombs,
 * huge and deep trees. The listing either skips what is not a manifest or
 * fails with an error naming the file; it never reads outside the directory.
 */

const config = (path: string): ManifestsClusterConfig => ({
  type: 'manifests',
  name: 'hostile',
  environment: 'production',
  path,
  live: false,
  relativeTimes: false,
  installed: [],
  observedForMs: 0,
  annotationScraping: false,
  namespaceEnvironments: {},
  podSpecSource: 'template',
});

const web = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec: { replicas: 2, template: { spec: { containers: [{ name: app, image: web:1 }] } } }
`;

describe('manifests clusters with hostile content', () => {
  let dir: string;
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'readiness-manifests-'));
    dir = join(root, 'cluster');
    mkdirSync(dir);
    mkdirSync(join(root, 'outside'));
    writeFileSync(join(dir, 'web.yaml'), web);
    writeFileSync(
      join(root, 'outside/stolen.yaml'),
      web.replace('name: web', 'name: stolen'),
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const names = async () => {
    const { snapshot } = await new ManifestsClusterSource(config(dir)).list();
    return snapshot.objects.deployments?.map(d => d.metadata?.name);
  };

  it('does not follow symbolic links to files or directories outside it', async () => {
    symlinkSync(join(root, 'outside/stolen.yaml'), join(dir, 'link.yaml'));
    symlinkSync(join(root, 'outside'), join(dir, 'linked-dir'));
    symlinkSync(dir, join(dir, 'loop'));
    expect(await names()).toEqual(['web']);
  });

  it('reads a tree 200 directories deep', async () => {
    let deep = dir;
    for (let i = 0; i < 200; i++) deep = join(deep, 'd');
    mkdirSync(deep, { recursive: true });
    writeFileSync(
      join(deep, 'api.yaml'),
      web.replace('name: web', 'name: api'),
    );
    expect((await names())?.sort()).toEqual(['api', 'web']);
  });

  it('ignores YAML that is not a Kubernetes object', async () => {
    writeFileSync(join(dir, 'list.yaml'), '- a\n- b\n');
    writeFileSync(join(dir, 'scalar.yaml'), 'just text\n');
    writeFileSync(join(dir, 'nokind.yaml'), 'apiVersion: v1\nmetadata: {}\n');
    writeFileSync(
      join(dir, 'odd.yaml'),
      'apiVersion: 5\nkind: [Deployment]\nmetadata: nope\nspec: 7\n---\n~\n',
    );
    writeFileSync(join(dir, 'values.json'), '{"replicas": "many"}');
    // Bytes of a PNG image parse as one plain scalar: not an object either.
    writeFileSync(
      join(dir, 'image.yaml'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x3a]),
    );
    expect(await names()).toEqual(['web']);
  });

  it('fails with the file named when a file is broken YAML, an alias bomb or too large', async () => {
    const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      bomb.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    }
    const cases: Array<[string, Buffer | string, RegExp]> = [
      ['broken.yaml', 'kind: Deployment\n  metadata: : :\n', /broken\.yaml: /],
      [
        'bomb.yaml',
        `${bomb.join('\n')}\n`,
        /bomb\.yaml: Excessive alias count/,
      ],
      [
        'huge.yaml',
        Buffer.alloc(MAX_MANIFEST_FILE_BYTES + 1, '#'),
        /huge\.yaml: 16777217 bytes is more than a manifests file may hold/,
      ],
    ];
    for (const [name, content, message] of cases) {
      writeFileSync(join(dir, name), content);
      const started = Date.now();
      await expect(names()).rejects.toThrow(message);
      expect(Date.now() - started).toBeLessThan(10_000);
      rmSync(join(dir, name));
    }
  });

  it('matches entities with any selector annotations without throwing', () => {
    const selectorText = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        'app in (a,b',
        'app notin ()',
        '!',
        '=,=,=',
        'a=b,,c!=d',
        'x in (y), z',
        'a'.repeat(300),
      ),
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            'backstage.io/kubernetes-id': selectorText,
            'backstage.io/kubernetes-label-selector': selectorText,
            'backstage.io/kubernetes-namespace': selectorText,
            'readiness/tier': selectorText,
          },
          { requiredKeys: [] },
        ),
        annotations => {
          const entity = component('checkout');
          entity.metadata.annotations = annotations as Record<string, string>;
          const facts = kubernetesFactsFromManifests({
            entity,
            clusters: [
              {
                manifests: [
                  deployment('checkout', 'shop', {
                    'backstage.io/kubernetes-id': 'checkout',
                    app: 'a',
                  }),
                ],
              },
            ],
          });
          expect(facts).toEqual(expect.any(Object));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('turns any JSON posted as manifests into facts without throwing', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.jsonValue({ maxDepth: 4 }),
            fc
              .tuple(
                fc.constantFrom(
                  'spec',
                  'metadata',
                  'status',
                  'kind',
                  'apiVersion',
                ),
                fc.jsonValue({ maxDepth: 3 }),
              )
              .map(([key, value]) => ({
                ...deployment('checkout', 'shop', {
                  'backstage.io/kubernetes-id': 'checkout',
                }),
                [key]: value,
              })),
          ),
          { maxLength: 8 },
        ),
        manifests => {
          const facts = kubernetesFactsFromManifests({
            entity: component('checkout'),
            clusters: [{ manifests }],
          });
          expect(facts).toEqual(expect.any(Object));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses YAML nested 10000 levels deep with an error naming the file', () => {
    const text = `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    expect(() => parseManifests(text, 'deep.yaml')).toThrow(
      /^deep\.yaml: Maximum call stack size exceeded/,
    );
  });
});
