import { Minimatch } from 'minimatch';
import type { TreeFile } from './groups';
import { CodeownersFacts } from './types';

/** Where CODEOWNERS is looked for, in GitHub's order, then GitLab's `.gitlab/`. */
export const CODEOWNERS_PATHS = [
  '.github/CODEOWNERS',
  'CODEOWNERS',
  'docs/CODEOWNERS',
  '.gitlab/CODEOWNERS',
];

/** A file path standing for "every file" of the source location. */
const PROBE = '__readiness_any_file__';

/** Gitignore-style pattern semantics, as GitHub and GitLab use for CODEOWNERS. */
function patternMatcher(pattern: string): (path: string) => boolean {
  let p = pattern.replace(/\\#/g, '#');
  const anchored = p.startsWith('/') || p.replace(/\/$/, '').includes('/');
  p = p.replace(/^\//, '');
  const directory = p.endsWith('/');
  p = p.replace(/\/$/, '');
  if (p === '' || p === '*' || p === '**') return () => true;
  const base = anchored ? p : `**/${p}`;
  const exact = new Minimatch(base, { dot: true });
  const inside = new Minimatch(`${base}/**`, { dot: true });
  return path => (!directory && exact.match(path)) || inside.match(path);
}

function parseRules(content: string): CodeownersFacts['rules'] {
  const rules: CodeownersFacts['rules'] = [];
  let sectionOwners: string[] = [];
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const section = /^\^?\[[^\]]+\](?:\[\d+\])?\s*(.*)$/.exec(line);
    if (section) {
      sectionOwners = section[1].split(/\s+/).filter(Boolean);
      return;
    }
    const tokens = line.match(/(?:\\ |\S)+/g) ?? [];
    const [pattern, ...owners] = tokens;
    if (!pattern) return;
    rules.push({
      line: index + 1,
      pattern: pattern.replace(/\\ /g, ' '),
      owners: owners.length ? owners : sectionOwners,
    });
  });
  return rules;
}

/**
 * Parses CODEOWNERS from the repository root files and finds the rule that
 * covers every file of the source location (`subpath`, `''` at the root).
 * Without a CODEOWNERS file, `path` is null and nothing is covered.
 */
export function collectCodeowners(
  rootFiles: TreeFile[],
  subpath: string | null,
): CodeownersFacts {
  const file = CODEOWNERS_PATHS.map(p =>
    rootFiles.find(f => f.path === p),
  ).find(f => f?.content !== undefined);
  if (!file) {
    return {
      path: null,
      rules: [],
      coversLocation: false,
      locationOwners: [],
      locationTeams: [],
    };
  }
  const rules = parseRules(file.content!);
  const probe = subpath ? `${subpath}/${PROBE}` : PROBE;
  let owners: string[] = [];
  for (const rule of rules) {
    if (patternMatcher(rule.pattern)(probe)) owners = rule.owners;
  }
  return {
    path: file.path,
    rules: rules.slice(0, 200),
    coversLocation: owners.length > 0,
    locationOwners: owners,
    locationTeams: owners
      .filter(o => o.startsWith('@') && o.includes('/'))
      .map(o => o.slice(1)),
  };
}
