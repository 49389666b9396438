import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
// By URL, so the process finds tsx whatever folder it runs in (a project outside the repository).
export const TSX = new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

/** A spawned `org-engine` process, with what it has written so far. */
export interface SpawnedCli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit status once the process ends. */
  exited: Promise<number | null>;
  /** Resolves once stdout or stderr (as chosen) matches. */
  waitFor: (stream: 'stdout' | 'stderr', pattern: RegExp) => Promise<void>;
}

/**
 * Runs `org-engine <args>` as its own process, from source through tsx (as a user would run
 * the binary), with only the given environment (and PATH), and `input` on standard input.
 */
export function spawnCli(
  args: readonly string[],
  options: { env?: Record<string, string>; input?: string; cwd?: string } = {},
): SpawnedCli {
  return spawnNode(['--conditions=@org/source', '--import', TSX, CLI, ...args], options);
}

/** Runs `node <args>` as its own process, with only the given environment (and PATH). */
export function spawnNode(
  args: readonly string[],
  options: { env?: Record<string, string>; input?: string; cwd?: string } = {},
): SpawnedCli {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    cwd: options.cwd ?? process.cwd(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const waiter of [...waiters]) waiter();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const waiter of [...waiters]) waiter();
  });
  if (options.input !== undefined) child.stdin?.end(options.input);
  else child.stdin?.end();
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const waitFor = (stream: 'stdout' | 'stderr', pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(stream === 'stdout' ? stdout : stderr)) {
          waiters.splice(waiters.indexOf(check), 1);
          resolve();
        }
      };
      waiters.push(check);
      exited.then(() =>
        reject(new Error(`exited before ${stream} matched ${pattern}:\n${stdout}\n${stderr}`)),
      );
      check();
    });
  return { child, stdout: () => stdout, stderr: () => stderr, exited, waitFor };
}
