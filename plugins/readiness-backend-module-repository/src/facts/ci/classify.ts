import type { CiCategory } from '../types';
import type { CiStep } from './model';

/** A step that matched a category. */
export interface Classified {
  category: CiCategory;
  tool: string;
  /** The matching command line, or the action with its inputs. */
  text: string;
  failsOn?: string[];
}

interface RunRule {
  category: CiCategory;
  tool: string;
  pattern: RegExp;
  failsOn?: (line: string) => string[];
}

interface UsesRule {
  category: CiCategory;
  tool: string;
  pattern: RegExp;
  /** Extra condition on the inputs. */
  when?: (inputs: Record<string, string>) => boolean;
  failsOn?: (inputs: Record<string, string>) => string[];
}

const SEVERITIES = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'NEGLIGIBLE',
  'UNKNOWN',
];

/** Severities at or above a threshold, e.g. `high` gives CRITICAL and HIGH. */
function atOrAbove(threshold: string | undefined): string[] {
  const index = SEVERITIES.indexOf((threshold ?? '').toUpperCase());
  return index < 0 ? [] : SEVERITIES.slice(0, index + 1);
}

function listed(value: string | undefined): string[] {
  if (!value) return SEVERITIES.slice(0, 4);
  return value
    .toUpperCase()
    .split(/[,\s]+/)
    .filter(s => SEVERITIES.includes(s));
}

function option(line: string, names: string): string | undefined {
  return new RegExp(`(?:^|\\s)(?:${names})(?:=|\\s+)["']?([^\\s"']+)`).exec(
    line,
  )?.[1];
}

const TRIVY_TARGET_NOT_IMAGE =
  /\btrivy\b.*\b(fs|filesystem|repo|repository|config|conf|sbom|k8s|kubernetes|vm)\b/;

function trivyFailsOn(line: string): string[] {
  const exit = option(line, '--exit-code');
  if (!exit || exit === '0') return [];
  return listed(option(line, '--severity|-s'));
}

const RUN_RULES: RunRule[] = [
  // tests
  {
    category: 'tests',
    tool: 'npm test',
    pattern: /\b(npm|pnpm|bun)\s+(run\s+)?test\b/,
  },
  { category: 'tests', tool: 'yarn test', pattern: /\byarn\s+(run\s+)?test\b/ },
  { category: 'tests', tool: 'jest', pattern: /\bjest\b/ },
  { category: 'tests', tool: 'vitest', pattern: /\bvitest\b/ },
  { category: 'tests', tool: 'pytest', pattern: /\bpytest\b/ },
  { category: 'tests', tool: 'go test', pattern: /\bgo\s+test\b/ },
  {
    category: 'tests',
    tool: 'mvn',
    pattern: /(^|[\s/])mvnw?\b.*\b(test|verify|install)\b/,
  },
  {
    category: 'tests',
    tool: 'gradle',
    pattern: /(^|[\s/])gradlew?\b.*\b(test|check|build|integrationTest)\b/,
  },
  {
    category: 'tests',
    tool: 'cargo test',
    pattern: /\bcargo\s+(test|nextest)\b/,
  },
  {
    category: 'tests',
    tool: 'make test',
    pattern: /\bmake\b[^|;&]*\btest[\w-]*\b/,
  },
  { category: 'tests', tool: 'dotnet test', pattern: /\bdotnet\s+test\b/ },
  { category: 'tests', tool: 'rspec', pattern: /\brspec\b/ },
  { category: 'tests', tool: 'tox', pattern: /\b(tox|nox)\b/ },
  { category: 'tests', tool: 'phpunit', pattern: /\bphpunit\b/ },
  // end-to-end tests
  {
    category: 'e2eTests',
    tool: 'playwright',
    pattern: /\bplaywright\s+test\b/,
  },
  { category: 'e2eTests', tool: 'cypress', pattern: /\bcypress\s+run\b/ },
  {
    category: 'e2eTests',
    tool: 'e2e script',
    pattern: /\b(npm|yarn|pnpm|bun|make)\s+(run\s+)?(test:)?e2e\b/,
  },
  {
    category: 'e2eTests',
    tool: 'testcafe',
    pattern: /\b(testcafe|nightwatch|wdio)\b/,
  },
  // lint and static analysis
  { category: 'lint', tool: 'eslint', pattern: /\beslint\b/ },
  {
    category: 'lint',
    tool: 'lint script',
    pattern: /\b(npm|yarn|pnpm|bun|make)\s+(run\s+)?lint\b/,
  },
  { category: 'lint', tool: 'golangci-lint', pattern: /\bgolangci-lint\b/ },
  { category: 'lint', tool: 'ruff', pattern: /\bruff\b/ },
  { category: 'lint', tool: 'flake8', pattern: /\bflake8\b/ },
  { category: 'lint', tool: 'pylint', pattern: /\bpylint\b/ },
  { category: 'lint', tool: 'checkstyle', pattern: /\bcheckstyle\b/ },
  { category: 'lint', tool: 'detekt', pattern: /\bdetekt\b/ },
  { category: 'lint', tool: 'biome', pattern: /\bbiome\s+(check|lint|ci)\b/ },
  {
    category: 'lint',
    tool: 'sonar',
    pattern: /\bsonar-scanner\b|sonar:sonar|\bsonarqube\b/i,
  },
  { category: 'lint', tool: 'semgrep', pattern: /\bsemgrep\b/ },
  { category: 'lint', tool: 'rubocop', pattern: /\brubocop\b/ },
  { category: 'lint', tool: 'hadolint', pattern: /\bhadolint\b/ },
  {
    category: 'lint',
    tool: 'staticcheck',
    pattern: /\b(staticcheck|go\s+vet|spotbugs|mypy)\b/,
  },
  // dependency scanning
  {
    category: 'dependencyScan',
    tool: 'npm audit',
    pattern: /\b(npm|pnpm)\s+audit\b/,
  },
  {
    category: 'dependencyScan',
    tool: 'yarn npm audit',
    pattern: /\byarn\s+(npm\s+)?audit\b/,
  },
  { category: 'dependencyScan', tool: 'pip-audit', pattern: /\bpip-audit\b/ },
  {
    category: 'dependencyScan',
    tool: 'safety',
    pattern: /\bsafety\s+(check|scan)\b/,
  },
  {
    category: 'dependencyScan',
    tool: 'govulncheck',
    pattern: /\bgovulncheck\b/,
  },
  {
    category: 'dependencyScan',
    tool: 'osv-scanner',
    pattern: /\bosv-scanner\b/,
  },
  {
    category: 'dependencyScan',
    tool: 'trivy fs',
    pattern: /\btrivy\b.*\b(fs|filesystem|repo|repository)\b/,
  },
  { category: 'dependencyScan', tool: 'grype', pattern: /\bgrype\b/ },
  { category: 'dependencyScan', tool: 'snyk test', pattern: /\bsnyk\s+test\b/ },
  {
    category: 'dependencyScan',
    tool: 'dependency-check',
    pattern: /dependency-check/,
  },
  {
    category: 'dependencyScan',
    tool: 'bundle audit',
    pattern: /\bbundle[\s-]audit\b|\bcargo\s+(audit|deny)\b/,
  },
  // image scanning (failsOn: severities that fail the build)
  {
    category: 'imageScan',
    tool: 'trivy image',
    pattern: /\btrivy\b.*\b(image|i)\b/,
    failsOn: trivyFailsOn,
  },
  {
    category: 'imageScan',
    tool: 'grype',
    pattern: /\bgrype\b(?!.*\bdir:)/,
    failsOn: line => atOrAbove(option(line, '--fail-on|-f')),
  },
  {
    category: 'imageScan',
    tool: 'snyk container test',
    pattern: /\bsnyk\s+container\s+test\b/,
    failsOn: line => {
      const threshold = option(line, '--severity-threshold');
      return threshold ? atOrAbove(threshold) : SEVERITIES.slice(0, 4);
    },
  },
  {
    category: 'imageScan',
    tool: 'docker scout cves',
    pattern: /\bdocker\s+scout\s+cves\b/,
    failsOn: line =>
      /(^|\s)(--exit-code|-e)\b/.test(line)
        ? listed(option(line, '--only-severity'))
        : [],
  },
  // SBOM
  { category: 'sbom', tool: 'syft', pattern: /\bsyft\b/ },
  { category: 'sbom', tool: 'cyclonedx', pattern: /cyclonedx/i },
  {
    category: 'sbom',
    tool: 'docker buildx --sbom',
    pattern: /\bdocker\s+buildx\s+build\b.*--sbom(=true)?\b(?!=false)/,
  },
  {
    category: 'sbom',
    tool: 'trivy sbom',
    pattern: /\btrivy\b.*--format[=\s]+(cyclonedx|spdx)/,
  },
  // signing and provenance
  {
    category: 'signing',
    tool: 'cosign',
    pattern: /\bcosign\s+(sign|attest)\b/,
  },
  {
    category: 'signing',
    tool: 'provenance mode=max',
    pattern: /--provenance[=\s]+["']?mode=max/,
  },
  { category: 'signing', tool: 'notation', pattern: /\bnotation\s+sign\b/ },
  // image build
  {
    category: 'imageBuild',
    tool: 'docker build',
    pattern: /\bdocker\s+(buildx\s+|image\s+)?build\b/,
  },
  {
    category: 'imageBuild',
    tool: 'buildah',
    pattern: /\bbuildah\s+(bud|build)\b/,
  },
  {
    category: 'imageBuild',
    tool: 'podman build',
    pattern: /\b(podman|nerdctl)\s+build\b/,
  },
  {
    category: 'imageBuild',
    tool: 'kaniko',
    pattern: /\/kaniko\/executor\b|\bexecutor\s+--context\b/,
  },
  {
    category: 'imageBuild',
    tool: 'jib',
    pattern: /\bjib(:build|:dockerBuild|\b)/,
  },
  {
    category: 'imageBuild',
    tool: 'ko build',
    pattern: /\bko\s+(build|publish|resolve|apply)\b/,
  },
  { category: 'imageBuild', tool: 'pack build', pattern: /\bpack\s+build\b/ },
  // Kubernetes manifest validation
  {
    category: 'manifestValidation',
    tool: 'kubeconform',
    pattern: /\bkubeconform\b/,
  },
  { category: 'manifestValidation', tool: 'kubeval', pattern: /\bkubeval\b/ },
  {
    category: 'manifestValidation',
    tool: 'kubectl --dry-run',
    pattern: /\bkubectl\b.*--dry-run/,
  },
  {
    category: 'manifestValidation',
    tool: 'helm lint',
    pattern: /\bhelm\s+lint\b/,
  },
  { category: 'manifestValidation', tool: 'conftest', pattern: /\bconftest\b/ },
  {
    category: 'manifestValidation',
    tool: 'kyverno',
    pattern: /\bkyverno\s+(apply|test)\b/,
  },
  {
    category: 'manifestValidation',
    tool: 'kube-linter',
    pattern: /\bkube-linter\b/,
  },
  { category: 'manifestValidation', tool: 'polaris', pattern: /\bpolaris\b/ },
  { category: 'manifestValidation', tool: 'checkov', pattern: /\bcheckov\b/ },
  {
    category: 'manifestValidation',
    tool: 'trivy config',
    pattern: /\btrivy\b.*\b(config|conf)\b/,
  },
  { category: 'manifestValidation', tool: 'datree', pattern: /\bdatree\b/ },
  // smoke tests and deployment
  { category: 'smoke', tool: 'smoke', pattern: /smoke/i },
  { category: 'smoke', tool: 'helm test', pattern: /\bhelm\s+test\b/ },
  {
    category: 'deploy',
    tool: 'helm',
    pattern: /\bhelm\s+(upgrade|install)\b|\bhelmfile\s+(apply|sync)\b/,
  },
  {
    category: 'deploy',
    tool: 'kubectl',
    pattern:
      /\bkubectl\s+(apply|rollout|set\s+image|replace|create)\b(?!.*--dry-run)/,
  },
  { category: 'deploy', tool: 'kustomize', pattern: /\bkustomize\s+build\b/ },
  {
    category: 'deploy',
    tool: 'argocd app sync',
    pattern: /\bargocd\s+app\s+sync\b/,
  },
  {
    category: 'deploy',
    tool: 'flux reconcile',
    pattern: /\bflux\s+reconcile\b|\bskaffold\s+(run|deploy)\b/,
  },
  // schema migrations
  {
    category: 'migrations',
    tool: 'migration tool',
    pattern:
      /\bflyway\b.*\bmigrate\b|\bliquibase\b.*\bupdate\b|\balembic\s+upgrade\b|\bprisma\s+migrate\s+deploy\b|\b(rails|rake)\s+db:migrate\b|\bknex\s+migrate|\bmigrate\b.*\s-(path|source)\b|\bgoose\b.*\bup\b|manage\.py\s+migrate\b|\bsequelize(-cli)?\s+db:migrate\b|migration:run\b|\bdbmate\s+(up|migrate)\b|\b(npm|yarn|pnpm)\s+(run\s+)?(db:)?migrat|\batlas\s+migrate\s+apply\b/,
  },
];

function trivyActionKind(inputs: Record<string, string>): string {
  return (inputs['scan-type'] ?? 'image').toLowerCase();
}

const USES_RULES: UsesRule[] = [
  {
    category: 'e2eTests',
    tool: 'cypress-io/github-action',
    pattern: /^cypress-io\/github-action/,
  },
  {
    category: 'lint',
    tool: 'golangci-lint-action',
    pattern: /^golangci\/golangci-lint-action/,
  },
  { category: 'lint', tool: 'codeql', pattern: /^github\/codeql-action/ },
  {
    category: 'lint',
    tool: 'sonar',
    pattern: /^sonarsource\/|^jenkins:withsonarqubeenv/,
  },
  { category: 'lint', tool: 'semgrep', pattern: /semgrep/ },
  {
    category: 'lint',
    tool: 'super-linter',
    pattern:
      /super-linter|^reviewdog\/|^hadolint\/hadolint-action|^jenkins:recordissues/,
  },
  {
    category: 'lint',
    tool: 'gitlab SAST',
    pattern: /^gitlab-template:(sast|code-quality)/,
  },
  {
    category: 'dependencyScan',
    tool: 'dependency-review-action',
    pattern: /^actions\/dependency-review-action/,
  },
  {
    category: 'dependencyScan',
    tool: 'snyk',
    pattern: /^snyk\/actions\/(?!docker|iac)|^snyk\/scan|^jenkins:snyksecurity/,
  },
  { category: 'dependencyScan', tool: 'osv-scanner', pattern: /osv-scanner/ },
  {
    category: 'dependencyScan',
    tool: 'dependency-check',
    pattern: /dependency-check|^jenkins:dependencycheck/,
  },
  {
    category: 'dependencyScan',
    tool: 'pip-audit',
    pattern: /gh-action-pip-audit|govulncheck-action/,
  },
  {
    category: 'dependencyScan',
    tool: 'gitlab dependency scanning',
    pattern: /^gitlab-template:dependency-scanning/,
  },
  {
    category: 'dependencyScan',
    tool: 'trivy-action (fs)',
    pattern: /^aquasecurity\/trivy-action/,
    when: i =>
      ['fs', 'filesystem', 'repo', 'repository'].includes(trivyActionKind(i)),
  },
  {
    category: 'dependencyScan',
    tool: 'anchore/scan-action (path)',
    pattern: /^anchore\/scan-action/,
    when: i => !!i.path && !i.image,
  },
  {
    category: 'imageScan',
    tool: 'aquasecurity/trivy-action',
    pattern: /^aquasecurity\/trivy-action/,
    when: i => trivyActionKind(i) === 'image',
    failsOn: i =>
      i['exit-code'] && i['exit-code'] !== '0' ? listed(i.severity) : [],
  },
  {
    category: 'imageScan',
    tool: 'anchore/scan-action',
    pattern: /^anchore\/scan-action/,
    when: i => !i.path || !!i.image,
    failsOn: i =>
      i['fail-build'] === 'false'
        ? []
        : atOrAbove(i['severity-cutoff'] ?? 'medium'),
  },
  {
    category: 'imageScan',
    tool: 'snyk/actions/docker',
    pattern: /^snyk\/actions\/docker/,
    failsOn: i => {
      const threshold = option(i.args ?? '', '--severity-threshold');
      return threshold ? atOrAbove(threshold) : SEVERITIES.slice(0, 4);
    },
  },
  {
    category: 'imageScan',
    tool: 'docker/scout-action',
    pattern: /^docker\/scout-action/,
    when: i => /cves/.test(i.command ?? ''),
    failsOn: i =>
      i['exit-code'] === 'true' ? listed(i['only-severities']) : [],
  },
  {
    category: 'imageScan',
    tool: 'gitlab container scanning',
    pattern: /^gitlab-template:container-scanning/,
    failsOn: () => [],
  },
  {
    category: 'sbom',
    tool: 'anchore/sbom-action',
    pattern: /^anchore\/sbom-action/,
  },
  { category: 'sbom', tool: 'cyclonedx', pattern: /cyclonedx/ },
  {
    category: 'sbom',
    tool: 'docker/build-push-action sbom',
    pattern: /^docker\/build-push-action/,
    when: i =>
      /^(true|1)$/i.test(i.sbom ?? '') || /generator=/.test(i.sbom ?? ''),
  },
  {
    category: 'signing',
    tool: 'attest-build-provenance',
    pattern: /^actions\/attest(-build-provenance)?$/,
  },
  {
    category: 'signing',
    tool: 'slsa-github-generator',
    pattern: /^slsa-framework\/slsa-github-generator/,
  },
  {
    category: 'signing',
    tool: 'docker/build-push-action provenance',
    pattern: /^docker\/build-push-action/,
    when: i => /mode=max/.test(i.provenance ?? ''),
  },
  {
    category: 'imageBuild',
    tool: 'docker/build-push-action',
    pattern: /^docker\/build-push-action/,
  },
  {
    category: 'imageBuild',
    tool: 'buildah-build',
    pattern: /^redhat-actions\/buildah-build|^tekton-task:(buildah|kaniko|s2i)/,
  },
  {
    category: 'imageBuild',
    tool: 'kaniko',
    pattern: /kaniko-project\/executor/,
  },
  {
    category: 'imageBuild',
    tool: 'Docker task',
    pattern: /^task:docker@/,
    when: i => /build/i.test(i.command ?? 'buildAndPush'),
  },
  {
    category: 'imageBuild',
    tool: 'docker orb',
    pattern: /^docker\/(build|publish)/,
  },
  {
    category: 'manifestValidation',
    tool: 'kube-linter-action',
    pattern: /kube-linter/,
  },
  {
    category: 'manifestValidation',
    tool: 'checkov-action',
    pattern: /checkov/,
  },
  {
    category: 'manifestValidation',
    tool: 'kubeval-action',
    pattern: /kubeval|kubeconform|polaris/,
  },
  {
    category: 'manifestValidation',
    tool: 'trivy-action (config)',
    pattern: /^aquasecurity\/trivy-action/,
    when: i => ['config', 'conf'].includes(trivyActionKind(i)),
  },
  {
    category: 'deploy',
    tool: 'k8s-deploy',
    pattern:
      /^azure\/k8s-deploy|^task:(kubernetesmanifest|helmdeploy|kubernetes)@|helm-deploy|argocd/,
  },
];

/** Joins shell continuation lines and splits a script into commands. */
function commandLines(script: string): string[] {
  return script
    .replace(/\\\r?\n\s*/g, ' ')
    .split(/\r?\n|&&|;(?=\s)/)
    .map(l => l.trim())
    .filter(l => l && !l.startsWith('#'));
}

/** Installing a tool is not running it. */
const INSTALL =
  /^(sudo\s+)?(pip3?|pipx|npm|yarn|pnpm|apt(-get)?|apk|brew|go|curl|wget|choco)\s+(install|add|get|i|-[sSfL]+)\b/;

function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/** Every category a step belongs to, with the tool and the text that matched. */
export function classifyStep(step: CiStep): Classified[] {
  const found: Classified[] = [];
  const add = (c: Classified) => {
    if (!found.some(f => f.category === c.category && f.text === c.text))
      found.push(c);
  };
  for (const line of commandLines(step.run ?? '')) {
    if (INSTALL.test(line)) continue;
    const matched = RUN_RULES.filter(rule => {
      if (!rule.pattern.test(line)) return false;
      if (rule.tool === 'trivy image' && TRIVY_TARGET_NOT_IMAGE.test(line))
        return false;
      return true;
    });
    for (const rule of matched) {
      add({
        category: rule.category,
        tool: rule.tool,
        text: shorten(line),
        failsOn: rule.failsOn?.(line),
      });
    }
    if (
      matched.some(r => r.category === 'tests') &&
      /integration|\bIT\b|failsafe/i.test(line)
    ) {
      add({
        category: 'integrationTests',
        tool: 'integration tests',
        text: shorten(line),
      });
    }
    if (
      matched.some(r => r.category === 'tests') &&
      /\be2e\b|end-to-end/i.test(line)
    ) {
      add({ category: 'e2eTests', tool: 'e2e tests', text: shorten(line) });
    }
  }
  if (step.name && /smoke/i.test(step.name) && step.run) {
    add({ category: 'smoke', tool: 'smoke', text: shorten(step.name) });
  }
  if (step.uses) {
    const uses = step.uses.toLowerCase().replace(/@.*$/, '');
    const inputs = step.with ?? {};
    const shown = shorten(
      `uses: ${step.uses}${
        Object.keys(inputs).length
          ? ` (${Object.entries(inputs)
              .map(([k, v]) => `${k}: ${v}`)
              .join(', ')})`
          : ''
      }`,
    );
    for (const rule of USES_RULES) {
      if (!rule.pattern.test(uses)) continue;
      if (rule.when && !rule.when(inputs)) continue;
      add({
        category: rule.category,
        tool: rule.tool,
        text: shown,
        failsOn: rule.failsOn?.(inputs),
      });
    }
  }
  return found;
}
