import { resolve as resolvePath } from 'node:path';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** Limits on what one tree read may hold. */
export interface TreeLimits {
  /** Bytes of all files kept (files over `maxFileSize` do not count). */
  maxTreeSize: number;
  /** Files larger than this are listed without content. */
  maxFileSize: number;
  /** Files in the tree, ignored directories excluded. */
  maxFiles: number;
  /** Trees with more files get no `tree.paths` list. */
  maxListedPaths: number;
}

/** A location prefix served from somewhere else (a local checkout or another host). */
export interface Mirror {
  from: string;
  to: string;
}

/** The module's configuration with defaults applied. */
export interface RepositoryOptions {
  /** Absolute directories under which `file:` trees may be read. */
  allowedLocalRoots: string[];
  mirrors: Mirror[];
  limits: TreeLimits;
  /** Entities read at the same time. */
  concurrency: number;
  /** Trees whose ETag and facts are remembered. */
  cacheSize: number;
}

const MIB = 1024 * 1024;

/** Defaults; see config.d.ts. */
export const DEFAULT_OPTIONS: Omit<
  RepositoryOptions,
  'allowedLocalRoots' | 'mirrors'
> = {
  limits: {
    maxTreeSize: 50 * MIB,
    maxFileSize: MIB,
    maxFiles: 20000,
    maxListedPaths: 5000,
  },
  concurrency: 4,
  cacheSize: 1000,
};

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1000,
  kib: 1024,
  mb: 1000 ** 2,
  mib: MIB,
  gb: 1000 ** 3,
  gib: 1024 * MIB,
};

/** Reads a size in bytes: a number, or a string such as `50MiB` or `512 kB`. */
export function readSize(
  config: Config,
  key: string,
  fallback: number,
  section = 'readiness.repository.limits',
): number {
  const raw = config.getOptional(key);
  if (raw === undefined) return fallback;
  if (typeof raw === 'number' && raw > 0) return raw;
  const match =
    typeof raw === 'string' && /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(raw);
  const unit = match ? UNITS[(match[2] || 'b').toLowerCase()] : undefined;
  if (!match || !unit || Number(match[1]) <= 0) {
    throw new InputError(
      `Invalid ${section}.${key}: ${JSON.stringify(
        raw,
      )}; use a number of bytes or a size such as "50MiB"`,
    );
  }
  return Math.floor(Number(match[1]) * unit);
}

function positiveInteger(
  config: Config,
  key: string,
  fallback: number,
  section = 'readiness.repository',
): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(
      `Invalid ${section}.${key}: ${value}; use a whole number of at least 1`,
    );
  }
  return value;
}

/** Reads `readiness.repository`; relative local paths resolve against the working directory. */
export function readRepositoryOptions(root: Config): RepositoryOptions {
  const config = root.getOptionalConfig('readiness.repository');
  if (!config) {
    return { ...DEFAULT_OPTIONS, allowedLocalRoots: [], mirrors: [] };
  }
  const limits = config.getOptionalConfig('limits');
  const defaults = DEFAULT_OPTIONS.limits;
  return {
    allowedLocalRoots: (
      config.getOptionalStringArray('allowedLocalRoots') ?? []
    ).map(dir => resolvePath(dir)),
    mirrors: (config.getOptionalConfigArray('mirrors') ?? []).map(mirror => ({
      from: mirror.getString('from'),
      to: mirror.getString('to'),
    })),
    limits: limits
      ? {
          maxTreeSize: readSize(limits, 'maxTreeSize', defaults.maxTreeSize),
          maxFileSize: readSize(limits, 'maxFileSize', defaults.maxFileSize),
          maxFiles: positiveInteger(
            limits,
            'maxFiles',
            defaults.maxFiles,
            'readiness.repository.limits',
          ),
          maxListedPaths: positiveInteger(
            limits,
            'maxListedPaths',
            defaults.maxListedPaths,
            'readiness.repository.limits',
          ),
        }
      : defaults,
    concurrency: positiveInteger(
      config,
      'concurrency',
      DEFAULT_OPTIONS.concurrency,
    ),
    cacheSize: positiveInteger(config, 'cacheSize', DEFAULT_OPTIONS.cacheSize),
  };
}
