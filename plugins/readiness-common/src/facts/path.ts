/**
 * Fact paths: parsing, display and lookup inside plain JSON values.
 *
 * Grammar: an optional scope of one or more `$` (relative to the current
 * object; `$$` is the enclosing one), followed by segments. A segment is
 * `.name` (any characters but `.`, `[`, `]`, quotes and white space),
 * `["any key"]` / `['any key']`, or `[0]` (a list index). Absolute paths have
 * no scope and start with a name: the source id, or `entity`.
 */

/** A parsed fact path. */
export interface ParsedPath {
  /** 0 for absolute paths; 1 for `$`, 2 for `$$`, ... */
  depth: number;
  segments: Array<string | number>;
  /** The path as written. */
  text: string;
}

const NAME = /^[^.[\]\s"']+/;

/** Parses a fact path; throws an Error explaining what is wrong. */
export function parseFactPath(text: string): ParsedPath {
  let depth = 0;
  while (text[depth] === '$') depth++;
  let rest = text.slice(depth);
  const segments: Array<string | number> = [];
  if (depth === 0) {
    const first = NAME.exec(rest);
    if (!first) {
      throw new Error(`"${text}" must start with a source id, entity or $`);
    }
    segments.push(first[0]);
    rest = rest.slice(first[0].length);
  }
  while (rest.length > 0) {
    if (rest[0] === '.') {
      const name = NAME.exec(rest.slice(1));
      if (!name) {
        throw new Error(`"${text}" has an empty or invalid name after "."`);
      }
      segments.push(name[0]);
      rest = rest.slice(1 + name[0].length);
    } else if (rest[0] === '[') {
      const bracket =
        /^\[(?:(\d+)|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\]/.exec(rest);
      if (!bracket) {
        throw new Error(
          `"${text}" has an invalid bracket segment; use ["key"], ['key'] or [index]`,
        );
      }
      if (bracket[1] !== undefined) {
        segments.push(Number(bracket[1]));
      } else {
        segments.push((bracket[2] ?? bracket[3]).replace(/\\(.)/g, '$1'));
      }
      rest = rest.slice(bracket[0].length);
    } else {
      throw new Error(`"${text}" has an unexpected character "${rest[0]}"`);
    }
  }
  return { depth, segments, text };
}

const pathCache = new Map<string, ParsedPath>();

/** {@link parseFactPath} with a cache, for paths already validated. */
export function factPath(text: string): ParsedPath {
  let parsed = pathCache.get(text);
  if (!parsed) {
    if (pathCache.size >= 5000) pathCache.clear();
    parsed = parseFactPath(text);
    pathCache.set(text, parsed);
  }
  return parsed;
}

/** Formats segments as a path, quoting names that need brackets. */
export function formatSegments(segments: Array<string | number>): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
    } else if (/^[A-Za-z0-9_-]+$/.test(segment)) {
      out += out ? `.${segment}` : segment;
    } else {
      out += `[${JSON.stringify(segment)}]`;
    }
  }
  return out;
}

/**
 * The path as shown to service owners: relative paths and entity paths
 * without their prefix (`$.spec.replicas` is shown as `spec.replicas`).
 */
export function displayPath(path: ParsedPath): string {
  const segments =
    path.depth === 0 && path.segments[0] === 'entity'
      ? path.segments.slice(1)
      : path.segments;
  return formatSegments(segments) || 'value';
}

/** The result of looking a path up inside a value. */
export type Lookup =
  | { state: 'value'; value: unknown }
  | { state: 'missing'; missingAt: number };

/** True for values that count as absent: undefined and null. */
export function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/**
 * Walks `segments` from `start` inside `root`. `missingAt` is the index of the
 * first segment that could not be followed.
 */
export function lookup(
  root: unknown,
  segments: ReadonlyArray<string | number>,
  start = 0,
): Lookup {
  let current = root;
  for (let i = start; i < segments.length; i++) {
    if (isAbsent(current)) {
      return { state: 'missing', missingAt: i };
    }
    const segment = segments[i];
    if (typeof segment === 'number') {
      current = Array.isArray(current) ? current[segment] : undefined;
    } else if (
      typeof current === 'object' &&
      !Array.isArray(current) &&
      Object.prototype.hasOwnProperty.call(current, segment)
    ) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      current = undefined;
    }
  }
  return isAbsent(current)
    ? { state: 'missing', missingAt: segments.length }
    : { state: 'value', value: current };
}

/**
 * Fills `{path}` placeholders of a label template from an object; paths are
 * relative to the object. Missing values are shown as `?`.
 */
export function renderTemplate(template: string, object: unknown): string {
  return template.replace(/\{([^{}]+)\}/g, (_, raw: string) => {
    const path = factPath(templatePath(raw.trim()));
    const found = lookup(object, path.segments);
    if (found.state === 'missing') return '?';
    return typeof found.value === 'object'
      ? JSON.stringify(found.value)
      : String(found.value);
  });
}

/** The relative path a template placeholder stands for. */
export function templatePath(raw: string): string {
  if (raw.startsWith('$')) return raw;
  return raw.startsWith('[') ? `$${raw}` : `$.${raw}`;
}

/** The placeholders of a template, for validation. */
export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}]+)\}/g)].map(m => m[1].trim());
}
