import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { TestGitRepository } from './gitRepository';

/**
 * How the stand-in fails every request until the fault is cleared: an HTTP
 * error with GitHub's JSON body, a delay before answering, or a 200 whose
 * JSON is cut off.
 */
export type GithubFault =
  | { status: number; message: string }
  | { delayMs: number }
  | { truncatedJson: true };

/** A request the stand-in received. */
export interface RecordedRequest {
  method: string;
  path: string;
  ifNoneMatch?: string;
}

/**
 * A GitHub Enterprise-style REST API on 127.0.0.1 serving real git
 * repositories, shaped as Backstage's GithubUrlReader reads them:
 *
 * - `GET /api/v3/repos/{owner}/{repo}` (default branch),
 * - `GET /api/v3/repos/{owner}/{repo}/commits/{ref}/status` (combined
 *   status: `sha` and `repository.archive_url`),
 * - `GET /api/v3/repos/{owner}/{repo}/tarball/{sha}` (`git archive`
 *   output, `ETag`, `304` for a matching `If-None-Match`).
 *
 * With a token set, requests without `Authorization: Bearer <token>` get 401.
 */
export class GithubStandIn {
  readonly requests: RecordedRequest[] = [];
  private readonly repositories = new Map<string, TestGitRepository>();
  /** Tarballs served instead of `git archive`, by full name. */
  readonly tarballOverrides = new Map<string, Buffer>();
  /** Set to fail every request this way; unset to answer normally again. */
  fault?: GithubFault;
  private port = 0;

  private constructor(
    private readonly server: Server,
    private readonly token?: string,
  ) {}

  static async start(options: { token?: string } = {}): Promise<GithubStandIn> {
    const handlers: Array<(req: IncomingMessage, res: ServerResponse) => void> =
      [];
    const server = createServer((req, res) => handlers[0](req, res));
    const standIn = new GithubStandIn(server, options.token);
    handlers.push((req, res) => standIn.handle(req, res));
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    standIn.port = (server.address() as AddressInfo).port;
    return standIn;
  }

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Drops open connections and refuses new ones, as a host that is down. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  /** Listens on the same port again after `stop()`. */
  async resume(): Promise<void> {
    await new Promise<void>(resolve =>
      this.server.listen(this.port, '127.0.0.1', resolve),
    );
  }

  get apiBaseUrl(): string {
    return `http://${this.host}/api/v3`;
  }

  /** The `integrations.github` entry that makes Backstage read from the stand-in. */
  integration(token?: string) {
    return {
      host: this.host,
      apiBaseUrl: this.apiBaseUrl,
      ...(token ? { token } : {}),
    };
  }

  /** The web URL of a tree, as a source-location annotation names it. */
  treeUrl(fullName: string, ref = 'main', path = ''): string {
    return `http://${this.host}/${fullName}/tree/${ref}/${path}`;
  }

  serve(repository: TestGitRepository): void {
    this.repositories.set(repository.fullName, repository);
  }

  /** Requests whose path matches, e.g. `/tarball/` downloads. */
  count(pattern: RegExp): number {
    return this.requests.filter(r => pattern.test(r.path)).length;
  }

  async close(): Promise<void> {
    if (this.server.listening) await this.stop();
  }

  private json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
    });
    res.end(JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const fault = this.fault;
    if (fault && 'delayMs' in fault) {
      setTimeout(() => this.answer(req, res), fault.delayMs);
      return;
    }
    if (fault && 'status' in fault) {
      this.json(res, fault.status, {
        message: fault.message,
        documentation_url: 'https://docs.github.com/rest',
      });
      return;
    }
    if (fault) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"full_name":"example-org/');
      return;
    }
    this.answer(req, res);
  }

  private answer(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', `http://${this.host}`);
    const ifNoneMatch = req.headers['if-none-match'];
    this.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      ifNoneMatch: typeof ifNoneMatch === 'string' ? ifNoneMatch : undefined,
    });
    if (this.token && req.headers.authorization !== `Bearer ${this.token}`) {
      this.json(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      });
      return;
    }
    const match = /^\/api\/v3\/repos\/([^/]+)\/([^/]+)(?:\/(.*))?$/.exec(
      url.pathname,
    );
    const repository =
      match && this.repositories.get(`${match[1]}/${match[2]}`);
    if (!match || !repository) {
      this.json(res, 404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
      });
      return;
    }
    const [, owner, name, rest = ''] = match;
    const api = `${this.apiBaseUrl}/repos/${owner}/${name}`;
    if (rest === '') {
      this.json(res, 200, {
        full_name: `${owner}/${name}`,
        default_branch: 'main',
      });
      return;
    }
    const status = /^commits\/(.+)\/status$/.exec(rest);
    if (status) {
      const sha = repository.resolve(decodeURIComponent(status[1]));
      if (!sha) {
        this.json(res, 422, {
          message: `No commit found for SHA: ${status[1]}`,
        });
        return;
      }
      this.json(res, 200, {
        state: 'success',
        sha,
        total_count: 0,
        statuses: [],
        repository: {
          full_name: `${owner}/${name}`,
          archive_url: `${api}/{archive_format}{/ref}`,
          trees_url: `${api}/git/trees{/sha}`,
        },
      });
      return;
    }
    const tarball = /^tarball\/([0-9a-f]{40})$/.exec(rest);
    if (tarball) {
      const sha = tarball[1];
      const etag = `"${sha}"`;
      if (ifNoneMatch === etag) {
        res.writeHead(304, { ETag: etag });
        res.end();
        return;
      }
      const body =
        this.tarballOverrides.get(`${owner}/${name}`) ??
        repository.tarball(sha);
      res.writeHead(200, {
        'Content-Type': 'application/x-gzip',
        'Content-Length': body.length,
        ETag: etag,
      });
      res.end(body);
      return;
    }
    this.json(res, 404, { message: 'Not Found' });
  }
}
