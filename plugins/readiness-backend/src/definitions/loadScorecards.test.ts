import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { testScorecard } from '../__testUtils__/fixtures';
import { readinessPlugin } from '../plugin';
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

  describe('stops start-up on every kind of mistake in a definition file, naming file, check and field', () => {
    const check = testScorecard.checks[1];
    const withCheck = (changes: Record<string, unknown>) => ({
      ...testScorecard,
      checks: [{ ...check, ...changes }],
    });
    const where =
      'broken.yaml: scorecard "test-readiness", check "k8s-min-replicas": field';
    it.each<[string, unknown, string]>([
      [
        'an unknown operator',
        withCheck({ condition: { fact: '$.replicas', atLeast: 2 } }),
        `${where} "condition.atLeast": is not a known field`,
      ],
      [
        'a regular expression that does not compile',
        withCheck({ condition: { fact: '$.image', matches: '(unclosed' } }),
        `${where} "condition.matches": is not a valid regular expression`,
      ],
      [
        'a duplicate check id',
        {
          ...testScorecard,
          checks: [check, { ...check, title: 'Again.' }],
        },
        `${where} "id": "k8s-min-replicas" is also the id of checks[0]`,
      ],
      [
        'an unknown level',
        withCheck({ level: 'diamond' }),
        `${where} "level": "diamond" is not one of the scorecard levels bronze, silver`,
      ],
      [
        'a number where a string belongs',
        withCheck({ title: 42 }),
        `${where} "title": must be a string, not 42`,
      ],
      [
        'a string where a condition belongs',
        withCheck({ condition: 'replicas >= 2' }),
        `${where} "condition": must be a condition`,
      ],
    ])('%s', async (_, scorecard, message) => {
      const dir = mkdtempSync(join(tmpdir(), 'readiness-defs-'));
      writeFileSync(
        join(dir, 'broken.yaml'),
        `scorecards:\n  - ${JSON.stringify(scorecard)}\n`,
      );
      await expect(
        load(
          {
            defaultScorecard: { enabled: false },
            scorecards: [{ file: 'broken.yaml' }],
          },
          dir,
        ),
      ).rejects.toThrow(message);
    });

    it('a YAML alias bomb, refused without expanding it', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'readiness-defs-'));
      const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let i = 1; i < 9; i++) {
        lines.push(
          `l${i}: &l${i} [${Array(9)
            .fill(`*l${i - 1}`)
            .join(', ')}]`,
        );
      }
      writeFileSync(
        join(dir, 'bomb.yaml'),
        `${lines.join('\n')}\nscorecards: [*l8]\n`,
      );
      await expect(
        load({ scorecards: [{ file: 'bomb.yaml' }] }, dir),
      ).rejects.toThrow(
        /bomb\.yaml: YAML document refused: Excessive alias count/,
      );
    });

    it('a binary file named like YAML', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'readiness-defs-'));
      writeFileSync(
        join(dir, 'image.yaml'),
        Buffer.from([
          0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0x0d,
        ]),
      );
      await expect(
        load({ scorecards: [{ file: 'image.yaml' }] }, dir),
      ).rejects.toThrow(/image\.yaml: /);
    });
  });

  it('keeps the backend from starting when a definition is broken', async () => {
    const broken = {
      ...testScorecard,
      checks: [{ ...testScorecard.checks[0], level: 'platinum' }],
    };
    await expect(
      startTestBackend({
        features: [
          readinessPlugin,
          catalogServiceMock.factory({ entities: [] }),
          mockServices.rootConfig.factory({
            data: {
              readiness: {
                defaultScorecard: { enabled: false },
                scorecards: [broken as unknown as JsonObject],
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      /app-config readiness\.scorecards\[0\]: scorecard "test-readiness", check "own-description": field "level": "platinum"/,
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
