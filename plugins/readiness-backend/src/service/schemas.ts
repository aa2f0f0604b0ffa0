import { z } from 'zod';

const list = z
  .union([z.string(), z.array(z.string())])
  .transform(v => (Array.isArray(v) ? v : v.split(',')).filter(Boolean));

/** Entity filters shared by the overview, the entity list, drill-down and export. */
export const filtersSchema = z.object({
  owner: list.optional(),
  system: list.optional(),
  domain: list.optional(),
  lifecycle: list.optional(),
  tier: list.optional(),
  kind: list.optional(),
  type: list.optional(),
  level: list.optional(),
  search: z.string().max(200).optional(),
});

const paging = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  order: z.enum(['asc', 'desc']).default('asc'),
};

const scorecard = z.string().min(1).optional();

export const overviewQuerySchema = filtersSchema.extend({
  scorecard,
  groupBy: z
    .enum(['owner', 'system', 'domain', 'lifecycle', 'tier', 'kind'])
    .default('owner'),
  sort: z.enum(['key', 'entities', 'averageScore']).default('key'),
  ...paging,
});

export const entityListQuerySchema = filtersSchema.extend({
  scorecard,
  sort: z
    .enum(['entityRef', 'title', 'owner', 'level', 'score', 'evaluatedAt'])
    .default('entityRef'),
  ...paging,
});

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD')
  .refine(
    v =>
      !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v),
    'must be a day of the calendar',
  );

export const trendQuerySchema = filtersSchema.extend({
  scorecard,
  from: day.optional(),
  to: day.optional(),
});

export const historyQuerySchema = z.object({
  scorecard,
  from: day.optional(),
  to: day.optional(),
});

export const checkResultsQuerySchema = filtersSchema.extend({
  scorecard,
  status: z
    .union([z.string(), z.array(z.string())])
    .transform(v => (Array.isArray(v) ? v : v.split(',')).filter(Boolean))
    .pipe(
      z.array(z.enum(['pass', 'fail', 'not-applicable', 'unknown', 'exempt'])),
    )
    .optional(),
  sort: z.enum(['entityRef', 'status', 'evaluatedAt']).default('entityRef'),
  ...paging,
});

export const exportQuerySchema = filtersSchema.extend({
  scorecard,
  format: z.enum(['csv', 'json']).default('json'),
});

const futureTimestamp = z.iso
  .datetime({ offset: true })
  .refine(v => Date.parse(v) > Date.now(), 'must lie in the future');

export const attestationBodySchema = z
  .object({
    checkId: z.string().min(1),
    evidenceUrl: z.url({ protocol: /^https?$/ }),
    note: z.string().max(2000).optional(),
    notApplicableReason: z.string().min(1).max(2000).optional(),
    expiresAt: futureTimestamp.optional(),
  })
  .strict();

export const exemptionBodySchema = z
  .object({
    checkId: z.string().min(1),
    reason: z
      .string()
      .trim()
      .min(10, 'must say why, in at least 10 characters')
      .max(2000),
    expiresAt: futureTimestamp,
  })
  .strict();

export const evaluateBodySchema = z
  .object({
    entity: z
      .object({
        apiVersion: z.string(),
        kind: z.string(),
        metadata: z
          .object({
            name: z.string().min(1),
            namespace: z.string().min(1).optional(),
            annotations: z.record(z.string(), z.string()).optional(),
            labels: z.record(z.string(), z.string()).optional(),
          })
          .loose(),
      })
      .loose(),
    /** Rendered Kubernetes objects, turned into facts by the Kubernetes provider. */
    manifests: z.array(z.record(z.string(), z.unknown())).max(5000).optional(),
    /** Files of the repository tree, turned into facts by the repository provider. */
    files: z
      .array(
        z
          .object({ path: z.string().min(1).max(1024), content: z.string() })
          .strict(),
      )
      .max(20000)
      .optional(),
    /** Facts per source id, as providers would have collected them; win over derived ones. */
    facts: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
    scorecard,
  })
  .strict();

/**
 * Kind, namespace and name of an entity route. Loose enough for every ref the
 * catalog accepts by default (names of up to 63 characters of letters,
 * digits, `-`, `_` and `.`), strict enough that no odd ref reaches the catalog.
 */
const refPart = z
  .string()
  .max(253, 'must be at most 253 characters')
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'must be letters, digits, "-", "_" or "." and start with a letter or digit',
  );

export const entityPathSchema = z.object({
  kind: refPart,
  namespace: refPart,
  name: refPart,
});

/** The id of an attestation or exemption in a route. */
export const recordIdSchema = z.object({
  id: z.uuid('must be the id of an attestation or exemption (a UUID)'),
});

/** The widest day range a trend or history may span. */
export const MAX_RANGE_DAYS = 731;
