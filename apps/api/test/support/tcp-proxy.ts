import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a dependency (PostgreSQL, Redis), for fault tests: `cut()` drops every
 * open connection and refuses new ones, as a dead link or a crashed server would; `restore()`
 * lets connections through again. The machine's shared services are never touched.
 */
export interface TcpProxy {
  /** host:port to give the process under test instead of the real one. */
  readonly port: number;
  url(original: string): string;
  cut(): void;
  restore(): void;
  /** Connections that have gone through since start. */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let cut = false;
  let connections = 0;
  const server: Server = createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    connections++;
    const upstream = connect(target.port, target.host);
    const pair = [client, upstream];
    for (const socket of pair) {
      open.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        open.delete(socket);
        for (const other of pair) other.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url(original: string) {
      const parsed = new URL(original);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    cut() {
      cut = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      cut = false;
    },
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((done) => {
        cut = true;
        for (const socket of open) socket.destroy();
        server.close(() => done());
      }),
  };
}
