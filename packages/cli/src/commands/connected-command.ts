import type { Connection, ListOptions, Page } from '@org/engine';
import {
  modelResource,
  type OptionSpecs,
  type ParsedArguments,
  parseCommand,
  UsageError,
} from '../arguments.js';
import { CONNECTION_OPTIONS, connectOptions, createCliEngine } from '../connection-options.js';
import type { RunContext } from '../run-context.js';

/** A unified record as the CLI handles it: printed, never inspected by type. */
export type UnifiedRow = Record<string, unknown>;

/**
 * The connection's operations with the model and resource as plain strings: the CLI takes
 * them from the command line, and the engine checks them at run time (`unsupported_resource`).
 */
export interface UntypedConnection {
  list(model: string, resource: string, options: ListOptions): Promise<Page<UnifiedRow>>;
  iterate(model: string, resource: string, options: Omit<ListOptions, 'cursor'>): AsyncIterable<UnifiedRow>;
  get(
    model: string,
    resource: string,
    id: string | undefined,
    options: { remoteData?: boolean },
  ): Promise<UnifiedRow>;
}

/** A command line of `list` or `get`, parsed, with the connection still to make. */
export interface ConnectedCommand {
  values: ParsedArguments['values'];
  model: string;
  resource: string;
  /** Positionals after `<model>/<resource>`. */
  rest: string[];
  /**
   * Makes the engine and connects (params and credentials are checked, no request is sent).
   * Call it once the command's own options are checked, so usage errors come first.
   */
  connect(): UntypedConnection;
}

/** Parses `<provider> <model>/<resource> [...]` with the connection options and `extra`. */
export function parseConnectedCommand(
  args: readonly string[],
  extra: OptionSpecs,
  context: RunContext,
  maxRest: number,
): ConnectedCommand {
  const { values, positionals } = parseCommand(args, { ...CONNECTION_OPTIONS, ...extra });
  const [providerId, target, ...rest] = positionals;
  if (providerId === undefined) throw new UsageError('missing <provider>, e.g. okta');
  const [model, resource] = modelResource(target);
  // The extra arguments are not quoted: a credential typed without its option could be one.
  if (rest.length > maxRest) throw new UsageError(`too many arguments (${positionals.length})`);
  const connect = () => {
    const engine = createCliEngine(values, context);
    const options = connectOptions(engine, providerId, values, context);
    const connection: Connection = engine.connect(providerId, options);
    return connection as unknown as UntypedConnection;
  };
  return { values, model, resource, rest, connect };
}
