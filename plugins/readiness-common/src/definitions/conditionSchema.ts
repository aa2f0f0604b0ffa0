import { z } from 'zod';
import { parseFactPath } from '../facts/path';
import { isFactReference, OPERATORS } from '../evaluation/operators';
import type { Condition } from './types';

/** The key that tells each kind of condition apart, in union order. */
export const CONDITION_KEYS = [
  'fact',
  'all',
  'any',
  'not',
  'if',
  'every',
  'some',
  'count',
] as const;

/** Message of the condition union; the error formatter recognises it. */
export const CONDITION_UNION_MESSAGE = `must be a condition: an object with one of ${CONDITION_KEYS.join(
  ', ',
)}`;

/** A fact path that parses. */
export const factPathSchema = z.string().superRefine((value, ctx) => {
  try {
    parseFactPath(value);
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: `is not a valid fact path: ${(error as Error).message}`,
    });
  }
});

const factReferenceSchema = z.strictObject({ fact: factPathSchema });

const orderedOperandSchema = z.union(
  [z.number(), z.string(), factReferenceSchema],
  { error: 'must be a number, a string or { fact: <path> }' },
);

const lengthSchema = z
  .number()
  .int()
  .nonnegative({ error: 'must be a whole number, 0 or more' });

const leafSchema = z
  .strictObject({
    fact: factPathSchema,
    eq: z.unknown().optional(),
    ne: z.unknown().optional(),
    gt: orderedOperandSchema.optional(),
    gte: orderedOperandSchema.optional(),
    lt: orderedOperandSchema.optional(),
    lte: orderedOperandSchema.optional(),
    in: z.array(z.unknown()).min(1, 'must list at least one value').optional(),
    notIn: z
      .array(z.unknown())
      .min(1, 'must list at least one value')
      .optional(),
    matches: z.string().optional(),
    flags: z
      .string()
      .regex(/^[imsu]*$/, 'may only contain the regex flags i, m, s and u')
      .optional(),
    exists: z.boolean().optional(),
    minLength: lengthSchema.optional(),
    maxLength: lengthSchema.optional(),
    contains: z.unknown().optional(),
    trim: z.boolean().optional(),
  })
  .superRefine(
    (leaf, ctx) => {
      if (!OPERATORS.some(op => leaf[op] !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          message: `needs an operator: one of ${OPERATORS.join(', ')}`,
        });
      }
      if (leaf.flags !== undefined && leaf.matches === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['flags'],
          message: 'is only allowed together with matches',
        });
      }
      if (leaf.matches !== undefined) {
        try {
          new RegExp(leaf.matches, leaf.flags); // eslint-disable-line no-new
        } catch (error) {
          ctx.addIssue({
            code: 'custom',
            path: ['matches'],
            message: `is not a valid regular expression: ${
              (error as Error).message
            }`,
          });
        }
      }
      for (const op of ['eq', 'ne', 'contains'] as const) {
        const operand = leaf[op];
        if (!isFactReference(operand)) continue;
        try {
          parseFactPath(operand.fact);
        } catch (error) {
          ctx.addIssue({
            code: 'custom',
            path: [op, 'fact'],
            message: `is not a valid fact path: ${(error as Error).message}`,
          });
        }
      }
    },
    // Only for leaves without other problems: with an unknown key, that key
    // is probably the misspelt operator and "needs an operator" is noise.
    { when: payload => payload.issues.length === 0 },
  );

/** A condition nested in another one, resolved when parsing. */
const nestedCondition: z.ZodType<Condition> = z.lazy(() =>
  recursiveCondition(),
);

const conditionListSchema = z
  .array(nestedCondition)
  .min(1, 'must list at least one condition');

const allSchema = z.strictObject({ all: conditionListSchema });
const anySchema = z.strictObject({ any: conditionListSchema });
const notSchema = z.strictObject({ not: nestedCondition });
const ifSchema = z.strictObject({
  if: nestedCondition,
  then: nestedCondition,
  else: nestedCondition.optional(),
});

const quantifierSchema = z.strictObject({
  in: factPathSchema,
  where: nestedCondition.optional(),
  check: nestedCondition,
  label: z.string().optional(),
});
const everySchema = z.strictObject({ every: quantifierSchema });
const someSchema = z.strictObject({ some: quantifierSchema });

const countLimit = z
  .number()
  .int()
  .nonnegative({ error: 'must be a whole number, 0 or more' })
  .optional();
const countSchema = z.strictObject({
  count: z
    .strictObject({
      in: factPathSchema,
      where: nestedCondition.optional(),
      eq: countLimit,
      gt: countLimit,
      gte: countLimit,
      lt: countLimit,
      lte: countLimit,
    })
    .superRefine((count, ctx) => {
      const limits = [count.eq, count.gt, count.gte, count.lt, count.lte];
      if (limits.every(l => l === undefined)) {
        ctx.addIssue({
          code: 'custom',
          message: 'needs a comparison: one of eq, gt, gte, lt, lte',
        });
      }
    }),
});

/**
 * The schema of a condition (recursive). Validates structure, fact path
 * syntax and regular expressions; scope rules are checked by the scorecard
 * schema.
 *
 * @public
 */
export const conditionSchema: z.ZodType<Condition> = z.union(
  [
    leafSchema,
    allSchema,
    anySchema,
    notSchema,
    ifSchema,
    everySchema,
    someSchema,
    countSchema,
  ],
  { error: CONDITION_UNION_MESSAGE },
);

function recursiveCondition(): z.ZodType<Condition> {
  return conditionSchema;
}
