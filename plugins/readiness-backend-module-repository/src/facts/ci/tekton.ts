import type { YamlDocument } from '../yamlDocuments';
import { asRecord } from '../yamlDocuments';
import { CiFile, CiJob, CiStep, scriptLines, Triggers } from './model';

/** Every `steps` entry found anywhere in a Tekton object. */
function findSteps(value: unknown, out: CiStep[]): void {
  if (Array.isArray(value)) {
    value.forEach(v => findSteps(v, out));
    return;
  }
  const object = asRecord(value);
  if (!object) return;
  if (Array.isArray(object.steps)) {
    for (const raw of object.steps) {
      const step = asRecord(raw);
      if (!step) continue;
      const run =
        typeof step.script === 'string'
          ? step.script
          : [...scriptLines(step.command), ...scriptLines(step.args)].join(' ');
      out.push({
        name: typeof step.name === 'string' ? step.name : undefined,
        run: run || undefined,
        uses: typeof step.image === 'string' ? step.image : undefined,
      });
    }
  }
  const taskRef = asRecord(object.taskRef);
  if (taskRef) {
    const params = Array.isArray(taskRef.params)
      ? taskRef.params.map(asRecord)
      : [];
    const name =
      taskRef.name ??
      params.find(p => p?.name === 'name')?.value ??
      taskRef.resolver;
    if (typeof name === 'string') out.push({ uses: `tekton-task:${name}` });
  }
  for (const [key, nested] of Object.entries(object)) {
    if (key !== 'steps') findSteps(nested, out);
  }
}

/** Parses one file of `.tekton/` (Pipelines as Code). */
export function parseTekton(path: string, documents: YamlDocument[]): CiFile {
  const jobs: CiJob[] = [];
  const externalReferences: string[] = [];
  let triggers: Triggers | undefined;
  for (const doc of documents) {
    const steps: CiStep[] = [];
    findSteps(doc.value, steps);
    if (steps.length) {
      jobs.push({
        name: doc.name ?? doc.kind ?? 'tekton',
        steps,
        environment: null,
        needs: [],
      });
    }
    const onEvent = doc.annotations['pipelinesascode.tekton.dev/on-event'];
    if (onEvent) {
      triggers = {
        onPullRequest:
          (triggers?.onPullRequest ?? false) || /pull_request/.test(onEvent),
        onDefaultBranch:
          (triggers?.onDefaultBranch ?? false) ||
          /push|pull_request/.test(onEvent),
        onSchedule: triggers?.onSchedule ?? false,
      };
    }
    for (const match of doc.text.matchAll(
      /\b(bundle|resolver):\s*["']?([^"'\s]+)/g,
    )) {
      externalReferences.push(`${match[1]}:${match[2]}`);
    }
  }
  return {
    path,
    system: 'tekton',
    triggers: triggers ?? {
      onPullRequest: true,
      onDefaultBranch: true,
      onSchedule: false,
    },
    jobs,
    externalReferences,
  };
}
