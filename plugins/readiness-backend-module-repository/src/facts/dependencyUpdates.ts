import { GROUP_RULES } from './groups';
import { asRecord, parseYaml } from './yamlDocuments';
import { DependencyUpdateFacts, RepositoryFile } from './types';

/** Renovate managers per ecosystem name of `dependencies.ecosystems`. */
const RENOVATE_MANAGERS: Record<string, string> = {
  npm: 'npm',
  pip_requirements: 'pip',
  pip_setup: 'pip',
  'pip-compile': 'pip',
  pipenv: 'pip',
  poetry: 'pip',
  pep621: 'pip',
  pep723: 'pip',
  gomod: 'gomod',
  cargo: 'cargo',
  bundler: 'bundler',
  composer: 'composer',
  maven: 'maven',
  gradle: 'gradle',
  dockerfile: 'docker',
  'docker-compose': 'docker',
};

/** Dependabot ecosystems that cover one of ours. */
const DEPENDABOT_ALIASES: Record<string, string> = {
  pip: 'pip',
  pipenv: 'pip',
  poetry: 'pip',
  uv: 'pip',
  npm: 'npm',
  yarn: 'npm',
  pnpm: 'npm',
  bun: 'npm',
  gomod: 'gomod',
  cargo: 'cargo',
  bundler: 'bundler',
  composer: 'composer',
  maven: 'maven',
  gradle: 'gradle',
  docker: 'docker',
};

/** Parses JSON5-ish Renovate config: comments and trailing commas tolerated. */
function lenientJson(text: string): Record<string, unknown> | undefined {
  const stripped = text
    .replace(
      /("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g,
      (_match, string) => string ?? '',
    )
    .replace(/,(\s*[}\]])/g, '$1');
  try {
    return asRecord(JSON.parse(stripped));
  } catch {
    return undefined;
  }
}

function first(files: RepositoryFile[], rule: (path: string) => boolean) {
  return files.find(f => rule(f.path) && f.content !== undefined);
}

/**
 * Renovate or Dependabot configuration and the ecosystems it leaves out.
 * Configs in the tree win over those at the repository root.
 */
export function collectDependencyUpdates(
  configs: RepositoryFile[],
  ecosystemsFound: string[],
): DependencyUpdateFacts {
  const renovateFile = first(configs, GROUP_RULES.renovateConfigs.paths);
  const dependabotFile = first(configs, GROUP_RULES.dependabotConfigs.paths);

  let renovate: DependencyUpdateFacts['renovate'] = null;
  let renovateCovers: Set<string> | undefined;
  if (renovateFile) {
    const config = lenientJson(renovateFile.content!);
    const managers = Array.isArray(config?.enabledManagers)
      ? (config!.enabledManagers as unknown[]).filter(
          (m): m is string => typeof m === 'string',
        )
      : null;
    renovate = { path: renovateFile.path, enabledManagers: managers };
    if (config?.enabled === false) renovateCovers = new Set();
    else if (managers) {
      renovateCovers = new Set(
        managers.map(m => RENOVATE_MANAGERS[m]).filter(Boolean),
      );
    } else renovateCovers = new Set(ecosystemsFound);
  }

  let dependabot: DependencyUpdateFacts['dependabot'] = null;
  if (dependabotFile) {
    const updates = asRecord(parseYaml(dependabotFile.content!))?.updates;
    const ecosystems = Array.isArray(updates)
      ? updates
          .map(u => asRecord(u)?.['package-ecosystem'])
          .filter((e): e is string => typeof e === 'string')
      : [];
    dependabot = {
      path: dependabotFile.path,
      ecosystems: [...new Set(ecosystems)].sort(),
    };
  }

  const covered = new Set<string>([
    ...(renovateCovers ?? []),
    ...(dependabot?.ecosystems ?? []).map(e => DEPENDABOT_ALIASES[e] ?? e),
  ]);
  let tool: string | null = null;
  if (renovate && dependabot) tool = 'renovate+dependabot';
  else if (renovate) tool = 'renovate';
  else if (dependabot) tool = 'dependabot';
  return {
    tool,
    renovate,
    dependabot,
    ecosystemsFound,
    uncoveredEcosystems: ecosystemsFound.filter(e => !covered.has(e)),
  };
}
