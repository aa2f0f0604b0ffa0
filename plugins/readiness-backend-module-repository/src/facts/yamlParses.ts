import { parseAllDocuments } from 'yaml';

/** The value of one YAML text, or that it is not valid YAML. */
export type YamlParse = { valid: true; value: unknown } | { valid: false };

/** Texts remembered, and their total length in characters. */
const MAX_ENTRIES = 2000;
const MAX_CHARACTERS = 8 * 1024 * 1024;
/** Longer texts (lockfiles, say) are parsed every time rather than remembered. */
const MAX_REMEMBERED_TEXT = 256 * 1024;

const remembered = new Map<string, YamlParse>();
let characters = 0;

function freeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) freeze(child);
  }
  return value;
}

function parse(text: string): YamlParse {
  try {
    const [doc] = parseAllDocuments(text, { logLevel: 'silent' }) as any[];
    if (!doc || doc.errors.length) return { valid: false };
    return { valid: true, value: freeze(doc.toJS({ maxAliasCount: 100 })) };
  } catch {
    return { valid: false };
  }
}

/**
 * Parses the first document of a YAML text. The same text is parsed by
 * several facts (a workflow is a YAML document of the tree and a CI
 * definition; a Dependabot config is read by the tree and by the update
 * facts) and recurs across trees and refreshes (shared workflows, chart
 * templates), so the last parses are remembered by text, most recently used
 * last, within a bound on entries and characters. Values are frozen: they
 * are shared by every caller.
 */
export function parseYamlText(text: string): YamlParse {
  const known = remembered.get(text);
  if (known) {
    remembered.delete(text);
    remembered.set(text, known);
    return known;
  }
  const parsed = parse(text);
  if (text.length <= MAX_REMEMBERED_TEXT) {
    remembered.set(text, parsed);
    characters += text.length;
    for (const [oldest] of remembered) {
      if (remembered.size <= MAX_ENTRIES && characters <= MAX_CHARACTERS) break;
      remembered.delete(oldest);
      characters -= oldest.length;
    }
  }
  return parsed;
}
