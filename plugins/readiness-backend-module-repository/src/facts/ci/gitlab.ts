import { Minimatch } from 'minimatch';
import { normalizeTreePath } from '../paths';
import { asRecord, parseYaml } from '../yamlDocuments';
import {
  ALWAYS,
  branchFilterMatches,
  CiContext,
  CiFile,
  CiJob,
  environmentName,
  scriptLines,
  stringList,
  Triggers,
} from './model';

const RESERVED = new Set([
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'types',
  'spec',
]);

const DEFAULT_STAGES = ['.pre', 'build', 'test', 'deploy', '.post'];

type Document = Record<string, unknown>;

/** Reads `.gitlab-ci.yml` and its local includes into one document. */
function mergeIncludes(
  document: Document,
  context: CiContext,
  externalReferences: string[],
  depth: number,
): Document {
  const merged: Document = {};
  const includes: unknown[] = [];
  if (Array.isArray(document.include)) includes.push(...document.include);
  else if (document.include !== undefined) includes.push(document.include);
  for (const include of includes) {
    const object = asRecord(include);
    let local: string | undefined;
    if (typeof include === 'string' && !/^https?:/.test(include))
      local = include;
    else if (typeof object?.local === 'string') local = object.local;
    if (local === undefined) {
      if (typeof include === 'string') externalReferences.push(include);
      else if (object?.template)
        externalReferences.push(`template:${object.template}`);
      else if (object?.project)
        externalReferences.push(`project:${object.project}`);
      else if (object?.remote)
        externalReferences.push(`remote:${object.remote}`);
      else if (object?.component)
        externalReferences.push(`component:${object.component}`);
      continue;
    }
    const pattern = normalizeTreePath(local) ?? local;
    const matcher = new Minimatch(pattern, { dot: true });
    const found = [...context.files.keys()].filter(
      p => p === pattern || matcher.match(p),
    );
    if (!found.length) externalReferences.push(`local:${local} (not read)`);
    for (const path of found) {
      const content = context.files.get(path);
      const included = asRecord(
        content === undefined ? undefined : parseYaml(content),
      );
      if (included && depth < 5) {
        Object.assign(
          merged,
          mergeIncludes(included, context, externalReferences, depth + 1),
        );
      }
    }
  }
  const { include: _ignored, ...rest } = document;
  return { ...merged, ...rest };
}

/** Resolves `extends` (one level of hidden or regular jobs, repeatedly). */
function resolveJob(document: Document, name: string, depth = 0): Document {
  const job = asRecord(document[name]) ?? {};
  const parents = stringList(job.extends);
  if (!parents.length || depth > 5) return job;
  const base = parents.reduce<Document>(
    (acc, parent) => ({ ...acc, ...resolveJob(document, parent, depth + 1) }),
    {},
  );
  return { ...base, ...job };
}

/** Job triggers from `rules` and `only` (a job without either runs for every push). */
function jobTriggers(
  job: Document,
  ref: string | null,
): Partial<Triggers> | undefined {
  if (Array.isArray(job.rules)) {
    const rules = job.rules
      .map(r => asRecord(r) ?? {})
      .filter(r => r.when !== 'never');
    const text = JSON.stringify(rules);
    const unconditional = rules.some(r => r.if === undefined);
    return {
      onPullRequest: unconditional || /merge_request/.test(text),
      onDefaultBranch:
        unconditional ||
        /CI_DEFAULT_BRANCH|CI_COMMIT_BRANCH|CI_COMMIT_REF_NAME/.test(text),
      onSchedule: /schedule/.test(text),
    };
  }
  const only = stringList(job.only ?? asRecord(job.only)?.refs);
  if (only.length) {
    return {
      onPullRequest: only.some(o =>
        /^(merge_requests|branches|pushes)$/.test(o),
      ),
      onDefaultBranch:
        only.some(o => /^(branches|pushes)$/.test(o)) ||
        branchFilterMatches(only, undefined, ref),
      onSchedule: only.includes('schedules'),
    };
  }
  return undefined;
}

/** True when `workflow: rules` can never start a pipeline. */
function switchedOff(document: Document): boolean {
  const rules = asRecord(document.workflow)?.rules;
  return (
    Array.isArray(rules) &&
    rules.length > 0 &&
    rules.every(r => asRecord(r)?.when === 'never')
  );
}

/** Parses `.gitlab-ci.yml` with its local includes. */
export function parseGitlabCi(
  path: string,
  content: string,
  context: CiContext,
): CiFile {
  const externalReferences: string[] = [];
  const document = mergeIncludes(
    asRecord(parseYaml(content)) ?? {},
    context,
    externalReferences,
    0,
  );
  const off = switchedOff(document);
  const triggers: Triggers = off
    ? { onPullRequest: false, onDefaultBranch: false, onSchedule: false }
    : ALWAYS;
  const stages = stringList(document.stages);
  const stageOrder = stages.length
    ? ['.pre', ...stages, '.post']
    : DEFAULT_STAGES;
  const defaults = asRecord(document.default) ?? {};
  const jobs: CiJob[] = [];
  for (const name of Object.keys(document)) {
    if (RESERVED.has(name) || name.startsWith('.')) continue;
    const job = resolveJob(document, name);
    if (job.script === undefined && job.trigger === undefined) continue;
    const lines = [
      ...scriptLines(
        job.before_script ?? defaults.before_script ?? document.before_script,
      ),
      ...scriptLines(job.script),
      ...scriptLines(
        job.after_script ?? defaults.after_script ?? document.after_script,
      ),
    ];
    const image =
      asRecord(job.image)?.name ??
      job.image ??
      defaults.image ??
      document.image;
    const stage = typeof job.stage === 'string' ? job.stage : 'test';
    jobs.push({
      name,
      steps: [
        {
          run: lines.join('\n'),
          uses: typeof image === 'string' ? image : undefined,
        },
      ],
      environment: environmentName(job.environment),
      needs: stringList(job.needs).concat(
        Array.isArray(job.needs)
          ? job.needs
              .map(n => asRecord(n)?.job)
              .filter((n): n is string => typeof n === 'string')
          : [],
      ),
      stage: Math.max(0, stageOrder.indexOf(stage)),
      triggers: off ? undefined : jobTriggers(job, context.ref),
    });
  }
  // GitLab's own CI templates are known; they stand in as jobs.
  const unresolved: string[] = [];
  for (const reference of externalReferences) {
    const template = /^template:(?:.*\/)?([^/]+)\.gitlab-ci\.yml$/.exec(
      reference,
    );
    if (!template) {
      unresolved.push(reference);
      continue;
    }
    jobs.push({
      name: `template ${template[1]}`,
      steps: [{ uses: `gitlab-template:${template[1]}` }],
      environment: null,
      needs: [],
    });
  }
  return {
    path,
    system: 'gitlab-ci',
    triggers,
    jobs,
    externalReferences: unresolved,
  };
}
