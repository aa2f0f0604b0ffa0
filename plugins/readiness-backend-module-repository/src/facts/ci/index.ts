import { pytestCovThreshold } from '../coverage';
import { globs } from '../paths';
import type { TreeFile } from '../groups';
import { CI_CATEGORIES, CiFacts, CiMatch, CoverageGate } from '../types';
import { readYamlDocuments } from '../yamlDocuments';
import { parseAzurePipelines } from './azure';
import { parseBitbucketPipelines } from './bitbucket';
import { parseBuildkite } from './buildkite';
import { parseCircleCi } from './circleci';
import { classifyStep } from './classify';
import { parseGithubWorkflow } from './github';
import { parseGitlabCi } from './gitlab';
import { parseJenkinsfile } from './jenkins';
import { CiContext, CiFile, CiJob, Triggers } from './model';
import { parseTekton } from './tekton';

/** CI definition files, at the repository root (checklist section 4). */
export const isCiDefinition = globs(
  '.github/workflows/*.{yml,yaml}',
  '.gitlab-ci.yml',
  'Jenkinsfile',
  'azure-pipelines.{yml,yaml}',
  '.circleci/config.yml',
  'bitbucket-pipelines.yml',
  '.buildkite/pipeline.{yml,yaml}',
  '.tekton/**/*.{yml,yaml}',
);

/** Files CI definitions may pull in: local actions, includes and templates. */
export const isCiSupportFile = globs(
  '.github/actions/**/action.{yml,yaml}',
  '**/action.{yml,yaml}',
  '.gitlab/**/*.{yml,yaml}',
  '.gitlab-ci/**/*.{yml,yaml}',
  'ci/**/*.{yml,yaml}',
  '.ci/**/*.{yml,yaml}',
  'gitlab-ci/**/*.{yml,yaml}',
  '.azure-pipelines/**/*.{yml,yaml}',
  'pipelines/**/*.{yml,yaml}',
  'templates/**/*.{yml,yaml}',
);

function parseFile(file: TreeFile, context: CiContext): CiFile | undefined {
  const { path, content } = file;
  if (content === undefined) return undefined;
  if (path.startsWith('.github/workflows/'))
    return parseGithubWorkflow(path, content, context);
  if (path === '.gitlab-ci.yml') return parseGitlabCi(path, content, context);
  if (/^jenkinsfile$/i.test(path)) return parseJenkinsfile(path, content);
  if (/^azure-pipelines\.ya?ml$/i.test(path))
    return parseAzurePipelines(path, content, context);
  if (path === '.circleci/config.yml') return parseCircleCi(path, content);
  if (path === 'bitbucket-pipelines.yml')
    return parseBitbucketPipelines(path, content, context.ref);
  if (path.startsWith('.buildkite/')) return parseBuildkite(path, content);
  if (path.startsWith('.tekton/'))
    return parseTekton(path, readYamlDocuments([file]));
  return undefined;
}

/** Jobs that `job` waits for, directly or not. */
function upstream(
  job: CiJob,
  jobs: Map<string, CiJob>,
  seen = new Set<string>(),
): Set<string> {
  for (const name of job.needs) {
    if (seen.has(name)) continue;
    seen.add(name);
    const needed = jobs.get(name);
    if (needed) upstream(needed, jobs, seen);
  }
  return seen;
}

function effective(file: CiFile, job: CiJob): Triggers {
  return { ...file.triggers, ...job.triggers };
}

/**
 * CI facts from the files at the repository root: definitions with their
 * triggers and the steps found per category, plus coverage thresholds set
 * on CI command lines.
 */
export function collectCi(
  rootFiles: TreeFile[],
  ref: string | null,
): { ci: CiFacts; coverageGates: CoverageGate[] } {
  const context: CiContext = {
    files: new Map(rootFiles.map(f => [f.path, f.content])),
    ref,
  };
  const parsed = rootFiles
    .filter(f => isCiDefinition(f.path))
    .map(f => parseFile(f, context))
    .filter((f): f is CiFile => !!f);

  const matches = new Map<string, CiMatch[]>(CI_CATEGORIES.map(c => [c, []]));
  const coverageGates: CoverageGate[] = [];
  const definitions: CiFacts['definitions'] = [];
  const externalReferences: CiFacts['externalReferences'] = [];

  for (const file of parsed) {
    const jobsByName = new Map(file.jobs.map(j => [j.name, j]));
    const deployAt = new Map<string, number>();
    let order = 0;
    const classified = file.jobs.flatMap(job =>
      job.steps.flatMap(step =>
        classifyStep(step).map(c => ({ job, c, order: order++ })),
      ),
    );
    for (const { job, c, order: at } of classified) {
      if (c.category === 'deploy' && !deployAt.has(job.name))
        deployAt.set(job.name, at);
    }
    const deployedBefore = (job: CiJob, at: number) => {
      const own = deployAt.get(job.name);
      if (own !== undefined && own < at) return true;
      const needs = upstream(job, jobsByName);
      if ([...needs].some(n => deployAt.has(n))) return true;
      return file.jobs.some(
        other =>
          deployAt.has(other.name) &&
          other.stage !== undefined &&
          job.stage !== undefined &&
          other.stage < job.stage,
      );
    };
    for (const { job, c, order: at } of classified) {
      const triggers = effective(file, job);
      const match: CiMatch = {
        file: file.path,
        system: file.system,
        job: job.name,
        step: c.text,
        tool: c.tool,
        ...triggers,
        environment: job.environment,
        nonProduction: !job.environment || !/prod/i.test(job.environment),
      };
      if (c.failsOn) match.failsOn = c.failsOn;
      if (c.category === 'smoke') match.afterDeploy = deployedBefore(job, at);
      matches.get(c.category)!.push(match);
    }
    for (const job of file.jobs) {
      for (const step of job.steps) {
        const threshold = pytestCovThreshold(step.run ?? '');
        if (threshold !== undefined) {
          coverageGates.push({
            path: file.path,
            tool: 'pytest-cov',
            threshold,
          });
        }
      }
    }
    const jobTriggers = file.jobs.map(j => effective(file, j));
    const anyJob = (key: keyof Triggers) =>
      jobTriggers.length ? jobTriggers.some(t => t[key]) : file.triggers[key];
    definitions.push({
      path: file.path,
      system: file.system,
      onPullRequest: anyJob('onPullRequest'),
      onDefaultBranch: anyJob('onDefaultBranch'),
      onSchedule: anyJob('onSchedule'),
      steps: file.jobs.reduce((n, j) => n + j.steps.length, 0),
    });
    for (const reference of new Set(file.externalReferences)) {
      externalReferences.push({ file: file.path, reference });
    }
  }

  const ci: CiFacts = { definitions, externalReferences };
  for (const category of CI_CATEGORIES) {
    const found = matches.get(category)!;
    // Unknown rather than absent: something that was not read might hold it.
    if (found.length || !externalReferences.length) ci[category] = found;
  }
  return { ci, coverageGates };
}
