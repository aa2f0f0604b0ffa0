import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT_CODES, main } from './main';

jest.setTimeout(60_000);

const BIN = resolve(__dirname, '../bin/readiness');
const EXAMPLES = resolve(__dirname, '../../../examples');

async function cli(args: string[], cwd = EXAMPLES) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: t => {
      stdout += t;
    },
    stderr: t => {
      stderr += t;
    },
    cwd,
  });
  return { code, stdout, stderr };
}

const legacy = [
  'evaluate',
  '--repo',
  'repositories/legacy-reports',
  '--manifests',
  'kubernetes/prod-legacy',
  '--entity',
  'catalog/services.yaml',
  '--name',
  'legacy-reports',
];

describe('the readiness command', () => {
  it('exits with 1 below the minimum level and names the level', async () => {
    const run = await cli([...legacy, '--min-level', 'bronze']);
    expect(run.code).toBe(EXIT_CODES.belowMinimum);
    expect(run.stderr).toBe(
      'component:default/legacy-reports reaches level none, below the minimum level bronze\n',
    );
    expect(run.stdout).toContain('FAIL [bronze] k8s-min-replicas');
  });

  it('exits with 0 when the minimum is reached and prints the JSON report', async () => {
    const run = await cli([
      'evaluate',
      '--repo',
      'repositories/payments-api',
      '--manifests',
      'kubernetes/prod-eu-west-1',
      '--entity',
      'catalog/services.yaml',
      '--name',
      'payments-api',
      '--min-level',
      'target',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(EXIT_CODES.ok);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      entityRef: 'component:default/payments-api',
      scorecardId: 'production-readiness',
      minimumLevel: 'silver',
      passed: true,
    });
    expect(report.failing).toEqual([]);
    expect(report.checks).toHaveLength(101);
  });

  it('rejects bad arguments with 2 and the usage', async () => {
    const run = await cli(['evaluat', '--format', 'xml']);
    expect(run.code).toBe(EXIT_CODES.error);
    expect(run.stderr).toContain('unknown command "evaluat"');
    expect(run.stderr).toContain('--repo is required');
    expect(run.stderr).toContain('--format must be text or json, not "xml"');
    expect(run.stderr).toContain('Usage: readiness evaluate');
  });

  it('refuses a target gate for an entity without a tier, with 2', async () => {
    const run = await cli([...legacy, '--min-level', 'target']);
    expect(run.code).toBe(EXIT_CODES.error);
    expect(run.stderr).toContain(
      'minimum level "target": scorecard production-readiness has no target for Component:legacy-reports',
    );
  });

  it('reports unreadable input with 2, naming the file', async () => {
    const run = await cli([...legacy.slice(0, 5), '--entity', 'nowhere.yaml']);
    expect(run.code).toBe(EXIT_CODES.error);
    expect(run.stderr).toContain('nowhere.yaml is not a file');
  });

  it('evaluates with a scorecard file and its levels', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'readiness-cli-'));
    try {
      await mkdir(join(dir, 'repo'));
      await writeFile(
        join(dir, 'repo', 'catalog-info.yaml'),
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: tiny }\nspec: { type: service, lifecycle: production, owner: team-a }\n',
      );
      await writeFile(join(dir, 'repo', 'README.md'), '# tiny\n');
      await writeFile(
        join(dir, 'scorecard.yaml'),
        [
          'scorecards:',
          '  - id: docs',
          '    title: Docs',
          '    levels: [basic, good]',
          '    checks:',
          '      - id: readme',
          '        title: A README exists.',
          '        category: docs',
          '        level: basic',
          '        description: The repository has a README.',
          '        source: repository',
          '        condition: { fact: repository.tree.fileCount, gte: 1 }',
          '      - id: owner',
          '        title: An owner is named.',
          '        category: docs',
          '        level: good',
          '        description: spec.owner is a group.',
          '        source: catalog',
          "        condition: { fact: entity.spec.owner, matches: '^group:' }",
        ].join('\n'),
      );
      const run = await cli(
        [
          'evaluate',
          '--repo',
          'repo',
          '--scorecard',
          'scorecard.yaml',
          '--min-level',
          'good',
        ],
        dir,
      );
      expect(run.stdout).toContain('on scorecard docs: level basic');
      expect(run.stdout).toContain('FAIL [good] owner: An owner is named.');
      expect(run.code).toBe(EXIT_CODES.belowMinimum);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs as a process through its bin, with the exit code of the result', () => {
    const below = spawnSync(
      BIN,
      [...legacy, '--min-level', 'bronze', '--format', 'json'],
      {
        cwd: EXAMPLES,
        encoding: 'utf8',
      },
    );
    expect(below.status).toBe(1);
    expect(JSON.parse(below.stdout)).toMatchObject({
      passed: false,
      level: null,
    });
    const bad = spawnSync(BIN, ['evaluate'], {
      cwd: EXAMPLES,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--repo is required');
  });
});
