import type { CheckSource } from '../types';

/**
 * A fact path: dotted segments with bracket keys for keys that contain dots
 * or slashes, e.g. `entity.metadata.annotations["backstage.io/kubernetes-id"]`
 * or `kubernetes.workloads`. Paths that start with `$` are relative to the
 * current object of a `forEach` or quantifier (`$$` is the enclosing one).
 *
 * @public
 */
export type FactPath = string;

/**
 * An operand that names another fact instead of a literal value, e.g.
 * `lt: { fact: $$.spec.replicas }`.
 *
 * @public
 */
export interface FactReference {
  fact: FactPath;
}

/**
 * An operand of an ordering operator (`gt`, `gte`, `lt`, `lte`).
 *
 * @public
 */
export type OrderedOperand = number | string | FactReference;

/**
 * A leaf condition: a fact path and one or more operators, all of which must
 * hold.
 *
 * @public
 */
export interface FactCondition {
  fact: FactPath;
  /** Deep equality with a literal, or with another fact. */
  eq?: unknown;
  /** Deep inequality with a literal, or with another fact. */
  ne?: unknown;
  gt?: OrderedOperand;
  gte?: OrderedOperand;
  lt?: OrderedOperand;
  lte?: OrderedOperand;
  /** The value equals one of these. */
  in?: unknown[];
  /** The value equals none of these. */
  notIn?: unknown[];
  /** A regular expression (JavaScript syntax) the value must match. */
  matches?: string;
  /** Flags for `matches`: any of `i`, `m`, `s`, `u`. */
  flags?: string;
  /** `true`: the value is present (not missing or null); `false`: it is absent. */
  exists?: boolean;
  /** Minimum length of a string or number of items of a list. */
  minLength?: number;
  /** Maximum length of a string or number of items of a list. */
  maxLength?: number;
  /** A string contains this substring, or a list contains this item. */
  contains?: unknown;
  /** Trim white space from a string value before applying the operators. */
  trim?: boolean;
}

/**
 * Holds when every sub-condition holds.
 *
 * @public
 */
export interface AllCondition {
  all: Condition[];
}

/**
 * Holds when at least one sub-condition holds.
 *
 * @public
 */
export interface AnyCondition {
  any: Condition[];
}

/**
 * Holds when the sub-condition does not hold.
 *
 * @public
 */
export interface NotCondition {
  not: Condition;
}

/**
 * Chooses `then` when `if` holds and `else` (default: holds) otherwise.
 *
 * @public
 */
export interface IfCondition {
  if: Condition;
  then: Condition;
  else?: Condition;
}

/**
 * The body of `every` and `some`: a list, an optional filter and the condition
 * each item is checked against. Inside `where` and `check`, `$` is the item.
 *
 * @public
 */
export interface Quantifier {
  in: FactPath;
  where?: Condition;
  check: Condition;
  /** Template naming an item in evidence, e.g. `{name}`. */
  label?: string;
}

/**
 * Holds when every item of a list (that passes `where`) passes `check`.
 *
 * @public
 */
export interface EveryCondition {
  every: Quantifier;
}

/**
 * Holds when at least one item of a list (that passes `where`) passes `check`.
 *
 * @public
 */
export interface SomeCondition {
  some: Quantifier;
}

/**
 * Counts the items of a list that pass `where` (all items without it) and
 * compares the count.
 *
 * @public
 */
export interface CountCondition {
  count: {
    in: FactPath;
    where?: Condition;
    eq?: number;
    gt?: number;
    gte?: number;
    lt?: number;
    lte?: number;
  };
}

/**
 * A declarative rule over facts.
 *
 * @public
 */
export type Condition =
  | FactCondition
  | AllCondition
  | AnyCondition
  | NotCondition
  | IfCondition
  | EveryCondition
  | SomeCondition
  | CountCondition;

/**
 * Selects entities. Every field that is set must match; list fields match
 * when the entity's value is one of the listed values.
 *
 * @public
 */
export interface EntityFilter {
  /** Entity kinds, compared case-insensitively. */
  kind?: string[];
  /** Values of `spec.type`. */
  type?: string[];
  /** Values of `spec.lifecycle`. */
  lifecycle?: string[];
  /** Values of the tier annotation (`readiness/tier`). */
  tier?: string[];
  /** Matches when the entity has at least one of these tags. */
  tags?: string[];
  /** Annotation key to expected value, `true` for "present", `false` for "absent". */
  annotations?: Record<string, string | boolean>;
}

/**
 * The level an entity is expected to reach, by tier and/or lifecycle. The
 * first target that matches an entity applies.
 *
 * @public
 */
export interface ScorecardTarget {
  tier?: string;
  lifecycle?: string;
  level: string;
}

/**
 * The list a check is evaluated over, one result per object.
 *
 * @public
 */
export interface ForEach {
  in: FactPath;
  /** Objects for which this does not hold are out of scope. */
  where?: Condition;
}

/**
 * One check of a scorecard.
 *
 * @public
 */
export interface CheckDefinition {
  /** Kebab-case, unique within the scorecard. */
  id: string;
  /** One sentence describing the state that passes. */
  title: string;
  category: string;
  /** One of the scorecard's levels. */
  level: string;
  /** Markdown. */
  description: string;
  remediation?: { text: string; link?: string };
  source: CheckSource;
  /** Prerequisite checks: unless each is pass or exempt, this check is unknown. */
  requires?: string[];
  applicability?: EntityFilter;
  forEach?: ForEach;
  /** Template naming a `forEach` object in evidence, e.g. `{kind} {metadata.namespace}/{metadata.name}`. */
  objectLabel?: string;
  notApplicableWhen?: Condition;
  /** Required unless the source is `attestation`. */
  condition?: Condition;
  /** Paths that make the check unknown, instead of failing, when they are missing. */
  unknownWhenMissing?: FactPath[];
  /** Required when the source is `attestation`. */
  attestation?: { expiryDays: number };
}

/**
 * A scorecard: ordered levels and the checks that lead to them.
 *
 * @public
 */
export interface Scorecard {
  /** Kebab-case, unique across all definition sources. */
  id: string;
  title: string;
  description?: string;
  /** Ordered from lowest to highest. */
  levels: string[];
  /** The entities the scorecard is evaluated for; all when unset. */
  appliesTo?: EntityFilter;
  targets?: ScorecardTarget[];
  checks: CheckDefinition[];
}

/**
 * A parsed and validated definition document.
 *
 * @public
 */
export interface ScorecardDocument {
  scorecards: Scorecard[];
}
