import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { RepositoryFile } from '../facts';

/** The example repositories of checklist section 8. */
export const EXAMPLE_REPOSITORIES = resolve(
  __dirname,
  '../../../../examples/repositories',
);

/** Reads an example repository as the list of files the fact builder takes. */
export function readExampleTree(name: string): RepositoryFile[] {
  const root = join(EXAMPLE_REPOSITORIES, name);
  const files: RepositoryFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else
        files.push({
          path: relative(root, path),
          content: readFileSync(path, 'utf8'),
        });
    }
  };
  walk(root);
  return files;
}
