/*
 * The bench backend: the real Backstage backend system with the catalog,
 * guest sign-in, the permission framework (allow-all policy, so every
 * permission check is made and answered), the Readiness plugin with its
 * Kubernetes and repository modules, and a `bench` plugin that reports the
 * process's event-loop delay and memory and moves its clock.
 *
 * Run by bench/lib/backend.js:
 *   BENCH_CONFIG=<app-config file> node --require <clock.js> --require <node transform> index.js
 */
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { createBackend } = require('@backstage/backend-defaults');
const {
  coreServices,
  createBackendPlugin,
} = require('@backstage/backend-plugin-api');
const express = require('express');

const DAY_MS = 24 * 60 * 60 * 1000;

const benchPlugin = createBackendPlugin({
  pluginId: 'bench',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const delay = monitorEventLoopDelay({ resolution: 10 });
        delay.enable();
        const router = express.Router();
        const ms = ns => Math.round((ns / 1e6) * 10) / 10;
        router.get('/metrics', (_req, res) => {
          const usage = process.resourceUsage();
          res.json({
            eventLoopDelayMs: {
              p50: ms(delay.percentile(50)),
              p99: ms(delay.percentile(99)),
              max: ms(delay.max),
            },
            rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
            peakRssMb: Math.round(usage.maxRSS / 1024),
            clockOffsetDays: globalThis.__benchClockOffsetMs / DAY_MS,
          });
        });
        router.post('/metrics/reset', (_req, res) => {
          delay.reset();
          res.json({ ok: true });
        });
        router.post('/clock', (req, res) => {
          globalThis.__benchClockOffsetMs =
            Number(req.query.days ?? 0) * DAY_MS;
          res.json({ clockOffsetDays: Number(req.query.days ?? 0) });
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
      },
    });
  },
});

// Whatever ends this process says so in its log.
const exit = process.exit.bind(process);
process.exit = code => {
  process.stderr.write(
    `bench: process.exit(${code}) ${new Error().stack
      .split('\n')
      .slice(2, 6)
      .join(' | ')}\n`,
  );
  return exit(code);
};
process.on('beforeExit', () => process.stderr.write('bench: beforeExit\n'));

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
backend.add(import('@readiness/backstage-plugin-readiness-backend'));
// BENCH_KUBERNETES=off leaves the Kubernetes module out (bench/run.sh --kubernetes off).
if (process.env.BENCH_KUBERNETES !== 'off') {
  backend.add(
    import('@readiness/backstage-plugin-readiness-backend-module-kubernetes'),
  );
}
backend.add(
  import('@readiness/backstage-plugin-readiness-backend-module-repository'),
);
backend.add(benchPlugin);
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
