import { asRecord, parseYaml } from '../yamlDocuments';
import { ALWAYS, CiFile, CiJob, CiStep, scriptLines } from './model';

function flatten(items: unknown): Record<string, unknown>[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap(item => {
    const object = asRecord(item);
    if (!object) return [];
    return Array.isArray(object.steps) ? flatten(object.steps) : [object];
  });
}

/** Parses `.buildkite/pipeline.yml`: command steps and plugins. */
export function parseBuildkite(path: string, content: string): CiFile {
  const pipeline = parseYaml(content);
  const items = Array.isArray(pipeline) ? pipeline : asRecord(pipeline)?.steps;
  const externalReferences: string[] = [];
  const jobs: CiJob[] = flatten(items).map((step, index) => {
    const steps: CiStep[] = [];
    const run = scriptLines(step.command ?? step.commands).join('\n');
    if (run) steps.push({ run });
    const plugins = Array.isArray(step.plugins) ? step.plugins : [];
    for (const plugin of plugins) {
      const name =
        typeof plugin === 'string'
          ? plugin
          : Object.keys(asRecord(plugin) ?? {})[0];
      if (name) steps.push({ uses: name });
    }
    if (typeof step.trigger === 'string')
      externalReferences.push(`pipeline:${step.trigger}`);
    return {
      name: typeof step.label === 'string' ? step.label : `step${index + 1}`,
      steps,
      environment: null,
      needs: [],
      stage: index,
    };
  });
  return {
    path,
    system: 'buildkite',
    triggers: ALWAYS,
    jobs,
    externalReferences,
  };
}
