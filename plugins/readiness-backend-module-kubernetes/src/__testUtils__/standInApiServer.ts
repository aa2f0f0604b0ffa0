import {
  createServer as createHttpServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { AddressInfo } from 'node:net';
import { KINDS, KindSpec } from '../facts/kinds';
import { KubeObject } from '../facts/objects';
import { parseLabelSelector, selects } from '../facts/selectors';

/** A served resource. */
type Served = Pick<
  KindSpec,
  'group' | 'version' | 'kind' | 'plural' | 'namespaced'
>;

/** Every kind the provider lists, plus a few it does not, as a real server has more. */
const SERVED: Served[] = [
  ...KINDS,
  {
    group: '',
    version: 'v1',
    kind: 'PersistentVolumeClaim',
    plural: 'persistentvolumeclaims',
    namespaced: true,
  },
  {
    group: 'apps',
    version: 'v1',
    kind: 'ReplicaSet',
    plural: 'replicasets',
    namespaced: true,
  },
];

/** How a stand-in cluster behaves. */
export interface StandInOptions {
  /** Objects served, with `apiVersion` and `kind`. */
  objects: KubeObject[];
  /** The bearer token every request must carry (401 otherwise). */
  token: string;
  /** Answer every authenticated request with 403. */
  forbidden?: boolean;
  /** Plurals (e.g. `nodes`) the caller may not list (403). */
  forbiddenResources?: string[];
  /** API groups the cluster does not serve (404 on discovery and lists). */
  absentGroups?: string[];
  /** Milliseconds to wait before answering lists of these plurals. */
  slowResources?: Record<string, number>;
  /** Serve HTTPS with this key and certificate instead of HTTP. */
  tls?: { key: string; cert: string };
  /** Answer every authenticated request with this `Status` error (e.g. 500). */
  failWith?: { code: number; reason: string; message: string };
  /** Answer LIST requests with 200 and a body cut off in the middle of the JSON. */
  truncateLists?: boolean;
}

/** One request the stand-in received. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorized: boolean;
}

/** A running stand-in API server. */
export interface StandInApiServer {
  url: string;
  requests: RecordedRequest[];
  /** LIST requests (not discovery) per plural, e.g. `{ deployments: 2 }`. */
  listCalls(): Record<string, number>;
  /** Replaces the served objects (bumps the resourceVersion, expiring continue tokens). */
  setObjects(objects: KubeObject[]): void;
  /** Changes how the server behaves from now on (e.g. starts answering 403). */
  update(changes: Partial<Omit<StandInOptions, 'objects' | 'tls'>>): void;
  /** Drops open connections and refuses new ones, as a server that is down. */
  stop(): Promise<void>;
  /** Listens on the same port again after `stop()`. */
  start(): Promise<void>;
  close(): Promise<void>;
}

function status(
  res: ServerResponse,
  code: number,
  reason: string,
  message: string,
) {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(
    JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      code,
    }),
  );
}

function json(res: ServerResponse, body: unknown) {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function groupVersions(absent: Set<string>) {
  const byGroup = new Map<string, Set<string>>();
  for (const k of SERVED) {
    if (!k.group || absent.has(k.group)) continue;
    byGroup.set(k.group, (byGroup.get(k.group) ?? new Set()).add(k.version));
  }
  return byGroup;
}

function resourceList(groupVersion: string, kinds: Served[]) {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources: kinds.map(k => ({
      name: k.plural,
      singularName: k.kind.toLowerCase(),
      namespaced: k.namespaced,
      kind: k.kind,
      verbs: ['get', 'list', 'watch'],
    })),
  };
}

interface ContinueToken {
  rv: string;
  offset: number;
}

/**
 * Starts a stand-in for a Kubernetes API server on 127.0.0.1: discovery
 * (`/api`, `/apis`, group versions), LIST of every kind the provider reads,
 * cluster-wide and per namespace, with `labelSelector`, `limit` and
 * `continue` (tokens expire with 410 when the objects change), List kinds
 * such as `DeploymentList`, and `Status` errors (401, 403, 404).
 */
export async function startStandInApiServer(
  initial: StandInOptions,
): Promise<StandInApiServer> {
  const options = { ...initial };
  let objects = options.objects;
  let resourceVersion = 1000;
  const absentGroups = () => new Set(options.absentGroups ?? []);
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();

  const stamp = (o: KubeObject, i: number): KubeObject => ({
    ...o,
    metadata: {
      uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      resourceVersion: String(resourceVersion - i),
      creationTimestamp: '2026-01-01T00:00:00Z',
      ...o.metadata,
    },
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const absent = absentGroups();
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const query = Object.fromEntries(url.searchParams.entries());
    const authorized = req.headers.authorization === `Bearer ${options.token}`;
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query,
      authorized,
    });
    if (!authorized) {
      status(res, 401, 'Unauthorized', 'Unauthorized');
      return;
    }
    const path = url.pathname.replace(/\/+$/, '');
    if (options.failWith) {
      const { code, reason, message } = options.failWith;
      status(res, code, reason, message);
      return;
    }
    if (options.forbidden) {
      status(
        res,
        403,
        'Forbidden',
        `forbidden: User "system:serviceaccount:readiness:reader" cannot get path "${path}"`,
      );
      return;
    }
    if (path === '/version') {
      json(res, {
        major: '1',
        minor: '32',
        gitVersion: 'v1.32.0-standin',
        platform: 'linux/amd64',
      });
      return;
    }
    if (path === '/api') {
      json(res, {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [
          { clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' },
        ],
      });
      return;
    }
    if (path === '/apis') {
      const groups = [...groupVersions(absent)].map(([name, versions]) => {
        const list = [...versions].map(v => ({
          groupVersion: `${name}/${v}`,
          version: v,
        }));
        return { name, versions: list, preferredVersion: list[0] };
      });
      json(res, { kind: 'APIGroupList', apiVersion: 'v1', groups });
      return;
    }
    const discovery = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    if (discovery) {
      const group = discovery[2] ?? '';
      const version = discovery[1] ?? discovery[3];
      const kinds = SERVED.filter(
        k => k.group === group && k.version === version && !absent.has(k.group),
      );
      if (!kinds.length) {
        status(
          res,
          404,
          'NotFound',
          'the server could not find the requested resource',
        );
        return;
      }
      json(res, resourceList(group ? `${group}/${version}` : version, kinds));
      return;
    }
    const list =
      /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+))?\/([^/]+)$/.exec(
        path,
      );
    const group = list?.[2] ?? '';
    const version = list?.[1] ?? list?.[3];
    const kind =
      list &&
      SERVED.find(
        k => k.group === group && k.version === version && k.plural === list[5],
      );
    if (
      !list ||
      !kind ||
      absent.has(kind.group) ||
      (list[4] && !kind.namespaced)
    ) {
      status(
        res,
        404,
        'NotFound',
        'the server could not find the requested resource',
      );
      return;
    }
    if (options.forbiddenResources?.includes(kind.plural)) {
      const scope = list[4]
        ? `in the namespace "${list[4]}"`
        : 'at the cluster scope';
      status(
        res,
        403,
        'Forbidden',
        `${kind.plural}${
          kind.group ? `.${kind.group}` : ''
        } is forbidden: User "system:serviceaccount:readiness:reader" cannot list resource "${
          kind.plural
        }" in API group "${kind.group}" ${scope}`,
      );
      return;
    }
    const delay = options.slowResources?.[kind.plural];
    if (delay) await new Promise(resolve => setTimeout(resolve, delay));
    let selector;
    try {
      selector = query.labelSelector
        ? parseLabelSelector(query.labelSelector)
        : [];
    } catch (e) {
      status(
        res,
        400,
        'BadRequest',
        `unable to parse requirement: ${(e as Error).message}`,
      );
      return;
    }
    const matching = objects
      .filter(
        o =>
          o.kind === kind.kind &&
          (o.apiVersion ?? '').split('/')[0] === (kind.group || 'v1'),
      )
      .filter(o => !list[4] || o.metadata?.namespace === list[4])
      .filter(o => selects(selector, o.metadata?.labels ?? {}))
      .map(stamp);
    let offset = 0;
    if (query.continue) {
      let token: ContinueToken | undefined;
      try {
        token = JSON.parse(
          Buffer.from(query.continue, 'base64url').toString('utf8'),
        );
      } catch {
        token = undefined;
      }
      if (!token || token.rv !== String(resourceVersion)) {
        status(
          res,
          410,
          'Expired',
          'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
        );
        return;
      }
      offset = token.offset;
    }
    const limit = query.limit ? Number(query.limit) : 0;
    const page =
      limit > 0
        ? matching.slice(offset, offset + limit)
        : matching.slice(offset);
    const next = offset + page.length;
    const metadata: Record<string, unknown> = {
      resourceVersion: String(resourceVersion),
    };
    if (limit > 0 && next < matching.length) {
      metadata.continue = Buffer.from(
        JSON.stringify({ rv: String(resourceVersion), offset: next }),
      ).toString('base64url');
      metadata.remainingItemCount = matching.length - next;
    }
    if (options.truncateLists) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(`{"kind":"${kind.kind}List","items":[{"metadata":{"na`);
      return;
    }
    json(res, {
      kind: `${kind.kind}List`,
      apiVersion: kind.group ? `${kind.group}/${kind.version}` : kind.version,
      metadata,
      items: page.map(({ apiVersion: _a, kind: _k, ...rest }) => rest),
    });
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(e => status(res, 500, 'InternalError', String(e)));
  };
  const server: Server = options.tls
    ? createHttpsServer(options.tls, listener)
    : createHttpServer(listener);
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>(resolve => {
      for (const socket of sockets) socket.destroy();
      if (!server.listening) resolve();
      else server.close(() => resolve());
    });
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    listCalls() {
      const calls: Record<string, number> = {};
      for (const r of requests) {
        const m =
          /^\/(?:api\/v1|apis\/[^/]+\/[^/]+)(?:\/namespaces\/[^/]+)?\/([^/]+)$/.exec(
            r.path,
          );
        if (m) calls[m[1]] = (calls[m[1]] ?? 0) + 1;
      }
      return calls;
    },
    setObjects(next) {
      objects = next;
      resourceVersion++;
    },
    update(changes) {
      Object.assign(options, changes);
    },
    stop,
    start: () =>
      new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve)),
    close: stop,
  };
}
