import { IncomingMessage, ServerResponse } from 'node:http';
import {
  coreServices,
  createBackendPlugin,
  HttpRouterService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

type Handler = Parameters<HttpRouterService['use']>[0];

async function body(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length
    ? JSON.parse(Buffer.concat(chunks).toString('utf8'))
    : {};
}

function send(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(value));
}

/**
 * A catalog backend plugin that serves fixed entities over the catalog's
 * REST API (`by-name`, `by-refs`, `by-query`), so that the readiness backend's
 * default catalog client reads them over HTTP in `startTestBackend`.
 */
export function fakeCatalogPlugin(entities: Entity[]) {
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  const handler: Handler = (req, res, next) => {
    const { pathname } = new URL(req.url, 'http://catalog');
    const byName = /^\/entities\/by-name\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(
      pathname,
    );
    if (req.method === 'GET' && byName) {
      const entity = byRef.get(
        stringifyEntityRef({
          kind: byName[1],
          namespace: byName[2],
          name: byName[3],
        }),
      );
      if (entity) send(res, 200, entity);
      else
        send(res, 404, {
          error: { name: 'NotFoundError', message: 'no entity' },
        });
      return;
    }
    if (req.method === 'POST' && pathname === '/entities/by-refs') {
      body(req)
        .then(b =>
          send(res, 200, {
            items: (b.entityRefs ?? []).map(
              (r: string) => byRef.get(r) ?? null,
            ),
          }),
        )
        .catch(next);
      return;
    }
    if (req.method === 'GET' && pathname === '/entities/by-query') {
      send(res, 200, {
        items: entities,
        totalItems: entities.length,
        pageInfo: {},
      });
      return;
    }
    next();
  };
  return createBackendPlugin({
    pluginId: 'catalog',
    register(reg) {
      reg.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
          httpRouter.use(handler);
        },
      });
    },
  });
}
