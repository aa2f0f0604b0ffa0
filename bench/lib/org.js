/*
 * Generator of a synthetic organisation of N scored services.
 *
 * Every service is a copy of one of the three demo services of examples/
 * (payments-api reaches gold, catalog-search silver, legacy-reports none), so
 * the mix of passing and failing checks is the one the demo data was written
 * for: its catalog entity, its Kubernetes objects in every cluster it runs in
 * (renamed into the owner team's namespaces) and its repository tree (hard
 * links to the demo files). Owners are teams of 25 services, systems hold 10
 * services, domains hold 10 systems; tiers and archetypes are drawn from a
 * seeded generator, so a run with the same N produces the same organisation.
 */
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('yaml');
const {
  resolveRelativeTimes,
} = require('@readiness/backstage-plugin-readiness-common');

const REPO_ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(REPO_ROOT, 'examples');

/** The demo services and where their objects live. */
const ARCHETYPES = [
  {
    name: 'payments-api',
    share: 0.3,
    branch: 'main',
    extraNames: { 'payments-settlement-export': '-export' },
    clusters: {
      'prod-eu-west-1': 'payments',
      'prod-eu-central-1': 'payments',
      'staging-eu-west-1': 'payments-staging',
    },
  },
  {
    name: 'catalog-search',
    share: 0.45,
    branch: 'main',
    extraNames: {},
    clusters: {
      'prod-eu-west-1': 'discovery',
      'staging-eu-west-1': 'discovery-staging',
    },
  },
  {
    name: 'legacy-reports',
    share: 0.25,
    branch: 'master',
    extraNames: {},
    clusters: { 'prod-legacy': 'reports' },
  },
];

/** The demo clusters, as the demo portal configures them. */
const CLUSTERS = [
  {
    name: 'prod-eu-west-1',
    environment: 'production',
    region: 'eu-west-1',
    installed: [
      'monitoring.coreos.com',
      'cert-manager.io',
      'argoproj.io',
      'velero.io',
    ],
  },
  {
    name: 'prod-eu-central-1',
    environment: 'production',
    region: 'eu-central-1',
    installed: ['monitoring.coreos.com', 'cert-manager.io', 'argoproj.io'],
  },
  {
    name: 'staging-eu-west-1',
    environment: 'staging',
    region: 'eu-west-1',
    installed: [
      'monitoring.coreos.com',
      'cert-manager.io',
      'argoproj.io',
      'velero.io',
    ],
  },
  {
    name: 'prod-legacy',
    environment: 'production',
    region: 'eu-west-1',
    installed: [],
  },
];

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (i, n = 5) => String(i).padStart(n, '0');

function readYamlDocuments(file) {
  return yaml
    .parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(d => d.toJSON())
    .filter(Boolean);
}

function walkFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(d => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walkFiles(p) : [p];
  });
}

/** Objects of one demo service in one cluster, plus the cluster's shared objects (Nodes). */
function loadTemplates(now) {
  const templates = new Map();
  const shared = new Map();
  for (const cluster of CLUSTERS) {
    const dir = path.join(EXAMPLES, 'kubernetes', cluster.name);
    const objects = walkFiles(dir)
      .filter(f => /\.ya?ml$/.test(f))
      .flatMap(readYamlDocuments)
      .flatMap(o => (o.kind === 'List' ? o.items : [o]));
    const resolved = resolveRelativeTimes(objects, now);
    shared.set(
      cluster.name,
      resolved.filter(o => !o.metadata?.namespace && o.kind !== 'Namespace'),
    );
    for (const archetype of ARCHETYPES) {
      const namespace = archetype.clusters[cluster.name];
      if (!namespace) continue;
      templates.set(
        `${archetype.name}/${cluster.name}`,
        resolved.filter(
          o =>
            o.metadata?.namespace === namespace ||
            (o.kind === 'Namespace' && o.metadata?.name === namespace),
        ),
      );
    }
  }
  return { templates, shared };
}

/** Deep copy of `value` with names and namespaces of the archetype replaced. */
function rename(value, renames, namespaces) {
  if (typeof value === 'string') {
    if (namespaces.has(value)) return namespaces.get(value);
    let out = value;
    for (const [from, to] of renames) {
      if (out.includes(from)) out = out.split(from).join(to);
    }
    return out;
  }
  if (Array.isArray(value))
    return value.map(v => rename(v, renames, namespaces));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      out[rename(k, renames, new Map())] = rename(v, renames, namespaces);
    }
    return out;
  }
  return value;
}

function catalogTemplates() {
  const byName = new Map();
  for (const doc of readYamlDocuments(
    path.join(EXAMPLES, 'catalog/services.yaml'),
  )) {
    byName.set(doc.metadata.name, doc);
  }
  return byName;
}

/**
 * Generates the organisation: `entities` (catalog entities), `services`
 * (name, archetype, owner, tier) and, per cluster, the Kubernetes objects.
 */
function generateOrg({ count, seed = 42, now = new Date() }) {
  const rnd = random(seed);
  const { templates, shared } = loadTemplates(now);
  const services = catalogTemplates();
  const teams = Math.max(1, Math.ceil(count / 25));
  const systems = Math.max(1, Math.ceil(count / 10));
  const domains = Math.max(1, Math.ceil(systems / 10));
  const entities = [];
  const objects = new Map(CLUSTERS.map(c => [c.name, [...shared.get(c.name)]]));
  const namespacesSeen = new Set();

  for (let d = 0; d < domains; d++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: { name: `domain-${pad(d, 3)}`, description: `Domain ${d}` },
      spec: { owner: `group:default/team-${pad(d % teams, 4)}` },
    });
  }
  for (let t = 0; t < teams; t++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${pad(t, 4)}`, title: `Team ${t}` },
      spec: {
        type: 'team',
        profile: { email: `team-${pad(t, 4)}@example.com` },
        children: [],
      },
    });
  }
  for (let s = 0; s < systems; s++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        name: `system-${pad(s, 4)}`,
        description: `System ${s} of the synthetic organisation.`,
      },
      spec: {
        owner: `group:default/team-${pad(Math.floor(s / 2.5) % teams, 4)}`,
        domain: `domain-${pad(Math.floor(s / 10), 3)}`,
      },
    });
  }

  const list = [];
  for (let i = 0; i < count; i++) {
    const r = rnd();
    let acc = 0;
    const archetype =
      ARCHETYPES.find(a => (acc += a.share) > r) ?? ARCHETYPES[0];
    const tierRoll = rnd();
    const tier = tierRoll < 0.2 ? '1' : tierRoll < 0.7 ? '2' : '3';
    const name = `svc-${pad(i)}`;
    const team = `team-${pad(Math.floor(i / 25) % teams, 4)}`;
    const system = `system-${pad(Math.floor(i / 10) % systems, 4)}`;
    const renames = [
      ...Object.entries(archetype.extraNames).map(([from, suffix]) => [
        from,
        name + suffix,
      ]),
      [archetype.name, name],
    ];
    const template = JSON.parse(JSON.stringify(services.get(archetype.name)));
    const entity = rename(template, renames, new Map());
    entity.metadata.annotations = {
      ...entity.metadata.annotations,
      'backstage.io/source-location': `url:https://github.com/bench-org/${name}/tree/${archetype.branch}/`,
      'readiness/tier': tier,
    };
    entity.spec.owner = `group:default/${team}`;
    entity.spec.system = system;
    delete entity.spec.dependsOn;
    if (entity.spec.providesApis) {
      entity.spec.providesApis = [`${name}-api`];
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: { name: `${name}-api`, description: `API of ${name}` },
        spec: {
          type: 'openapi',
          lifecycle: 'production',
          owner: `group:default/${team}`,
          system,
          definition:
            'openapi: 3.0.0\ninfo: { title: x, version: 1.0.0 }\npaths: {}\n',
        },
      });
    }
    entities.push(entity);
    list.push({
      name,
      archetype: archetype.name,
      team,
      tier,
      system,
      branch: archetype.branch,
    });

    for (const [cluster, namespace] of Object.entries(archetype.clusters)) {
      const ns = new Map([
        [namespace, namespace.endsWith('-staging') ? `${team}-staging` : team],
      ]);
      for (const o of templates.get(`${archetype.name}/${cluster}`)) {
        if (o.kind === 'Namespace') {
          const key = `${cluster}/${ns.get(namespace)}`;
          if (namespacesSeen.has(key)) continue;
          namespacesSeen.add(key);
        }
        objects.get(cluster).push(rename(o, renames, ns));
      }
    }
  }
  return { entities, services: list, objects, clusters: CLUSTERS };
}

/**
 * Changes `fraction` of the services in a way that changes their facts: their
 * production Deployments/Rollouts drop to one replica (or back).
 */
function changeServices(org, fraction, round) {
  const step = Math.max(1, Math.round(1 / fraction));
  const changed = new Set(
    org.services.filter((_, i) => (i + round) % step === 0).map(s => s.name),
  );
  for (const objects of org.objects.values()) {
    for (const o of objects) {
      if (
        ['Deployment', 'Rollout', 'StatefulSet'].includes(o.kind) &&
        changed.has(o.metadata?.labels?.['backstage.io/kubernetes-id'])
      ) {
        o.spec.replicas = o.spec.replicas === 1 ? 3 : 1;
      }
    }
  }
  return changed;
}

/** Writes the services' repository trees as hard links to the demo trees. */
function writeRepositories(org, root) {
  fs.rmSync(root, { recursive: true, force: true });
  const files = new Map();
  for (const a of ARCHETYPES) {
    const dir = path.join(EXAMPLES, 'repositories', a.name);
    files.set(
      a.name,
      walkFiles(dir).map(f => [f, path.relative(dir, f)]),
    );
  }
  let links = 0;
  for (const s of org.services) {
    const base = path.join(root, s.name, 'tree', s.branch);
    for (const [source, rel] of files.get(s.archetype)) {
      const target = path.join(base, rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.linkSync(source, target);
      links++;
    }
  }
  return links;
}

function writeCatalog(org, file, { without = new Set() } = {}) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const docs = org.entities.filter(e => !without.has(e.metadata.name));
  fs.writeFileSync(file, docs.map(d => JSON.stringify(d)).join('\n---\n'));
  return docs.length;
}

module.exports = {
  ARCHETYPES,
  CLUSTERS,
  generateOrg,
  changeServices,
  writeRepositories,
  writeCatalog,
};
