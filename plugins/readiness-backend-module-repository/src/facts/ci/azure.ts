import { asRecord, parseYaml } from '../yamlDocuments';
import {
  CiContext,
  CiFile,
  CiJob,
  CiStep,
  environmentName,
  stringInputs,
} from './model';

type Node = Record<string, unknown>;

function step(raw: unknown): CiStep | undefined {
  const object = asRecord(raw);
  if (!object) return undefined;
  const run = ['script', 'bash', 'pwsh', 'powershell']
    .map(k => object[k])
    .find((v): v is string => typeof v === 'string');
  const task = typeof object.task === 'string' ? object.task : undefined;
  return {
    name:
      typeof object.displayName === 'string' ? object.displayName : undefined,
    run,
    uses: task ? `task:${task}` : undefined,
    with: stringInputs(object.inputs),
  };
}

/** Steps of a job, including deployment-job lifecycle hooks. */
function jobSteps(job: Node): unknown[] {
  const steps: unknown[] = Array.isArray(job.steps) ? [...job.steps] : [];
  const strategy = asRecord(job.strategy);
  for (const kind of ['runOnce', 'rolling', 'canary']) {
    const lifecycle = asRecord(strategy?.[kind]);
    for (const hook of [
      'preDeploy',
      'deploy',
      'routeTraffic',
      'postRouteTraffic',
    ]) {
      const hookSteps = asRecord(lifecycle?.[hook])?.steps;
      if (Array.isArray(hookSteps)) steps.push(...hookSteps);
    }
    const on = asRecord(lifecycle?.on);
    for (const outcome of ['success', 'failure']) {
      const outcomeSteps = asRecord(on?.[outcome])?.steps;
      if (Array.isArray(outcomeSteps)) steps.push(...outcomeSteps);
    }
  }
  return steps;
}

function triggerOff(value: unknown): boolean {
  return value === 'none' || (Array.isArray(value) && value.length === 0);
}

/** Parses `azure-pipelines.yml`: stages, jobs and steps; local templates are followed. */
export function parseAzurePipelines(
  path: string,
  content: string,
  context: CiContext,
): CiFile {
  const pipeline = asRecord(parseYaml(content)) ?? {};
  const externalReferences: string[] = [];
  const jobs: CiJob[] = [];

  const expand = (items: unknown[], depth: number): Node[] =>
    items.flatMap(item => {
      const object = asRecord(item);
      if (!object) return [];
      if (typeof object.template !== 'string') return [object];
      const local = object.template.includes('@')
        ? undefined
        : context.files.get(object.template);
      if (local === undefined || depth > 3) {
        externalReferences.push(`template:${object.template}`);
        return [];
      }
      const template = asRecord(parseYaml(local)) ?? {};
      const nested = template.stages ?? template.jobs ?? template.steps;
      return Array.isArray(nested) ? expand(nested, depth + 1) : [];
    });

  const addJob = (job: Node, stage: number) => {
    const name = String(job.job ?? job.deployment ?? `job${jobs.length + 1}`);
    jobs.push({
      name,
      steps: expand(jobSteps(job), 0)
        .map(step)
        .filter((s): s is CiStep => !!s),
      environment: environmentName(job.environment),
      needs: [],
      stage,
    });
  };

  const stages = Array.isArray(pipeline.stages)
    ? expand(pipeline.stages, 0)
    : [];
  stages.forEach((stage, index) => {
    const stageJobs = Array.isArray(stage.jobs) ? expand(stage.jobs, 0) : [];
    stageJobs.forEach(job => addJob(job, index));
  });
  if (Array.isArray(pipeline.jobs))
    expand(pipeline.jobs, 0).forEach(job => addJob(job, 0));
  if (Array.isArray(pipeline.steps))
    addJob({ job: 'steps', steps: pipeline.steps }, 0);

  const pushOff = triggerOff(pipeline.trigger);
  const prOff = triggerOff(pipeline.pr);
  return {
    path,
    system: 'azure-pipelines',
    triggers: {
      onPullRequest: !prOff,
      onDefaultBranch: !pushOff || !prOff,
      onSchedule:
        Array.isArray(pipeline.schedules) && pipeline.schedules.length > 0,
    },
    jobs,
    externalReferences,
  };
}
