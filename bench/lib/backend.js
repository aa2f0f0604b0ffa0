/*
 * Starts and drives a bench backend process: writes its app-config, spawns
 * it, signs in as guest (a real user token, so every request passes the
 * backend's authentication and the permission framework), triggers the
 * Readiness scheduler tasks and waits for them.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const net = require('node:net');
const yaml = require('yaml');

const REPO_ROOT = path.resolve(__dirname, '../..');

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * Database config: every plugin on PostgreSQL (one database per plugin, named
 * `<prefix><plugin>`); with `db: 'sqlite'` the Readiness plugin alone moves
 * to an SQLite file `<workDir>/sqlite/readiness.sqlite`, so the catalog is
 * the same in both cases and only the store under test changes.
 */
function databaseConfig(db, workDir, prefix) {
  const pg = {
    client: 'pg',
    prefix,
    connection: {
      host: '127.0.0.1',
      port: 5432,
      user: 'postgres',
      password: 'postgres',
    },
  };
  if (db === 'pg') return pg;
  return {
    ...pg,
    plugin: {
      readiness: {
        client: 'better-sqlite3',
        connection: { directory: path.join(workDir, 'sqlite') },
      },
    },
  };
}

class BenchBackend {
  constructor(options) {
    this.options = options;
    this.logLines = [];
  }

  /**
   * Starts the process. `entry` is the backend's main file; `config` is merged
   * over the common part (listen address, database, auth, permission).
   */
  async start() {
    const {
      entry,
      workDir,
      db,
      prefix,
      config,
      name,
      preload = [],
    } = this.options;
    this.port = await freePort();
    this.baseUrl = `http://127.0.0.1:${this.port}`;
    const full = {
      app: { baseUrl: this.baseUrl },
      backend: {
        baseUrl: this.baseUrl,
        listen: { port: this.port, host: '127.0.0.1' },
        database: databaseConfig(db, workDir, prefix),
      },
      auth: {
        // The default key store dates a signing key by the database's clock
        // (`created_at` defaults to `now()`), while the auth backend ages it
        // by the process's clock: once the harness moves that clock by a
        // day, every new key looks 24 hours old, is left out of the JWKS and
        // deleted, and no user token verifies again. The memory store dates
        // keys by the process's clock, so moved or not, issuing and
        // verifying agree.
        keyStore: { provider: 'memory' },
        providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
      },
      permission: { enabled: true },
      ...config,
    };
    fs.mkdirSync(workDir, { recursive: true });
    const configFile = path.join(workDir, `${name}-app-config.yaml`);
    fs.writeFileSync(configFile, yaml.stringify(full));
    fs.rmSync(`${configFile}.stop`, { force: true });
    this.configFile = configFile;
    const logFile = path.join(workDir, `${name}.log`);
    const log = fs.createWriteStream(logFile, { flags: 'a' });
    this.logFile = logFile;
    this.child = spawn(
      process.execPath,
      [
        ...preload.flatMap(p => ['--require', p]),
        '--max-old-space-size=4096',
        // BENCH_CPU_PROFILE=1 writes a V8 CPU profile of the backend on exit.
        ...(process.env.BENCH_CPU_PROFILE
          ? ['--cpu-prof', `--cpu-prof-dir=${path.join(workDir, 'profiles')}`]
          : []),
        entry,
      ],
      {
        cwd: path.dirname(entry),
        env: {
          ...process.env,
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          BENCH_CONFIG: configFile,
          BENCH_KUBERNETES: this.options.kubernetes ?? 'on',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const child = this.child;
    process.on('exit', () => child.exitCode === null && child.kill('SIGKILL'));
    this.child.stdout.pipe(log);
    this.child.stderr.pipe(log);
    this.exited = new Promise(resolve =>
      this.child.on('exit', (code, signal) => {
        fs.appendFileSync(
          logFile,
          `bench: ${new Date().toISOString()} the backend exited (code ${code}, signal ${signal})\n`,
        );
        resolve(code);
      }),
    );
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (this.child.exitCode !== null) {
        throw new Error(
          `${name} exited with ${this.child.exitCode}; see ${logFile}`,
        );
      }
      try {
        const res = await fetch(
          `${this.baseUrl}/.backstage/health/v1/readiness`,
        );
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline)
        throw new Error(`${name} did not start; see ${logFile}`);
      await sleep(500);
    }
    await this.signIn();
    return this;
  }

  /** Gets a guest user token from the auth backend. */
  async signIn() {
    const res = await fetch(`${this.baseUrl}/api/auth/guest/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    if (!res.ok)
      throw new Error(
        `guest sign-in failed: ${res.status} ${await res.text()}`,
      );
    this.token = (await res.json()).backstageIdentity.token;
  }

  async request(method, url, body) {
    // A loaded backend may close an idle keep-alive connection just as it is
    // reused (ECONNRESET): such a request is sent again, up to 3 times.
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      let res;
      try {
        res = await fetch(`${this.baseUrl}${url}`, {
          method,
          headers: {
            authorization: `Bearer ${this.token}`,
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          body: body ? JSON.stringify(body) : undefined,
        });
      } catch (e) {
        if (attempt < 3 && this.child.exitCode === null) continue;
        throw e;
      }
      const text = await res.text();
      // A user token lives an hour (of the backend's clock, which the harness
      // may have moved): an expired one is replaced once.
      if (res.status === 401 && !renewed) {
        renewed = true;
        await this.signIn();
        continue;
      }
      if (!res.ok) {
        throw new Error(
          `${method} ${url}: ${res.status} ${text.slice(0, 300)}`,
        );
      }
      return text ? JSON.parse(text) : undefined;
    }
  }

  get(url) {
    return this.request('GET', url);
  }

  post(url, body) {
    return this.request('POST', url, body);
  }

  /**
   * Triggers a scheduler task of a plugin and waits until it has run to the
   * end. Resolves to how long the run itself took in ms, from the task
   * state's start and end times (a global task starts up to the scheduler's
   * work-check interval, 5 s, after the trigger), or undefined when the run
   * ended before a poll saw it running.
   */
  async runTask(pluginId, taskId, { timeoutMs = 3_600_000 } = {}) {
    const state = async () => {
      const { tasks } = await this.get(
        `/api/${pluginId}/.backstage/scheduler/v1/tasks`,
      );
      const task = tasks.find(t => t.taskId === taskId);
      if (!task) throw new Error(`no task ${taskId} in plugin ${pluginId}`);
      return task.taskState ?? {};
    };
    const before = (await state()).lastRunEndedAt;
    await this.post(
      `/api/${pluginId}/.backstage/scheduler/v1/tasks/${taskId}/trigger`,
    );
    const deadline = Date.now() + timeoutMs;
    let startedAt;
    for (;;) {
      await sleep(200);
      const s = await state();
      if (s.status === 'running' && s.startedAt) startedAt = s.startedAt;
      if (
        s.status !== 'running' &&
        s.lastRunEndedAt &&
        s.lastRunEndedAt !== before
      ) {
        if (s.lastRunError) {
          throw new Error(
            `${taskId} failed: ${JSON.stringify(s.lastRunError)}`,
          );
        }
        return startedAt
          ? Date.parse(s.lastRunEndedAt) - Date.parse(startedAt)
          : undefined;
      }
      if (Date.now() > deadline) throw new Error(`${taskId} did not finish`);
    }
  }

  async metrics() {
    return (await fetch(`${this.baseUrl}/api/bench/metrics`)).json();
  }

  async resetEventLoop() {
    await fetch(`${this.baseUrl}/api/bench/metrics/reset`, { method: 'POST' });
  }

  /**
   * Moves the backend's clock to `days` after the real time, and signs in
   * again: the token held was issued, and expires, on the old clock.
   */
  async setClockDays(days) {
    await fetch(`${this.baseUrl}/api/bench/clock?days=${days}`, {
      method: 'POST',
    });
    await this.signIn();
  }

  async stop() {
    if (!this.child || this.child.exitCode !== null) return;
    fs.writeFileSync(`${this.configFile}.stop`, '');
    this.child.kill('SIGUSR2');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await this.exited;
    clearTimeout(timer);
  }
}

module.exports = { BenchBackend, freePort, sleep, REPO_ROOT };
