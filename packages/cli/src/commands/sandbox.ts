import { Command } from 'commander';
import { positiveInteger, stringOption, UsageError } from '../arguments.js';
import type { RunContext } from '../run-context.js';

/** What this command needs of `@org/sandbox`, loaded only when the command runs. */
interface SandboxModule {
  startSandbox(options: {
    provider: 'okta' | 'workato';
    users?: number;
    seed?: number;
    port?: number;
    apiToken?: string;
  }): Promise<{
    url: string;
    connection: { params: Record<string, string>; auth: Record<string, string>; baseUrl: string };
    close(): Promise<void>;
  }>;
}

/** The environment variable the printed command lines read the sandbox token from. */
const TOKEN_VARIABLE = 'ORG_ENGINE_SANDBOX_TOKEN';

async function loadSandbox(): Promise<SandboxModule> {
  try {
    // A variable specifier keeps bundlers from pulling the optional package in.
    const name = '@org/sandbox';
    return (await import(name)) as SandboxModule;
  } catch {
    throw new UsageError('the sandbox command needs @org/sandbox: npm install @org/sandbox');
  }
}

/** The connection options that reach the sandbox, as command-line arguments. */
function connectionArguments(
  connection: Awaited<ReturnType<SandboxModule['startSandbox']>>['connection'],
): string {
  const params = Object.entries(connection.params).map(([name, value]) => `--param ${name}=${value}`);
  const fields = Object.keys(connection.auth)
    .filter((name) => name !== 'method')
    .map((name) => `--auth-field ${name}=env:${TOKEN_VARIABLE}`);
  return [
    `--base-url ${connection.baseUrl}`,
    ...params,
    `--auth method=${connection.auth.method}`,
    ...fields,
  ].join(' ');
}

/**
 * `org-engine sandbox --provider okta|workato`: a local Okta- or Workato-compatible server with
 * seeded data (from `@org/sandbox`), until Ctrl-C. Prints the token and the connection options
 * that `list`, `get` and `proxy` need to reach it.
 */
export function sandboxCommand(context: RunContext): Command {
  return new Command('sandbox')
    .description('run a local Okta- or Workato-compatible server with seeded data, until Ctrl-C')
    .requiredOption('--provider <id>', 'okta or workato')
    .option('--users <n>', 'users (Okta) or collaborators (Workato); default 1000 / 40')
    .option('--seed <n>', 'seed of the generated data; default 1')
    .option('--port <n>', 'port to listen on; default any free port')
    .option('--api-token <token>', 'the API token to accept; default derived from the seed')
    .action(async (values: Record<string, unknown>) => {
      const provider = stringOption(values, 'provider');
      if (provider !== 'okta' && provider !== 'workato')
        throw new UsageError('--provider must be okta or workato');
      const users = positiveInteger('users', stringOption(values, 'users'));
      const seed = positiveInteger('seed', stringOption(values, 'seed'));
      const port = stringOption(values, 'port');
      const apiToken = stringOption(values, 'apiToken');
      const { startSandbox } = await loadSandbox();
      const sandbox = await startSandbox({
        provider,
        ...(users === undefined ? {} : { users }),
        ...(seed === undefined ? {} : { seed }),
        ...(port === undefined ? {} : { port: Number(port) }),
        ...(apiToken === undefined ? {} : { apiToken }),
      });
      const token = Object.entries(sandbox.connection.auth).find(([name]) => name !== 'method')?.[1] ?? '';
      await context.print(`${provider} sandbox listening on ${sandbox.url}`);
      await context.print(`export ${TOKEN_VARIABLE}=${token}`);
      await context.print(
        `org-engine list ${provider} user-directory/users ${connectionArguments(sandbox.connection)}`,
      );
      await context.print('Press Ctrl-C to stop.');
      await context.flush();
      const signal = context.signal;
      if (signal && !signal.aborted)
        await new Promise((done) => signal.addEventListener('abort', done, { once: true }));
      await sandbox.close();
    });
}
