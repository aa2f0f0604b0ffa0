import type { TreeFile } from './groups';
import { parseYamlText } from './yamlParses';

/** One YAML document of the tree. */
export interface YamlDocument {
  path: string;
  /** The parsed value; undefined when the document is not valid YAML (e.g. a Helm template). */
  value: unknown;
  /** The document's text. */
  text: string;
  /** Top-level `apiVersion`, also read from templates by line. */
  apiVersion?: string;
  kind?: string;
  name?: string;
  annotations: Record<string, string>;
}

const YAML_FILE = /\.ya?ml$/i;

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function unquote(value: string): string {
  return value.trim().replace(/^(["'])(.*)\1$/, '$2');
}

/** Top-level keys, `metadata.name` and annotations read line by line. */
function scanLines(
  text: string,
): Omit<YamlDocument, 'path' | 'value' | 'text'> {
  const result: Omit<YamlDocument, 'path' | 'value' | 'text'> = {
    annotations: {},
  };
  let section: 'metadata' | 'annotations' | undefined;
  let annotationIndent = 0;
  for (const line of text.split(/\r?\n/)) {
    const top = /^([A-Za-z]+):\s*(.*?)\s*$/.exec(line);
    if (top) {
      section = top[1] === 'metadata' ? 'metadata' : undefined;
      if (top[1] === 'apiVersion') result.apiVersion = unquote(top[2]);
      if (top[1] === 'kind') result.kind = unquote(top[2]);
      continue;
    }
    if (!section) continue;
    const nested = /^(\s+)([\w./-]+):\s*(.*?)\s*$/.exec(line);
    if (!nested) continue;
    const indent = nested[1].length;
    if (section === 'annotations' && indent > annotationIndent) {
      result.annotations[nested[2]] = unquote(nested[3]);
      continue;
    }
    section = 'metadata';
    if (nested[2] === 'name' && nested[3]) result.name = unquote(nested[3]);
    if (nested[2] === 'annotations') {
      section = 'annotations';
      annotationIndent = indent;
    }
  }
  return result;
}

function fromValue(
  value: unknown,
): Omit<YamlDocument, 'path' | 'value' | 'text'> {
  const object = asRecord(value);
  const metadata = asRecord(object?.metadata);
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRecord(metadata?.annotations) ?? {})) {
    if (
      typeof v === 'string' ||
      typeof v === 'number' ||
      typeof v === 'boolean'
    ) {
      annotations[k] = String(v);
    }
  }
  return {
    apiVersion:
      typeof object?.apiVersion === 'string' ? object.apiVersion : undefined,
    kind: typeof object?.kind === 'string' ? object.kind : undefined,
    name: typeof metadata?.name === 'string' ? metadata.name : undefined,
    annotations,
  };
}

/** Splits a YAML stream at document markers, keeping each document's text. */
function splitDocuments(content: string): string[] {
  return content.split(/^---[ \t]*(?:#.*)?$/m).filter(t => t.trim());
}

/** Every YAML document of the tree's `.yaml` / `.yml` files. */
export function readYamlDocuments(files: TreeFile[]): YamlDocument[] {
  const documents: YamlDocument[] = [];
  for (const file of files) {
    if (!YAML_FILE.test(file.path) || file.content === undefined) continue;
    for (const text of splitDocuments(file.content)) {
      const parsed = parseYamlText(text);
      const valid = parsed.valid;
      const value = parsed.valid ? parsed.value : undefined;
      const details =
        valid && asRecord(value) ? fromValue(value) : scanLines(text);
      if (
        valid &&
        (!details.apiVersion || !details.kind) &&
        text.includes('{{')
      ) {
        // Templates such as `apiVersion: {{ include ... }}` parse as mappings;
        // other documents with a non-string kind are not Kubernetes objects.
        const scanned = scanLines(text);
        details.apiVersion ??= scanned.apiVersion;
        details.kind ??= scanned.kind;
        details.name ??= scanned.name;
      }
      documents.push({
        path: file.path,
        value: valid ? value : undefined,
        text,
        ...details,
      });
    }
  }
  return documents;
}

/** Parses one YAML text; undefined when it is not valid YAML. */
export function parseYaml(content: string): unknown {
  const parsed = parseYamlText(content);
  return parsed.valid ? parsed.value : undefined;
}

export { asRecord };
