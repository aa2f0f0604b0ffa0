import {
  createConfiguration,
  HttpMethod,
  KubeConfig,
  ServerConfiguration,
} from '@kubernetes/client-node';
import { apiVersionOf, KindSpec, listPath } from '../facts/kinds';
import { KubeObject } from '../facts/objects';
import { ClusterRequestError, httpError } from './errors';

/** How to reach one cluster's API server. */
export interface ClusterConnection {
  name: string;
  url: string;
  /** Returns the bearer token at request time (tokens may rotate). */
  token: () => Promise<string | undefined>;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
  timeoutMs: number;
  pageSize: number;
}

/** A kind listed to the end, with the number of LIST requests it took. */
export interface ListResult {
  items: KubeObject[];
  calls: number;
}

/**
 * Lists Kubernetes collections with `@kubernetes/client-node`: its KubeConfig
 * supplies TLS (CA data or file, skip verification) and its HTTP library
 * sends the requests. Every request carries the caller's AbortSignal and a
 * per-request timeout; collections are read page by page with `limit` and
 * `continue`, and items come back as plain JSON, as the API server sent them.
 */
export class KubernetesListClient {
  private readonly kubeConfig = new KubeConfig();
  private readonly configuration: ReturnType<typeof createConfiguration>;

  constructor(private readonly connection: ClusterConnection) {
    this.kubeConfig.loadFromOptions({
      clusters: [
        {
          name: connection.name,
          server: connection.url,
          caData: connection.caData,
          caFile: connection.caFile,
          skipTLSVerify: connection.skipTLSVerify,
        },
      ],
      users: [{ name: 'readiness' }],
      contexts: [
        { name: 'readiness', cluster: connection.name, user: 'readiness' },
      ],
      currentContext: 'readiness',
    });
    this.configuration = createConfiguration({
      baseServer: new ServerConfiguration(
        connection.url.replace(/\/+$/, ''),
        {},
      ),
    });
  }

  /** One GET returning the status and body text. */
  private async get(
    path: string,
    query: Record<string, string>,
    signal: AbortSignal | undefined,
  ): Promise<{ status: number; text: string }> {
    const context = this.configuration.baseServer.makeRequestContext(
      path,
      HttpMethod.GET,
    );
    for (const [key, value] of Object.entries(query))
      context.setQueryParam(key, value);
    context.setHeaderParam('Accept', 'application/json');
    await this.kubeConfig.applySecurityAuthentication(context);
    const token = await this.connection.token();
    if (token) context.setHeaderParam('Authorization', `Bearer ${token}`);
    const timeout = AbortSignal.timeout(this.connection.timeoutMs);
    context.setSignal(signal ? AbortSignal.any([signal, timeout]) : timeout);
    try {
      const response = await this.configuration.httpApi
        .send(context)
        .toPromise();
      return {
        status: response.httpStatusCode,
        text: await response.body.text(),
      };
    } catch (e) {
      if (timeout.aborted) {
        throw new ClusterRequestError(
          `timed out after ${this.connection.timeoutMs / 1000}s (GET ${path})`,
          undefined,
          'timeout',
        );
      }
      if (signal?.aborted) {
        throw new ClusterRequestError(
          `aborted (GET ${path})`,
          undefined,
          'aborted',
        );
      }
      throw new ClusterRequestError(
        `${(e as Error).message} (GET ${path})`,
        undefined,
        'network',
      );
    }
  }

  /**
   * Lists a kind cluster-wide or in one namespace, following `continue`
   * tokens. An expired token (410 Gone) restarts the listing once. Each item
   * goes through `keep` as its page is read, so that what the caller does
   * not keep is not held until the last page.
   */
  async list(
    kind: KindSpec,
    namespace: string | undefined,
    signal?: AbortSignal,
    keep: (item: KubeObject) => KubeObject = item => item,
  ): Promise<ListResult> {
    const path = listPath(kind, namespace);
    let calls = 0;
    let restarted = false;
    let items: KubeObject[] = [];
    let token: string | undefined;
    for (;;) {
      const query: Record<string, string> = {
        limit: String(this.connection.pageSize),
      };
      if (token) query.continue = token;
      const { status, text } = await this.get(path, query, signal);
      calls++;
      if (status === 410 && token && !restarted) {
        restarted = true;
        items = [];
        token = undefined;
        continue;
      }
      if (status !== 200) throw httpError(status, path, text);
      let body: { items?: unknown; metadata?: { continue?: unknown } };
      try {
        body = JSON.parse(text);
      } catch {
        throw new ClusterRequestError(
          `invalid JSON (GET ${path})`,
          status,
          'http',
        );
      }
      const page = Array.isArray(body.items)
        ? (body.items as KubeObject[])
        : [];
      for (const item of page) {
        items.push(
          keep({
            apiVersion: apiVersionOf(kind),
            kind: kind.kind,
            ...item,
          }),
        );
      }
      token =
        typeof body.metadata?.continue === 'string' && body.metadata.continue
          ? body.metadata.continue
          : undefined;
      if (!token) return { items, calls };
    }
  }
}
