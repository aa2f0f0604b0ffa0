import { displayPath, lookup, parseFactPath, renderTemplate } from './path';

describe('parseFactPath', () => {
  it.each([
    ['kubernetes.workloads', 0, ['kubernetes', 'workloads']],
    [
      'entity.metadata.annotations["backstage.io/kubernetes-id"]',
      0,
      ['entity', 'metadata', 'annotations', 'backstage.io/kubernetes-id'],
    ],
    [
      "entity.metadata.labels['app.kubernetes.io/name']",
      0,
      ['entity', 'metadata', 'labels', 'app.kubernetes.io/name'],
    ],
    ['$.spec.containers[0].image', 1, ['spec', 'containers', 0, 'image']],
    ['$$.spec.replicas', 2, ['spec', 'replicas']],
    ['$', 1, []],
    ['$["a\\"b"]', 1, ['a"b']],
  ])('parses %s', (text, depth, segments) => {
    expect(parseFactPath(text)).toEqual({ depth, segments, text });
  });

  it.each([
    ['', 'must start with a source id, entity or $'],
    ['.x', 'must start with a source id, entity or $'],
    ['a..b', 'has an empty or invalid name after "."'],
    ['a[b]', 'has an invalid bracket segment'],
    ['a["b"', 'has an invalid bracket segment'],
    ['$x', 'has an unexpected character "x"'],
  ])('rejects %j', (text, message) => {
    expect(() => parseFactPath(text)).toThrow(message);
  });
});

describe('displayPath', () => {
  it.each([
    ['$.spec.replicas', 'spec.replicas'],
    ['entity.metadata.description', 'metadata.description'],
    ['kubernetes.workloads', 'kubernetes.workloads'],
    [
      'entity.metadata.annotations["backstage.io/kubernetes-id"]',
      'metadata.annotations["backstage.io/kubernetes-id"]',
    ],
    ['$', 'value'],
  ])('shows %s as %s', (text, shown) => {
    expect(displayPath(parseFactPath(text))).toBe(shown);
  });
});

describe('lookup', () => {
  const value = { a: { b: [{ c: 1 }], n: null }, s: 'x' };

  it('follows names and list indexes', () => {
    expect(lookup(value, ['a', 'b', 0, 'c'])).toEqual({
      state: 'value',
      value: 1,
    });
  });

  it('reports where a path stops', () => {
    expect(lookup(value, ['a', 'x', 'y'])).toEqual({
      state: 'missing',
      missingAt: 2,
    });
  });

  it('treats null as missing', () => {
    expect(lookup(value, ['a', 'n']).state).toBe('missing');
  });

  it('does not read inherited properties or string characters', () => {
    expect(lookup(value, ['a', 'toString']).state).toBe('missing');
    expect(lookup(value, ['s', 'length']).state).toBe('missing');
  });
});

describe('renderTemplate', () => {
  const object = {
    kind: 'Deployment',
    metadata: {
      namespace: 'payments',
      name: 'checkout',
      labels: { 'app.kubernetes.io/name': 'co' },
    },
  };

  it('fills placeholders relative to the object', () => {
    expect(
      renderTemplate('{kind} {metadata.namespace}/{metadata.name}', object),
    ).toBe('Deployment payments/checkout');
  });

  it('supports bracket keys and shows missing values as ?', () => {
    expect(
      renderTemplate(
        '{metadata.labels["app.kubernetes.io/name"]} {spec.x}',
        object,
      ),
    ).toBe('co ?');
  });
});
