/*
 * The Tech Insights bench backend: the community Tech Insights backend and
 * its JSON rules checker from the npm registry, with the catalog, guest
 * sign-in and the permission framework, like the Readiness bench backend.
 * One fact retriever, `readiness-bench-facts`, serves the facts the harness
 * wrote to the file named by `bench.factsFile`: one boolean fact per compared
 * check and entity, as a Tech Insights adopter's own retriever would.
 *
 * Run by bench/lib/techInsights.js: BENCH_CONFIG=<app-config file> node server.js
 */
const fs = require('node:fs');
const { createBackend } = require('@backstage/backend-defaults');
const {
  coreServices,
  createBackendModule,
} = require('@backstage/backend-plugin-api');
const {
  techInsightsFactRetrieversExtensionPoint,
} = require('@backstage-community/plugin-tech-insights-node');

const benchFacts = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'readiness-bench-facts',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        retrievers: techInsightsFactRetrieversExtensionPoint,
      },
      async init({ config, retrievers }) {
        const file = config.getString('bench.factsFile');
        const checks = config.getStringArray('bench.checks');
        retrievers.addFactRetrievers({
          'readiness-bench-facts': {
            id: 'readiness-bench-facts',
            version: '0.0.1',
            title: 'Readiness bench facts',
            description: 'Facts of the synthetic organisation of bench/',
            entityFilter: [{ kind: 'component' }],
            schema: Object.fromEntries(
              checks.map(id => [
                id,
                { type: 'boolean', description: `Whether ${id} holds` },
              ]),
            ),
            async handler() {
              const facts = JSON.parse(fs.readFileSync(file, 'utf8'));
              return facts.map(({ entity, values }) => ({
                entity,
                facts: values,
              }));
            },
          },
        });
      },
    });
  },
});

// The app-config file written by the harness.
process.argv.push('--config', process.env.BENCH_CONFIG);

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
);
backend.add(benchFacts);
backend.start().then(() => {
  // The machine is shared: only the harness stops this backend (SIGUSR2);
  // a stray SIGTERM or SIGINT is logged and ignored.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
    process.removeAllListeners(signal);
    process.on(signal, () =>
      process.stderr.write(`bench: ignored ${signal}\n`),
    );
  }
  // The harness writes <app-config>.stop before it signals, so a signal
  // meant for another process cannot stop this one.
  process.on('SIGUSR2', () => {
    if (!require('node:fs').existsSync(`${process.env.BENCH_CONFIG}.stop`)) {
      process.stderr.write('bench: ignored SIGUSR2\n');
      return;
    }
    backend.stop().finally(() => process.exit(0));
  });
});
