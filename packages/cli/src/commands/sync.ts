import { readFileSync } from 'node:fs';
import type { ConnectOptions } from '@org/engine';
import { createSync, type RunMode, type Sync } from '@org/sync';
import { Command } from 'commander';
import {
  modelResource,
  type ParsedArguments,
  parseCommand,
  positiveInteger,
  resolveEnvValue,
  stringOption,
  UsageError,
} from '../arguments.js';
import {
  applyEnvFile,
  CONNECTION_OPTIONS,
  camelCaseValues,
  connectOptions,
  createCliEngine,
  PROVIDER_DIR_OPTIONS,
} from '../connection-options.js';
import type { RunContext } from '../run-context.js';

const DATABASE_OPTIONS = {
  database: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

const RUN_OPTIONS = {
  ...DATABASE_OPTIONS,
  'connection-id': { type: 'string' },
  mode: { type: 'string' },
  every: { type: 'string' },
  'full-every': { type: 'string' },
  changes: { type: 'boolean' },
} as const;

/** `--database`, else `DATABASE_URL`, else the embedded database in `--data-dir` (default `.org-sync`). */
function databaseOf(values: ParsedArguments['values'], context: RunContext) {
  const database = stringOption(values, 'database') ?? context.env.DATABASE_URL ?? 'embedded';
  return { database, dataDir: stringOption(values, 'data-dir') ?? '.org-sync' };
}

const progress = (context: RunContext) => (line: string) => void context.warn(`sync: ${line}`);

/**
 * `org-engine sync run <provider> <model>/<resource>`: registers the sync of one connection (if
 * needed) and runs it once now, in this process. Prints the run as one JSON line, and with
 * `--changes` the changes it recorded, one JSON line each. Progress goes to stderr.
 */
async function runSyncRun(args: readonly string[], context: RunContext): Promise<number> {
  const { values, positionals } = parseCommand(args, { ...CONNECTION_OPTIONS, ...RUN_OPTIONS });
  const [providerId, modelAndResource, ...rest] = positionals;
  if (providerId === undefined) throw new UsageError('missing <provider>, e.g. okta');
  const [model, resource] = modelResource(modelAndResource);
  if (rest.length > 0) throw new UsageError(`too many arguments (${positionals.length})`);
  const mode = stringOption(values, 'mode');
  if (mode !== undefined && mode !== 'full' && mode !== 'incremental') {
    throw new UsageError(`--mode expects full or incremental, got "${mode}"`);
  }
  const camel = camelCaseValues(values);
  applyEnvFile(camel, context);
  const engine = createCliEngine(camel, context);
  const options: ConnectOptions = await connectOptions(engine, providerId, camel, context);
  const connectionId =
    stringOption(values, 'connection-id') ??
    [providerId, ...Object.values(options.params ?? {})].join('-').replace(/[^\w.:@-]/g, '-');
  const target = { connectionId, resource: `${model}/${resource}` };
  const sync = await createSync({
    engine,
    ...databaseOf(values, context),
    resolveConnection: () => ({ provider: providerId, ...options }),
    onLog: progress(context),
  });
  try {
    const known = await sync.status({ connectionId });
    if (!known.some((state) => state.resource === target.resource && !state.removed)) {
      await sync.addSync({
        ...target,
        every: stringOption(values, 'every') ?? '15m',
        fullEvery: stringOption(values, 'full-every') ?? '24h',
      });
    }
    const end = values.changes ? await feedEnd(sync, target) : undefined;
    const run = await sync.runOnce({ ...target, ...(mode ? { mode: mode as RunMode } : {}) });
    await context.print(JSON.stringify({ connectionId, resource: target.resource, ...run }));
    if (end !== undefined) {
      let after = end;
      for (;;) {
        const page = await sync.changes({ ...target, after, limit: 500 });
        for (const change of page.changes) await context.print(JSON.stringify(change));
        if (page.changes.length === 0) break;
        after = page.next;
      }
    }
    return run.status === 'succeeded' ? 0 : 1;
  } finally {
    await sync.close();
  }
}

/** The feed cursor after the last change recorded so far. */
async function feedEnd(sync: Sync, target: { connectionId: string; resource: string }): Promise<string> {
  let after: string | undefined;
  for (;;) {
    const page = await sync.changes({ ...target, after, limit: 10_000 });
    if (page.changes.length === 0) return page.next;
    after = page.next;
  }
}

/** `org-engine sync status <connection-id>`: the state of each resource synced for it. */
async function runSyncStatus(args: readonly string[], context: RunContext): Promise<number> {
  const { values, positionals } = parseCommand(args, { ...DATABASE_OPTIONS, json: { type: 'boolean' } });
  const [connectionId, ...rest] = positionals;
  if (connectionId === undefined) throw new UsageError('missing <connection-id>');
  if (rest.length > 0) throw new UsageError(`too many arguments (${positionals.length})`);
  const sync = await createSync({
    engine: createCliEngine({}, context),
    ...databaseOf(values, context),
    resolveConnection: () => {
      throw new UsageError('sync status runs nothing');
    },
  });
  try {
    const states = await sync.status({ connectionId });
    if (values.json) await context.print(JSON.stringify(states));
    else if (states.length === 0) await context.print(`no sync for ${connectionId}`);
    for (const state of values.json ? [] : states) {
      const run = state.lastRun;
      await context.print(
        [
          state.resource,
          `every ${state.every}`,
          state.removed
            ? 'removed'
            : state.pausedReason
              ? `paused (${state.pausedReason})`
              : `next ${state.nextRunAt}`,
          run
            ? `last ${run.status} ${run.mode}: +${run.created} ~${run.updated} -${run.deleted}`
            : 'never run',
          state.error ? `error ${state.error.code}` : '',
        ]
          .filter(Boolean)
          .join('  '),
      );
    }
    return 0;
  } finally {
    await sync.close();
  }
}

/** One entry of a `--connections` file: `engine.connect` options with credentials as `env:NAME`. */
interface ConnectionEntry extends ConnectOptions {
  provider: string;
}

function readConnections(path: string): Record<string, ConnectionEntry> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--connections ${path}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null)
    throw new UsageError(`--connections ${path}: expected an object`);
  return parsed as Record<string, ConnectionEntry>;
}

/**
 * `org-engine sync worker --connections <file>`: runs due syncs and resumes interrupted ones
 * until SIGINT or SIGTERM. Credentials come from the environment (`env:NAME` in the file).
 */
async function runSyncWorker(args: readonly string[], context: RunContext): Promise<number> {
  const { values, positionals } = parseCommand(args, {
    ...DATABASE_OPTIONS,
    ...PROVIDER_DIR_OPTIONS,
    connections: { type: 'string' },
    concurrency: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`too many arguments (${positionals.length})`);
  const file = stringOption(values, 'connections');
  if (file === undefined) throw new UsageError('missing --connections <file.json>');
  const connections = readConnections(file);
  const sync = await createSync({
    engine: createCliEngine(camelCaseValues(values), context),
    ...databaseOf(values, context),
    onLog: progress(context),
    resolveConnection: (connectionId) => {
      const entry = connections[connectionId];
      if (!entry) throw new UsageError(`${file} has no connection ${connectionId}`);
      const auth = { ...entry.auth };
      for (const [name, value] of Object.entries(auth)) {
        if (name === 'method' || typeof value !== 'string') continue;
        auth[name] = resolveEnvValue('connections', name, value, context.env);
        context.addSecret(auth[name]!);
      }
      return { ...entry, auth };
    },
  });
  const concurrency = positiveInteger('concurrency', stringOption(values, 'concurrency')) ?? 4;
  const worker = await sync.startWorker({ concurrency });
  await context.warn(`sync: worker started (${concurrency} at once); stop with Ctrl-C`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await worker.stop();
  await sync.close();
  return 0;
}

const SUBCOMMANDS: Record<string, (args: readonly string[], context: RunContext) => Promise<number>> = {
  run: runSyncRun,
  status: runSyncStatus,
  worker: runSyncWorker,
};

/** `org-engine sync run|status|worker ...` */
async function runSync(args: readonly string[], context: RunContext): Promise<number> {
  const [subcommand, ...rest] = args;
  const run = subcommand === undefined ? undefined : SUBCOMMANDS[subcommand];
  if (!run)
    throw new UsageError(subcommand ? `unknown sync command ${subcommand}` : 'missing run, status or worker');
  return run(rest, context);
}

const SYNC_USAGE = `Usage: org-engine sync run <provider> <model>/<resource> [options]
       org-engine sync status <connection-id> [--json]
       org-engine sync worker --connections <file.json> [--concurrency <n>]

Keeps connected accounts in step (see @org/sync). State lives in Postgres: --database <url>,
else DATABASE_URL, else an embedded Postgres in --data-dir (default .org-sync).

run       registers the sync of one connection if needed (--every, default 15m;
          --full-every, default 24h) and runs it now; prints the run as JSON, and with
          --changes each change it recorded as a JSON line. Takes the connection options of
          list (--param, --auth, --auth-field, --base-url) and --connection-id <id> (default:
          the provider and its params), --mode full|incremental.
status    prints each synced resource of a connection: schedule, last run, errors, pauses.
worker    runs due syncs until SIGINT or SIGTERM, with every other worker on the same
          database. The file maps connection ids to { "provider", "params", "auth", "baseUrl" },
          credential values as "env:VARIABLE".

Progress goes to stderr.`;

/**
 * `org-engine sync ...` as a command of the program: its subcommands parse their own arguments
 * (`parseCommand`), so everything after `sync` is passed on as it is.
 */
export function syncCommand(context: RunContext): Command {
  return new Command('sync')
    .description('keep accounts in step on Postgres: run, status, worker (see sync --help)')
    .usage('run|status|worker [options]')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[arguments...]')
    .action(async (args: string[]) => {
      if (args.includes('--help') || args.includes('-h') || args.length === 0) {
        if (args.length === 0) throw new UsageError('missing run, status or worker');
        await context.print(SYNC_USAGE);
        return;
      }
      context.exitCode = await runSync(args, context);
    });
}
