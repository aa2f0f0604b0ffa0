import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDefaultScorecard } from './defaultScorecard';

const ROOT = resolve(__dirname, '../../..');
const SCRIPT = resolve(ROOT, 'scripts/generate-checks-doc.js');
const DOC = resolve(ROOT, 'docs/checks.md');

describe('docs/checks.md', () => {
  it('is up to date with the scorecard files', () => {
    const run = spawnSync(process.execPath, [SCRIPT, '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('has a section with the check id as anchor for every check', async () => {
    const scorecard = await loadDefaultScorecard();
    let fenced = false;
    const headings: string[] = [];
    for (const line of readFileSync(DOC, 'utf8').split('\n')) {
      if (line.startsWith('```')) fenced = !fenced;
      if (!fenced && line.startsWith('### ')) headings.push(line.slice(4));
    }
    expect(headings).toEqual(scorecard.checks.map(c => c.id));
  });
});
