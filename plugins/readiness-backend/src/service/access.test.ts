import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import request from 'supertest';
import {
  ALICE,
  BOB,
  checkout,
  LEAD,
  MALLORY,
  snapshotTables,
  startAccessBackend,
  vault,
} from '../__testUtils__/accessBackend';

const API = '/api/readiness';
const CHECKOUT = `${API}/entities/component/default/checkout`;
const VAULT = `${API}/entities/component/default/vault`;
const as = (user: string) => mockCredentials.user.header(user);
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();
const attestation = {
  checkId: 'oncall-runbook-content',
  evidenceUrl: 'https://wiki.example.com/runbooks/checkout',
};
const exemption = {
  checkId: 'k8s-min-replicas',
  reason: 'Leader-only worker, a second replica would double-process jobs',
  expiresAt: inDays(30),
};

jest.setTimeout(60_000);

describe('access control', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  /** A backend where both entities have been scored, by users who can read them. */
  async function scoredBackend(config = {}) {
    const backend = await startAccessBackend(databases, config);
    await request(backend.server)
      .post(`${CHECKOUT}/refresh`)
      .set('Authorization', as(ALICE))
      .expect(200);
    await request(backend.server)
      .post(`${VAULT}/refresh`)
      .set('Authorization', as(BOB))
      .expect(200);
    return backend;
  }

  describe('mutating routes', () => {
    it('lets the owner attest and revoke, and refuses a non-owner without readiness.attestation.create', async () => {
      const { server, knex } = await scoredBackend();
      const before = await snapshotTables(knex);
      const denied = await request(server)
        .post(`${CHECKOUT}/attestations`)
        .set('Authorization', as(MALLORY))
        .send(attestation);
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toBe(
        'Missing permission readiness.attestation.create',
      );
      expect(await snapshotTables(knex)).toEqual(before);

      const created = await request(server)
        .post(`${CHECKOUT}/attestations`)
        .set('Authorization', as(ALICE))
        .send(attestation);
      expect(created.status).toBe(201);

      const revokeDenied = await request(server)
        .delete(`${CHECKOUT}/attestations/${created.body.id}`)
        .set('Authorization', as(MALLORY));
      expect(revokeDenied.status).toBe(403);

      const revoked = await request(server)
        .delete(`${CHECKOUT}/attestations/${created.body.id}`)
        .set('Authorization', as(ALICE));
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({
        id: created.body.id,
        revokedBy: ALICE,
        revokedAt: expect.any(String),
      });
      // The revoked attestation no longer counts.
      const read = await request(server)
        .get(CHECKOUT)
        .set('Authorization', as(ALICE));
      const runbook = read.body.scorecards[0].checks.find(
        (c: { checkId: string }) => c.checkId === 'oncall-runbook-content',
      );
      expect(runbook.status).toBe('fail');
      expect(runbook.attestation).toBeUndefined();
    });

    it('lets a holder of readiness.attestation.create attest for an entity it does not own', async () => {
      const { server } = await scoredBackend();
      const response = await request(server)
        .post(`${CHECKOUT}/attestations`)
        .set('Authorization', as(LEAD))
        .send(attestation);
      expect(response.status).toBe(201);
      expect(response.body.attestedBy).toBe(LEAD);
    });

    it('needs readiness.exemption.create to exempt and to revoke, even for the owner', async () => {
      const { server, knex } = await scoredBackend();
      const before = await snapshotTables(knex);
      for (const user of [ALICE, MALLORY]) {
        const response = await request(server)
          .post(`${CHECKOUT}/exemptions`)
          .set('Authorization', as(user))
          .send(exemption);
        expect(response.status).toBe(403);
        expect(response.body.error.message).toBe(
          'Missing permission readiness.exemption.create',
        );
      }
      expect(await snapshotTables(knex)).toEqual(before);

      const granted = await request(server)
        .post(`${CHECKOUT}/exemptions`)
        .set('Authorization', as(LEAD))
        .send(exemption);
      expect(granted.status).toBe(201);
      const revokedByOwner = await request(server)
        .delete(`${CHECKOUT}/exemptions/${granted.body.id}`)
        .set('Authorization', as(ALICE));
      expect(revokedByOwner.status).toBe(403);
      const revoked = await request(server)
        .delete(`${CHECKOUT}/exemptions/${granted.body.id}`)
        .set('Authorization', as(LEAD));
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedBy).toBe(LEAD);
    });

    it('needs readiness.refresh to refresh an entity', async () => {
      const { server, knex } = await scoredBackend();
      const before = await snapshotTables(knex);
      const denied = await request(server)
        .post(`${CHECKOUT}/refresh`)
        .set('Authorization', as(MALLORY));
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toBe(
        'Missing permission readiness.refresh',
      );
      expect(await snapshotTables(knex)).toEqual(before);
    });

    it('refuses every mutation of an entity the caller cannot read with 404, changing nothing', async () => {
      const { server, knex } = await scoredBackend();
      const before = await snapshotTables(knex);
      const id = '3f2c0d7e-5b1a-4c9e-8f00-1a2b3c4d5e6f';
      const attempts = [
        request(server).post(`${VAULT}/refresh`),
        request(server).post(`${VAULT}/attestations`).send(attestation),
        request(server).post(`${VAULT}/exemptions`).send(exemption),
        request(server).delete(`${VAULT}/attestations/${id}`),
        request(server).delete(`${VAULT}/exemptions/${id}`),
      ];
      for (const attempt of attempts) {
        const response = await attempt.set('Authorization', as(ALICE));
        expect(response.status).toBe(404);
        expect(response.body.error.message).toBe(
          'No entity component:default/vault',
        );
      }
      expect(await snapshotTables(knex)).toEqual(before);
    });
  });

  describe('reading follows catalog read access', () => {
    it('hides an unreadable entity from the entity routes', async () => {
      const { server } = await scoredBackend();
      for (const path of ['', '/history', '/audit']) {
        const hidden = await request(server)
          .get(`${VAULT}${path}`)
          .set('Authorization', as(ALICE));
        expect(hidden.status).toBe(404);
        const shown = await request(server)
          .get(`${VAULT}${path}`)
          .set('Authorization', as(BOB));
        expect(shown.status).toBe(200);
      }
    });

    it('leaves unreadable entities out of the overview, entity list, trend, drill-down and export', async () => {
      const { server } = await scoredBackend();
      const read = async (user: string, path: string) => {
        const response = await request(server)
          .get(`${API}${path}`)
          .set('Authorization', as(user));
        expect(response.status).toBe(200);
        return response;
      };
      const both = [stringifyEntityRef(checkout), stringifyEntityRef(vault)];

      const overview = (await read(ALICE, '/overview')).body;
      expect(overview.groups.items).toEqual([
        expect.objectContaining({ key: 'group:default/team-a', entities: 1 }),
      ]);
      expect(overview.groups.items[0].levels).toEqual({ none: 1 });
      expect(overview.topFailingChecks).toEqual(
        expect.arrayContaining([{ checkId: 'k8s-min-replicas', failing: 1 }]),
      );
      const overviewBob = (await read(BOB, '/overview')).body;
      expect(
        overviewBob.groups.items.reduce(
          (n: number, g: { entities: number }) => n + g.entities,
          0,
        ),
      ).toBe(2);

      const list = (await read(ALICE, '/entities')).body;
      expect(list.total).toBe(1);
      expect(list.items.map((i: { entityRef: string }) => i.entityRef)).toEqual(
        [both[0]],
      );
      expect((await read(BOB, '/entities')).body.total).toBe(2);
      // The policy lets the lead read every entity: no restriction at all.
      expect((await read(LEAD, '/entities')).body.total).toBe(2);
      expect(
        (await read(LEAD, '/checks/k8s-min-replicas/results')).body.total,
      ).toBe(2);

      const trend = (await read(ALICE, '/trend')).body.items;
      expect(trend).toHaveLength(1);
      expect(trend[0].levels).toEqual({ none: 1 });
      expect((await read(BOB, '/trend')).body.items[0].levels).toEqual({
        none: 1,
        bronze: 1,
      });

      const drill = (await read(ALICE, '/checks/k8s-min-replicas/results'))
        .body;
      expect(
        drill.items.map((i: { entityRef: string }) => i.entityRef),
      ).toEqual([both[0]]);
      expect(
        (await read(BOB, '/checks/k8s-min-replicas/results')).body.total,
      ).toBe(2);

      const json = (await read(ALICE, '/export?format=json')).body;
      expect(json.items.map((i: { entityRef: string }) => i.entityRef)).toEqual(
        [both[0]],
      );
      const csv = (await read(ALICE, '/export?format=csv')).text;
      expect(csv).toContain(both[0]);
      expect(csv).not.toContain('vault');
      expect((await read(BOB, '/export?format=csv')).text).toContain(both[1]);
    });

    it('answers a badge only to callers who can read the entity', async () => {
      const { server } = await scoredBackend();
      const anonymous = await request(server)
        .get(`${API}/badge/component/default/vault`)
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
      const hidden = await request(server)
        .get(`${API}/badge/component/default/vault`)
        .set('Authorization', as(ALICE));
      expect(hidden.status).toBe(200);
      expect(hidden.body.toString()).toContain('>not found</text>');
      expect(hidden.headers['cache-control']).toBe('private, max-age=300');
      const shown = await request(server)
        .get(`${API}/badge/component/default/vault`)
        .set('Authorization', as(BOB));
      expect(shown.body.toString()).toContain('>bronze</text>');
    });

    it('serves badges without sign-in when readiness.badges.public is true', async () => {
      const { server } = await scoredBackend({ badges: { public: true } });
      const anonymous = await request(server)
        .get(`${API}/badge/component/default/vault`)
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(200);
      expect(anonymous.body.toString()).toContain('>bronze</text>');
      expect(anonymous.headers['cache-control']).toBe('max-age=300');
    });
  });

  it('keeps an append-only audit trail of attestations, exemptions and revocations in time order', async () => {
    const { server, knex } = await scoredBackend();
    const attested = await request(server)
      .post(`${CHECKOUT}/attestations`)
      .set('Authorization', as(ALICE))
      .send(attestation)
      .expect(201);
    const granted = await request(server)
      .post(`${CHECKOUT}/exemptions`)
      .set('Authorization', as(LEAD))
      .send(exemption)
      .expect(201);
    await request(server)
      .delete(`${CHECKOUT}/exemptions/${granted.body.id}`)
      .set('Authorization', as(LEAD))
      .expect(200);
    await request(server)
      .delete(`${CHECKOUT}/attestations/${attested.body.id}`)
      .set('Authorization', as(ALICE))
      .expect(200);

    const audit = await request(server)
      .get(`${CHECKOUT}/audit`)
      .set('Authorization', as(MALLORY));
    expect(audit.status).toBe(200);
    expect(
      audit.body.items.map((e: { action: string; by: string }) => [
        e.action,
        e.by,
      ]),
    ).toEqual([
      ['attestation.created', ALICE],
      ['exemption.granted', LEAD],
      ['exemption.revoked', LEAD],
      ['attestation.revoked', ALICE],
    ]);
    const times = audit.body.items.map((e: { at: string }) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // Revocations are recorded on the rows; nothing was deleted.
    expect(await knex('readiness_attestations').count({ n: '*' })).toEqual([
      { n: 1 },
    ]);
    expect(await knex('readiness_exemptions').count({ n: '*' })).toEqual([
      { n: 1 },
    ]);
  });
});
