import { ALWAYS, CiFile, CiJob } from './model';

const SHELL_STEP =
  /\b(sh|bat|powershell|pwsh)\s*\(?\s*(?:script\s*:\s*)?('''|"""|'|")([\s\S]*?)\2/g;
const STAGE = /\bstage\s*\(\s*(['"])(.*?)\1\s*\)/g;

/** Parses a declarative or scripted Jenkinsfile: stages and their shell steps. */
export function parseJenkinsfile(path: string, content: string): CiFile {
  const stages = [...content.matchAll(STAGE)].map(m => ({
    at: m.index ?? 0,
    name: m[2],
  }));
  const jobs: CiJob[] = [];
  const jobFor = (at: number): CiJob => {
    const index = stages.filter(s => s.at <= at).length - 1;
    const name = index >= 0 ? stages[index].name : 'pipeline';
    let job = jobs.find(j => j.name === name);
    if (!job) {
      job = {
        name,
        steps: [],
        environment: /prod/i.test(name) ? 'production' : null,
        needs: [],
        stage: index + 1,
      };
      jobs.push(job);
    }
    return job;
  };
  for (const match of content.matchAll(SHELL_STEP)) {
    jobFor(match.index ?? 0).steps.push({ run: match[3] });
  }
  for (const match of content.matchAll(
    /\b(dependencyCheck|snykSecurity|withSonarQubeEnv|recordIssues)\b/g,
  )) {
    jobFor(match.index ?? 0).steps.push({ uses: `jenkins:${match[1]}` });
  }
  const externalReferences = [
    ...content.matchAll(/@Library\(\s*\[?\s*['"]([^'"]+)['"]/g),
  ].map(m => `library:${m[1]}`);
  return {
    path,
    system: 'jenkins',
    triggers: { ...ALWAYS, onSchedule: /\bcron\s*\(/.test(content) },
    jobs,
    externalReferences,
  };
}
