/*
 * The side-by-side run against the community Tech Insights backend
 * (bench/tech-insights, installed from the npm registry with npm).
 *
 * Tech Insights gets the same services: its catalog is a copy of the bench's
 * ingested catalog, and a fact retriever serves, for each service, one
 * boolean fact per compared check, taken from the results Readiness computed
 * (so both answer the same questions on the same data). Its JSON rules
 * checker has one check per fact. Measured: "this entity's checks"
 * (Tech Insights `POST /checks/run/:namespace/:kind/:name`, Readiness
 * `GET /entities/:kind/:namespace/:name`), "all entities' results" (Tech
 * Insights `POST /checks/run` for every entity, Readiness `GET /export`
 * with all 101 checks) and the size of each plugin's database.
 */
const fs = require('node:fs');
const path = require('node:path');
const { BenchBackend } = require('./backend');
const { runLoad } = require('./load');
const {
  connect,
  databaseReport,
  dropPgDatabases,
  copyPgDatabase,
} = require('./db');

/** The compared checks: catalog, repository and Kubernetes checks of the default scorecard. */
const CHECKS = [
  'own-owner-group',
  'own-description',
  'own-readme',
  'own-techdocs',
  'mon-metrics-scraped',
  'mon-alert-rules',
  'oncall-runbook-present',
  'k8s-min-replicas',
  'k8s-readiness-probe',
  'k8s-resource-requests',
  'k8s-image-tag-pinned',
  'res-pdb',
  'res-autoscaling',
  'cicd-pipeline',
  'test-automated-tests',
  'sec-run-as-non-root',
];

const TI_DIR = path.resolve(__dirname, '..', 'tech-insights');

async function writeFacts({ db, workDir, prefix, file }) {
  const k = connect(db, { workDir, prefix }, 'readiness');
  try {
    const rows = await k('readiness_results')
      .select('entity_ref', 'check_id', 'status')
      .whereIn('check_id', CHECKS);
    const byEntity = new Map();
    for (const row of rows) {
      const values = byEntity.get(row.entity_ref) ?? {};
      values[row.check_id] = row.status === 'pass';
      byEntity.set(row.entity_ref, values);
    }
    const facts = [...byEntity].map(([ref, values]) => {
      const [kind, rest] = ref.split(':');
      const [namespace, name] = rest.split('/');
      return { entity: { kind, namespace, name }, values };
    });
    fs.writeFileSync(file, JSON.stringify(facts));
    return facts.map(f => f.entity.name);
  } finally {
    await k.destroy();
  }
}

function checksConfig() {
  return Object.fromEntries(
    CHECKS.map(id => [
      id,
      {
        type: 'json-rules-engine',
        name: id,
        description: `Readiness check ${id}`,
        factIds: ['readiness-bench-facts'],
        rule: {
          conditions: { all: [{ fact: id, operator: 'equal', value: true }] },
        },
      },
    ]),
  );
}

async function runTechInsights({
  org,
  db,
  workDir,
  prefix,
  cachePrefix,
  requests,
  readiness,
  readinessBackend,
  log,
}) {
  const tiPrefix = `${prefix.replace(/_$/, '')}ti_`;
  const factsFile = path.join(workDir, 'tech-insights-facts.json');
  // The services still in the catalog and scored (the deletion phase removed some).
  const names = await writeFacts({
    db,
    workDir,
    prefix,
    file: factsFile,
  });
  await dropPgDatabases(tiPrefix);
  await copyPgDatabase(
    `${cachePrefix}catalog_${org.services.length}`,
    `${tiPrefix}catalog`,
  );
  const backend = new BenchBackend({
    name: 'tech-insights',
    entry: path.join(TI_DIR, 'server.js'),
    workDir,
    db: 'pg',
    prefix: tiPrefix,
    config: {
      catalog: readiness.catalogConfig,
      bench: { factsFile, checks: CHECKS },
      techInsights: {
        factRetrievers: {
          'readiness-bench-facts': { cadence: '0 0 1 1 *' },
        },
        factChecker: { checks: checksConfig() },
      },
    },
  });
  await backend.start();
  const out = { checks: CHECKS.length, entitiesWithFacts: names.length };
  // "All entities' results" is asked 3 times (the best counts), once above 2,000 entities.
  const repeats = names.length > 2000 ? 1 : 3;
  try {
    const start = performance.now();
    await backend.runTask('tech-insights', 'readiness-bench-facts');
    out.factRetrievalS = Math.round((performance.now() - start) / 100) / 10;
    log(`  Tech Insights facts retrieved in ${out.factRetrievalS} s`);

    const pick = i => names[(i * 7919) % names.length];
    const post = (url, body) => ({ method: 'POST', url, body });
    out.entity = await runLoad(backend, {
      clients: 1,
      requests: Math.ceil(requests / 4),
      next: i =>
        post(`/api/tech-insights/checks/run/default/component/${pick(i)}`, {
          checks: CHECKS,
        }),
    });
    const all = [];
    for (let i = 0; i < repeats; i++) {
      const t = performance.now();
      const results = await backend.post('/api/tech-insights/checks/run', {
        checks: CHECKS,
        entities: [],
      });
      all.push(performance.now() - t);
      out.allEntities = results.length;
    }
    out.allMs = Math.round(Math.min(...all));
    out.database = await databaseReport(
      'pg',
      { workDir, prefix: tiPrefix },
      'tech-insights',
      '%',
    );
    out.sizeMb = out.database.sizeMb;
  } finally {
    await backend.stop();
  }

  // The same questions to Readiness, on its backend with the same organisation.
  const r = {};
  r.entity = await runLoad(readinessBackend, {
    clients: 1,
    requests: Math.ceil(requests / 4),
    next: i =>
      `/api/readiness/entities/component/default/${
        names[(i * 7919) % names.length]
      }`,
  });
  const all = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    const res = await fetch(
      `${readinessBackend.baseUrl}/api/readiness/export?format=json`,
      {
        headers: { authorization: `Bearer ${readinessBackend.token}` },
      },
    );
    if (!res.ok) throw new Error(`export: ${res.status}`);
    await res.arrayBuffer();
    all.push(performance.now() - t);
  }
  r.allMs = Math.round(Math.min(...all));
  r.sizeMb =
    readiness.history?.readiness?.sizeMb ?? readiness.day1.readiness.sizeMb;
  const ratio = (a, b) => (a && b ? Math.round((a / b) * 10) / 10 : null);
  return {
    techInsights: out,
    readiness: r,
    ratios: {
      entityP95: ratio(out.entity.p95, r.entity.p95),
      all: ratio(out.allMs, r.allMs),
      sizePerCheck: ratio(out.sizeMb / CHECKS.length, r.sizeMb / 101),
    },
  };
}

module.exports = { runTechInsights, CHECKS };
