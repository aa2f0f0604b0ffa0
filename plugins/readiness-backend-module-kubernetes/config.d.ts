import { HumanDuration } from '@backstage/types';

export interface Config {
  readiness?: {
    /**
     * The Kubernetes fact provider (`@readiness/backstage-plugin-readiness-backend-module-kubernetes`).
     */
    kubernetes?: {
      /**
       * Clusters to read. Without this key, a backend running in a pod reads
       * its own cluster (as `in-cluster`, environment `production`) with the
       * pod's service account; elsewhere no cluster is read.
       */
      clusters?: Array<{
        /** Unique name, shown in facts, evidence and the status endpoint. */
        name: string;
        /**
         * `api` (default): read through the Kubernetes API.
         * `manifests`: read YAML manifests from a directory.
         */
        type?: 'api' | 'manifests';
        /** `production`, `staging`, ...; checks read production clusters unless they say otherwise. */
        environment: string;
        /** Region of the cluster, e.g. `eu-west-1`; `res-multi-cluster` compares regions. */
        region?: string;
        /** API server URL (type `api`), e.g. `https://k8s.example.com:6443`. */
        url?: string;
        /** How to authenticate (type `api`): a bearer or service-account token. */
        auth?: {
          /**
           * The token itself, usually `${K8S_PROD_TOKEN}`.
           * @visibility secret
           */
          token?: string;
          /** Name of an environment variable holding the token, read at every listing. */
          tokenEnv?: string;
          /** File holding the token (e.g. a projected service-account token), read at every listing. */
          tokenFile?: string;
        };
        /** Base64-encoded PEM of the CA that signed the API server's certificate. */
        caData?: string;
        /** Path of a PEM file of that CA. */
        caFile?: string;
        /** Do not verify the server certificate (development only; required for `http://` URLs). */
        skipTLSVerify?: boolean;
        /**
         * List only these namespaces, one LIST per kind per namespace.
         * Default: all namespaces, one LIST per kind.
         */
        namespaces?: string[];
        /** Time limit of each API request. Default 10 seconds. */
        timeout?: HumanDuration | string;
        /**
         * Kinds not to list, by their facts key (e.g. `configMaps`,
         * `clusterRoleBindings`); the facts that need them become unknown.
         */
        skipKinds?: string[];
        /** Prometheus in this cluster scrapes pods by `prometheus.io/scrape` annotations. Default false. */
        annotationScraping?: boolean;
        /** Environments of namespaces that differ from the cluster's, e.g. `{ payments-staging: staging }`. */
        namespaceEnvironments?: { [namespace: string]: string };
        /**
         * Where container rules read pod specs: `template` (default) or
         * `pods` (the live Pods, which show injected sidecars and defaults).
         */
        podSpecSource?: 'template' | 'pods';
        /** Directory of manifests (type `manifests`), relative to the backend's working directory. */
        path?: string;
        /** The manifests are a recorded live state with status and Pods (type `manifests`). Default false. */
        live?: boolean;
        /** Turn `T-9h`-style strings into timestamps relative to the time of reading (demos). Default false. */
        relativeTimes?: boolean;
        /**
         * API groups or kind keys the manifests cluster serves (type
         * `manifests`), e.g. `monitoring.coreos.com`. Custom resources count as
         * installed when listed here, defined by a CRD in the manifests, or present.
         */
        installed?: string[];
        /**
         * How long a manifests snapshot counts as observed, for the record of
         * staging digests (demos). Default 0.
         */
        observedFor?: HumanDuration | string;
      }>;
      /** How long a listing is reused by later batches. Default 2 minutes. */
      cacheTtl?: HumanDuration | string;
      /** Items per LIST page (`limit`). Default 500. */
      pageSize?: number;
      /** LIST requests in flight per cluster. Default 4. */
      concurrency?: number;
      /** Backoff after a failed listing, doubling up to the maximum. */
      retry?: {
        /** Default 30 seconds. */
        initialBackoff?: HumanDuration | string;
        /** Default 10 minutes. */
        maxBackoff?: HumanDuration | string;
      };
      /** Label the central Alertmanager routes on; its value must name the owner Group. Default `team`. */
      alertRoutingLabel?: string;
      /** Credential-like names that are harmless, e.g. `TOKEN_URL`. */
      secretNameAllowList?: string[];
      /** Environment variables of vendor agents that count as a tracing exporter. */
      tracingEnvVars?: string[];
    };
  };
}
