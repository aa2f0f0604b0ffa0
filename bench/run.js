/*
 * The scale benchmark of the Readiness backend. Run it with bench/run.sh;
 * see bench/README.md for the options and what each number means.
 */
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { parseArgs } = require('node:util');
const {
  generateOrg,
  changeServices,
  writeRepositories,
  writeCatalog,
} = require('./lib/org');
const { startClusters } = require('./lib/clusters');
const { BenchBackend, sleep, REPO_ROOT } = require('./lib/backend');
const { runLoad } = require('./lib/load');
const {
  dropPgDatabases,
  pgDatabaseExists,
  copyPgDatabase,
  databaseReport,
  makeAllDue,
  rowsOf,
  scoreDefinitions,
  pgStatistics,
  pgVacuum,
  historyDays,
} = require('./lib/db');
const { runTechInsights } = require('./lib/techInsights');
const { printTables } = require('./lib/report');

const { values: args } = parseArgs({
  options: {
    entities: { type: 'string', default: '1000,10000' },
    db: { type: 'string', default: 'pg,sqlite' },
    days: { type: 'string', default: '30' },
    'tech-insights': { type: 'string', default: 'pg' },
    requests: { type: 'string', default: '400' },
    out: { type: 'string' },
    'pg-prefix': { type: 'string', default: 'readiness_bench' },
    // `off` runs without the Kubernetes module (its checks are then unknown).
    kubernetes: { type: 'string', default: 'on' },
    // Keep the store of the previous run: only the reads and the Tech
    // Insights comparison run.
    'reuse-store': { type: 'boolean', default: false },
    skip: { type: 'string', default: '' },
  },
});

// PostgreSQL databases of the bench: <prefix>_<plugin> for a run, and
// <prefix>cache_catalog_<n> for the ingested catalogs.
const PREFIX = `${args['pg-prefix']}_`;
const CACHE_PREFIX = `${args['pg-prefix']}cache_`;

const SKIP = new Set(
  args['reuse-store']
    ? ['deletion', 'steady', 'rescore', 'days']
    : args.skip.split(',').filter(Boolean),
);
const SCORECARD_CHANGE = { 'res-pdb': { level: 'gold' } };

const WORK = path.join(__dirname, '.work', args['pg-prefix']);
const log = (...m) =>
  console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...m);
const secs = ms => Math.round(ms / 100) / 10;

function readinessConfig(clusters, reposRoot, catalogFile, extra = {}) {
  return {
    catalog: {
      rules: [
        {
          allow: [
            'Component',
            'System',
            'Domain',
            'API',
            'Group',
            'User',
            'Resource',
            'Location',
          ],
        },
      ],
      locations: [{ type: 'file', target: catalogFile }],
      orphanStrategy: 'delete',
    },
    readiness: {
      refresh: {
        schedule: {
          // Runs only when the harness triggers it (next due on 1 January).
          frequency: { cron: '0 0 1 1 *' },
          timeout: { hours: 2 },
        },
      },
      kubernetes: {
        clusters: args.kubernetes === 'off' ? [] : clusters.config,
      },
      repository: {
        allowedLocalRoots: [reposRoot],
        mirrors: [
          { from: 'https://github.com/bench-org/', to: `file:${reposRoot}/` },
        ],
        cacheSize: 100000,
      },
      ...extra,
    },
  };
}

async function waitForCatalog(backend, expected) {
  const start = performance.now();
  let last = -1;
  for (;;) {
    const { totalItems } = await backend.get(
      '/api/catalog/entities/by-query?limit=1&fields=metadata.name&filter=kind=component',
    );
    if (totalItems === expected) return secs(performance.now() - start);
    if (totalItems !== last) {
      last = totalItems;
      log(`  catalog: ${totalItems}/${expected} components`);
    }
    await sleep(2000);
  }
}

async function timed(backend, clusters, fn) {
  await backend.resetEventLoop();
  const calls = clusters.listCalls();
  const start = performance.now();
  const runMs = [await fn()].flat();
  const wallS = secs(performance.now() - start);
  const m = await backend.metrics();
  return {
    wallS,
    // The tasks' own run time, without the scheduler's start latency.
    runS: runMs.every(ms => typeof ms === 'number')
      ? secs(runMs.reduce((a, b) => a + b, 0))
      : wallS,
    kubernetesListCalls: clusters.listCalls() - calls,
    eventLoopDelayP99Ms: m.eventLoopDelayMs.p99,
    eventLoopDelayMaxMs: m.eventLoopDelayMs.max,
    rssMb: m.rssMb,
  };
}

async function reads(backend, org, requests) {
  const names = org.services.map(s => s.name);
  const pick = i => names[(i * 7919) % names.length];
  const out = {};
  for (const groupBy of ['owner', 'tier']) {
    for (const clients of [1, 20]) {
      await backend.resetEventLoop();
      const r = await runLoad(backend, {
        clients,
        requests: clients === 1 ? Math.ceil(requests / 4) : requests,
        next: i =>
          `/api/readiness/overview?groupBy=${groupBy}&offset=${
            groupBy === 'owner' ? (i % 5) * 50 : 0
          }`,
      });
      r.eventLoopDelayP99Ms = (await backend.metrics()).eventLoopDelayMs.p99;
      out[`overview_${groupBy}_c${clients}`] = r;
    }
  }
  for (const clients of [1, 20]) {
    out[`entity_c${clients}`] = await runLoad(backend, {
      clients,
      requests: clients === 1 ? Math.ceil(requests / 4) : requests,
      next: i => `/api/readiness/entities/component/default/${pick(i)}`,
    });
  }
  const checks = [
    'res-pdb',
    'k8s-min-replicas',
    'own-readme',
    'sec-dependency-scanning',
  ];
  out.drilldown_c1 = await runLoad(backend, {
    clients: 1,
    requests: Math.ceil(requests / 4),
    next: i =>
      `/api/readiness/checks/${
        checks[i % checks.length]
      }/results?status=fail&offset=${(i % 4) * 50}`,
  });
  return out;
}

/**
 * The Readiness store at the end of a day: size, rows per table, and the days
 * its history covers. On PostgreSQL the tables are vacuumed first, as
 * autovacuum would have done during the day.
 */
async function storeReport(db, store) {
  return {
    ...(db === 'pg' ? { serverAutovacuum: await pgVacuum(store) } : {}),
    readiness: await databaseReport(db, store, 'readiness', 'readiness_%'),
    historyDays: await historyDays(db, store),
  };
}

/**
 * History holds one row per scored entity, scorecard and simulated day, and
 * results one row per entity and check whatever the number of days.
 */
function historyCheck(day1, last, days) {
  const rows = r => r.readiness.rows;
  const scores = rows(last).readiness_entity_scores;
  const expectedHistoryRows = scores * days;
  const historyRows = rows(last).readiness_history;
  const resultsGrowth =
    rows(last).readiness_results - rows(day1).readiness_results;
  return {
    scores,
    expectedHistoryRows,
    historyRows,
    historyDays: last.historyDays,
    resultsGrowth,
    ok:
      historyRows === expectedHistoryRows &&
      last.historyDays === days &&
      resultsGrowth === 0,
  };
}

/** The organisation of `n` services with its catalog file and repository trees under .work/org-<n>. */
function prepareOrg(n) {
  const dir = path.join(WORK, `org-${n}`);
  const org = generateOrg({ count: n });
  const reposRoot = path.join(dir, 'repos');
  const catalogFile = path.join(dir, 'catalog', 'org.yaml');
  const marker = path.join(dir, 'repos.done');
  let repositoryFiles;
  if (fs.existsSync(marker)) {
    repositoryFiles = Number(fs.readFileSync(marker, 'utf8'));
  } else {
    repositoryFiles = writeRepositories(org, reposRoot);
    fs.writeFileSync(marker, String(repositoryFiles));
  }
  const catalogEntities = writeCatalog(org, catalogFile);
  return { org, reposRoot, catalogFile, catalogEntities, repositoryFiles };
}

function startBackend({ db, workDir, clusters, prepared, extra }) {
  return new BenchBackend({
    name: 'readiness',
    entry: path.join(__dirname, 'server', 'index.js'),
    preload: [
      path.join(__dirname, 'server', 'clock.js'),
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
    ],
    workDir,
    db,
    prefix: PREFIX,
    kubernetes: args.kubernetes,
    config: readinessConfig(
      clusters,
      prepared.reposRoot,
      prepared.catalogFile,
      extra,
    ),
  }).start();
}

/**
 * The catalog is ingested once per organisation size and kept as a
 * PostgreSQL template database (catalog ingestion is not what is measured,
 * and takes minutes at 10k); every run starts from a copy of it.
 */
async function ensureCatalog(n, prepared, clusters) {
  const cache = `${CACHE_PREFIX}catalog_${n}`;
  if (await pgDatabaseExists(cache)) return { cached: true };
  const workDir = path.join(WORK, `catalog-${n}`);
  // An interrupted ingestion resumes on the catalog database it left.
  const marker = path.join(workDir, 'ingesting');
  if (!fs.existsSync(marker)) {
    await dropPgDatabases(PREFIX);
    fs.mkdirSync(workDir, { recursive: true });
    fs.writeFileSync(marker, '');
  }
  log(
    `  ingesting the catalog of ${prepared.catalogEntities} entities (kept for later runs)`,
  );
  const backend = await startBackend({ db: 'pg', workDir, clusters, prepared });
  let ingestS;
  try {
    ingestS = await waitForCatalog(backend, n);
  } finally {
    await backend.stop();
  }
  await copyPgDatabase(`${PREFIX}catalog`, cache);
  fs.rmSync(marker);
  return { cached: false, ingestS };
}

async function runOne({ n, db, days: daysToSimulate, requests, techInsights }) {
  let comparison;
  const workDir = path.join(WORK, `${db}-${n}`);
  if (!args['reuse-store']) {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  fs.mkdirSync(workDir, { recursive: true });
  const result = { entities: n, db, phases: {} };
  log(`== ${n} services, Readiness store on ${db}`);
  const prepared = prepareOrg(n);
  const { org, catalogFile, catalogEntities } = prepared;
  result.catalogEntities = catalogEntities;
  result.repositoryFiles = prepared.repositoryFiles;
  const clusters = await startClusters(org);
  result.kubernetesObjects = [...org.objects.values()].reduce(
    (s, o) => s + o.length,
    0,
  );
  result.catalog = await ensureCatalog(n, prepared, clusters);
  if (!args['reuse-store']) {
    await dropPgDatabases(PREFIX);
    await copyPgDatabase(`${CACHE_PREFIX}catalog_${n}`, `${PREFIX}catalog`);
  }

  const start = extra =>
    startBackend({ db, workDir, clusters, prepared, extra });

  let backend = await start();
  try {
    if (!args['reuse-store']) await waitForCatalog(backend, n);
    if (db === 'pg')
      result.statisticsAtStart = await pgStatistics(
        { workDir, prefix: PREFIX },
        'off',
      );

    if (!args['reuse-store']) {
      // 1. Full refresh: queue sync and every entity collected and evaluated.
      result.phases.fullRefresh = await timed(backend, clusters, async () => [
        await backend.runTask('readiness', 'readiness-sync-queue'),
        await backend.runTask('readiness', 'readiness-refresh'),
      ]);
      const scored = await backend.get('/api/readiness/entities?limit=1');
      result.phases.fullRefresh.scoredEntities = scored.total;
      log('  full refresh', result.phases.fullRefresh);
      progress(result);

      // 2. Reads, first on tables never analysed (fresh install), then analysed.
      if (db === 'pg') {
        result.readsFresh = await reads(backend, org, requests);
        result.statistics = await pgStatistics(
          { workDir, prefix: PREFIX },
          'analyze',
        );
      }
      result.reads = await reads(backend, org, requests);
      log('  reads done');
      progress(result);
    }

    // With --reuse-store: the reads again, on the store as the last run left it.
    if (args['reuse-store']) {
      result.reads = await reads(backend, org, requests);
      log('  reads done');
      progress(result);
    }

    // 3. Deleting 1% of the services from the catalog leaves no rows behind.
    const removed = [];
    if (!SKIP.has('deletion')) {
      removed.push(
        ...org.services.filter((_, i) => i % 100 === 50).map(s => s.name),
      );
      writeCatalog(org, catalogFile, { without: new Set(removed) });
      const { items } = await backend.get(
        '/api/catalog/entities/by-query?filter=kind=location&limit=50',
      );
      for (const location of items) {
        await backend.post('/api/catalog/refresh', {
          entityRef: `location:${location.metadata.namespace}/${location.metadata.name}`,
        });
      }
      result.deletion = { removedServices: removed.length };
      result.deletion.catalogS = await waitForCatalog(
        backend,
        n - removed.length,
      );
      await backend.runTask('readiness', 'readiness-sync-queue');
      result.deletion.rowsLeft = await rowsOf(
        db,
        { workDir, prefix: PREFIX },
        removed.map(name => `component:default/${name}`),
      );
      log('  deletion', result.deletion);
    }
    progress(result);

    // 4. Steady state: 1% of the services changed, every entity due again.
    //    The clock moves 5 minutes so that the cluster listings cached by the
    //    Kubernetes module (cacheTtl 2 minutes) expire, as between two refreshes.
    if (!SKIP.has('steady')) {
      const changed = changeServices(org, 0.01, 1);
      clusters.publish();
      await backend.setClockDays(5 / 1440);
      await makeAllDue(db, { workDir, prefix: PREFIX });
      result.phases.steadyRefresh = await timed(backend, clusters, () =>
        backend.runTask('readiness', 'readiness-refresh'),
      );
      result.phases.steadyRefresh.changedServices = changed.size;
      log('  steady refresh', result.phases.steadyRefresh);
    }

    // 5. Re-score after a check definition changed: restart with an
    //    override; the readiness-rescore task evaluates every entity again on
    //    its stored facts (no collection), which the store confirms: every
    //    score row then carries the new definition's hash.
    progress(result);
    result.peakRssMbBeforeRestart = (await backend.metrics()).peakRssMb;
    if (!SKIP.has('rescore')) {
      await backend.stop();
      backend = await start({
        defaultScorecard: { overrides: SCORECARD_CHANGE },
      });
      await backend.setClockDays(10 / 1440);
      await waitForCatalog(backend, n - removed.length);
      const before = await scoreDefinitions(db, { workDir, prefix: PREFIX });
      result.phases.rescoreAfterDefinitionChange = await timed(
        backend,
        clusters,
        () => backend.runTask('readiness', 'readiness-rescore'),
      );
      Object.assign(result.phases.rescoreAfterDefinitionChange, {
        before,
        after: await scoreDefinitions(db, { workDir, prefix: PREFIX }),
      });
      log('  re-score', result.phases.rescoreAfterDefinitionChange);
      progress(result);
    }

    // 6. Simulated days. Everything so far happened on the first day; then the
    //    clock moves one day at a time (the backend is signed in again on the
    //    moved clock), the entities are due again (their interval passed) and
    //    every entity is refreshed, its evaluation getting the new day.
    const store = { workDir, prefix: PREFIX };
    const days = SKIP.has('days') ? 1 : daysToSimulate;
    result.day1 = await storeReport(db, store);
    log('  after day 1', result.day1);
    progress(result);
    const perDay = [];
    let last = result.day1;
    for (let day = 1; day < days; day++) {
      await backend.setClockDays(day);
      const refresh = await timed(backend, clusters, () =>
        backend.runTask('readiness', 'readiness-refresh'),
      );
      last = await storeReport(db, store);
      perDay.push({
        day: day + 1,
        wallS: refresh.wallS,
        runS: refresh.runS,
        kubernetesListCalls: refresh.kubernetesListCalls,
        sizeMb: last.readiness.sizeMb,
        historyRows: last.readiness.rows.readiness_history,
      });
      log(`  day ${day + 1}`, perDay[perDay.length - 1]);
    }
    result.history = {
      days,
      perDay,
      ...last,
      // A reused store holds the history of the run that made it.
      check: args['reuse-store']
        ? undefined
        : historyCheck(result.day1, last, days),
    };
    log(`  after ${days} days`, result.history);
    progress(result);
    result.peakRssMb = Math.max(
      result.peakRssMbBeforeRestart,
      (await backend.metrics()).peakRssMb,
    );

    // 7. The same organisation in Tech Insights, asked the same questions.
    if (techInsights) {
      result.catalogConfig = readinessConfig(
        clusters,
        prepared.reposRoot,
        catalogFile,
      ).catalog;
      comparison = {
        entities: n,
        db,
        ...(await runTechInsights({
          org,
          db,
          workDir,
          prefix: PREFIX,
          cachePrefix: CACHE_PREFIX,
          requests,
          readiness: result,
          readinessBackend: backend,
          log,
        })),
      };
      delete result.catalogConfig;
      log('  Tech Insights', comparison.ratios);
    }
  } finally {
    await backend.stop();
    await clusters.close();
  }
  return { result, comparison };
}

/** The report so far, rewritten after every phase so an interrupted run keeps what it measured. */
const report = {
  date: new Date().toISOString(),
  args,
  runs: [],
  comparisons: [],
};
const outFile =
  args.out ??
  path.join(
    __dirname,
    'results',
    `bench-${report.date.replace(/[:.]/g, '-')}.json`,
  );

function progress(current) {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const runs = report.runs.includes(current)
    ? report.runs
    : [...report.runs, current];
  fs.writeFileSync(
    outFile,
    `${JSON.stringify({ ...report, runs }, null, 2)}\n`,
  );
}

/** The commit the run measured, and whether the tree had changes on top of it. */
function codeVersion() {
  const git = (...gitArgs) =>
    require('node:child_process')
      .execFileSync('git', gitArgs, { cwd: path.join(__dirname, '..') })
      .toString()
      .trim();
  try {
    return {
      commit: git('rev-parse', 'HEAD'),
      uncommittedChanges:
        git('status', '--porcelain', '--', 'plugins', 'packages') !== '',
    };
  } catch {
    return { commit: null, uncommittedChanges: null };
  }
}

async function main() {
  const counts = args.entities.split(',').map(Number);
  const dbs = args.db.split(',');
  const days = Number(args.days);
  const requests = Number(args.requests);
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: os.loadavg().map(l => Math.round(l * 100) / 100),
  };
  const { runs, comparisons } = report;
  report.machine = machine;
  report.code = codeVersion();
  for (const n of counts) {
    for (const db of dbs) {
      const { result, comparison } = await runOne({
        n,
        db,
        days,
        requests,
        techInsights: args['tech-insights'].split(',').includes(db),
      });
      runs.push(result);
      if (comparison) comparisons.push(comparison);
    }
  }
  machine.loadAverageAtEnd = os.loadavg().map(l => Math.round(l * 100) / 100);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  printTables(report);
  console.log(`\nJSON: ${path.relative(process.cwd(), outFile)}`);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});

module.exports = { REPO_ROOT };

process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
