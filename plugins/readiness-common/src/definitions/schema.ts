import { z } from 'zod';
import { conditionSchema, factPathSchema } from './conditionSchema';
import { checkPathScope, checkScopes, checkTemplate } from './scopes';
import type { CheckDefinition, ScorecardDocument } from './types';

const kebabCase = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'must be kebab-case: lowercase letters and digits separated by single dashes',
  );

const text = z.string().trim().min(1, 'must not be empty');

const nonEmptyList = z
  .array(text)
  .min(1, 'must list at least one value, or be left out');

/** Tiers are strings (annotation values); YAML `1` is accepted as `"1"`. */
const tierSchema = z.preprocess(
  v => (typeof v === 'number' ? String(v) : v),
  text,
);

const entityFilterSchema = z.strictObject({
  kind: nonEmptyList.optional(),
  type: nonEmptyList.optional(),
  lifecycle: nonEmptyList.optional(),
  tier: z.array(tierSchema).min(1, 'must list at least one tier').optional(),
  tags: nonEmptyList.optional(),
  annotations: z
    .record(
      z.string(),
      z.union([z.string(), z.boolean()], {
        error: 'must be a string, or true / false for present / absent',
      }),
    )
    .optional(),
});

const forEachSchema = z.preprocess(
  v => (typeof v === 'string' ? { in: v } : v),
  z.strictObject({
    in: factPathSchema,
    where: conditionSchema.optional(),
  }),
);

function checkRules(check: CheckDefinition, ctx: z.RefinementCtx) {
  const issue = (path: Array<string | number>, message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  if (check.source === 'attestation') {
    if (!check.attestation) {
      issue(['attestation'], 'is required when source is attestation');
    }
    for (const key of ['condition', 'forEach', 'objectLabel'] as const) {
      if (check[key] !== undefined) {
        issue([key], 'is not allowed when source is attestation');
      }
    }
  } else {
    if (!check.condition) {
      issue(['condition'], 'is required unless source is attestation');
    }
    if (check.attestation) {
      issue(['attestation'], 'is only allowed when source is attestation');
    }
  }
  (check.requires ?? []).forEach((id, i) => {
    if (id === check.id)
      issue(['requires', i], 'a check cannot require itself');
  });
  if (check.objectLabel !== undefined && !check.forEach) {
    issue(['objectLabel'], 'is only allowed together with forEach');
  }
  if (check.source === 'attestation') return;
  const scoped = [
    ...(check.notApplicableWhen
      ? checkScopes(check.notApplicableWhen, 0, ['notApplicableWhen'])
      : []),
    ...(check.forEach?.where
      ? checkScopes(check.forEach.where, 1, ['forEach', 'where'])
      : []),
    ...(check.condition
      ? checkScopes(check.condition, check.forEach ? 1 : 0, ['condition'])
      : []),
  ];
  if (check.forEach)
    checkPathScope(check.forEach.in, 0, ['forEach', 'in'], scoped);
  if (check.objectLabel) {
    checkTemplate(check.objectLabel, ['objectLabel'], scoped);
  }
  scoped.forEach(i => issue(i.path, i.message));
}

const checkSchema = z
  .strictObject({
    id: kebabCase,
    title: text,
    category: text,
    level: text,
    description: text,
    remediation: z
      .strictObject({
        text,
        link: z.url({ error: 'must be a URL' }).optional(),
      })
      .optional(),
    source: kebabCase.refine(s => s !== 'entity', {
      error: '"entity" is reserved for catalog entity paths; use catalog',
    }),
    requires: z.array(kebabCase).optional(),
    applicability: entityFilterSchema.optional(),
    forEach: forEachSchema.optional(),
    objectLabel: z.string().optional(),
    notApplicableWhen: conditionSchema.optional(),
    condition: conditionSchema.optional(),
    unknownWhenMissing: z.array(factPathSchema).optional(),
    attestation: z
      .strictObject({
        expiryDays: z
          .number()
          .int()
          .positive({ error: 'must be a whole number of days, 1 or more' }),
      })
      .optional(),
  })
  .superRefine(checkRules);

/** Finds a cycle in `requires`, as a list of ids from and back to one check. */
function findCycle(
  checks: ReadonlyArray<CheckDefinition>,
): string[] | undefined {
  const byId = new Map(checks.map(c => [c.id, c]));
  const done = new Set<string>();
  const walk = (id: string, trail: string[]): string[] | undefined => {
    if (trail.includes(id)) return [...trail.slice(trail.indexOf(id)), id];
    if (done.has(id)) return undefined;
    for (const next of byId.get(id)?.requires ?? []) {
      const cycle = walk(next, [...trail, id]);
      if (cycle) return cycle;
    }
    done.add(id);
    return undefined;
  };
  for (const check of checks) {
    const cycle = walk(check.id, []);
    if (cycle) return cycle;
  }
  return undefined;
}

const scorecardSchema = z
  .strictObject({
    id: kebabCase,
    title: text,
    description: z.string().optional(),
    levels: z.array(text).min(1, 'must list at least one level'),
    appliesTo: entityFilterSchema.optional(),
    targets: z
      .array(
        z.strictObject({
          tier: tierSchema.optional(),
          lifecycle: text.optional(),
          level: text,
        }),
      )
      .optional(),
    checks: z.array(checkSchema).min(1, 'must list at least one check'),
  })
  .superRefine((scorecard, ctx) => {
    const issue = (path: Array<string | number>, message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const levels = scorecard.levels;
    const levelList = levels.join(', ');
    levels.forEach((level, i) => {
      if (levels.indexOf(level) !== i) {
        issue(['levels', i], `"${level}" is listed twice`);
      }
    });
    const ids = new Set(scorecard.checks.map(c => c.id));
    const firstIndex = new Map<string, number>();
    scorecard.checks.forEach((check, i) => {
      const first = firstIndex.get(check.id);
      if (first !== undefined) {
        issue(
          ['checks', i, 'id'],
          `"${check.id}" is also the id of checks[${first}]`,
        );
      } else {
        firstIndex.set(check.id, i);
      }
      if (!levels.includes(check.level)) {
        issue(
          ['checks', i, 'level'],
          `"${check.level}" is not one of the scorecard levels ${levelList}`,
        );
      }
      (check.requires ?? []).forEach((id, j) => {
        if (!ids.has(id)) {
          issue(
            ['checks', i, 'requires', j],
            `"${id}" is not a check of this scorecard`,
          );
        }
      });
    });
    (scorecard.targets ?? []).forEach((target, i) => {
      if (!levels.includes(target.level)) {
        issue(
          ['targets', i, 'level'],
          `"${target.level}" is not one of the scorecard levels ${levelList}`,
        );
      }
    });
    const cycle = findCycle(scorecard.checks);
    if (cycle) {
      const i = scorecard.checks.findIndex(c => c.id === cycle[0]);
      issue(['checks', i, 'requires'], `forms a cycle: ${cycle.join(' -> ')}`);
    }
  });

/**
 * The schema of a scorecard definition document (`scorecards: [...]`).
 * Unknown keys are rejected; cross-field rules (levels, unique ids,
 * prerequisites, scopes of relative paths) are refinements.
 *
 * @public
 */
export const scorecardDocumentSchema: z.ZodType<ScorecardDocument> = z
  .strictObject({
    scorecards: z
      .array(scorecardSchema)
      .min(1, 'must list at least one scorecard'),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.scorecards.forEach((scorecard, i) => {
      if (seen.has(scorecard.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['scorecards', i, 'id'],
          message: `"${scorecard.id}" is defined twice in this file`,
        });
      }
      seen.add(scorecard.id);
    });
  });
