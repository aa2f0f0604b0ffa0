import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { entityAt } from '../__testUtils__/providerSetup';
import { refOfUrl, resolveReadTarget, subpathOf } from './locations';

const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));

describe('locations', () => {
  it.each([
    ['https://github.com/o/r/tree/main/svc', 'main'],
    ['https://gitlab.com/g/s/r/-/tree/release-2/svc', 'release-2'],
    ['https://bitbucket.org/w/r/src/develop/', 'develop'],
    ['https://gitea.example.com/o/r/src/branch/trunk/x', 'trunk'],
    ['https://dev.azure.com/o/p/_git/r?path=/svc&version=GBmain', 'main'],
    [
      'https://bitbucket.example.com/projects/P/repos/r/browse/svc?at=refs/heads/main',
      'main',
    ],
    ['https://github.com/o/r', null],
  ])('reads the ref of %s', (url, ref) => {
    expect(refOfUrl(url)).toBe(ref);
  });

  it('tells the path of a location inside its repository', () => {
    expect(
      subpathOf(
        'https://github.com/o/r/tree/main/',
        'https://github.com/o/r/tree/main/',
      ),
    ).toBe('');
    expect(
      subpathOf(
        'https://github.com/o/r/tree/main/a/b',
        'https://github.com/o/r/tree/main/',
      ),
    ).toBe('a/b');
    expect(
      subpathOf(
        'https://dev.azure.com/o/p/_git/r?path=/a/b&version=GBmain',
        'https://dev.azure.com/o/p/_git/r?path=%2F&version=GBmain',
      ),
    ).toBe('a/b');
    expect(
      subpathOf('https://github.com/o/r', 'https://github.com/o/r/tree/main/'),
    ).toBe('');
  });

  it('reads a monorepo subdirectory and its repository root as two trees', () => {
    const target = resolveReadTarget(
      entityAt('x', {
        'backstage.io/source-location':
          'url:https://github.com/o/r/tree/main/services/api/',
      }),
      { integrations, mirrors: [] },
    );
    expect(target).toEqual({
      annotation: 'backstage.io/source-location',
      target: 'url:https://github.com/o/r/tree/main/services/api/',
      tree: {
        type: 'url',
        url: 'https://github.com/o/r/tree/main/services/api/',
      },
      root: { type: 'url', url: 'https://github.com/o/r/tree/main/' },
      subpath: 'services/api',
      ref: 'main',
    });
  });

  it('resolves relative file: locations against a file: managed-by-location and refuses other types', () => {
    const target = resolveReadTarget(
      entityAt('x', {
        'backstage.io/managed-by-location': 'file:/srv/catalog/entities/x.yaml',
        'backstage.io/source-location': 'file:../repos/x',
      }),
      { integrations, mirrors: [] },
    );
    expect(target.tree).toEqual({ type: 'file', dir: '/srv/catalog/repos/x' });
    expect(() =>
      resolveReadTarget(
        entityAt('x', { 'backstage.io/source-location': 'github:o/r' }),
        { integrations, mirrors: [] },
      ),
    ).toThrow('is not a url: or file: location');
  });
});
