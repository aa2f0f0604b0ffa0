import type {
  CiFacts,
  KubernetesManifestFacts,
  MigrationRunner,
  SmokeTestEvidence,
} from './types';

/**
 * Smoke tests wired to run after deploying: Argo CD PostSync hooks, Helm test
 * hooks run by Flux or by `helm test` in CI, and CI smoke steps after a
 * deploy step (checklist `cicd-smoke-tests`).
 */
export function smokeTestEvidence(
  kubernetes: KubernetesManifestFacts,
  ci: CiFacts | undefined,
): SmokeTestEvidence[] {
  const evidence: SmokeTestEvidence[] = [];
  const fluxTests = kubernetes.helmReleases.filter(r => r.testEnabled);
  const helmTestInCi = (ci?.smoke ?? []).find(m => m.tool === 'helm test');
  for (const hook of kubernetes.hooks) {
    if (
      hook.tool === 'argocd' &&
      hook.phases.some(p => /^PostSync$/i.test(p))
    ) {
      evidence.push({
        via: 'argocd-postsync',
        path: hook.path,
        name: hook.name,
        wired: true,
        detail: `${hook.kind} ${
          hook.name ?? ''
        } runs as an Argo CD PostSync hook`.replace('  ', ' '),
      });
    }
    if (
      hook.tool === 'helm' &&
      hook.phases.some(p => /^test(-success)?$/i.test(p))
    ) {
      let detail = 'Helm test hook, but nothing runs `helm test`';
      if (fluxTests.length) {
        detail = `Helm test hook run by Flux (HelmRelease ${
          fluxTests[0].name ?? fluxTests[0].path
        } has spec.test.enable)`;
      } else if (helmTestInCi) {
        detail = `Helm test hook run by \`helm test\` in ${helmTestInCi.file}`;
      }
      evidence.push({
        via: 'helm-test',
        path: hook.path,
        name: hook.name,
        wired: fluxTests.length > 0 || !!helmTestInCi,
        detail,
      });
    }
  }
  for (const match of ci?.smoke ?? []) {
    if (match.tool === 'helm test') continue;
    evidence.push({
      via: 'ci',
      path: match.file,
      name: match.job,
      wired: match.afterDeploy === true,
      detail: match.afterDeploy
        ? `\`${match.step}\` runs after a deploy step`
        : `\`${match.step}\` does not run after a deploy step`,
    });
  }
  return evidence;
}

/** Migration runners from the manifests plus CI steps that call a migration tool. */
export function migrationRunnerEvidence(
  fromManifests: MigrationRunner[],
  ci: CiFacts | undefined,
): MigrationRunner[] {
  return [
    ...fromManifests,
    ...(ci?.migrations ?? []).map(m => ({
      via: 'ci' as const,
      path: m.file,
      name: m.job,
      detail: `\`${m.step}\` in CI job ${m.job}`,
    })),
  ];
}
