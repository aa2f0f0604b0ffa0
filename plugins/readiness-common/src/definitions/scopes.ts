import { factPath, templatePath, templatePlaceholders } from '../facts/path';
import { isFactReference } from '../evaluation/operators';
import type { Condition, CountCondition, Quantifier } from './types';

/** A problem found in a condition, at a path relative to the condition. */
export interface ScopeIssue {
  path: Array<string | number>;
  message: string;
}

/** Reports a relative path that reaches further out than `depth` objects. */
export function checkPathScope(
  text: string,
  depth: number,
  path: Array<string | number>,
  issues: ScopeIssue[],
) {
  let parsed;
  try {
    parsed = factPath(text);
  } catch {
    return; // reported by the schema
  }
  if (parsed.depth > depth) {
    issues.push({
      path,
      message:
        depth === 0
          ? `"${text}" is relative ($) but is not inside forEach or a quantifier`
          : `"${text}" reaches ${parsed.depth} objects up, but only ${depth} enclose it`,
    });
  }
}

/** Checks that a label template only names paths inside its object. */
export function checkTemplate(
  template: string,
  path: Array<string | number>,
  issues: ScopeIssue[],
) {
  for (const placeholder of templatePlaceholders(template)) {
    let ok = true;
    try {
      ok = factPath(templatePath(placeholder)).depth === 1;
    } catch {
      ok = false;
    }
    if (!ok) {
      issues.push({
        path,
        message: `placeholder {${placeholder}} must be a path inside the object, e.g. {metadata.name}`,
      });
    }
  }
}

/**
 * Finds relative paths (`$`, `$$`, ...) that reach further out than the
 * objects enclosing them. `depth` is the number of enclosing objects.
 */
export function checkScopes(
  cond: Condition,
  depth: number,
  path: Array<string | number> = [],
  issues: ScopeIssue[] = [],
): ScopeIssue[] {
  if ('fact' in cond) {
    checkPathScope(cond.fact, depth, [...path, 'fact'], issues);
    for (const op of [
      'eq',
      'ne',
      'gt',
      'gte',
      'lt',
      'lte',
      'contains',
    ] as const) {
      const operand = cond[op];
      if (isFactReference(operand)) {
        checkPathScope(operand.fact, depth, [...path, op, 'fact'], issues);
      }
    }
  } else if ('all' in cond) {
    cond.all.forEach((c, i) =>
      checkScopes(c, depth, [...path, 'all', i], issues),
    );
  } else if ('any' in cond) {
    cond.any.forEach((c, i) =>
      checkScopes(c, depth, [...path, 'any', i], issues),
    );
  } else if ('not' in cond) {
    checkScopes(cond.not, depth, [...path, 'not'], issues);
  } else if ('if' in cond) {
    checkScopes(cond.if, depth, [...path, 'if'], issues);
    checkScopes(cond.then, depth, [...path, 'then'], issues);
    if (cond.else) checkScopes(cond.else, depth, [...path, 'else'], issues);
  } else if ('every' in cond) {
    checkQuantifier(cond.every, depth, [...path, 'every'], issues);
  } else if ('some' in cond) {
    checkQuantifier(cond.some, depth, [...path, 'some'], issues);
  } else {
    checkQuantifier(cond.count, depth, [...path, 'count'], issues);
  }
  return issues;
}

function checkQuantifier(
  q: Quantifier | CountCondition['count'],
  depth: number,
  here: Array<string | number>,
  issues: ScopeIssue[],
) {
  checkPathScope(q.in, depth, [...here, 'in'], issues);
  if (q.where) checkScopes(q.where, depth + 1, [...here, 'where'], issues);
  if ('check' in q) checkScopes(q.check, depth + 1, [...here, 'check'], issues);
  if ('label' in q && q.label) {
    checkTemplate(q.label, [...here, 'label'], issues);
  }
}
