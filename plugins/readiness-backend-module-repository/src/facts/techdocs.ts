import { dirname, joinPath } from './paths';
import type { TreeFile } from './groups';
import { TechDocsSite } from './types';

/** The `backstage.io/techdocs-ref` spellings that name a directory. */
function refsFor(dir: string): string[] {
  if (dir === '.') return ['dir:.', 'dir:./'];
  return [`dir:${dir}`, `dir:./${dir}`, `dir:${dir}/`, `dir:./${dir}/`];
}

/** MkDocs sites: where `mkdocs.yml` is, its docs directory and whether it has an index page. */
export function collectTechDocs(files: TreeFile[]): TechDocsSite[] {
  const paths = new Set(files.map(f => f.path.toLowerCase()));
  const sites: TechDocsSite[] = [];
  for (const file of files) {
    if (!/(^|\/)mkdocs\.ya?ml$/i.test(file.path)) continue;
    const dir = dirname(file.path);
    const configured = /^docs_dir\s*:\s*["']?([^"'#\s]+)/m.exec(
      file.content ?? '',
    )?.[1];
    const docsDir = configured?.replace(/\/$/, '') || 'docs';
    const hasIndex = ['index.md', 'README.md'].some(name => {
      const candidate = joinPath(dir, `${docsDir}/${name}`);
      return !!candidate && paths.has(candidate.toLowerCase());
    });
    sites.push({
      path: file.path,
      dir: dir || '.',
      docsDir,
      hasIndex,
      refs: refsFor(dir || '.'),
    });
  }
  return sites;
}
