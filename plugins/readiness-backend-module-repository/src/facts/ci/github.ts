import { normalizeTreePath } from '../paths';
import { asRecord, parseYaml } from '../yamlDocuments';
import {
  branchFilterMatches,
  CiContext,
  CiFile,
  CiJob,
  CiStep,
  environmentName,
  stringInputs,
  stringList,
  Triggers,
} from './model';

const PULL_REQUEST_EVENTS = [
  'pull_request',
  'pull_request_target',
  'merge_group',
];

/** The events of `on:` with their filter objects. */
function events(on: unknown): Map<string, Record<string, unknown>> {
  const result = new Map<string, Record<string, unknown>>();
  if (typeof on === 'string') result.set(on, {});
  else if (Array.isArray(on)) stringList(on).forEach(e => result.set(e, {}));
  else if (on && typeof on === 'object') {
    for (const [event, filters] of Object.entries(on)) {
      result.set(event, asRecord(filters) ?? {});
    }
  }
  return result;
}

function workflowTriggers(
  workflow: Record<string, unknown>,
  ref: string | null,
): Triggers {
  // YAML 1.1 parsers read `on` as true; the yaml package (1.2) keeps it a string.
  const on = events(workflow.on ?? workflow.true);
  const branchEvent = (name: string) => {
    const filters = on.get(name);
    return (
      !!filters &&
      branchFilterMatches(
        stringList(filters.branches),
        stringList(filters['branches-ignore']),
        ref,
      )
    );
  };
  return {
    onPullRequest: PULL_REQUEST_EVENTS.some(e => on.has(e)),
    onDefaultBranch: ['push', ...PULL_REQUEST_EVENTS].some(branchEvent),
    onSchedule: on.has('schedule'),
  };
}

function step(raw: unknown): CiStep | undefined {
  const object = asRecord(raw);
  if (!object) return undefined;
  return {
    name: typeof object.name === 'string' ? object.name : undefined,
    run: typeof object.run === 'string' ? object.run : undefined,
    uses: typeof object.uses === 'string' ? object.uses : undefined,
    with: stringInputs(object.with),
  };
}

/** Steps of a local composite action (`uses: ./path/to/action`). */
function compositeSteps(
  uses: string,
  context: CiContext,
): CiStep[] | undefined {
  const dir = normalizeTreePath(uses);
  if (!dir) return undefined;
  const content =
    context.files.get(`${dir}/action.yml`) ??
    context.files.get(`${dir}/action.yaml`);
  if (content === undefined) return undefined;
  const runs = asRecord(asRecord(parseYaml(content))?.runs);
  return Array.isArray(runs?.steps)
    ? runs!.steps.map(step).filter((s): s is CiStep => !!s)
    : [];
}

/** Parses a GitHub Actions workflow, following local reusable workflows and composite actions. */
export function parseGithubWorkflow(
  path: string,
  content: string,
  context: CiContext,
  depth = 0,
  inherited?: Triggers,
): CiFile {
  const workflow = asRecord(parseYaml(content)) ?? {};
  const triggers = inherited ?? workflowTriggers(workflow, context.ref);
  const file: CiFile = {
    path,
    system: 'github-actions',
    triggers,
    jobs: [],
    externalReferences: [],
  };
  for (const [name, rawJob] of Object.entries(asRecord(workflow.jobs) ?? {})) {
    const job = asRecord(rawJob);
    if (!job) continue;
    const ciJob: CiJob = {
      name,
      steps: [],
      environment: environmentName(job.environment),
      needs: stringList(job.needs),
    };
    if (typeof job.uses === 'string') {
      const called = job.uses.startsWith('./')
        ? normalizeTreePath(job.uses)
        : undefined;
      const calledContent = called ? context.files.get(called) : undefined;
      if (called && calledContent !== undefined && depth < 3) {
        const nested = parseGithubWorkflow(
          called,
          calledContent,
          context,
          depth + 1,
          triggers,
        );
        for (const nestedJob of nested.jobs) {
          file.jobs.push({
            ...nestedJob,
            name: `${name}/${nestedJob.name}`,
            environment: nestedJob.environment ?? ciJob.environment,
            needs: [
              ...ciJob.needs,
              ...nestedJob.needs.map(n => `${name}/${n}`),
            ],
          });
        }
        file.externalReferences.push(...nested.externalReferences);
      } else {
        file.externalReferences.push(job.uses);
      }
      continue;
    }
    for (const raw of Array.isArray(job.steps) ? job.steps : []) {
      const parsed = step(raw);
      if (!parsed) continue;
      const composite =
        parsed.uses?.startsWith('./') && depth < 3
          ? compositeSteps(parsed.uses, context)
          : undefined;
      ciJob.steps.push(parsed, ...(composite ?? []));
    }
    file.jobs.push(ciJob);
  }
  return file;
}
