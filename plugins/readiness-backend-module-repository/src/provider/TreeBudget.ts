import {
  isIgnoredPath,
  normalizeTreePath,
  RepositoryFile,
  SkippedFile,
} from '../facts';
import { TreeLimits } from '../config';

/** Bytes looked at to tell text from binary. */
const SNIFF_BYTES = 8000;

/**
 * Decides, file by file, what a tree read keeps: paths that stay inside the
 * tree, outside ignored directories, within the configured limits. Once a
 * limit is passed nothing more is kept and `exceeded` says which.
 */
export class TreeBudget {
  private files = 0;
  private bytes = 0;
  /** Verdicts by raw path, for readers that do not call the filter themselves. */
  private readonly verdicts = new Map<string, boolean>();
  readonly skipped: SkippedFile[] = [];
  /** Files over `maxFileSize`: listed with their size, without content. */
  readonly large: RepositoryFile[] = [];
  exceeded?: string;

  constructor(
    private readonly limits: TreeLimits,
    /** Keeps only paths this accepts (e.g. root evidence); undefined keeps all. */
    private readonly select?: (path: string) => boolean,
  ) {}

  /** True when the file's content should be read. */
  admit(rawPath: string, size: number): boolean {
    const verdict = this.decide(rawPath, size);
    this.verdicts.set(rawPath, verdict);
    return verdict;
  }

  private decide(rawPath: string, size: number): boolean {
    const path = normalizeTreePath(rawPath);
    if (!path) {
      this.skipped.push({ path: rawPath, size, reason: 'outside-tree' });
      return false;
    }
    if (
      isIgnoredPath(path) ||
      (this.select && !this.select(path)) ||
      this.exceeded
    ) {
      return false;
    }
    this.files += 1;
    if (this.files > this.limits.maxFiles) {
      this.exceeded = `it has more than ${this.limits.maxFiles} files (readiness.repository.limits.maxFiles)`;
      return false;
    }
    if (size > this.limits.maxFileSize) {
      this.large.push({ path, size });
      this.skipped.push({ path, size, reason: 'too-large' });
      return false;
    }
    this.bytes += size;
    if (this.bytes > this.limits.maxTreeSize) {
      this.exceeded = `its files are larger than ${this.limits.maxTreeSize} bytes in total (readiness.repository.limits.maxTreeSize)`;
      return false;
    }
    return true;
  }

  /** The file as the fact builder takes it; binary content is left out. */
  toFile(rawPath: string, content: Buffer): RepositoryFile | undefined {
    const admitted =
      this.verdicts.get(rawPath) ?? this.admit(rawPath, content.length);
    const path = normalizeTreePath(rawPath);
    if (!admitted || !path) return undefined;
    const binary = content.subarray(0, SNIFF_BYTES).includes(0);
    if (binary)
      this.skipped.push({ path, size: content.length, reason: 'binary' });
    return {
      path,
      size: content.length,
      content: binary ? undefined : content.toString('utf8'),
    };
  }
}
