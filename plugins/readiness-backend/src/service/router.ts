import express, { Request } from 'express';
import Router from 'express-promise-router';
import {
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  EntityScoreRow,
  readinessAttestationCreatePermission,
  readinessExemptionCreatePermission,
  readinessRefreshPermission,
  Scorecard,
  scorecardAppliesTo,
} from '@readiness/backstage-plugin-readiness-common';
import { z } from 'zod';
import { EntityScore, ReadinessStore } from '../database/ReadinessStore';
import { RefreshEngine } from '../engine/RefreshEngine';
import { FactProviderRegistry } from '../providers/FactProviderRegistry';
import { renderBadge } from './badge';
import { csvLine } from './csv';
import { buildEntityReadiness } from './entityReadiness';
import { attestationExpiry, exemptionExpiry, findCheck } from './records';
import { buildAuditTrail } from './audit';
import {
  DEFAULT_BODY_LIMIT,
  EVALUATE_BODY_LIMIT,
  jsonBody,
} from './bodyParsers';
import { ReadableEntities } from './readableEntities';
import {
  attestationBodySchema,
  checkResultsQuerySchema,
  entityListQuerySchema,
  entityPathSchema,
  evaluateBodySchema,
  exemptionBodySchema,
  exportQuerySchema,
  historyQuerySchema,
  MAX_RANGE_DAYS,
  overviewQuerySchema,
  recordIdSchema,
  trendQuerySchema,
} from './schemas';
import { evaluateContent } from '@readiness/backstage-plugin-readiness-node';

/** What the router needs; built in plugin.ts. */
export interface RouterOptions {
  store: ReadinessStore;
  engine: RefreshEngine;
  providers: FactProviderRegistry;
  scorecards: () => Scorecard[];
  catalog: CatalogService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  logger: LoggerService;
  /**
   * `readiness.badges.public`: badges are served to anyone (read with the
   * plugin's own credentials) instead of following the caller's catalog
   * read access. Default false.
   */
  publicBadges?: boolean;
}

/** Parses input with a module-level schema; a failure is a 400 naming each field. */
function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new InputError(
      result.error.issues
        .map(i => `${i.path.join('.') || 'input'}: ${i.message}`)
        .join('; '),
    );
  }
  return result.data;
}

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A day range with its defaults (the last 90 days), at most MAX_RANGE_DAYS long. */
function dayRange(query: { from?: string; to?: string }) {
  const now = new Date();
  const from = query.from ?? isoDay(new Date(now.getTime() - 90 * DAY));
  const to = query.to ?? isoDay(now);
  if ((Date.parse(to) - Date.parse(from)) / DAY > MAX_RANGE_DAYS) {
    throw new InputError(
      `from, to: the range ${from}..${to} is longer than ${MAX_RANGE_DAYS} days`,
    );
  }
  return { from, to };
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, engine, providers, catalog, auth, httpAuth, logger } = options;
  const router = Router();
  router.post('/evaluate', jsonBody(EVALUATE_BODY_LIMIT, 'POST /evaluate'));
  router.use(jsonBody(DEFAULT_BODY_LIMIT, 'this route'));
  const readable = new ReadableEntities({
    catalog,
    store,
    permissions: options.permissions,
  });

  /** The caller's filters, restricted to the entities it can read in the catalog. */
  const readableFilters = async <T extends object>(
    req: Request,
    filters: T,
  ) => {
    const credentials = await httpAuth.credentials(req);
    return { ...filters, entityRefs: await readable.refs(credentials) };
  };

  const scorecardFor = (id: string | undefined): Scorecard => {
    const all = options.scorecards();
    const found = id ? all.find(s => s.id === id) : all[0];
    if (!found) {
      throw new InputError(
        id
          ? `scorecard: no scorecard "${id}"; known: ${all
              .map(s => s.id)
              .join(', ')}`
          : 'scorecard: no scorecard is configured',
      );
    }
    return found;
  };

  /** The entity of the path, read with the caller's credentials: reading follows catalog read access. */
  const readableEntity = async (req: Request) => {
    const credentials = await httpAuth.credentials(req);
    const { kind, namespace, name } = parse(entityPathSchema, req.params);
    const entityRef = stringifyEntityRef({ kind, namespace, name });
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef}`);
    }
    return { entity, entityRef: stringifyEntityRef(entity), credentials };
  };

  const authorizeOrThrow = async (
    req: Request,
    permission: BasicPermission,
  ) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await options.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
  };

  /** Owners of the entity may attest; everyone else needs the attest permission. */
  const authorizeAttestation = async (req: Request, entity: Entity) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { ownershipEntityRefs } = await options.userInfo.getUserInfo(
      credentials,
    );
    const owners = (entity.relations ?? [])
      .filter(r => r.type === 'ownedBy')
      .map(r => r.targetRef);
    if (!owners.some(o => ownershipEntityRefs.includes(o))) {
      await authorizeOrThrow(req, readinessAttestationCreatePermission);
    }
    return credentials.principal.userEntityRef;
  };

  const storedReadiness = async (entityRef: string) => {
    const [evaluations, records] = await Promise.all([
      store.getEntityEvaluations(entityRef),
      store.listRecords([entityRef]),
    ]);
    return { evaluations, ...records };
  };

  const entityReadiness = async (
    entity: Entity,
    entityRef: string,
    stored?: Awaited<ReturnType<typeof storedReadiness>>,
  ) =>
    buildEntityReadiness({
      entity,
      entityRef,
      scorecards: options.scorecards(),
      ...(stored ?? (await storedReadiness(entityRef))),
      now: new Date(),
    });

  router.get('/health', async (_req, res) => {
    const factProviders = providers.list().map(p => p.id);
    try {
      await store.ping();
      res.json({ status: 'ok', database: { reachable: true }, factProviders });
    } catch (error) {
      logger.warn(`Readiness database is not reachable: ${error}`);
      res.status(503).json({
        status: 'error',
        database: { reachable: false, error: String(error) },
        factProviders,
      });
    }
  });

  router.get('/scorecards', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({ items: options.scorecards() });
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    // The store is read while the catalog decides whether the caller may
    // read the entity; nothing is answered before it has.
    const { kind, namespace, name } = req.params;
    const pathRef = stringifyEntityRef({ kind, namespace, name });
    const stored = storedReadiness(pathRef);
    stored.catch(() => {});
    const { entity, entityRef } = await readableEntity(req);
    res.json(
      await entityReadiness(
        entity,
        entityRef,
        entityRef === pathRef ? await stored : undefined,
      ),
    );
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const { entityRef } = await readableEntity(req);
    const query = parse(historyQuerySchema, req.query);
    const items = await store.getHistory({
      entityRef,
      scorecardId: scorecardFor(query.scorecard).id,
      ...dayRange(query),
    });
    res.json({ items });
  });

  router.get('/entities/:kind/:namespace/:name/audit', async (req, res) => {
    const { entityRef } = await readableEntity(req);
    res.json({ items: buildAuditTrail(await store.listRecords([entityRef])) });
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const { entity, entityRef } = await readableEntity(req);
    await authorizeOrThrow(req, readinessRefreshPermission);
    await engine.refreshEntities([entityRef]);
    res.json(await entityReadiness(entity, entityRef));
  });

  router.post(
    '/entities/:kind/:namespace/:name/attestations',
    async (req, res) => {
      const { entity, entityRef } = await readableEntity(req);
      const body = parse(attestationBodySchema, req.body);
      const check = findCheck(options.scorecards(), body.checkId);
      const attestedBy = await authorizeAttestation(req, entity);
      const now = new Date();
      const attestation = await store.addAttestation({
        entityRef,
        checkId: check.id,
        attestedBy,
        attestedAt: now.toISOString(),
        expiresAt: attestationExpiry(check, body.expiresAt, now).toISOString(),
        evidenceUrl: body.evidenceUrl,
        note: body.note,
        notApplicableReason: body.notApplicableReason,
      });
      logger.info(`${attestedBy} attested ${check.id} of ${entityRef}`, {
        audit: 'readiness.attestation.create',
      });
      await engine.evaluateEntities([entity]);
      res.status(201).json(attestation);
    },
  );

  router.post(
    '/entities/:kind/:namespace/:name/exemptions',
    async (req, res) => {
      const { entity, entityRef } = await readableEntity(req);
      const body = parse(exemptionBodySchema, req.body);
      const check = findCheck(options.scorecards(), body.checkId);
      await authorizeOrThrow(req, readinessExemptionCreatePermission);
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const now = new Date();
      const exemption = await store.addExemption({
        entityRef,
        checkId: check.id,
        grantedBy: credentials.principal.userEntityRef,
        grantedAt: now.toISOString(),
        expiresAt: exemptionExpiry(body.expiresAt, now).toISOString(),
        reason: body.reason,
      });
      logger.info(
        `${exemption.grantedBy} exempted ${entityRef} from ${check.id} until ${exemption.expiresAt}`,
        { audit: 'readiness.exemption.create' },
      );
      await engine.evaluateEntities([entity]);
      res.status(201).json(exemption);
    },
  );

  router.delete(
    '/entities/:kind/:namespace/:name/attestations/:id',
    async (req, res) => {
      const { entity, entityRef } = await readableEntity(req);
      const { id } = parse(recordIdSchema, { id: req.params.id });
      const revokedBy = await authorizeAttestation(req, entity);
      const attestation = await store.revokeAttestation({
        entityRef,
        id,
        revokedBy,
        revokedAt: new Date(),
      });
      logger.info(
        `${attestation.revokedBy} revoked attestation ${attestation.id} of ${attestation.checkId} of ${entityRef}`,
        { audit: 'readiness.attestation.revoke' },
      );
      await engine.evaluateEntities([entity]);
      res.json(attestation);
    },
  );

  router.delete(
    '/entities/:kind/:namespace/:name/exemptions/:id',
    async (req, res) => {
      const { entity, entityRef } = await readableEntity(req);
      const { id } = parse(recordIdSchema, { id: req.params.id });
      await authorizeOrThrow(req, readinessExemptionCreatePermission);
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const exemption = await store.revokeExemption({
        entityRef,
        id,
        revokedBy: credentials.principal.userEntityRef,
        revokedAt: new Date(),
      });
      logger.info(
        `${exemption.revokedBy} revoked exemption ${exemption.id} of ${entityRef}`,
        {
          audit: 'readiness.exemption.revoke',
        },
      );
      await engine.evaluateEntities([entity]);
      res.json(exemption);
    },
  );

  router.get('/overview', async (req, res) => {
    const { scorecard, groupBy, sort, order, limit, offset, ...query } = parse(
      overviewQuerySchema,
      req.query,
    );
    const { id: scorecardId, levels } = scorecardFor(scorecard);
    const filters = await readableFilters(req, query);
    const [groups, topFailingChecks] = await Promise.all([
      store.getOverview({
        scorecardId,
        levels,
        groupBy,
        filters,
        page: { sort, order, limit, offset },
      }),
      store.getTopFailingChecks({ scorecardId, filters, limit: 10 }),
    ]);
    res.json({ scorecardId, groupBy, groups, topFailingChecks });
  });

  router.get('/entities', async (req, res) => {
    const { scorecard, sort, order, limit, offset, ...query } = parse(
      entityListQuerySchema,
      req.query,
    );
    const page = await store.listEntityScores({
      scorecardId: scorecardFor(scorecard).id,
      filters: await readableFilters(req, query),
      page: { sort, order, limit, offset },
    });
    res.json({ total: page.total, items: page.items.map(toScoreRow) });
  });

  router.get('/trend', async (req, res) => {
    const { scorecard, from, to, ...query } = parse(
      trendQuerySchema,
      req.query,
    );
    const range = dayRange({ from, to });
    const items = await store.getTrend({
      scorecardId: scorecardFor(scorecard).id,
      filters: await readableFilters(req, query),
      ...range,
    });
    res.json({ items });
  });

  router.get('/checks/:checkId/results', async (req, res) => {
    const { scorecard, status, sort, order, limit, offset, ...query } = parse(
      checkResultsQuerySchema,
      req.query,
    );
    const definition = scorecardFor(scorecard);
    if (!definition.checks.some(c => c.id === req.params.checkId)) {
      throw new NotFoundError(
        `Scorecard ${definition.id} has no check ${req.params.checkId}`,
      );
    }
    const page = await store.getCheckResults({
      scorecardId: definition.id,
      checkId: req.params.checkId,
      status,
      filters: await readableFilters(req, query),
      page: { sort, order, limit, offset },
    });
    res.json({
      total: page.total,
      items: page.items.map(i => ({
        ...i,
        evaluatedAt: i.evaluatedAt.toISOString(),
        changedAt: i.changedAt.toISOString(),
      })),
    });
  });

  router.get('/export', async (req, res) => {
    const { scorecard, format, ...query } = parse(exportQuerySchema, req.query);
    const definition = scorecardFor(scorecard);
    const rows = store.listResultsForExport({
      scorecardId: definition.id,
      filters: await readableFilters(req, query),
    });
    const checkIds = definition.checks.map(c => c.id);
    const fileName = `readiness-${definition.id}.${format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    if (format === 'csv') {
      res.type('text/csv');
      res.write(
        csvLine([
          'entityRef',
          'title',
          'owner',
          'system',
          'lifecycle',
          'tier',
          'level',
          'score',
          ...checkIds,
        ]),
      );
      for await (const { score, statuses } of rows) {
        res.write(
          csvLine([
            score.entityRef,
            score.title,
            score.owner,
            score.system,
            score.lifecycle,
            score.tier,
            score.level ?? 'none',
            score.score,
            ...checkIds.map(id => statuses[id] ?? ''),
          ]),
        );
      }
      res.end();
      return;
    }
    const items = [];
    for await (const { score, statuses } of rows) {
      items.push({ ...toScoreRow(score), checks: statuses });
    }
    res.json({ scorecardId: definition.id, items });
  });

  router.post('/evaluate', async (req, res) => {
    await httpAuth.credentials(req);
    const body = parse(evaluateBodySchema, req.body);
    const entity = body.entity as unknown as Entity;
    const scorecards = body.scorecard
      ? [scorecardFor(body.scorecard)]
      : options.scorecards().filter(s => scorecardAppliesTo(s, entity));
    res.json({
      items: evaluateContent({
        content: { entity, manifests: body.manifests, files: body.files },
        scorecards,
        sources: providers.list(),
        facts: body.facts,
      }),
    });
  });

  router.get('/badge/:kind/:namespace/:name', async (req, res) => {
    const { kind, namespace, name } = parse(entityPathSchema, req.params);
    const entityRef = stringifyEntityRef({ kind, namespace, name });
    // Public badges are read with the plugin's credentials; otherwise the
    // badge follows the caller's catalog read access like every other route.
    const entity = await catalog.getEntityByRef(entityRef, {
      credentials: options.publicBadges
        ? await auth.getOwnServiceCredentials()
        : await httpAuth.credentials(req),
    });
    const evaluations = entity
      ? await store.getEntityEvaluations(stringifyEntityRef(entity))
      : [];
    const wanted =
      typeof req.query.scorecard === 'string' ? req.query.scorecard : undefined;
    const evaluation = evaluations.find(
      e => !wanted || e.score.scorecardId === wanted,
    );
    let value = 'not found';
    if (entity) {
      value = evaluation ? evaluation.score.level ?? 'none' : 'not evaluated';
    }
    res
      .type('image/svg+xml')
      .setHeader(
        'Cache-Control',
        options.publicBadges ? 'max-age=300' : 'private, max-age=300',
      );
    res.send(renderBadge('readiness', value));
  });

  router.get('/status', async (req, res) => {
    await httpAuth.credentials(req);
    const sources = await store.getSourceStatus();
    const targets = await Promise.all(
      providers.list().map(async p => ({
        provider: p.id,
        targets: p.status ? await p.status() : [],
      })),
    );
    res.json({
      providers: ['catalog', ...providers.list().map(p => p.id)],
      targets,
      sources: sources.map(s => ({
        ...s,
        lastSuccessAt: s.lastSuccessAt?.toISOString() ?? null,
        lastAttemptAt: s.lastAttemptAt?.toISOString() ?? null,
      })),
    });
  });

  return router;
}

function toScoreRow({
  inputHash: _inputHash,
  scorecardId: _scorecardId,
  levelRank: _levelRank,
  evaluatedAt,
  ...row
}: EntityScore): EntityScoreRow {
  return { ...row, evaluatedAt: evaluatedAt.toISOString() };
}
