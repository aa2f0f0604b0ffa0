import { basename } from './paths';
import { asRecord, parseYaml } from './yamlDocuments';
import type { TreeFile } from './groups';
import { CoverageGate } from './types';

/** The text of the `{...}` block that starts at `open` (balanced braces). */
function block(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

/** The lowest percentage among `key: <number>` pairs of the given keys. */
function lowest(text: string, keys: string): number | null {
  const numbers = [
    ...text.matchAll(
      new RegExp(
        `["']?\\b(?:${keys})["']?\\s*[:=]\\s*(-?\\d+(?:\\.\\d+)?)`,
        'g',
      ),
    ),
  ]
    .map(m => Number(m[1]))
    .filter(n => n >= 0);
  return numbers.length ? Math.min(...numbers) : null;
}

function jestThreshold(text: string): number | null | undefined {
  const at = text.search(/coverageThreshold["']?\s*:/);
  if (at < 0) return undefined;
  const open = text.indexOf('{', at);
  return open < 0
    ? null
    : lowest(block(text, open), 'branches|functions|lines|statements');
}

function vitestThreshold(text: string): number | null | undefined {
  const at = text.search(/\bthresholds\s*:/);
  if (at < 0 || !/coverage/.test(text)) return undefined;
  const open = text.indexOf('{', at);
  return open < 0
    ? null
    : lowest(block(text, open), 'branches|functions|lines|statements');
}

function nycThreshold(
  json: Record<string, unknown> | undefined,
): number | null | undefined {
  if (!json || json['check-coverage'] !== true) return undefined;
  const numbers = ['branches', 'functions', 'lines', 'statements']
    .map(k => json[k])
    .filter((n): n is number => typeof n === 'number');
  return numbers.length ? Math.min(...numbers) : null;
}

function codecovThreshold(content: string): number | null | undefined {
  const project = asRecord(
    asRecord(asRecord(asRecord(parseYaml(content))?.coverage)?.status)?.project,
  );
  if (!project) return undefined;
  const targets = Object.values(project)
    .map(v => asRecord(v)?.target)
    .filter(t => t !== undefined);
  if (!targets.length) return null;
  const numbers = targets
    .map(t => (typeof t === 'number' ? t : Number(String(t).replace('%', ''))))
    .filter(n => !Number.isNaN(n));
  return numbers.length ? Math.min(...numbers) : null;
}

function jacocoThreshold(text: string): number | null | undefined {
  if (!/jacoco/i.test(text)) return undefined;
  const maven = /<goal>\s*check\s*<\/goal>/.test(text);
  const gradle = /jacocoTestCoverageVerification/.test(text);
  if (!maven && !gradle) return undefined;
  const numbers = [
    ...text.matchAll(/<minimum>\s*([\d.]+)\s*<\/minimum>/g),
    ...text.matchAll(/minimum\s*=\s*["']?([\d.]+)/g),
  ].map(m => Number(m[1]));
  if (!numbers.length) return null;
  return Math.min(...numbers.map(n => (n <= 1 ? Math.round(n * 100) : n)));
}

/** `--cov-fail-under=N` on a command line or in pytest options. */
export function pytestCovThreshold(text: string): number | undefined {
  const match = /--cov-fail-under[=\s]+(\d+(?:\.\d+)?)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

function coveragePyThreshold(path: string, text: string): number | undefined {
  const name = basename(path);
  const section =
    name === 'pyproject.toml'
      ? /\[tool\.coverage\.report\]([\s\S]*?)(\n\[|$)/.exec(text)
      : /\[(?:coverage:)?report\]([\s\S]*?)(\n\[|$)/.exec(text);
  const value = section && /^\s*fail_under\s*=\s*([\d.]+)/m.exec(section[1]);
  return value ? Number(value[1]) : undefined;
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    return asRecord(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** Coverage thresholds configured in the tree (checklist `test-coverage-gate`). */
export function collectCoverageGates(files: TreeFile[]): CoverageGate[] {
  const gates: CoverageGate[] = [];
  const add = (
    path: string,
    tool: string,
    threshold: number | null | undefined,
  ) => {
    if (threshold !== undefined) gates.push({ path, tool, threshold });
  };
  for (const { path, content } of files) {
    if (content === undefined) continue;
    const name = basename(path);
    if (/^jest\.config\.(js|ts|mjs|cjs|json)$/.test(name)) {
      add(path, 'jest', jestThreshold(content));
    } else if (name === 'package.json') {
      const json = safeJson(content);
      const jest = asRecord(json?.jest);
      if (jest?.coverageThreshold)
        add(path, 'jest', jestThreshold(JSON.stringify(jest)));
      add(path, 'nyc', nycThreshold(asRecord(json?.nyc)));
    } else if (/^(vitest|vite)\.config\.(js|ts|mjs|cjs|mts)$/.test(name)) {
      add(path, 'vitest', vitestThreshold(content));
    } else if (/^\.nycrc(\.json)?$/.test(name)) {
      add(path, 'nyc', nycThreshold(safeJson(content)));
    } else if (/^\.nycrc\.ya?ml$/.test(name)) {
      add(path, 'nyc', nycThreshold(asRecord(parseYaml(content))));
    } else if (/^\.?codecov\.ya?ml$/.test(name)) {
      add(path, 'codecov', codecovThreshold(content));
    } else if (
      /^(\.coveragerc|setup\.cfg|tox\.ini|pyproject\.toml|pytest\.ini)$/.test(
        name,
      )
    ) {
      add(path, 'coverage.py', coveragePyThreshold(path, content));
      add(path, 'pytest-cov', pytestCovThreshold(content));
    } else if (/^(pom\.xml|build\.gradle(\.kts)?)$/.test(name)) {
      add(path, 'jacoco', jacocoThreshold(content));
    }
  }
  return gates;
}
