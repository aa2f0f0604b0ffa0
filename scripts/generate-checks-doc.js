#!/usr/bin/env node
/*
 * Writes docs/checks.md, the reference of every check of the default
 * scorecard, from the YAML files in plugins/readiness-node/scorecards.
 *
 *   node scripts/generate-checks-doc.js           write docs/checks.md
 *   node scripts/generate-checks-doc.js --check   exit 1 if it is out of date
 *
 * Plain Node, no build step: it reads the YAML with the `yaml` package and
 * formats the Markdown with the repository's Prettier config, so that
 * `prettier --check` agrees with the generated file.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const yaml = require('yaml');

const ROOT = path.resolve(__dirname, '..');
const SCORECARD_FILE = path.join(
  ROOT,
  'plugins/readiness-node/scorecards/production-readiness.yaml',
);
const CHECKS_DIRECTORY = path.join(
  ROOT,
  'plugins/readiness-node/scorecards/production-readiness',
);
const OUTPUT = path.join(ROOT, 'docs/checks.md');

/**
 * The default scorecard: the scorecard document plus the check lists of
 * production-readiness/*.yaml in file-name order (as loadDefaultScorecard
 * in @readiness/backstage-plugin-readiness-node assembles it).
 */
function loadScorecard() {
  const document = yaml.parse(fs.readFileSync(SCORECARD_FILE, 'utf8'));
  const scorecard = document.scorecards[0];
  const files = fs
    .readdirSync(CHECKS_DIRECTORY)
    .filter(name => /\.ya?ml$/.test(name))
    .sort();
  scorecard.checks = files.flatMap(name =>
    yaml.parse(fs.readFileSync(path.join(CHECKS_DIRECTORY, name), 'utf8')),
  );
  return scorecard;
}

// --- Rendering conditions as text -------------------------------------------

function code(value) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function isFact(value) {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof value.fact === 'string'
  );
}

function operand(value) {
  return isFact(value) ? code(value.fact) : code(value);
}

function list(values) {
  return values.map(v => code(v)).join(', ');
}

const LEAF_OPERATORS = {
  exists: v => (v ? 'is present' : 'is absent'),
  eq: v =>
    Array.isArray(v) && v.length === 0 ? 'is empty' : `is ${operand(v)}`,
  ne: v => `is not ${operand(v)}`,
  gt: v => `is greater than ${operand(v)}`,
  gte: v => `is at least ${operand(v)}`,
  lt: v => `is less than ${operand(v)}`,
  lte: v => `is at most ${operand(v)}`,
  in: v => `is one of ${list(v)}`,
  notIn: v => `is none of ${list(v)}`,
  matches: (v, leaf) => `matches ${code(`/${v}/${leaf.flags || ''}`)}`,
  minLength: v => (v === 1 ? 'is not empty' : `has a length of at least ${v}`),
  maxLength: v => (v === 0 ? 'is empty' : `has a length of at most ${v}`),
  contains: v => `contains ${operand(v)}`,
};

function renderLeaf(leaf) {
  const parts = Object.keys(LEAF_OPERATORS)
    .filter(op => leaf[op] !== undefined)
    .map(op => LEAF_OPERATORS[op](leaf[op], leaf));
  const trimmed = leaf.trim ? ' (trimmed)' : '';
  return `${code(leaf.fact)}${trimmed} ${parts.join(' and ')}`;
}

function quantifierHead(kind, q) {
  const where = q.where ? ` where ${inline(q.where)}` : '';
  if (kind === 'every') return `every item of ${code(q.in)}${where}:`;
  return `at least one item of ${code(q.in)}${where}:`;
}

const COUNT_WORDS = {
  eq: 'is',
  gt: 'is greater than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
};

function countText(c) {
  const where = c.where ? ` where ${inline(c.where)}` : '';
  const limits = Object.keys(COUNT_WORDS)
    .filter(k => c[k] !== undefined)
    .map(k => `${COUNT_WORDS[k]} ${c[k]}`)
    .join(' and ');
  return `the number of items of ${code(c.in)}${where} ${limits}`;
}

/** A condition on one line, when it is a leaf or a count; else undefined. */
function oneLine(cond) {
  if ('fact' in cond) return renderLeaf(cond);
  if ('count' in cond && !cond.count.where) return countText(cond.count);
  return undefined;
}

/** A condition in a sentence, for `where` filters. */
function inline(cond) {
  const line = oneLine(cond);
  if (line) return line;
  if ('all' in cond) return cond.all.map(inline).join(' and ');
  if ('any' in cond) return `(${cond.any.map(inline).join(' or ')})`;
  if ('not' in cond) return `not (${inline(cond.not)})`;
  if ('count' in cond) return countText(cond.count);
  return `(${renderCondition(cond, 0).join(' ').replace(/\s*- /g, ' ')})`;
}

/** A condition as a nested Markdown list. */
function renderCondition(cond, depth) {
  const pad = '  '.repeat(depth);
  const item = text => `${pad}- ${text}`;
  const nested = (head, children) => [
    item(head),
    ...children.flatMap(c => renderCondition(c, depth + 1)),
  ];
  const line = oneLine(cond);
  if (line) return [item(line)];
  if ('all' in cond) return nested('all of:', cond.all);
  if ('any' in cond) return nested('any of:', cond.any);
  if ('not' in cond) {
    const inner = oneLine(cond.not);
    return inner ? [item(`not: ${inner}`)] : nested('not:', [cond.not]);
  }
  if ('if' in cond) {
    return [
      ...nested('if:', [cond.if]),
      ...nested('then:', [cond.then]),
      ...(cond.else ? nested('else:', [cond.else]) : []),
    ];
  }
  if ('every' in cond)
    return nested(quantifierHead('every', cond.every), [cond.every.check]);
  if ('some' in cond)
    return nested(quantifierHead('some', cond.some), [cond.some.check]);
  if ('count' in cond) return [item(countText(cond.count))];
  throw new Error(`Unknown condition ${JSON.stringify(cond)}`);
}

function renderFilter(filter) {
  const parts = [];
  if (filter.kind) parts.push(`kind ${list(filter.kind)}`);
  if (filter.type) parts.push(`\`spec.type\` ${list(filter.type)}`);
  if (filter.lifecycle)
    parts.push(`\`spec.lifecycle\` ${list(filter.lifecycle)}`);
  if (filter.tier) parts.push(`tier ${list(filter.tier)}`);
  if (filter.tags) parts.push(`one of the tags ${list(filter.tags)}`);
  for (const [key, value] of Object.entries(filter.annotations || {})) {
    if (value === true) parts.push(`annotation ${code(key)} set`);
    else if (value === false) parts.push(`annotation ${code(key)} not set`);
    else parts.push(`annotation ${code(key)} = ${code(value)}`);
  }
  return parts.join('; ');
}

// --- The document ------------------------------------------------------------

const SOURCE_NAMES = {
  catalog: 'catalog',
  kubernetes: 'Kubernetes',
  repository: 'repository',
  attestation: 'attestation',
};

const LEVEL_TEXT = {
  bronze:
    'Safe to run in production. An owning team that can be paged, a discoverable service with at least two healthy replicas, readiness probes, resource requests, pinned images, no root, no inline secrets and TLS; CI that builds, tests and scans it; a rollback plan, backups and authenticated endpoints; basic metrics, a dashboard and an alert.',
  silver:
    'Operable at scale by an on-call rotation. SLOs, golden-signal dashboards, routed alerts, runbooks with real content and a trained rotation; disruption budgets, autoscaling, zone spread, graceful shutdown, restricted security contexts and network policies; code-owner review, smoke tests, GitOps, staging, integration tests, a coverage gate and image scanning; tested restores, load tests and a capacity plan.',
  gold: 'Mature practice. Progressive delivery with automated analysis, digest-pinned and signed images with an SBOM, promotion of the staging artefact, multiple regions, breaking-point and chaos tests, load shedding, end-to-end tracing, a runbook link on every alert, e2e tests, manifest validation, feature flags, a threat model and security review, DR drills, short lead time and regular operational reviews.',
};

function anchor(id) {
  return `#${id}`;
}

/** The anchor GitHub gives a heading. */
function slug(heading) {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

function renderCheck(check) {
  const lines = [`### ${check.id}`, '', `**${check.title.trim()}**`, ''];
  const facts = [
    `- Level: ${check.level}`,
    `- Category: ${check.category}`,
    `- Source: ${SOURCE_NAMES[check.source] || check.source}`,
  ];
  if (check.requires && check.requires.length) {
    facts.push(
      `- Requires: ${check.requires
        .map(id => `[${id}](${anchor(id)})`)
        .join(', ')} (unknown until ${
        check.requires.length === 1 ? 'it passes' : 'they pass'
      })`,
    );
  }
  if (check.attestation) {
    facts.push(
      `- Default expiry: ${check.attestation.expiryDays} days (a record may expire sooner, never later)`,
    );
  }
  if (check.applicability) {
    facts.push(
      `- Applies only to entities with ${renderFilter(check.applicability)}`,
    );
  }
  lines.push(...facts, '');

  lines.push('#### How it is evaluated', '');
  const description = check.description.trim();
  const body = description.startsWith(check.title.trim())
    ? description.slice(check.title.trim().length).trim()
    : description;
  if (body) lines.push(body, '');

  if (check.source === 'attestation') {
    lines.push(
      "A member of the owning team (or someone with the attest permission) records an attestation with an evidence URL on the entity's Readiness tab. The check passes while the latest record is valid and fails when there is none or it has expired.",
      '',
    );
    if (check.notApplicableWhen) {
      lines.push(
        'Not applicable when:',
        '',
        ...renderCondition(check.notApplicableWhen, 0),
        '',
      );
    }
  } else {
    if (check.notApplicableWhen) {
      lines.push(
        'Not applicable when:',
        '',
        ...renderCondition(check.notApplicableWhen, 0),
        '',
      );
    }
    if (check.forEach) {
      const where = check.forEach.where
        ? ` where ${inline(check.forEach.where)}`
        : '';
      lines.push(
        `Evaluated for each object of ${code(check.forEach.in)}${where}; ${
          check.forEach.where ? 'with no such object' : 'with an empty list'
        } the check is not applicable. \`$\` is the object. Rule:`,
        '',
      );
    } else {
      lines.push('Rule:', '');
    }
    lines.push(...renderCondition(check.condition, 0), '');
    if (check.unknownWhenMissing && check.unknownWhenMissing.length) {
      lines.push(
        `Unknown rather than failing when ${check.unknownWhenMissing
          .map(code)
          .join(', ')} ${
          check.unknownWhenMissing.length === 1 ? 'is' : 'are'
        } missing (the collector could not find out).`,
        '',
      );
    }
  }

  if (check.remediation) {
    lines.push('#### How to fix', '', check.remediation.text.trim(), '');
  }
  return lines;
}

function count(checks, key) {
  const counts = {};
  for (const c of checks) counts[c[key]] = (counts[c[key]] || 0) + 1;
  return counts;
}

/** The Markdown of docs/checks.md, before formatting. */
function renderMarkdown(scorecard) {
  const checks = scorecard.checks;
  const byLevel = count(checks, 'level');
  const bySource = count(checks, 'source');
  const categories = [...new Set(checks.map(c => c.category))];
  const lines = [
    '<!-- Generated by scripts/generate-checks-doc.js from plugins/readiness-node/scorecards. Do not edit; run `node scripts/generate-checks-doc.js`. -->',
    '',
    '# Checks of the default scorecard',
    '',
    `The default scorecard \`${scorecard.id}\` ("${scorecard.title}") ships with Readiness for Backstage in \`@readiness/backstage-plugin-readiness-node\` (\`scorecards/\`). It turns four production-readiness checklists into ${checks.length} checks in ${categories.length} categories: ${bySource.kubernetes} read Kubernetes, ${bySource.repository} the source repository, ${bySource.catalog} the Backstage catalog, and ${bySource.attestation} are attestations for what no machine can observe.`,
    '',
    `It applies to entities with ${renderFilter(
      scorecard.appliesTo || {},
    )}. Targets by tier: ${(scorecard.targets || [])
      .map(t => `tier ${t.tier} must reach ${t.level}`)
      .join(
        ', ',
      )}. Adopters can disable checks, move them to another level or narrow where they apply with scorecard overrides, or ship their own copy of the YAML.`,
    '',
    '## Levels',
    '',
    "A level is reached when every check of that level and of all lower levels is `pass`, `exempt` or `not-applicable`; `fail` and `unknown` both block. The entity's level is the highest level reached, or none.",
    '',
    ...scorecard.levels.map(
      level =>
        `- **${level}** (${byLevel[level] || 0} checks): ${
          LEVEL_TEXT[level] || ''
        }`,
    ),
    '',
    'The score, `(pass + exempt) / (all checks - not applicable)`, feeds progress bars and trends; it never changes the level.',
    '',
    '## Statuses',
    '',
    '| status | when |',
    '| --- | --- |',
    '| `pass` | The rule holds on the current facts; for an attestation, a valid and unexpired record exists. |',
    '| `fail` | The rule does not hold; for an attestation, there is no record or the latest one has expired. |',
    '| `not-applicable` | The check does not apply to the entity (e.g. no CronJobs, no Ingress, stateless), or the owner attested "not applicable" with a reason. |',
    '| `unknown` | A needed fact is missing: a cluster or SCM could not be read, a CRD or provider is not installed, the facts are too old, or a prerequisite check did not pass. Unknown is never turned into fail. |',
    '| `exempt` | Someone with the exemption permission waived the check for the entity, with a reason and an expiry. |',
    '',
    '## Reading the rules',
    '',
    '- `entity.…` is the catalog entity; `catalog.…`, `kubernetes.…` and `repository.…` are the facts of the built-in catalog provider and of the Kubernetes and repository modules (their READMEs describe every fact).',
    '- Kubernetes checks read the production clusters of the suite config. A check evaluated per object fails when any object fails, is otherwise unknown when any object is unknown, and passes otherwise; with no object in scope it is not applicable. Inside such a rule, and inside "every item" or "at least one item", `$` is the current object (`$$` the enclosing one).',
    '- Repository checks require `own-source-location` and Kubernetes checks require `k8s-workloads-discoverable`: until those pass, they are unknown.',
    '- A missing fact fails a rule unless the check lists it as "unknown rather than failing".',
    '',
    '## Categories',
    '',
    ...categories.map(category => {
      const n = checks.filter(c => c.category === category).length;
      return `- [${category}](#${slug(category)}) (${n} checks)`;
    }),
    '',
  ];
  for (const category of categories) {
    const inCategory = checks.filter(c => c.category === category);
    lines.push(
      `## ${category}`,
      '',
      '| check | level | source |',
      '| --- | --- | --- |',
    );
    for (const c of inCategory) {
      lines.push(
        `| [${c.id}](${anchor(c.id)}): ${c.title
          .trim()
          .replace(/\|/g, '\\|')} | ${c.level} | ${
          SOURCE_NAMES[c.source] || c.source
        } |`,
      );
    }
    lines.push('');
    for (const c of inCategory) lines.push(...renderCheck(c));
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/**
 * The content of docs/checks.md for the current scorecard files, formatted
 * with the repository's Prettier config when Prettier is installed.
 */
function renderChecksDoc() {
  const markdown = renderMarkdown(loadScorecard());
  let prettier;
  try {
    prettier = require('prettier');
  } catch {
    return markdown;
  }
  const options = prettier.resolveConfig.sync(OUTPUT) || {};
  return prettier.format(markdown, { ...options, filepath: OUTPUT });
}

function main(argv) {
  const content = renderChecksDoc();
  const relative = path.relative(process.cwd(), OUTPUT) || OUTPUT;
  if (argv.includes('--check')) {
    const current = fs.existsSync(OUTPUT)
      ? fs.readFileSync(OUTPUT, 'utf8')
      : '';
    if (current !== content) {
      process.stderr.write(
        `${relative} is out of date; run: node scripts/generate-checks-doc.js\n`,
      );
      return 1;
    }
    process.stdout.write(`${relative} is up to date\n`);
    return 0;
  }
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, content);
  process.stdout.write(`wrote ${relative}\n`);
  return 0;
}

module.exports = { loadScorecard, renderChecksDoc, renderMarkdown };

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
