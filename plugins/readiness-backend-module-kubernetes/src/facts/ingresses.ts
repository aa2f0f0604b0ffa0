import { arr, at, isObj, obj, objs, str, strMap, unique } from './json';
import { conditionOf, KubeObject, nameOf, namespaceOf } from './objects';
import { SnapshotIndex } from './snapshot';
import { HttpRouteFacts, IngressFacts } from './types';

const DAY = 86_400_000;

/** Annotations that switch HTTPS redirection off when set to "false". */
const SSL_REDIRECT_ANNOTATIONS = [
  'nginx.ingress.kubernetes.io/ssl-redirect',
  'ingress.kubernetes.io/ssl-redirect',
  'traefik.ingress.kubernetes.io/redirect-to-https',
];

function backendServices(ingress: KubeObject): string[] {
  const spec = obj(ingress.spec);
  const names = [str(at(spec, 'defaultBackend', 'service', 'name'))];
  for (const rule of objs(spec.rules)) {
    for (const path of objs(at(rule, 'http', 'paths'))) {
      names.push(str(at(path, 'backend', 'service', 'name')));
    }
  }
  return unique(names.filter((n): n is string => Boolean(n)));
}

/** `namespace/service` of every Service the Ingress sends traffic to. */
export function ingressServiceKeys(ingress: KubeObject): string[] {
  const ns = namespaceOf(ingress);
  return backendServices(ingress).map(s => `${ns}/${s}`);
}

/** The namespace and TLS secret of a cert-manager Certificate, as an index key. */
function certificateSecretKeys(certificate: KubeObject): string[] {
  const secretName = at(certificate, 'spec', 'secretName');
  return typeof secretName === 'string'
    ? [JSON.stringify([namespaceOf(certificate), secretName])]
    : [];
}

function covered(host: string, tlsHosts: string[]): boolean {
  return tlsHosts.some(
    t =>
      t === host ||
      (t.startsWith('*.') &&
        host.endsWith(t.slice(1)) &&
        !host.slice(0, -t.length + 1).includes('.')),
  );
}

/** Facts of one Ingress, with cert-manager Certificates of its TLS secrets. */
export function ingressFacts(
  ingress: KubeObject,
  index: SnapshotIndex,
  now: Date,
): IngressFacts {
  const cluster = index.snapshot.cluster;
  const spec = obj(ingress.spec);
  const ns = namespaceOf(ingress);
  const hosts = unique(
    objs(spec.rules)
      .map(r => str(r.host))
      .filter((h): h is string => Boolean(h)),
  );
  const tls = objs(spec.tls);
  const tlsHosts = unique(
    tls.flatMap(t =>
      arr(t.hosts).filter((h): h is string => typeof h === 'string'),
    ),
  );
  const annotations = strMap(at(ingress, 'metadata', 'annotations'));
  const sslRedirectDisabled = SSL_REDIRECT_ANNOTATIONS.some(
    k => annotations[k]?.toLowerCase() === 'false',
  );
  let certificates: IngressFacts['certificates'] = null;
  let certificatesValid: boolean | null = null;
  if (index.has('certificates') && cluster.live) {
    certificates = tls
      .map(t => str(t.secretName))
      .filter((s): s is string => Boolean(s))
      .flatMap(secretName => {
        const [cert] = index.withKey(
          'certificates',
          'secret name',
          certificateSecretKeys,
          JSON.stringify([ns, secretName]),
        );
        if (!cert) return [];
        const notAfter = str(at(cert, 'status', 'notAfter')) ?? null;
        const expires = notAfter ? Date.parse(notAfter) : NaN;
        return [
          {
            name: nameOf(cert),
            secretName,
            ready: conditionOf(cert, 'Ready')?.status === 'True',
            notAfter,
            daysUntilExpiry: Number.isNaN(expires)
              ? null
              : Math.floor((expires - now.getTime()) / DAY),
          },
        ];
      });
    certificatesValid = certificates.every(
      c => c.ready && (c.daysUntilExpiry ?? 0) > 14,
    );
  }
  return {
    label: `Ingress ${ns}/${nameOf(ingress)} in ${cluster.name}`,
    name: nameOf(ingress),
    namespace: ns,
    cluster: cluster.name,
    environment: index.environmentOf(ns),
    hosts,
    tlsHosts,
    uncoveredHosts: hosts.filter(h => !covered(h, tlsHosts)),
    sslRedirectDisabled,
    certificates,
    certificatesValid,
  };
}

function routeBackends(route: KubeObject): string[] {
  return objs(at(route, 'spec', 'rules'))
    .flatMap(r => objs(r.backendRefs))
    .filter(b => (str(b.kind) ?? 'Service') === 'Service')
    .map(b => str(b.name))
    .filter((n): n is string => Boolean(n));
}

/** `namespace/service` of every Service the HTTPRoute sends traffic to. */
export function routeServiceKeys(route: KubeObject): string[] {
  const ns = namespaceOf(route);
  return routeBackends(route).map(s => `${ns}/${s}`);
}

/** Facts of one HTTPRoute: HTTPS through its parent Gateways or redirect-only rules. */
export function httpRouteFacts(
  route: KubeObject,
  index: SnapshotIndex,
): HttpRouteFacts {
  const cluster = index.snapshot.cluster;
  const spec = obj(route.spec);
  const ns = namespaceOf(route);
  const viaGateway = objs(spec.parentRefs).some(ref => {
    const gateway =
      typeof ref.name === 'string'
        ? index.named('gateways', str(ref.namespace) ?? ns, ref.name)
        : undefined;
    return objs(at(gateway, 'spec', 'listeners')).some(
      l =>
        l.protocol === 'HTTPS' &&
        (!ref.sectionName || l.name === ref.sectionName),
    );
  });
  const rules = objs(spec.rules);
  const redirectOnly =
    rules.length > 0 &&
    rules.every(r =>
      objs(r.filters).some(
        f =>
          f.type === 'RequestRedirect' &&
          isObj(f.requestRedirect) &&
          f.requestRedirect.scheme === 'https',
      ),
    );
  return {
    label: `HTTPRoute ${ns}/${nameOf(route)} in ${cluster.name}`,
    name: nameOf(route),
    namespace: ns,
    cluster: cluster.name,
    environment: index.environmentOf(ns),
    hostnames: arr(spec.hostnames).filter(
      (h): h is string => typeof h === 'string',
    ),
    https: viaGateway || redirectOnly,
  };
}
