import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A real git repository on disk, created and committed to with the git CLI.
 * The stand-in SCM server serves its commits as `git archive` tarballs.
 */
export class TestGitRepository {
  private constructor(
    readonly dir: string,
    readonly owner: string,
    readonly name: string,
  ) {}

  static create(dir: string, fullName: string): TestGitRepository {
    const [owner, name] = fullName.split('/');
    mkdirSync(dir, { recursive: true });
    const repository = new TestGitRepository(dir, owner, name);
    repository.git('init', '--quiet', '--initial-branch=main');
    return repository;
  }

  get fullName(): string {
    return `${this.owner}/${this.name}`;
  }

  git(...args: string[]): string {
    return execFileSync(
      'git',
      [
        '-c',
        'user.name=Readiness Test',
        '-c',
        'user.email=test@example.com',
        '-c',
        'commit.gpgsign=false',
        ...args,
      ],
      { cwd: this.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    ).trim();
  }

  /** Writes files (null deletes) and commits them; returns the new commit's SHA. */
  commit(files: Record<string, string | null>, message = 'change'): string {
    for (const [path, content] of Object.entries(files)) {
      const absolute = join(this.dir, path);
      if (content === null) {
        rmSync(absolute, { force: true });
      } else {
        mkdirSync(dirname(absolute), { recursive: true });
        writeFileSync(absolute, content);
      }
    }
    this.git('add', '--all');
    this.git('commit', '--quiet', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  /** The commit a branch, tag or SHA names; undefined when it names none. */
  resolve(ref: string): string | undefined {
    try {
      return this.git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
    } catch {
      return undefined;
    }
  }

  /** The tarball GitHub would serve: one top-level `<owner>-<repo>-<sha7>/` directory. */
  tarball(sha: string): Buffer {
    return execFileSync(
      'git',
      [
        'archive',
        '--format=tar.gz',
        `--prefix=${this.owner}-${this.name}-${sha.slice(0, 7)}/`,
        sha,
      ],
      { cwd: this.dir, maxBuffer: 512 * 1024 * 1024 },
    );
  }
}
