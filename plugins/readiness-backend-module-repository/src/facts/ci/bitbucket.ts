import { asRecord, parseYaml } from '../yamlDocuments';
import {
  branchFilterMatches,
  CiFile,
  CiJob,
  CiStep,
  scriptLines,
  stringInputs,
  Triggers,
} from './model';

/** The `step` objects of a pipeline, through `parallel` and `stage`. */
function stepsOf(items: unknown): Record<string, unknown>[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap(item => {
    const object = asRecord(item) ?? {};
    if (asRecord(object.step)) return [asRecord(object.step)!];
    const parallel = object.parallel;
    if (parallel)
      return stepsOf(
        Array.isArray(parallel) ? parallel : asRecord(parallel)?.steps,
      );
    const stage = asRecord(object.stage);
    return stage ? stepsOf(stage.steps) : [];
  });
}

function ciSteps(step: Record<string, unknown>): CiStep[] {
  const script = Array.isArray(step.script) ? step.script : [];
  const pipes: CiStep[] = script
    .map(asRecord)
    .filter((p): p is Record<string, unknown> => typeof p?.pipe === 'string')
    .map(p => ({ uses: String(p.pipe), with: stringInputs(p.variables) }));
  const run = scriptLines(script).join('\n');
  return [
    ...(run ? [{ run, name: step.name as string | undefined }] : []),
    ...pipes,
  ];
}

/** Parses `bitbucket-pipelines.yml`: default, branch, pull-request and custom pipelines. */
export function parseBitbucketPipelines(
  path: string,
  content: string,
  ref: string | null,
): CiFile {
  const pipelines = asRecord(asRecord(parseYaml(content))?.pipelines) ?? {};
  const jobs: CiJob[] = [];
  const add = (group: string, items: unknown, triggers: Partial<Triggers>) => {
    stepsOf(items).forEach((step, index) => {
      jobs.push({
        name: `${group}/${
          typeof step.name === 'string' ? step.name : index + 1
        }`,
        steps: ciSteps(step),
        environment:
          typeof step.deployment === 'string' ? step.deployment : null,
        needs: [],
        stage: index,
        triggers,
      });
    });
  };
  add('default', pipelines.default, {
    onPullRequest: true,
    onDefaultBranch: true,
    onSchedule: false,
  });
  for (const [pattern, items] of Object.entries(
    asRecord(pipelines.branches) ?? {},
  )) {
    add(`branches:${pattern}`, items, {
      onPullRequest: false,
      onDefaultBranch: branchFilterMatches([pattern], undefined, ref),
      onSchedule: false,
    });
  }
  for (const [pattern, items] of Object.entries(
    asRecord(pipelines['pull-requests']) ?? {},
  )) {
    add(`pull-requests:${pattern}`, items, {
      onPullRequest: true,
      onDefaultBranch: true,
      onSchedule: false,
    });
  }
  for (const [name, items] of Object.entries(
    asRecord(pipelines.custom) ?? {},
  )) {
    add(`custom:${name}`, items, {
      onPullRequest: false,
      onDefaultBranch: false,
      onSchedule: true,
    });
  }
  for (const [name, items] of Object.entries(asRecord(pipelines.tags) ?? {})) {
    add(`tags:${name}`, items, {
      onPullRequest: false,
      onDefaultBranch: false,
      onSchedule: false,
    });
  }
  const any = (key: keyof Triggers) => jobs.some(j => j.triggers?.[key]);
  return {
    path,
    system: 'bitbucket-pipelines',
    triggers: {
      onPullRequest: any('onPullRequest'),
      onDefaultBranch: any('onDefaultBranch'),
      onSchedule: any('onSchedule'),
    },
    jobs,
    externalReferences: [],
  };
}
