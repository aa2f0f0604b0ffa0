import { RepositoryFile, SkippedFile } from '../facts';
import { TreeLimits } from '../config';

/** What reading a tree gives. */
export type TreeReadResult =
  | { notModified: true }
  | {
      notModified: false;
      etag: string;
      files: RepositoryFile[];
      skipped: SkippedFile[];
      /** Set when a limit was passed; the files are then incomplete and must not be used. */
      exceeded?: string;
    };

/** Options of one tree read. */
export interface TreeReadOptions {
  /** The ETag of the last read; an unchanged tree is not downloaded again. */
  etag?: string;
  limits: TreeLimits;
  /** Keeps only these paths (e.g. root evidence). */
  select?: (path: string) => boolean;
  signal?: AbortSignal;
}
