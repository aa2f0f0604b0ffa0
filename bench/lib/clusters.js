/*
 * Stand-in Kubernetes API servers on loopback, one per cluster, serving the
 * organisation's objects with discovery, label selectors and paginated LIST
 * (`limit`/`continue`, as the real API server): the same stand-in the
 * Kubernetes module's tests use (its `src/__testUtils__/standInApiServer.ts`).
 */
const {
  startStandInApiServer,
} = require('../../plugins/readiness-backend-module-kubernetes/src/__testUtils__/standInApiServer');
const {
  selfSignedCertificate,
} = require('../../plugins/readiness-backend-module-kubernetes/src/__testUtils__/tls');

const TOKEN = 'bench-token';
const CRD_GROUPS = [
  'argoproj.io',
  'monitoring.coreos.com',
  'cert-manager.io',
  'keda.sh',
  'flagger.app',
  'velero.io',
  'postgresql.cnpg.io',
  'cilium.io',
  'projectcalico.org',
  'gateway.networking.k8s.io',
];

async function startClusters(org) {
  const servers = new Map();
  const tls = selfSignedCertificate();
  for (const cluster of org.clusters) {
    servers.set(
      cluster.name,
      await startStandInApiServer({
        objects: org.objects.get(cluster.name),
        token: TOKEN,
        absentGroups: CRD_GROUPS.filter(g => !cluster.installed.includes(g)),
        tls,
      }),
    );
  }
  return {
    servers,
    /** `readiness.kubernetes.clusters` for the bench backend. */
    config: org.clusters.map(c => ({
      name: c.name,
      environment: c.environment,
      region: c.region,
      url: servers.get(c.name).url,
      auth: { token: TOKEN },
      caData: Buffer.from(tls.cert).toString('base64'),
    })),
    /** LIST requests (not discovery) served so far, all clusters together. */
    listCalls() {
      let n = 0;
      for (const s of servers.values()) {
        for (const v of Object.values(s.listCalls())) n += v;
      }
      return n;
    },
    requests() {
      let n = 0;
      for (const s of servers.values()) n += s.requests.length;
      return n;
    },
    /** Serves the (changed) objects: bumps the resourceVersion like a real cluster. */
    publish() {
      for (const [name, s] of servers) s.setObjects(org.objects.get(name));
    },
    close: () => Promise.all([...servers.values()].map(s => s.close())),
  };
}

module.exports = { startClusters, TOKEN };
