import { asRecord, parseYaml } from '../yamlDocuments';
import { ALWAYS, CiFile, CiJob, CiStep, stringInputs } from './model';

function step(raw: unknown): CiStep | undefined {
  if (typeof raw === 'string')
    return raw === 'checkout' ? undefined : { uses: raw };
  const object = asRecord(raw);
  if (!object) return undefined;
  const [key, value] = Object.entries(object)[0] ?? [];
  if (key === 'run') {
    const run = typeof value === 'string' ? value : asRecord(value)?.command;
    return typeof run === 'string'
      ? { run, name: asRecord(value)?.name as string | undefined }
      : undefined;
  }
  return key ? { uses: key, with: stringInputs(value) } : undefined;
}

/** Parses `.circleci/config.yml`: jobs and their run steps and orb commands. */
export function parseCircleCi(path: string, content: string): CiFile {
  const config = asRecord(parseYaml(content)) ?? {};
  const jobs: CiJob[] = Object.entries(asRecord(config.jobs) ?? {}).map(
    ([name, raw]) => {
      const job = asRecord(raw) ?? {};
      return {
        name,
        steps: (Array.isArray(job.steps) ? job.steps : [])
          .map(step)
          .filter((s): s is CiStep => !!s),
        environment: null,
        needs: [],
      };
    },
  );
  const workflows = JSON.stringify(config.workflows ?? {});
  return {
    path,
    system: 'circleci',
    triggers: { ...ALWAYS, onSchedule: /"schedule"/.test(workflows) },
    jobs,
    externalReferences: [],
  };
}
