import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ManifestsClusterConfig } from '../config';
import { ClusterInfo } from '../facts/snapshot';
import {
  manifestClusterInfo,
  parseManifests,
  snapshotFromManifests,
} from '../facts/manifests';
import { resolveRelativeTimes } from '@readiness/backstage-plugin-readiness-common';
import { ClusterSource, ListedSnapshot } from './ClusterSource';

/** Largest manifests file read; a larger one fails the listing, naming it. */
export const MAX_MANIFEST_FILE_BYTES = 16 * 1024 * 1024;

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(async entry => {
        const path = join(dir, entry.name);
        // Symbolic links are never followed, so nothing outside the
        // directory is read.
        if (entry.isDirectory()) return yamlFiles(path);
        return entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name)
          ? [path]
          : [];
      }),
  );
  return files.flat();
}

/**
 * A cluster whose state is a directory of YAML manifests (multi-document
 * files, searched recursively): a GitOps repository's rendered output, or a
 * recorded live state for demos (`live: true`, with `T-3h`-style times when
 * `relativeTimes` is set).
 */
export class ManifestsClusterSource implements ClusterSource {
  readonly info: ClusterInfo;

  constructor(
    private readonly config: ManifestsClusterConfig,
    private readonly workingDirectory: string = process.cwd(),
  ) {
    this.info = manifestClusterInfo(config);
  }

  async list(): Promise<ListedSnapshot> {
    const now = new Date();
    const dir = resolve(this.workingDirectory, this.config.path);
    const manifests: unknown[] = [];
    for (const file of await yamlFiles(dir)) {
      const { size } = await lstat(file);
      if (size > MAX_MANIFEST_FILE_BYTES) {
        throw new Error(
          `${file}: ${size} bytes is more than a manifests file may hold (${MAX_MANIFEST_FILE_BYTES})`,
        );
      }
      manifests.push(...parseManifests(await readFile(file, 'utf8'), file));
    }
    const resolved = this.config.relativeTimes
      ? resolveRelativeTimes(manifests, now)
      : manifests;
    const snapshot = snapshotFromManifests(resolved, this.config, now);
    return {
      snapshot,
      calls: { total: 0, byKind: {} },
      observedForMs: this.config.observedForMs,
    };
  }
}
