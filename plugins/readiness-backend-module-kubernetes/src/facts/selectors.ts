import { arr, isObj, obj, str, strMap } from './json';

/** One requirement of a label selector. */
export interface LabelRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/**
 * A parsed label selector: every requirement must hold. `undefined` where a
 * selector is used means "selects nothing"; an empty list selects everything.
 */
export type LabelRequirements = LabelRequirement[];

/**
 * Parses a label selector string as `kubectl -l` and the API server accept it:
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, joined by commas.
 * Throws an Error naming the part it cannot read.
 */
export function parseLabelSelector(text: string): LabelRequirements {
  const requirements: LabelRequirements = [];
  const parts = splitTopLevel(text);
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    const set = /^([^\s!=()]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part);
    if (set) {
      requirements.push({
        key: set[1],
        operator: set[2] === 'in' ? 'In' : 'NotIn',
        values: set[3]
          .split(',')
          .map(v => v.trim())
          .filter(Boolean),
      });
      continue;
    }
    const eq = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s=!(),]*)$/.exec(part);
    if (eq) {
      requirements.push({
        key: eq[1],
        operator: eq[2] === '!=' ? 'NotIn' : 'In',
        values: [eq[3]],
      });
      continue;
    }
    const exists = /^(!?)([^\s!=()]+)$/.exec(part);
    if (exists) {
      requirements.push({
        key: exists[2],
        operator: exists[1] ? 'DoesNotExist' : 'Exists',
        values: [],
      });
      continue;
    }
    throw new Error(`cannot parse label selector part "${part}"`);
  }
  return requirements;
}

/** Splits at commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/** Formats requirements back into selector syntax, for query strings and evidence. */
export function formatLabelSelector(requirements: LabelRequirements): string {
  return requirements
    .map(r => {
      switch (r.operator) {
        case 'Exists':
          return r.key;
        case 'DoesNotExist':
          return `!${r.key}`;
        case 'In':
          return r.values.length === 1
            ? `${r.key}=${r.values[0]}`
            : `${r.key} in (${r.values.join(',')})`;
        default:
          return r.values.length === 1
            ? `${r.key}!=${r.values[0]}`
            : `${r.key} notin (${r.values.join(',')})`;
      }
    })
    .join(',');
}

/**
 * Reads a `metav1.LabelSelector` (`matchLabels` and `matchExpressions`).
 * A missing or null selector selects nothing (undefined); `{}` selects all.
 */
export function fromLabelSelector(
  value: unknown,
): LabelRequirements | undefined {
  if (!isObj(value)) return undefined;
  const requirements: LabelRequirements = Object.entries(
    strMap(value.matchLabels),
  ).map(([key, v]) => ({ key, operator: 'In' as const, values: [v] }));
  for (const expression of arr(value.matchExpressions)) {
    const e = obj(expression);
    const operator = str(e.operator);
    const key = str(e.key);
    if (!key || !operator) continue;
    if (
      operator === 'In' ||
      operator === 'NotIn' ||
      operator === 'Exists' ||
      operator === 'DoesNotExist'
    ) {
      requirements.push({
        key,
        operator,
        values: arr(e.values).filter((v): v is string => typeof v === 'string'),
      });
    }
  }
  return requirements;
}

/**
 * Reads a Service-style selector (a plain map). An empty or missing map
 * selects nothing, as for Services without a selector.
 */
export function fromMapSelector(value: unknown): LabelRequirements | undefined {
  const map = strMap(value);
  const entries = Object.entries(map);
  if (entries.length === 0) return undefined;
  return entries.map(([key, v]) => ({ key, operator: 'In', values: [v] }));
}

/** True when the labels satisfy every requirement; an undefined selector matches nothing. */
export function selects(
  requirements: LabelRequirements | undefined,
  labels: Record<string, string>,
): boolean {
  if (!requirements) return false;
  return requirements.every(r => {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.operator) {
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      case 'In':
        return has && r.values.includes(labels[r.key]);
      default:
        return !has || !r.values.includes(labels[r.key]);
    }
  });
}
