/* Prints the results of a run as plain-text tables. */
function table(rows) {
  const widths = rows[0].map((_, c) =>
    Math.max(...rows.map(r => String(r[c] ?? '').length)),
  );
  return rows
    .map(r => r.map((v, c) => String(v ?? '').padEnd(widths[c])).join('  '))
    .join('\n');
}

const ms = r => (r ? `${r.p50} / ${r.p95} / ${r.p99}` : '');

function printTables(report) {
  const { machine, runs, comparisons } = report;
  console.log(
    `\nMachine: ${machine.cpus} cores (${machine.cpuModel}), ${
      machine.memoryGb
    } GB, Node ${machine.node}; load average ${machine.loadAverageAtStart.join(
      ' ',
    )} at start, ${machine.loadAverageAtEnd.join(' ')} at end\n`,
  );
  const header = ['measure', ...runs.map(r => `${r.entities} ${r.db}`)];
  const row = (label, f) => [
    label,
    ...runs.map(r => {
      try {
        return f(r);
      } catch {
        return '';
      }
    }),
  ];
  const p = (r, phase) => r.phases[phase];
  // Rows per Readiness table after day 1 and after the last simulated day.
  const tables = [
    ...new Set(runs.flatMap(r => Object.keys(r.history?.readiness.rows ?? {}))),
  ].sort();
  console.log(
    table([
      header,
      row('catalog entities', r => r.catalogEntities),
      row('full refresh (s)', r => p(r, 'fullRefresh').runS),
      row('  K8s LIST calls', r => p(r, 'fullRefresh').kubernetesListCalls),
      row(
        '  event-loop delay p99 / max (ms)',
        r =>
          `${p(r, 'fullRefresh').eventLoopDelayP99Ms} / ${
            p(r, 'fullRefresh').eventLoopDelayMaxMs
          }`,
      ),
      row('1%-changed refresh (s)', r => p(r, 'steadyRefresh').runS),
      row('  K8s LIST calls', r => p(r, 'steadyRefresh').kubernetesListCalls),
      row(
        're-score after definition change (s)',
        r => p(r, 'rescoreAfterDefinitionChange').runS,
      ),
      row('overview by owner, 1 client p50/p95/p99 (ms)', r =>
        ms(r.reads.overview_owner_c1),
      ),
      row('overview by owner, 20 clients', r => ms(r.reads.overview_owner_c20)),
      row('overview by tier, 1 client', r => ms(r.reads.overview_tier_c1)),
      row('overview by tier, 20 clients', r => ms(r.reads.overview_tier_c20)),
      row(
        '  event-loop delay p99 under overview load (ms)',
        r => r.reads.overview_owner_c20.eventLoopDelayP99Ms,
      ),
      row('entity scorecard, 1 client', r => ms(r.reads.entity_c1)),
      row('entity scorecard, 20 clients', r => ms(r.reads.entity_c20)),
      row('check drill-down, 1 client', r => ms(r.reads.drilldown_c1)),
      row('fresh install: overview by owner, 20 clients', r =>
        r.readsFresh ? ms(r.readsFresh.overview_owner_c20) : 'n/a',
      ),
      row('fresh install: entity scorecard, 20 clients', r =>
        r.readsFresh ? ms(r.readsFresh.entity_c20) : 'n/a',
      ),
      row('fresh install: check drill-down, 1 client', r =>
        r.readsFresh ? ms(r.readsFresh.drilldown_c1) : 'n/a',
      ),
      row('peak RSS (MB)', r => r.peakRssMb),
      row('DB size day 1 (MB)', r => r.day1.readiness.sizeMb),
      row(
        `DB size after N days (MB)`,
        r => `${r.history.readiness.sizeMb} (${r.history.days} d)`,
      ),
      ...tables.map(t =>
        row(
          `${t.replace(/^readiness_/, '')} rows (MB) day 1 / N days`,
          r =>
            `${r.day1.readiness.rows[t]} (${r.day1.readiness.tableSizesMb[t]}) / ${r.history.readiness.rows[t]} (${r.history.readiness.tableSizesMb[t]})`,
        ),
      ),
      row('days of history day 1 / N days', r =>
        [r.day1.historyDays, r.history.historyDays].join(' / '),
      ),
      row('history rows = scores × days, results not grown', r => {
        const c = r.history.check;
        const growth = `${c.resultsGrowth >= 0 ? '+' : ''}${c.resultsGrowth}`;
        return `${c.ok ? 'yes' : 'NO'}: ${c.historyRows} rows for ${
          c.scores
        } scores × ${r.history.days} days (${
          c.historyDays
        } in history); results ${growth}`;
      }),
      row('refresh per simulated day (s)', r =>
        r.history.perDay.map(d => d.runS ?? d.wallS).join(', '),
      ),
      row('rows left by deleted entities', r =>
        Object.values(r.deletion.rowsLeft).reduce((a, b) => a + b, 0),
      ),
    ]),
  );
  if (comparisons.length) {
    console.log(
      '\nTech Insights side by side (same services, same database kind)\n',
    );
    const crow = (label, f) => [
      label,
      ...comparisons.map(c => {
        try {
          return f(c);
        } catch {
          return '';
        }
      }),
    ];
    console.log(
      table([
        ['measure', ...comparisons.map(c => `${c.entities} ${c.db}`)],
        crow('checks compared', c => c.checks),
        crow("this entity's checks p50/p95 (ms): Readiness", c =>
          ms(c.readiness.entity),
        ),
        crow('  Tech Insights', c => ms(c.techInsights.entity)),
        crow('  ratio p95 (TI / Readiness)', c => c.ratios.entityP95),
        crow("all entities' results (ms): Readiness", c => c.readiness.allMs),
        crow('  Tech Insights', c => c.techInsights.allMs),
        crow('  ratio (TI / Readiness)', c => c.ratios.all),
        crow(
          'database size (MB): Readiness / Tech Insights',
          c => `${c.readiness.sizeMb} / ${c.techInsights.sizeMb}`,
        ),
        crow(
          'fact retrieval for all entities (s), Tech Insights',
          c => c.techInsights.factRetrievalS,
        ),
      ]),
    );
  }
}

module.exports = { printTables, table };
