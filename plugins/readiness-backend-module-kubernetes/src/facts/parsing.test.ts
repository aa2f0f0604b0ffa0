import { maxCronIntervalSeconds } from './cron';
import { digestOfImageId, parseImage } from './image';
import { cpuMillicores, memoryBytes } from './quantity';
import {
  formatLabelSelector,
  fromLabelSelector,
  parseLabelSelector,
  selects,
} from './selectors';
import { calicoSelects } from './networkPolicies';

describe('label selectors', () => {
  it('parses the selector syntax of kubectl -l and matches labels', () => {
    const r = parseLabelSelector(
      'app=web, tier in (api,edge),!legacy,env!=dev,team',
    );
    expect(formatLabelSelector(r)).toBe(
      'app=web,tier in (api,edge),!legacy,env!=dev,team',
    );
    expect(selects(r, { app: 'web', tier: 'api', team: 'x' })).toBe(true);
    expect(
      selects(r, { app: 'web', tier: 'api', team: 'x', legacy: 'y' }),
    ).toBe(false);
    expect(() => parseLabelSelector('a in b')).toThrow(/cannot parse/);
  });

  it('reads LabelSelector objects; a missing selector selects nothing and {} selects everything', () => {
    expect(selects(fromLabelSelector(undefined), { a: 'b' })).toBe(false);
    expect(selects(fromLabelSelector({}), { a: 'b' })).toBe(true);
    const r = fromLabelSelector({
      matchLabels: { a: 'b' },
      matchExpressions: [{ key: 'c', operator: 'NotIn', values: ['d'] }],
    });
    expect(selects(r, { a: 'b', c: 'e' })).toBe(true);
    expect(selects(r, { a: 'b', c: 'd' })).toBe(false);
  });

  it('evaluates the common subset of Calico selectors', () => {
    expect(
      calicoSelects("app == 'web' && has(tier)", { app: 'web', tier: 'x' }),
    ).toBe(true);
    expect(calicoSelects("app in {'api', 'web'}", { app: 'web' })).toBe(true);
    expect(calicoSelects('all()', {})).toBe(true);
    expect(calicoSelects("app == 'a' || app == 'b'", { app: 'a' })).toBe(false);
  });
});

describe('quantities', () => {
  it('normalises memory to bytes and CPU to millicores', () => {
    expect(memoryBytes('1Gi')).toBe(memoryBytes('1024Mi'));
    expect(memoryBytes('768Mi')).toBe(805306368);
    expect(memoryBytes('1G')).toBe(1e9);
    expect(memoryBytes('1e3')).toBe(1000);
    expect(memoryBytes('lots')).toBeUndefined();
    expect(cpuMillicores('500m')).toBe(500);
    expect(cpuMillicores('0.25')).toBe(250);
    expect(cpuMillicores(2)).toBe(2000);
  });
});

describe('image references', () => {
  it('splits registry, repository, tag and digest', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(
      parseImage(`registry.example.com:5000/team/app:1.2@${digest}`),
    ).toEqual({
      reference: `registry.example.com:5000/team/app:1.2@${digest}`,
      registry: 'registry.example.com:5000',
      repository: 'registry.example.com:5000/team/app',
      tag: '1.2',
      digest,
    });
    expect(parseImage('nginx')).toMatchObject({
      repository: 'docker.io/library/nginx',
      tag: null,
      digest: null,
    });
    expect(parseImage('bitnami/redis:latest')).toMatchObject({
      repository: 'docker.io/bitnami/redis',
      tag: 'latest',
    });
    expect(digestOfImageId(`docker-pullable://nginx@${digest}`)).toBe(digest);
  });
});

describe('cron intervals', () => {
  it('finds the longest gap between runs', () => {
    expect(maxCronIntervalSeconds('15 2 * * *')).toBe(86400);
    expect(maxCronIntervalSeconds('*/15 * * * *')).toBe(900);
    expect(maxCronIntervalSeconds('0 9 * * MON-FRI')).toBe(3 * 86400);
    expect(maxCronIntervalSeconds('@weekly')).toBe(7 * 86400);
    expect(maxCronIntervalSeconds('0 0 1 * *')).toBe(31 * 86400);
    expect(maxCronIntervalSeconds('@every 6h')).toBe(6 * 3600);
    expect(maxCronIntervalSeconds('0 0 3 * * *')).toBe(86400);
    expect(() => maxCronIntervalSeconds('not a schedule')).toThrow();
  });
});
