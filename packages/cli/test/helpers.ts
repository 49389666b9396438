import { runCli } from '../src/index.js';

/** What one in-process run of the CLI printed, and its exit status. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `org-engine <args>` in-process with the given environment and collects its output. */
export async function run(args: readonly string[], env: Record<string, string> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env,
  });
  return { code, stdout, stderr };
}

/** The repository's Okta provider folder, relative to this package (where vitest runs). */
export const OKTA_PROVIDER_DIR = '../../providers/okta';

/** Non-empty lines of a text. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
