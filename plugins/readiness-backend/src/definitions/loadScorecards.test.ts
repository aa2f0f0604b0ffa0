import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { testScorecard } from '../__testUtils__/fixtures';
import { loadScorecards } from './loadScorecards';

const load = (readiness: JsonObject, workingDirectory?: string) =>
  loadScorecards({
    config: new ConfigReader({ readiness }),
    contributed: [],
    workingDirectory,
  });

const inline = testScorecard as unknown as JsonObject;

describe('loadScorecards', () => {
  it('loads the default 101-check scorecard when nothing is configured', async () => {
    const [scorecard] = await load({});
    expect(scorecard.id).toBe('production-readiness');
    expect(scorecard.checks).toHaveLength(101);
  });

  it('applies overrides of the default scorecard from config', async () => {
    const [scorecard] = await load({
      defaultScorecard: {
        overrides: {
          'k8s-image-digest-pinned': { enabled: false },
          'res-pdb': { level: 'gold' },
        },
      },
    });
    expect(scorecard.checks).toHaveLength(100);
    expect(scorecard.checks.find(c => c.id === 'res-pdb')?.level).toBe('gold');
  });

  it('names the config key when an override is wrong', async () => {
    await expect(
      load({
        defaultScorecard: { overrides: { 'no-such-check': { level: 'gold' } } },
      }),
    ).rejects.toThrow(
      /readiness\.defaultScorecard\.overrides: .*"no-such-check"/,
    );
  });

  it('uses only configured scorecards when the default is switched off', async () => {
    const scorecards = await load({
      defaultScorecard: { enabled: false },
      scorecards: [inline],
    });
    expect(scorecards.map(s => s.id)).toEqual(['test-readiness']);
  });

  it('reads scorecard files relative to the working directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readiness-defs-'));
    writeFileSync(
      join(dir, 'extra.yaml'),
      `scorecards:\n  - ${JSON.stringify({ ...testScorecard, id: 'extra' })}\n`,
    );
    const scorecards = await load(
      {
        defaultScorecard: { enabled: false },
        scorecards: [{ file: 'extra.yaml' }],
      },
      dir,
    );
    expect(scorecards.map(s => s.id)).toEqual(['extra']);
  });

  it('stops with the file, the check and the field of a broken definition', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readiness-defs-'));
    const broken = {
      ...testScorecard,
      checks: [{ ...testScorecard.checks[0], level: 'platinum' }],
    };
    writeFileSync(
      join(dir, 'broken.yaml'),
      `scorecards:\n  - ${JSON.stringify(broken)}\n`,
    );
    await expect(
      load(
        {
          defaultScorecard: { enabled: false },
          scorecards: [{ file: 'broken.yaml' }],
        },
        dir,
      ),
    ).rejects.toThrow(
      /broken\.yaml: scorecard "test-readiness", check "own-description": field "level": "platinum"/,
    );
  });

  it('names an unreadable file and the config entry that names it', async () => {
    await expect(
      load({ scorecards: [{ file: 'missing.yaml' }] }, tmpdir()),
    ).rejects.toThrow(
      /missing\.yaml: cannot be read \(named in app-config readiness\.scorecards\[0\]\.file\)/,
    );
  });

  it('rejects a configured scorecard that reuses the default scorecard id', async () => {
    await expect(
      load({ scorecards: [{ ...inline, id: 'production-readiness' }] }),
    ).rejects.toThrow(/already defined in the default scorecard/);
  });
});
