import { arr, at, bool, obj, objs, str, strMap } from './json';
import { KubeObject, labelsOf, nameOf, namespaceOf } from './objects';
import { FactOptions } from './options';
import { fromLabelSelector, selects } from './selectors';
import { SnapshotIndex } from './snapshot';
import { AlertRuleFacts, WorkloadFacts } from './types';
import { WorkloadSource } from './podTemplates';
import { envValues } from './containers';

/**
 * The namespaces a monitor's `namespaceSelector` covers, as index keys:
 * `any`, the names it lists, else its own namespace.
 */
function coveredNamespaceKeys(monitor: KubeObject): string[] {
  const selector = obj(at(monitor, 'spec', 'namespaceSelector'));
  if (bool(selector.any)) return ['any'];
  const names = arr(selector.matchNames);
  if (names.length) {
    return names
      .filter((n): n is string => typeof n === 'string')
      .map(n => `namespace ${n}`);
  }
  return [`namespace ${namespaceOf(monitor)}`];
}

/** ServiceMonitors or PodMonitors whose `namespaceSelector` covers the namespace, in the snapshot's order. */
function monitorsCovering(
  index: SnapshotIndex,
  kind: 'serviceMonitors' | 'podMonitors',
  namespace: string,
): KubeObject[] {
  const keyed = (key: string) =>
    index.withKey(kind, 'covered namespaces', coveredNamespaceKeys, key);
  return index.inSnapshotOrder(kind, [
    ...keyed('any'),
    ...keyed(`namespace ${namespace}`),
  ]);
}

/** ServiceMonitors, PodMonitors and the scrape annotation for a workload. */
export function scrapingOf(
  source: WorkloadSource,
  services: KubeObject[],
  index: SnapshotIndex,
): WorkloadFacts['scraping'] {
  const cluster = index.snapshot.cluster;
  const serviceMonitors = index.has('serviceMonitors')
    ? monitorsCovering(index, 'serviceMonitors', source.namespace)
        .filter(sm => {
          const selector = fromLabelSelector(at(sm, 'spec', 'selector'));
          const endpointPorts = objs(at(sm, 'spec', 'endpoints')).map(
            e => e.port ?? e.targetPort,
          );
          return services.some(svc => {
            if (!selects(selector, labelsOf(svc))) return false;
            const ports = objs(at(svc, 'spec', 'ports'));
            return endpointPorts.some(p =>
              ports.some(
                sp => sp.name === p || sp.targetPort === p || sp.port === p,
              ),
            );
          });
        })
        .map(nameOf)
    : null;
  const podMonitors = index.has('podMonitors')
    ? monitorsCovering(index, 'podMonitors', source.namespace)
        .filter(pm =>
          selects(
            fromLabelSelector(at(pm, 'spec', 'selector')),
            source.templateLabels,
          ),
        )
        .map(nameOf)
    : null;
  const annotations = strMap(at(source.template, 'metadata', 'annotations'));
  const scrapeAnnotation = annotations['prometheus.io/scrape'] === 'true';
  const evidence = Boolean(
    serviceMonitors?.length || podMonitors?.length || scrapeAnnotation,
  );
  const judged =
    serviceMonitors !== null ||
    podMonitors !== null ||
    cluster.annotationScraping;
  let scraped: boolean | null = null;
  if (evidence) scraped = true;
  else if (judged) scraped = false;
  return { serviceMonitors, podMonitors, scrapeAnnotation, scraped };
}

const INJECT =
  /^instrumentation\.opentelemetry\.io\/inject-(java|nodejs|python|dotnet|go|sdk)$/;
const OTLP = [
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
];

/** OpenTelemetry injection annotations and exporter variables of a pod template. */
export function tracingOf(
  source: WorkloadSource,
  options: FactOptions,
): WorkloadFacts['tracing'] {
  const annotations = strMap(at(source.template, 'metadata', 'annotations'));
  const injectAnnotations = Object.entries(annotations)
    .filter(([k, v]) => INJECT.test(k) && v.toLowerCase() !== 'false')
    .map(([k]) => k);
  const env = envValues(source.podSpec);
  const exporterConfigured = [...OTLP, ...options.tracingEnvVars].some(n =>
    env.has(n),
  );
  const disabled =
    env.get('OTEL_SDK_DISABLED')?.toLowerCase() === 'true' ||
    env.get('OTEL_TRACES_EXPORTER')?.toLowerCase() === 'none';
  return {
    injectAnnotations,
    exporterConfigured,
    disabled,
    enabled: (injectAnnotations.length > 0 || exporterConfigured) && !disabled,
  };
}

/** Does any rule expression of the PrometheusRule mention one of the words? */
function mentions(rule: KubeObject, words: string[]): boolean {
  return objs(at(rule, 'spec', 'groups'))
    .flatMap(g => objs(g.rules))
    .some(r => {
      const expr = String(r.expr ?? '');
      return words.some(w => w && expr.includes(w));
    });
}

/**
 * The entity's alerting rules in one cluster: from the PrometheusRules
 * labelled for the entity (`labelled`) and those in its workloads'
 * namespaces whose expressions mention the namespace or a workload's name,
 * in the snapshot's order.
 */
export function alertRulesOf(
  index: SnapshotIndex,
  labelled: KubeObject[],
  namespaces: Set<string>,
  names: string[],
  owner: string | undefined,
  options: FactOptions,
): AlertRuleFacts[] {
  const cluster = index.snapshot.cluster.name;
  const rules = index.inSnapshotOrder('prometheusRules', [
    ...labelled,
    ...[...namespaces].flatMap(ns =>
      index
        .inNamespace('prometheusRules', ns)
        .filter(pr => mentions(pr, [ns, ...names])),
    ),
  ]);
  return rules.flatMap(pr =>
    objs(at(pr, 'spec', 'groups')).flatMap(group =>
      objs(group.rules)
        .filter(r => typeof r.alert === 'string')
        .map(r => {
          const labels = strMap(r.labels);
          const annotations = strMap(r.annotations);
          const routingLabel = labels[options.alertRoutingLabel] ?? null;
          return {
            label: `alert ${r.alert} (PrometheusRule ${namespaceOf(
              pr,
            )}/${nameOf(pr)} in ${cluster})`,
            name: r.alert as string,
            group: str(group.name) ?? '',
            prometheusRule: nameOf(pr),
            namespace: namespaceOf(pr),
            cluster,
            labels,
            annotations,
            runbookUrl: annotations.runbook_url ?? null,
            severity: labels.severity ?? null,
            routingLabel,
            routedToOwner: owner !== undefined && routingLabel === owner,
          };
        }),
    ),
  );
}

/** AlertmanagerConfigs in the namespaces that page through PagerDuty or Opsgenie. */
export function pagingAlertmanagerConfigsOf(
  index: SnapshotIndex,
  namespaces: Set<string>,
): string[] {
  return index
    .inSnapshotOrder(
      'alertmanagerConfigs',
      [...namespaces].flatMap(ns =>
        index.inNamespace('alertmanagerConfigs', ns),
      ),
    )
    .filter(amc =>
      objs(at(amc, 'spec', 'receivers')).some(
        r =>
          arr(r.pagerdutyConfigs).length > 0 ||
          arr(r.opsgenieConfigs).length > 0,
      ),
    )
    .map(
      amc =>
        `${namespaceOf(amc)}/${nameOf(amc)} in ${index.snapshot.cluster.name}`,
    );
}
