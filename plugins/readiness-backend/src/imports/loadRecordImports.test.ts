import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigReader } from '@backstage/config';
import { Scorecard } from '@readiness/backstage-plugin-readiness-common';
import { testScorecard } from '../__testUtils__/fixtures';
import { loadRecordImports } from './loadRecordImports';

const now = new Date('2026-05-01T12:00:00.000Z');

/** Loads one import file holding `text` and returns the records. */
function loadText(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-imports-'));
  writeFileSync(join(dir, 'records.yaml'), text);
  return loadRecordImports({
    config: new ConfigReader({
      readiness: { recordImports: [{ file: 'records.yaml' }] },
    }),
    scorecards: [testScorecard as Scorecard],
    now,
    workingDirectory: dir,
  });
}

const attestation = `
attestations:
  - entityRef: component:default/checkout
    checkId: oncall-runbook-content
    attestedBy: user:default/alice
    attestedAt: T-170d
    evidenceUrl: https://docs.example.com/runbook-review
    note: Reviewed with the on-call rotation
`;

describe('loadRecordImports', () => {
  it('returns nothing when no import files are configured', async () => {
    await expect(
      loadRecordImports({
        config: new ConfigReader({}),
        scorecards: [testScorecard as Scorecard],
        now,
      }),
    ).resolves.toEqual({ attestations: [], exemptions: [] });
  });

  it('resolves relative times and gives attestations the expiry of their check', async () => {
    const { attestations } = await loadText(attestation);
    expect(attestations).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/checkout',
        checkId: 'oncall-runbook-content',
        attestedBy: 'user:default/alice',
        attestedAt: '2025-11-12T12:00:00.000Z',
        // 180 days of expiry in the test scorecard: 10 days from now.
        expiresAt: '2026-05-11T12:00:00.000Z',
        importKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
  });

  it('keys each entry by what is written, so a later start imports nothing new', async () => {
    const [first, second] = await Promise.all([
      loadText(attestation),
      loadText(attestation.replace('T-170d', 'T-169d')),
    ]);
    const again = await loadText(attestation);
    expect(again.attestations[0].importKey).toBe(
      first.attestations[0].importKey,
    );
    expect(second.attestations[0].importKey).not.toBe(
      first.attestations[0].importKey,
    );
  });

  it('reads exemptions with an explicit expiry', async () => {
    const { exemptions } = await loadText(`
exemptions:
  - entityRef: component:default/checkout
    checkId: k8s-min-replicas
    grantedBy: user:default/platform-lead
    grantedAt: T-30d
    expiresAt: T+60d
    reason: Singleton by design until the leader election lands
`);
    expect(exemptions).toEqual([
      expect.objectContaining({
        checkId: 'k8s-min-replicas',
        grantedAt: '2026-04-01T12:00:00.000Z',
        expiresAt: '2026-06-30T12:00:00.000Z',
      }),
    ]);
  });

  it.each([
    [
      'an unknown check',
      attestation.replace('oncall-runbook-content', 'no-such-check'),
      /records\.yaml: attestations\[0\] \(check no-such-check\): checkId: no scorecard has a check "no-such-check"/,
    ],
    [
      'an attestation of an automated check',
      attestation.replace('oncall-runbook-content', 'k8s-min-replicas'),
      /attestations\[0\] \(check k8s-min-replicas\): checkId: .*cannot be attested/,
    ],
    [
      'an expiry past the check default',
      `${attestation}    expiresAt: T+400d\n`,
      /attestations\[0\] \(check oncall-runbook-content\): expiresAt: .*at most 180 days/,
    ],
    [
      'an attester that is not a user',
      attestation.replace('user:default/alice', 'group:default/team-a'),
      /attestations\[0\] \(check oncall-runbook-content\): attestedBy: must be a user entity ref/,
    ],
    [
      'a time that is neither ISO nor relative',
      attestation.replace('T-170d', 'last spring'),
      /attestations\[0\] \(check oncall-runbook-content\): attestedAt: must be an ISO 8601 timestamp/,
    ],
    [
      'a misspelt field, which leaves a required one missing',
      attestation.replace('evidenceUrl', 'evidenceURL'),
      /attestations\[0\] \(check oncall-runbook-content\): evidenceUrl: .*expected string, received undefined/,
    ],
    [
      'a field the format does not have',
      `${attestation}    reviewer: bob\n`,
      /attestations\[0\] \(check oncall-runbook-content\): .*reviewer/,
    ],
    [
      'an exemption longer than 180 days',
      `exemptions:\n  - { entityRef: component:default/checkout, checkId: k8s-min-replicas, grantedBy: user:default/a, grantedAt: T, expiresAt: T+200d, reason: r }\n`,
      /exemptions\[0\] \(check k8s-min-replicas\): expiresAt: exemptions expire after at most 180 days/,
    ],
    [
      'an exemption that ends before it starts',
      `exemptions:\n  - { entityRef: component:default/checkout, checkId: k8s-min-replicas, grantedBy: user:default/a, grantedAt: T, expiresAt: T-1d, reason: r }\n`,
      /exemptions\[0\] \(check k8s-min-replicas\): expiresAt: must be later than grantedAt/,
    ],
    [
      'broken YAML',
      'attestations: [',
      /records\.yaml: cannot be read or parsed \(named in app-config readiness\.recordImports\[0\]\.file\)/,
    ],
  ])(
    'stops with a message naming file, entry, check and field for %s',
    async (_, text, message) => {
      await expect(loadText(text)).rejects.toThrow(message);
    },
  );

  it('names the missing file and the config key that points to it', async () => {
    await expect(
      loadRecordImports({
        config: new ConfigReader({
          readiness: { recordImports: [{ file: 'missing.yaml' }] },
        }),
        scorecards: [testScorecard as Scorecard],
        now,
        workingDirectory: tmpdir(),
      }),
    ).rejects.toThrow(
      /missing\.yaml: cannot be read or parsed \(named in app-config readiness\.recordImports\[0\]\.file\)/,
    );
  });
});
