/**
 * A sandbox (Okta unless told otherwise) in a child process. The server's own work (building
 * users, serialising JSON) then runs on its own core and never shows up in the client's time,
 * CPU, RSS or heap, which is what the benchmarks compare. The parent asks the child for its
 * request count and CPU time. The child also runs a zero-cost server in front of the sandbox
 * (`zeroCost`, see zero-cost-server.ts).
 *
 * Run by the benchmarks; this file forks itself with `--serve <users> <seed>`.
 */
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startZeroCostServer, type ZeroCostServer } from './zero-cost-server.js';

export type SandboxProviderId = 'okta' | 'workato';

export interface SandboxInfo {
  url: string;
  token: string;
  connection: { params: Record<string, string>; auth: { method: string; token: string }; baseUrl: string };
  expected: Record<string, number>;
  /** The zero-cost server in front of the sandbox: its origin and the provider's base URL there. */
  zeroCost: { url: string; baseUrl: string };
}

/** Cumulative counters of the server process. */
export interface ServerStats {
  /** Requests the sandbox received (the zero-cost server's first requests included). */
  requests: number;
  cpuMs: number;
  /** Requests the zero-cost server answered from memory, and those it had to forward. */
  zeroCostHits: number;
  zeroCostMisses: number;
}

export interface RemoteSandbox extends SandboxInfo {
  stats(): Promise<ServerStats>;
  close(): Promise<void>;
}

type ChildMessage = ({ type: 'ready' } & SandboxInfo) | ({ type: 'stats' } & ServerStats);

const SERVE_FLAG = '--serve';

/** Starts `startSandbox({ provider, users, seed, rateLimit: false })` in a child process. */
export async function startRemoteSandbox(
  users: number,
  seed: number,
  provider: SandboxProviderId = 'okta',
): Promise<RemoteSandbox> {
  const child = fork(fileURLToPath(import.meta.url), [SERVE_FLAG, String(users), String(seed), provider], {
    // Not the parent's flags: --cpu-prof or --expose-gc are meant for the client only.
    execArgv: ['--conditions=@org/source', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: Array<{ resolve: (message: ChildMessage) => void; reject: (error: Error) => void }> = [];
  child.on('message', (message: ChildMessage) => waiting.shift()?.resolve(message));
  child.on('exit', (code) => {
    for (const waiter of waiting.splice(0)) waiter.reject(new Error(`the sandbox process exited (${code})`));
  });
  const next = () => new Promise<ChildMessage>((resolve, reject) => waiting.push({ resolve, reject }));
  const ready = await next();
  if (ready.type !== 'ready') throw new Error('the sandbox process did not start');
  const { type: _type, ...info } = ready;
  return {
    ...info,
    async stats() {
      const reply = next();
      child.send({ type: 'stats' });
      const message = await reply;
      if (message.type !== 'stats') throw new Error('unexpected message from the sandbox process');
      const { type: _stats, ...stats } = message;
      return stats;
    },
    async close() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'close' });
      await exited;
    },
  };
}

async function serve(users: number, seed: number, provider: SandboxProviderId): Promise<void> {
  const { startSandbox } = await import('../packages/sandbox/src/index.js');
  const sandbox = await startSandbox({ provider, users, seed, rateLimit: false });
  const zeroCost: ZeroCostServer = await startZeroCostServer(sandbox.url);
  const send = (message: ChildMessage) => process.send?.(message);
  send({
    type: 'ready',
    url: sandbox.url,
    token: sandbox.credentials.apiToken,
    connection: {
      params: sandbox.connection.params,
      auth: { method: 'api_token', token: sandbox.credentials.apiToken },
      baseUrl: sandbox.connection.baseUrl,
    },
    expected: { ...sandbox.expected },
    zeroCost: { url: zeroCost.url, baseUrl: sandbox.connection.baseUrl.replace(sandbox.url, zeroCost.url) },
  });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stats') {
      const cpu = process.cpuUsage();
      const { hits, misses } = zeroCost.counts();
      send({
        type: 'stats',
        requests: sandbox.requestCount(),
        cpuMs: (cpu.user + cpu.system) / 1000,
        zeroCostHits: hits,
        zeroCostMisses: misses,
      });
    } else if (message.type === 'close') {
      Promise.allSettled([zeroCost.close(), sandbox.close()]).finally(() => process.exit(0));
    }
  });
  // The parent went away without closing: do not linger.
  process.on('disconnect', () => process.exit(0));
}

const entry = process.argv[1] ? pathToFileURL(process.argv[1]).href : '';
if (entry === import.meta.url && process.argv[2] === SERVE_FLAG) {
  await serve(
    Number(process.argv[3]),
    Number(process.argv[4]),
    (process.argv[5] ?? 'okta') as SandboxProviderId,
  );
}
