import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import request from 'supertest';
import {
  ALICE,
  BOB,
  LEAD,
  snapshotTables,
  startAccessBackend,
} from '../__testUtils__/accessBackend';
import { testEntity } from '../__testUtils__/fixtures';

/**
 * Every REST route, fed malformed parameters, bodies, huge payloads and odd
 * entity refs through the real router over HTTP: the answer is a 4xx with a
 * message (or a normal answer where the input is merely unusual), never a
 * 5xx, and no rejected request changes a row of any Readiness table.
 */

const API = '/api/readiness';
const CHECKOUT = `${API}/entities/component/default/checkout`;
/** Runs per property; each run is one HTTP request and two table snapshots. */
const RUNS = 25;
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();

jest.setTimeout(120_000);

const validAttestation = {
  checkId: 'oncall-runbook-content',
  evidenceUrl: 'https://wiki.example.com/runbooks/checkout',
};
const validExemption = {
  checkId: 'k8s-min-replicas',
  reason: 'Leader-only worker, a second replica would double-process jobs',
  expiresAt: inDays(30),
};

/** Any JSON value that is not a string. */
const notAString = fc
  .jsonValue({ maxDepth: 2 })
  .filter(v => typeof v !== 'string');
/** Strings of every kind: unicode, control characters, long, path-like. */
const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '..',
    '../../etc/passwd',
    '%2e%2e',
    'a/b',
    'a:b',
    '\u0000',
    "'; drop table readiness_attestations; --",
    '<script>alert(1)</script>',
    'x'.repeat(5000),
  ),
);

/** A valid body broken in exactly one way, so that it must be refused. */
function brokenBody(valid: Record<string, unknown>, longField: string) {
  const keys = Object.keys(valid);
  return fc.oneof(
    // A required field missing.
    fc.constantFrom(...keys).map(k => {
      const { [k]: _removed, ...rest } = valid;
      return rest;
    }),
    // A field of the wrong type.
    fc
      .tuple(fc.constantFrom(...keys), notAString)
      .map(([k, v]) => ({ ...valid, [k]: v })),
    // A field nobody asked for.
    fc
      .tuple(
        fc.string({ minLength: 1, maxLength: 20 }).filter(k => !(k in valid)),
        fc.jsonValue({ maxDepth: 2 }),
      )
      .map(([k, v]) => ({ ...valid, [k]: v })),
    // An unknown check.
    oddString
      .filter(s => s !== valid.checkId)
      .map(checkId => ({ ...valid, checkId })),
    // Text longer than allowed.
    fc
      .integer({ min: 2001, max: 20_000 })
      .map(n => ({ ...valid, [longField]: 'x'.repeat(n) })),
    // Expiry in the past, too far ahead, or not a time.
    fc
      .oneof(
        fc.constantFrom(
          '2020-01-01T00:00:00Z',
          inDays(10_000),
          'tomorrow',
          '2026-13-45T99:99:99Z',
        ),
        oddString,
      )
      .map(expiresAt => ({ ...valid, expiresAt })),
    // Not an object at all.
    fc.oneof(fc.array(fc.jsonValue({ maxDepth: 1 })), fc.constant(null)),
  );
}

/** Query strings with known and unknown keys, repeated keys and qs nesting. */
const oddQuery = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          'scorecard',
          'groupBy',
          'sort',
          'order',
          'limit',
          'offset',
          'owner',
          'level',
          'search',
          'status',
          'format',
          'from',
          'to',
          'owner[x]',
          'limit[]',
          '__proto__',
          'constructor[prototype][x]',
        ),
        fc.string({ maxLength: 10 }),
      ),
      fc.oneof(
        oddString,
        fc.constantFrom(
          '-1',
          '0',
          '1e400',
          'NaN',
          '501',
          '9999-99-99',
          '0001-01-01',
          '2026-02-30',
          'desc',
          'csv',
          'none',
        ),
      ),
    ),
    { maxLength: 6 },
  )
  .map(pairs =>
    pairs
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&'),
  );

/** A path segment for kind, namespace or name, URL-encoded. */
const oddSegment = oddString
  .filter(s => s.length > 0)
  .map(s => encodeURIComponent(s));

describe('bad input through the real router', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let server: any;
  let snapshot: () => Promise<unknown>;
  let before: unknown;

  beforeAll(async () => {
    const backend = await startAccessBackend(databases);
    server = backend.server;
    const auth = (user: string) => mockCredentials.user.header(user);
    await request(server)
      .post(`${CHECKOUT}/refresh`)
      .set('Authorization', auth(ALICE))
      .expect(200);
    await request(server)
      .post(`${API}/entities/component/default/vault/refresh`)
      .set('Authorization', auth(BOB))
      .expect(200);
    await request(server)
      .post(`${CHECKOUT}/attestations`)
      .set('Authorization', auth(ALICE))
      .send(validAttestation)
      .expect(201);
    await request(server)
      .post(`${CHECKOUT}/exemptions`)
      .set('Authorization', auth(LEAD))
      .send(validExemption)
      .expect(201);
    snapshot = () => snapshotTables(backend.knex);
    before = await snapshot();
  });

  /** A rejection: a 4xx with Backstage's error body naming the problem. */
  function expectRejected(response: request.Response) {
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body.error.message).toEqual(expect.any(String));
    expect(response.body.error.message.length).toBeGreaterThan(0);
  }

  /** Anything but a server error; errors come with a message. */
  function expectNoServerError(response: request.Response) {
    expect(response.status).toBeLessThan(500);
    if (response.status >= 400) expectRejected(response);
  }

  it('refuses broken attestation bodies with a 4xx and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(brokenBody(validAttestation, 'note'), async body => {
        const response = await request(server)
          .post(`${CHECKOUT}/attestations`)
          .set('Authorization', mockCredentials.user.header(ALICE))
          .send(body as object);
        expectRejected(response);
        expect(await snapshot()).toEqual(before);
      }),
      { numRuns: RUNS },
    );
    // Nothing was stored, whatever the answer.
    expect(await snapshot()).toEqual(before);
  });

  it('refuses broken exemption bodies with a 4xx and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(brokenBody(validExemption, 'reason'), async body => {
        const response = await request(server)
          .post(`${CHECKOUT}/exemptions`)
          .set('Authorization', mockCredentials.user.header(LEAD))
          .send(body as object);
        expectRejected(response);
        expect(await snapshot()).toEqual(before);
      }),
      { numRuns: RUNS },
    );
    // Nothing was stored, whatever the answer.
    expect(await snapshot()).toEqual(before);
  });

  it('answers odd entity refs on every entity route with 400 or 404', async () => {
    const routes: Array<[string, string, object?]> = [
      ['get', ''],
      ['get', '/history'],
      ['get', '/audit'],
      ['post', '/refresh'],
      ['post', '/attestations', validAttestation],
      ['post', '/exemptions', validExemption],
      ['delete', '/attestations/3f2c0d7e-5b1a-4c9e-8f00-1a2b3c4d5e6f'],
      ['delete', '/exemptions/3f2c0d7e-5b1a-4c9e-8f00-1a2b3c4d5e6f'],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.tuple(oddSegment, oddSegment, oddSegment),
        async ([method, suffix, body], [kind, namespace, name]) => {
          const path = `${API}/entities/${kind}/${namespace}/${name}${suffix}`;
          const response = await (request(server) as any)
            [method](path)
            .set('Authorization', mockCredentials.user.header(LEAD))
            .send(body);
          expectRejected(response);
          expect([400, 404]).toContain(response.status);
          expect(await snapshot()).toEqual(before);
        },
      ),
      { numRuns: RUNS * 2 },
    );
    // Nothing was stored, whatever the answer.
    expect(await snapshot()).toEqual(before);
  });

  it('answers malformed record ids with 400 and unknown ones with 404', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('attestations', 'exemptions'),
        fc.oneof(oddSegment, fc.uuid()),
        async (records, id) => {
          const response = await request(server)
            .delete(`${CHECKOUT}/${records}/${id}`)
            .set('Authorization', mockCredentials.user.header(LEAD));
          expectRejected(response);
          expect([400, 404]).toContain(response.status);
        },
      ),
      { numRuns: RUNS },
    );
    // Nothing was stored, whatever the answer.
    expect(await snapshot()).toEqual(before);
  });

  it('never fails with a server error on odd query strings of the read routes', async () => {
    const routes = [
      '/overview',
      '/entities',
      '/trend',
      '/checks/k8s-min-replicas/results',
      '/export',
      '/scorecards',
      '/status',
      '/entities/component/default/checkout/history',
      '/badge/component/default/checkout',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        oddQuery,
        async (route, query) => {
          const response = await request(server)
            .get(`${API}${route}?${query}`)
            .set('Authorization', mockCredentials.user.header(ALICE));
          expectNoServerError(response);
        },
      ),
      { numRuns: RUNS * 3 },
    );
    // Nothing was stored, whatever the answer.
    expect(await snapshot()).toEqual(before);
  });

  it('never fails with a server error on odd check ids of the drill-down', async () => {
    await fc.assert(
      fc.asyncProperty(oddSegment, async checkId => {
        const response = await request(server)
          .get(`${API}/checks/${checkId}/results`)
          .set('Authorization', mockCredentials.user.header(ALICE));
        expectRejected(response);
      }),
      { numRuns: RUNS },
    );
    // Nothing was stored, whatever the answer.
    expect(await snapshot()).toEqual(before);
  });

  it('never fails with a server error on odd POST /evaluate bodies, and stores nothing', async () => {
    const entity = fc.oneof(
      fc.constant(testEntity),
      // The test entity with one field of its metadata or spec replaced.
      fc
        .tuple(
          fc.constantFrom(
            'namespace',
            'name',
            'annotations',
            'labels',
            'tags',
            'title',
            'description',
            'links',
          ),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .map(([key, value]) => ({
          ...testEntity,
          metadata: { ...testEntity.metadata, [key]: value },
        })),
      fc
        .tuple(
          fc.constantFrom('spec', 'relations', 'kind', 'apiVersion'),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .map(([key, value]) => ({ ...testEntity, [key]: value })),
      fc.jsonValue({ maxDepth: 3 }),
      fc
        .record({
          apiVersion: fc.jsonValue({ maxDepth: 1 }),
          kind: fc.jsonValue({ maxDepth: 1 }),
          metadata: fc.record(
            {
              name: fc.jsonValue({ maxDepth: 1 }),
              namespace: fc.jsonValue({ maxDepth: 1 }),
              annotations: fc.jsonValue({ maxDepth: 2 }),
              title: fc.jsonValue({ maxDepth: 1 }),
            },
            { requiredKeys: [] },
          ),
          spec: fc.jsonValue({ maxDepth: 2 }),
          relations: fc.jsonValue({ maxDepth: 2 }),
        })
        .map(e => e as unknown),
    );
    const body = fc.record(
      {
        entity,
        manifests: fc.oneof(
          fc.array(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), {
            maxLength: 5,
          }),
          fc.jsonValue({ maxDepth: 2 }),
        ),
        files: fc.oneof(
          fc.array(fc.record({ path: oddString, content: fc.string() }), {
            maxLength: 5,
          }),
          fc.jsonValue({ maxDepth: 2 }),
        ),
        facts: fc.oneof(
          fc.dictionary(
            fc.string(),
            fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })),
          ),
          fc.record({
            'test-cluster': fc.record({
              workloads: fc.array(fc.jsonValue({ maxDepth: 3 }), {
                maxLength: 5,
              }),
            }),
          }),
          fc.jsonValue({ maxDepth: 2 }),
        ),
        scorecard: fc.oneof(oddString, notAString),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, async input => {
        const response = await request(server)
          .post(`${API}/evaluate`)
          .set('Authorization', mockCredentials.user.header(ALICE))
          .send(input);
        expectNoServerError(response);
      }),
      { numRuns: RUNS * 3 },
    );
    // Nothing was stored, whatever the answer.
    expect(await snapshot()).toEqual(before);
  });

  it('judges facts nested a million levels deep without a stack overflow', async () => {
    const depth = 1_000_000;
    const response = await request(server)
      .post(`${API}/evaluate`)
      .set('Authorization', mockCredentials.user.header(ALICE))
      .set('Content-Type', 'application/json')
      .send(
        `{"entity":${JSON.stringify(
          testEntity,
        )},"facts":{"test-cluster":{"workloads":[${'['.repeat(
          depth,
        )}${']'.repeat(depth)}]}}}`,
      );
    // The nested array is judged as one workload without replicas.
    expect(response.status).toBe(200);
    const replicas = response.body.items[0].results.find(
      (r: { checkId: string }) => r.checkId === 'k8s-min-replicas',
    );
    expect(replicas.status).toBe('fail');
    // Nothing was stored, whatever the answer.
    expect(await snapshot()).toEqual(before);
  });

  it('answers 413 naming the limit to a POST /evaluate body over 5 MB', async () => {
    const response = await request(server)
      .post(`${API}/evaluate`)
      .set('Authorization', mockCredentials.user.header(ALICE))
      .send({
        entity: testEntity,
        files: [{ path: 'big.txt', content: 'x'.repeat(6 * 1024 * 1024) }],
      });
    expect(response.status).toBe(413);
    expect(response.body.error.message).toBe(
      'Request body is larger than the 5mb allowed for POST /evaluate',
    );
    // Nothing was stored, whatever the answer.
    expect(await snapshot()).toEqual(before);
  });

  it('answers 413 to an attestation body over 100 kB', async () => {
    const response = await request(server)
      .post(`${CHECKOUT}/attestations`)
      .set('Authorization', mockCredentials.user.header(ALICE))
      .send({ ...validAttestation, note: 'x'.repeat(200_000) });
    expect(response.status).toBe(413);
    expect(response.body.error.message).toContain('100kb');
    // Nothing was stored, whatever the answer.
    expect(await snapshot()).toEqual(before);
  });

  it('answers malformed JSON with a 400 saying so', async () => {
    for (const text of ['{"checkId":', '[1,2', '{"a":1}}', '\u0000']) {
      const response = await request(server)
        .post(`${CHECKOUT}/attestations`)
        .set('Authorization', mockCredentials.user.header(ALICE))
        .set('Content-Type', 'application/json')
        .send(text);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(
        'Request body is not valid JSON',
      );
    }
    // Nothing was stored, whatever the answer.
    expect(await snapshot()).toEqual(before);
  });

  it('answers a trend or history range longer than two years with a 400 naming from and to', async () => {
    for (const path of [
      '/trend',
      '/entities/component/default/checkout/history',
    ]) {
      const response = await request(server)
        .get(`${API}${path}?from=0001-01-01&to=9999-12-31`)
        .set('Authorization', mockCredentials.user.header(ALICE));
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(
        'from, to: the range 0001-01-01..9999-12-31 is longer than 731 days',
      );
    }
    // Nothing was stored, whatever the answer.
    expect(await snapshot()).toEqual(before);
  });
});
