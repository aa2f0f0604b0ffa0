import { arr, at, bool, obj, objs, str, strMap, unique } from './json';
import { KubeObject, labelsOf, nameOf, namespaceOf } from './objects';
import { FactOptions } from './options';
import { fromLabelSelector, LabelRequirements, selects } from './selectors';
import { filingsOf, selectorFilings } from './selectorIndex';
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

/** A monitor's label selector (`spec.selector`). */
function monitorSelector(monitor: KubeObject): LabelRequirements | undefined {
  return fromLabelSelector(at(monitor, 'spec', 'selector'));
}

/**
 * ServiceMonitors or PodMonitors whose `namespaceSelector` covers the
 * namespace and whose selector may select one of the label sets, in the
 * snapshot's order: monitors are filed under each namespace they cover
 * crossed with their selector's filing.
 */
function monitorsFor(
  index: SnapshotIndex,
  kind: 'serviceMonitors' | 'podMonitors',
  namespace: string,
  labelSets: Array<Record<string, string>>,
): KubeObject[] {
  const keysOf = (monitor: KubeObject) => {
    const filings = selectorFilings(monitorSelector(monitor));
    return coveredNamespaceKeys(monitor).flatMap(covered =>
      filings.map(f => JSON.stringify([covered, f])),
    );
  };
  const filings = unique(labelSets.flatMap(filingsOf));
  const filed = (covered: string) =>
    filings.flatMap(f =>
      index.withKey(
        kind,
        'covered namespaces and selector',
        keysOf,
        JSON.stringify([covered, f]),
      ),
    );
  return index.inSnapshotOrder(kind, [
    ...filed('any'),
    ...filed(`namespace ${namespace}`),
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
    ? monitorsFor(
        index,
        'serviceMonitors',
        source.namespace,
        services.map(labelsOf),
      )
        .filter(sm => {
          const selector = monitorSelector(sm);
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
    ? monitorsFor(index, 'podMonitors', source.namespace, [
        source.templateLabels,
      ])
        .filter(pm => selects(monitorSelector(pm), source.templateLabels))
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

/** The rule expressions of each PrometheusRule, read once per listed object. */
const expressions = new WeakMap<KubeObject, string[]>();

/** Does any rule expression of the PrometheusRule mention one of the words? */
function mentions(rule: KubeObject, words: string[]): boolean {
  let exprs = expressions.get(rule);
  if (!exprs) {
    exprs = objs(at(rule, 'spec', 'groups'))
      .flatMap(g => objs(g.rules))
      .map(r => String(r.expr ?? ''));
    expressions.set(rule, exprs);
  }
  return exprs.some(expr => words.some(w => w && expr.includes(w)));
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
