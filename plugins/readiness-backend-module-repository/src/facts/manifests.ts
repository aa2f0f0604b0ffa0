/**
 * Parsers for dependency manifests. They read names and whether versions are
 * pinned or dynamic; nothing is resolved or downloaded.
 */

/** A declared dependency. */
export interface Declared {
  name: string;
  /** The version is unpinned (requirements) or dynamic (Maven, Gradle). */
  unpinned: boolean;
}

/** What a manifest declares. */
export interface ParsedManifest {
  ecosystem: string;
  dependencies: Declared[];
  /** Lockfile names that pin it, looked up in its directory and above. */
  lockfiles: string[];
  /** Pinning comes from version specs (no lockfile needed). */
  pinsInline: boolean;
}

function safeJson(content: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(content);
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

function keysOf(value: unknown): string[] {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? Object.keys(value)
    : [];
}

function declared(names: string[]): Declared[] {
  return names.map(name => ({ name, unpinned: false }));
}

/** Tables of a TOML document as raw text, keyed by table name. */
function tomlTables(content: string): Map<string, string[]> {
  const tables = new Map<string, string[]>([['', []]]);
  let current = '';
  for (const line of content.split(/\r?\n/)) {
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(line);
    if (header) {
      current = header[1].replace(/["']/g, '');
      if (!tables.has(current)) tables.set(current, []);
      continue;
    }
    tables.get(current)!.push(line);
  }
  return tables;
}

/** Keys of a TOML table (`name = ...` lines). */
function tomlKeys(lines: string[] = []): string[] {
  return lines
    .map(l => /^\s*("?)([A-Za-z0-9_.\-@/]+)\1\s*=/.exec(l)?.[2])
    .filter((k): k is string => !!k);
}

/** Strings of a TOML array assigned to `key` in a table. */
function tomlArray(lines: string[] = [], key: string): string[] {
  const text = lines.join('\n');
  const match = new RegExp(`^\\s*${key}\\s*=\\s*\\[([\\s\\S]*?)\\]`, 'm').exec(
    text,
  );
  if (!match) return [];
  return [...match[1].matchAll(/"([^"]*)"|'([^']*)'/g)].map(m => m[1] ?? m[2]);
}

/** The distribution name of a PEP 508 requirement. */
function pep508Name(requirement: string): string {
  return requirement
    .trim()
    .split(/[\s<>=!~;[(@]/)[0]
    .toLowerCase();
}

function packageJson(content: string): ParsedManifest | undefined {
  const json = safeJson(content);
  if (!json) return undefined;
  const names = [
    ...keysOf(json.dependencies),
    ...keysOf(json.devDependencies),
    ...keysOf(json.optionalDependencies),
  ];
  return {
    ecosystem: 'npm',
    dependencies: declared([...new Set(names)]),
    lockfiles: [
      'package-lock.json',
      'npm-shrinkwrap.json',
      'yarn.lock',
      'pnpm-lock.yaml',
      'bun.lock',
      'bun.lockb',
    ],
    pinsInline: false,
  };
}

function pyproject(content: string): ParsedManifest | undefined {
  const tables = tomlTables(content);
  const names = [
    ...tomlArray(tables.get('project'), 'dependencies').map(pep508Name),
    ...[...tables.entries()]
      .filter(
        ([t]) =>
          t === 'project.optional-dependencies' || t === 'dependency-groups',
      )
      .flatMap(([, lines]) =>
        [...lines.join('\n').matchAll(/"([^"]+)"|'([^']+)'/g)].map(m =>
          pep508Name(m[1] ?? m[2]),
        ),
      ),
    ...[...tables.entries()]
      .filter(([t]) =>
        /^tool\.poetry\.(group\.[^.]+\.)?(dev-)?dependencies$/.test(t),
      )
      .flatMap(([, lines]) => tomlKeys(lines))
      .filter(n => n.toLowerCase() !== 'python'),
  ].filter(Boolean);
  if (!names.length) return undefined;
  return {
    ecosystem: 'pip',
    dependencies: declared([...new Set(names)]),
    lockfiles: ['poetry.lock', 'uv.lock', 'pdm.lock'],
    pinsInline: false,
  };
}

/** Requirements files: every requirement must be pinned with `==` or `===`. */
function requirements(content: string): ParsedManifest | undefined {
  const dependencies: Declared[] = [];
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line || line.startsWith('-')) continue;
    const spec = line.split(';')[0];
    dependencies.push({
      name: pep508Name(spec) || spec,
      unpinned: !/===?\s*[^\s,*]+$/.test(spec.trim()) || /\*/.test(spec),
    });
  }
  return { ecosystem: 'pip', dependencies, lockfiles: [], pinsInline: true };
}

function pipfile(content: string): ParsedManifest | undefined {
  const tables = tomlTables(content);
  return {
    ecosystem: 'pip',
    dependencies: declared([
      ...tomlKeys(tables.get('packages')),
      ...tomlKeys(tables.get('dev-packages')),
    ]),
    lockfiles: ['Pipfile.lock'],
    pinsInline: false,
  };
}

function goMod(content: string): ParsedManifest {
  const names: string[] = [];
  let inBlock = false;
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (/^require\s*\($/.test(line)) inBlock = true;
    else if (inBlock && line === ')') inBlock = false;
    else if (inBlock && line) names.push(line.split(/\s+/)[0]);
    else {
      const single = /^require\s+(\S+)\s+\S+/.exec(line);
      if (single) names.push(single[1]);
    }
  }
  return {
    ecosystem: 'gomod',
    dependencies: declared(names),
    lockfiles: ['go.sum'],
    pinsInline: false,
  };
}

function cargoToml(content: string): ParsedManifest | undefined {
  const tables = tomlTables(content);
  const names = [...tables.entries()]
    .filter(([t]) => /(^|\.)(dev-|build-)?dependencies$/.test(t))
    .flatMap(([, lines]) => tomlKeys(lines));
  const inline = [...tables.keys()]
    .map(t => /^(?:.*\.)?(?:dev-|build-)?dependencies\.(.+)$/.exec(t)?.[1])
    .filter((n): n is string => !!n);
  return {
    ecosystem: 'cargo',
    dependencies: declared([...new Set([...names, ...inline])]),
    lockfiles: ['Cargo.lock'],
    pinsInline: false,
  };
}

function gemfile(content: string): ParsedManifest {
  const names = [...content.matchAll(/^\s*gem\s+['"]([^'"]+)['"]/gm)].map(
    m => m[1],
  );
  return {
    ecosystem: 'bundler',
    dependencies: declared(names),
    lockfiles: ['Gemfile.lock'],
    pinsInline: false,
  };
}

function composerJson(content: string): ParsedManifest | undefined {
  const json = safeJson(content);
  if (!json) return undefined;
  const names = [
    ...keysOf(json.require),
    ...keysOf(json['require-dev']),
  ].filter(n => n !== 'php' && !n.startsWith('ext-'));
  return {
    ecosystem: 'composer',
    dependencies: declared(names),
    lockfiles: ['composer.lock'],
    pinsInline: false,
  };
}

const DYNAMIC_MAVEN = /^(LATEST|RELEASE)$|^[[(].*[\])]$/;

function pomXml(content: string): ParsedManifest {
  const dependencies: Declared[] = [];
  for (const block of content.matchAll(
    /<(dependency|plugin)>([\s\S]*?)<\/\1>/g,
  )) {
    const body = block[2];
    const group = /<groupId>\s*([^<]+?)\s*<\/groupId>/.exec(body)?.[1];
    const artifact = /<artifactId>\s*([^<]+?)\s*<\/artifactId>/.exec(body)?.[1];
    const version = /<version>\s*([^<]+?)\s*<\/version>/.exec(body)?.[1];
    if (!artifact) continue;
    dependencies.push({
      name: group ? `${group}:${artifact}` : artifact,
      unpinned: !!version && DYNAMIC_MAVEN.test(version),
    });
  }
  return { ecosystem: 'maven', dependencies, lockfiles: [], pinsInline: true };
}

function gradleBuild(content: string): ParsedManifest {
  const dependencies: Declared[] = [];
  for (const m of content.matchAll(
    /["']([\w.-]+):([\w.-]+)(?::([^"'@]+))?(?:@\w+)?["']/g,
  )) {
    const version = m[3] ?? '';
    dependencies.push({
      name: `${m[1]}:${m[2]}`,
      unpinned:
        /\+/.test(version) ||
        /^latest\./i.test(version) ||
        /^[[(].*[\])]$/.test(version),
    });
  }
  return { ecosystem: 'gradle', dependencies, lockfiles: [], pinsInline: true };
}

/** Parses a manifest by its file name; undefined for other files. */
export function parseManifest(
  path: string,
  content: string,
): ParsedManifest | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'package.json') return packageJson(content);
  if (name === 'pyproject.toml') return pyproject(content);
  if (
    /^requirements([-_.][\w.-]*)?\.txt$/i.test(name) ||
    /(^|\/)requirements\/[^/]+\.txt$/i.test(path)
  ) {
    return requirements(content);
  }
  if (name === 'Pipfile') return pipfile(content);
  if (name === 'go.mod') return goMod(content);
  if (name === 'Cargo.toml') return cargoToml(content);
  if (name === 'Gemfile') return gemfile(content);
  if (name === 'composer.json') return composerJson(content);
  if (name === 'pom.xml') return pomXml(content);
  if (name === 'build.gradle' || name === 'build.gradle.kts')
    return gradleBuild(content);
  return undefined;
}

/** Lockfile names per ecosystem, for `dependencies.lockfiles`. */
export const LOCKFILES: Record<string, string[]> = {
  npm: [
    'package-lock.json',
    'npm-shrinkwrap.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'bun.lock',
    'bun.lockb',
  ],
  pip: ['poetry.lock', 'uv.lock', 'pdm.lock', 'Pipfile.lock'],
  gomod: ['go.sum'],
  cargo: ['Cargo.lock'],
  bundler: ['Gemfile.lock'],
  composer: ['composer.lock'],
  gradle: ['gradle.lockfile'],
};
