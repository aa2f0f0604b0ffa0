import { Minimatch } from 'minimatch';
import type { CiDefinition } from '../types';

/** When a job runs. */
export interface Triggers {
  onPullRequest: boolean;
  onDefaultBranch: boolean;
  onSchedule: boolean;
}

/** One step of a CI job: a shell command, an action/task/plugin, or both. */
export interface CiStep {
  name?: string;
  /** Shell text (`run`, `script`, `sh`, `command`). */
  run?: string;
  /** Action, orb, task, pipe, plugin or container image. */
  uses?: string;
  /** Inputs of `uses`, as strings. */
  with?: Record<string, string>;
}

/** A CI job with its steps, in file order. */
export interface CiJob {
  name: string;
  steps: CiStep[];
  environment: string | null;
  /** Jobs this one waits for (GitHub `needs`, GitLab `needs`). */
  needs: string[];
  /** Position of the job's stage, where stages order jobs (GitLab, Jenkins, Azure). */
  stage?: number;
  /** Overrides the file's triggers for this job. */
  triggers?: Partial<Triggers>;
}

/** A parsed CI definition file. */
export interface CiFile {
  path: string;
  system: CiDefinition['system'];
  triggers: Triggers;
  jobs: CiJob[];
  /** Workflows, includes and libraries from elsewhere that were not followed. */
  externalReferences: string[];
}

/** Everything a CI parser may need besides the file itself. */
export interface CiContext {
  /** Files of the repository root read for CI (CI definitions, included YAML). */
  files: Map<string, string | undefined>;
  /** The branch read, when known; filters are checked against it. */
  ref: string | null;
}

/** Default branch names assumed when the location names no ref. */
const DEFAULT_BRANCHES = ['main', 'master'];

/** True when a list of branch filters (with `!` negations) admits the ref. */
export function branchFilterMatches(
  filters: string[] | undefined,
  ignore: string[] | undefined,
  ref: string | null,
): boolean {
  const branches = ref ? [ref] : DEFAULT_BRANCHES;
  return branches.some(branch => {
    if (ignore?.length) {
      return !ignore.some(p => new Minimatch(p).match(branch));
    }
    if (!filters?.length) return true;
    let included = false;
    for (const filter of filters) {
      if (filter.startsWith('!')) {
        if (new Minimatch(filter.slice(1)).match(branch)) included = false;
      } else if (new Minimatch(filter).match(branch)) {
        included = true;
      }
    }
    return included;
  });
}

/** Values of a YAML node as a string list (string or list of strings). */
export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) {
    return value.filter((v): v is string => typeof v === 'string');
  }
  return [];
}

/** Flattens nested script lists (GitLab `!reference`, Bitbucket) into lines. */
export function scriptLines(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(scriptLines);
  return [];
}

/** Inputs as strings, for classification. */
export function stringInputs(
  value: unknown,
): Record<string, string> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && typeof v !== 'object') out[k] = String(v);
  }
  return out;
}

/** The environment name of a job (`environment: x` or `environment: { name: x }`). */
export function environmentName(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const name = (value as Record<string, unknown>).name;
    return typeof name === 'string' ? name : null;
  }
  return null;
}

/** Triggers when the file's presence is what counts (triggers live outside it). */
export const ALWAYS: Triggers = {
  onPullRequest: true,
  onDefaultBranch: true,
  onSchedule: false,
};
