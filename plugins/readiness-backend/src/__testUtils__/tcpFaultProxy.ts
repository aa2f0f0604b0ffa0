import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a server (e.g. PostgreSQL), for fault
 * tests: `cut()` drops every open connection and refuses new ones, as a
 * restarting server does, until `restore()` listens on the same port again.
 */
export class TcpFaultProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private constructor(
    private readonly target: { host: string; port: number },
    private listenPort: number,
  ) {}

  static async start(target: {
    host: string;
    port: number;
  }): Promise<TcpFaultProxy> {
    const proxy = new TcpFaultProxy(target, 0);
    await proxy.listen();
    return proxy;
  }

  get port(): number {
    return this.listenPort;
  }

  /** Destroys every open connection and refuses new ones until `restore()`. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>(resolve => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /** Accepts connections on the same port again. */
  async restore(): Promise<void> {
    if (!this.server) await this.listen();
  }

  close(): Promise<void> {
    return this.cut();
  }

  private listen(): Promise<void> {
    const server = createServer(client => {
      const upstream = connect(this.target.port, this.target.host);
      const pair = [client, upstream];
      for (const socket of pair) {
        this.sockets.add(socket);
        socket.on('error', () => pair.forEach(s => s.destroy()));
        socket.on('close', () => {
          this.sockets.delete(socket);
          pair.forEach(s => s.destroy());
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.listenPort, '127.0.0.1', () => {
        this.listenPort = (server.address() as AddressInfo).port;
        this.server = server;
        resolve();
      });
    });
  }
}
