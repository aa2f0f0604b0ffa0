/**
 * Small, total accessors for Kubernetes objects parsed from JSON or YAML.
 * Objects come from clusters and files we do not control, so every read is
 * defensive: a value of the wrong type reads as absent.
 */

/** A JSON object. */
export type JsonObject = Record<string, unknown>;

/** The value as an object, or an empty object. */
export function obj(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : {};
}

/** True when the value is a JSON object. */
export function isObj(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as a list, or an empty list. */
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value as a list of objects, dropping items that are not objects. */
export function objs(value: unknown): JsonObject[] {
  return arr(value).filter(isObj);
}

/** The value as a string, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value as a finite number, or undefined. */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : undefined;
}

/** The value as a boolean, or undefined. */
export function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** Follows object keys; absent when any step is not an object. */
export function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isObj(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** A string map (labels, annotations, selectors); non-string values are dropped. */
export function strMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(value))) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** Unique values in first-seen order. */
export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
